/**
 * The download files of every figure (table as CSV, each variant as SVG and
 * PNG, in both languages), for the static endpoints under `src/pages/grafik/`.
 */
import { locales, pick, type Locale } from '../lib/i18n.ts';
import { figureUi } from '../lib/ui.ts';
import { downloadName, figureCsv, renderFigure, widthClasses } from './figures.ts';
import { figureDataset, loadFigures } from './index.ts';
import { standaloneSvg, svgToPng } from './standalone.ts';
import type { FigureSpec, FigureVariant } from './types.ts';

/** Width at which downloaded images are drawn (the widest class). */
const downloadWidth = widthClasses.at(-1)!.key;

export interface ImageDownload {
  file: string;
  spec: FigureSpec;
  variant: FigureVariant;
  locale: Locale;
}

/** One entry per figure, variant and language. */
export function imageDownloads(): ImageDownload[] {
  return loadFigures().flatMap((spec) =>
    locales.flatMap((locale) =>
      spec.variants.map((variant) => ({
        file: downloadName(spec, variant.key, locale, 'svg').replace(/\.svg$/, ''),
        spec,
        variant,
        locale,
      })),
    ),
  );
}

/** One entry per figure and language. */
export function tableDownloads(): { file: string; spec: FigureSpec; locale: Locale }[] {
  return loadFigures().flatMap((spec) =>
    locales.map((locale) => ({
      file: downloadName(spec, '', locale, 'csv').replace(/\.csv$/, ''),
      spec,
      locale,
    })),
  );
}

/** The standalone SVG of one variant: title above; source and, for synthetic data, the notice below. */
export function figureSvgFile({ spec, variant, locale }: ImageDownload): string {
  const rendered = renderFigure(spec, locale).find((r) => r.variant === variant)!;
  const svg = rendered.svgs.find((s) => s.cls === downloadWidth)!.svg;
  const many = spec.variants.length > 1;
  const title = `${pick(figureUi.figure, locale)} ${spec.number}. ${pick(spec.title, locale)}${many ? ` (${pick(variant.label, locale)})` : ''}`;
  const synthetic = figureDataset(spec).synthetic !== false;
  return standaloneSvg(svg, {
    title,
    footer: [
      pick(variant.takeaway, locale),
      `${pick(figureUi.source, locale)}: ${pick(spec.source, locale)}`,
      ...(synthetic
        ? [`${pick(figureUi.syntheticTitle, locale)} ${pick(figureUi.syntheticText, locale)}`]
        : []),
    ],
  });
}

/** The PNG of one variant (the standalone SVG at twice its size). */
export function figurePngFile(download: ImageDownload): Uint8Array {
  return svgToPng(figureSvgFile(download));
}

export { figureCsv };
