/**
 * Figures rendered for the site: every variant at every width class, in
 * one language, memoised so that the pages, the embed pages and the
 * download endpoints of one build render each figure once.
 */
import Papa from 'papaparse';
import { pick, type Locale } from '../lib/i18n.ts';
import { cellText } from './common.ts';
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

/** File name of a figure download: `fig-x-variant.id.svg`, `fig-x.en.csv`. */
export function downloadName(
  spec: FigureSpec,
  variantKey: string,
  locale: Locale,
  ext: 'svg' | 'png' | 'csv',
): string {
  return `${[spec.id, variantKey].filter(Boolean).join('-')}.${locale}.${ext}`;
}

/**
 * The figure's tables as one CSV (RFC 4180, UTF-8 with a byte-order mark so
 * that Excel reads the accents), headers in the page's language, numbers
 * unformatted (`1234.5`). Variants share their columns by position; a column
 * whose label differs between variants (the measure and its unit) is headed
 * "Nilai"/"Value" and its label goes into a first column naming the variant.
 */
export function figureCsv(spec: FigureSpec, locale: Locale): string {
  const columns = spec.variants[0]!.table.columns;
  const differs = columns.map((c, i) =>
    spec.variants.some((v) => pick(v.table.columns[i]!.label, locale) !== pick(c.label, locale)),
  );
  const withVariant = spec.variants.length > 1;
  const fields = [
    ...(withVariant ? [pick(spec.variantLabel ?? { id: 'Varian', en: 'Variant' }, locale)] : []),
    ...columns.map((c, i) => (differs[i] ? (locale === 'id' ? 'Nilai' : 'Value') : pick(c.label, locale))),
  ];
  const rows = spec.variants.flatMap((v) => {
    const measure = v.table.columns.filter((_, i) => differs[i]).map((c) => pick(c.label, locale));
    return v.table.rows.map((row) => [
      ...(withVariant ? [measure.length ? measure.join('; ') : pick(v.label, locale)] : []),
      ...v.table.columns.map((c) => {
        const cell = cellOf(row, c.key);
        return typeof cell === 'number' ? cell : cellText(cell, c, locale);
      }),
    ]);
  });
  return '\ufeff' + Papa.unparse({ fields, data: rows }, { newline: '\r\n' }) + '\r\n';
}
