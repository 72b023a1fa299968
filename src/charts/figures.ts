/**
 * Figures rendered for the site: every variant at every width class, in
 * one language, memoised so that the pages, the embed pages and the
 * download endpoints of one build render each figure once.
 */
import Papa from 'papaparse';
import { pick, type Locale } from '../lib/i18n.ts';
import { syntheticLabel } from '../lib/stats.ts';
import { cellValue } from './common.ts';
import { renderSvg } from './render.ts';
import { cellOf, type FigureSpec, type FigureVariant } from './types.ts';

/** Width classes: a figure is drawn at each and CSS container queries show the one that fits. */
export const widthClasses = [
  { key: 's', width: 360 },
  { key: 'm', width: 560 },
  { key: 'l', width: 760 },
] as const;
export type WidthClass = (typeof widthClasses)[number]['key'];

export interface RenderedSvg {
  cls: WidthClass;
  width: number;
  height: number;
  svg: string;
}

export interface RenderedVariant {
  variant: FigureVariant;
  svgs: RenderedSvg[];
}

const cache = new Map<string, RenderedVariant[]>();

/** Every variant of a figure at every width class, in one language. */
export function renderFigure(spec: FigureSpec, locale: Locale): RenderedVariant[] {
  const key = `${spec.id}:${locale}`;
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = spec.variants.map((variant) => ({
      variant,
      svgs: widthClasses.map(({ key: cls, width }) => {
        const options = variant.plot({ locale, width });
        const idPrefix = [spec.id, variant.key, cls].filter(Boolean).join('-');
        return {
          cls,
          width,
          height: Number(options.height),
          svg: renderSvg(options, { idPrefix, table: variant.table, locale }),
        };
      }),
    }));
    cache.set(key, rendered);
  }
  return rendered;
}

/** The word a download's file name carries when its numbers are synthetic. */
export const syntheticFileWord: Record<Locale, string> = { id: 'sintetis', en: 'synthetic' };

/**
 * File name of a figure download: `fig-x-variant.id.svg`, `fig-x.en.csv`;
 * for synthetic data the name says so (`fig-x-sintetis.id.csv`), so a file
 * kept on its own still tells what it holds.
 */
export function downloadName(
  spec: FigureSpec,
  variantKey: string,
  locale: Locale,
  ext: 'svg' | 'png' | 'csv',
): string {
  const parts = [spec.id, variantKey, spec.synthetic ? syntheticFileWord[locale] : ''];
  return `${parts.filter(Boolean).join('-')}.${locale}.${ext}`;
}

/**
 * The figure's tables as one CSV (RFC 4180, UTF-8 with a byte-order mark so
 * that Excel reads the accents), headers in the page's language, numbers
 * unformatted (`1234.5`) but rounded as the table shows them, withheld cells
 * as the table's mark. Variants share their columns by position; a column
 * whose label differs between variants (the measure and its unit) is headed
 * "Nilai"/"Value" and its label goes into a first column naming the variant.
 * Synthetic numbers get a last column "Data" saying so on every row (a
 * column, not a comment line, so every CSV reader still parses the file and
 * a row copied elsewhere keeps its label).
 */
export function figureCsv(spec: FigureSpec, locale: Locale): string {
  const columns = spec.variants[0]!.table.columns;
  const differs = columns.map((c, i) =>
    spec.variants.some((v) => pick(v.table.columns[i]!.label, locale) !== pick(c.label, locale)),
  );
  const withVariant = spec.variants.length > 1;
  const mark = spec.synthetic ? [syntheticLabel[locale]] : [];
  const fields = [
    ...(withVariant ? [pick(spec.variantLabel ?? { id: 'Varian', en: 'Variant' }, locale)] : []),
    ...columns.map((c, i) => (differs[i] ? (locale === 'id' ? 'Nilai' : 'Value') : pick(c.label, locale))),
    ...(spec.synthetic ? ['Data'] : []),
  ];
  const rows = spec.variants.flatMap((v) => {
    const measure = v.table.columns.filter((_, i) => differs[i]).map((c) => pick(c.label, locale));
    return v.table.rows.map((row) => [
      ...(withVariant ? [measure.length ? measure.join('; ') : pick(v.label, locale)] : []),
      ...v.table.columns.map((c) => cellValue(cellOf(row, c.key), c, locale)),
      ...mark,
    ]);
  });
  return '\ufeff' + Papa.unparse({ fields, data: rows }, { newline: '\r\n' }) + '\r\n';
}
