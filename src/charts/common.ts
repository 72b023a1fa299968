/**
 * Pieces every chart module shares: the palette (CSS custom properties, so
 * the dark theme recolours inline SVG), table cell text, and the link from a
 * plotted mark to its table row.
 */
import { pick, type Bilingual, type Locale } from '../lib/i18n.ts';
import { shareKey } from '../lib/stat-keys.ts';
import { formatShare, isWithheld, withheldMark } from '../lib/stats.ts';
import { formatNumber, round } from './format.ts';
import { cellOf, type Cell, type FigureTable, type TableColumn } from './types.ts';

/** Palette slots from `src/styles/tokens.css`: group A, group B, neutral, emphasis, fifth. */
export const palette = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
] as const;

/** The colour of the n-th group of a figure (A, B, …). */
export function groupColor(index: number): string {
  return palette[index % 2]!;
}

/** A group of a figure: its code (CSV value) and its label. */
export interface GroupInfo {
  kode: string;
  label: Bilingual;
  /** The programme's outcome for the group (`hasil` in the codebook). */
  outcome?: Bilingual;
}

/**
 * The CSS classes the marks of the n-th group carry (`grp grp-1`), so a
 * reader can highlight a group; by position, as the group selector is.
 */
export function groupClass(index: number): string {
  return `grp grp-${index + 1}`;
}

/** Text of one table cell as the table and its tooltips show it (a withheld cell shows the site's mark). */
export function cellText(cell: Cell, column: TableColumn, locale: Locale): string {
  if (isWithheld(cell)) return withheldMark(cell.withheld, cell.k, locale);
  if (typeof cell === 'number')
    return column.share ? formatShare(cell, locale) : formatNumber(cell, locale, column.digits ?? 0);
  if (typeof cell === 'string') return cell;
  return pick(cell, locale);
}

/**
 * A cell as the CSV download writes it: numbers unformatted but rounded as
 * the table shows them (shares as whole percentages), texts in the page's
 * language, a withheld cell as the same mark the table shows.
 */
export function cellValue(cell: Cell, column: TableColumn, locale: Locale): string | number {
  if (typeof cell === 'number') return column.share ? round(100 * cell, 0) : round(cell, column.digits ?? 0);
  return cellText(cell, column, locale);
}

/**
 * The tooltip text of a plotted mark: each column label and cell of its
 * table row, one per line. A browser test rebuilds it from the HTML table.
 */
export function tipText(table: FigureTable, rowIndex: number, locale: Locale): string {
  const row = table.rows[rowIndex];
  if (!row) throw new Error(`tipText: the table has no row ${rowIndex}`);
  return table.columns
    .map((c) => `${pick(c.label, locale)}: ${cellText(cellOf(row, c.key), c, locale)}`)
    .join('\n');
}

/** Marker put in a mark's `title` channel; the renderer turns it into `data-row` and a tooltip. */
export function rowRef(index: number): string {
  return `#row:${index}`;
}

/** Index-tags rows of a table so marks can point back at them. */
export function withRowIndex<T extends object>(rows: T[]): (T & { _row: number })[] {
  return rows.map((r, i) => ({ ...r, _row: i }));
}

/** The key of the share of a survey table's rows in one category within a group, as `<Share>` names it. */
export function groupShareKey(table: string, field: string, category: string, group: string): string {
  return shareKey('survei-pokmas', table, { [field]: category }, { kelompok: group });
}

/** Label of one bilingual value in a locale (shorthand used in Plot channels). */
export function lab(text: Bilingual, locale: Locale): string {
  return pick(text, locale);
}

/** Text of a verb of change: rose / fell / did not change. */
export function changeVerb(delta: number, locale: Locale): string {
  if (delta > 0) return locale === 'id' ? 'naik' : 'rose';
  if (delta < 0) return locale === 'id' ? 'turun' : 'fell';
  return locale === 'id' ? 'tetap' : 'stayed';
}

/** Joins a list in prose: `a, b dan c` / `a, b and c`. */
export function listText(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale === 'id' ? 'id-ID' : 'en-GB', { type: 'conjunction' }).format(items);
}

/**
 * Vertical offsets (px) that move the labels of two points apart until they
 * are `minGap` pixels apart: the upper one up, the lower one down. `pixels`
 * gives a point's height in pixels (larger is higher). Keyed by `_row`.
 */
export function separateLabels<T extends { _row: number }>(
  pair: readonly T[],
  pixels: (p: T) => number,
  minGap: number,
): Map<number, number> {
  const nudge = new Map<number, number>();
  if (pair.length !== 2) return nudge;
  const [a, b] = pair as [T, T];
  const gap = Math.abs(pixels(a) - pixels(b));
  if (gap >= minGap) return nudge;
  const [upper, lower] = pixels(a) >= pixels(b) ? [a, b] : [b, a];
  const offset = Math.round((minGap - gap) / 2);
  nudge.set(upper._row, -offset);
  nudge.set(lower._row, offset);
  return nudge;
}
