/**
 * The site's one statistics layer. Every number about a dataset that a page,
 * a figure (annotation, takeaway, table, CSV), a page description or a
 * preview card shows is computed here from unrounded values, rounded once
 * when it is formatted for display, withheld by the disclosure rule the same
 * way on every surface, and carries its dataset's provenance (synthetic or
 * not). Pure and free of Astro, so the data build (`scripts/data/publish/derive.ts`)
 * imports the same median.
 */
import { DEFAULT_K, isSuppressed } from './disclosure.ts';
import type { Bilingual, Locale } from './i18n.ts';
import { formatNumber, formatPercent, isRupiah, type Unit } from '../charts/format.ts';

export { DEFAULT_K, isSuppressed };

/** Median of numbers already sorted ascending (mean of the middle two for an even count); `null` for none. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Median of a list of numbers in any order; `null` for none. */
export function median(values: readonly number[]): number | null {
  return medianOfSorted([...values].sort((a, b) => a - b));
}

/** Arithmetic mean; `null` for none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Sum (0 for none). */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export type Statistic = 'median' | 'mean' | 'sum' | 'min' | 'max';

/** One summary statistic of a list of numbers; `null` when there are none. */
export function statistic(values: readonly number[], stat: Statistic): number | null {
  if (values.length === 0) return null;
  switch (stat) {
    case 'median':
      return median(values);
    case 'mean':
      return mean(values);
    case 'sum':
      return sum(values);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

export interface ChangeResult {
  before: number;
  after: number;
  /** after − before */
  absolute: number;
  /** (after − before) / before; `null` when before is 0. */
  relative: number | null;
}

/** The change from one unrounded value to another, absolute and relative. */
export function change(before: number, after: number): ChangeResult {
  return {
    before,
    after,
    absolute: after - before,
    relative: before === 0 ? null : (after - before) / before,
  };
}

/** A share of a count in a total; `null` for a total of 0. */
export function shareOf(count: number, total: number): number | null {
  return total === 0 ? null : count / total;
}

/**
 * Decimals a statistic of a variable is shown with, decided once for every
 * surface: whole Rupiah for money, one decimal for anything else (counts and
 * sums of whole numbers print without decimals).
 */
export function displayDigits(unit: Unit): number {
  return isRupiah(unit) ? 0 : 1;
}

/** A value in its unit: `Rp 1.250.000`, `85,3 %`, `2,5`, rounded once, to `displayDigits`. */
export function formatValue(value: number, unit: Unit, locale: Locale): string {
  const text = formatNumber(value, locale, displayDigits(unit));
  if (isRupiah(unit)) return `Rp\u00a0${text}`;
  if (unit?.en === 'percent') return `${text}\u00a0%`;
  return text;
}

/** A count of rows or people: whole, per locale. */
export function formatCount(count: number, locale: Locale): string {
  return formatNumber(count, locale, 0);
}

/** A share in 0..1 as a whole percentage: `42%`. */
export function formatShare(share: number, locale: Locale): string {
  return formatPercent(share, locale, 0);
}

/** A relative change in 0..1 as a signed whole percentage: `+400%`, `−27%`, `0%`. */
export function formatRelativeChange(relative: number, locale: Locale): string {
  const text = formatPercent(Math.abs(relative), locale, 0);
  if (Math.round(relative * 100) === 0) return text;
  return relative > 0 ? `+${text}` : `\u2212${text}`;
}

/** A signed absolute change in its unit: `+Rp 110.000`, `−0,5`. */
export function formatAbsoluteChange(absolute: number, unit: Unit, locale: Locale): string {
  const text = formatValue(Math.abs(absolute), unit, locale);
  if (formatNumber(absolute, locale, displayDigits(unit)).replace(/[^1-9]/g, '') === '') return text;
  return absolute > 0 ? `+${text}` : `\u2212${text}`;
}

/** What a withheld number is: a count (shown as `< k`) or a value computed from too few people (shown as `—`). */
export type WithheldKind = 'count' | 'value';

/** The visible mark of a withheld number, the same on pages, figure tables, tooltips and CSVs. */
export function withheldMark(kind: WithheldKind, k: number, locale: Locale): string {
  return kind === 'count' ? `<\u00a0${formatNumber(k, locale)}` : '—';
}

/** Why a number is withheld, in words (beside the mark on pages, under figure tables). */
export function withheldExplanation(k: number, locale: Locale): string {
  return {
    id: `ditahan: kurang dari ${k} orang, untuk melindungi kerahasiaan`,
    en: `withheld: fewer than ${k} people, to protect confidentiality`,
  }[locale];
}

/** A table cell or value withheld by the disclosure rule. */
export interface Withheld {
  withheld: WithheldKind;
  /** The dataset's threshold. */
  k: number;
}

/** A count as published: the count itself, or withheld when 0 < count < k. */
export function disclosedCount(count: number, k: number): number | Withheld {
  return isSuppressed(count, k) ? { withheld: 'count', k } : count;
}

/** A value computed from `n` people as published: the value, or withheld when 0 < n < k. */
export function disclosedValue(value: number, n: number, k: number): number | Withheld {
  return isSuppressed(n, k) ? { withheld: 'value', k } : value;
}

/** Whether a cell is withheld. */
export function isWithheld(cell: unknown): cell is Withheld {
  return typeof cell === 'object' && cell !== null && 'withheld' in cell;
}

/** The provenance every published number carries: which dataset, whether it is synthetic, its k. */
export interface Provenance {
  dataset: string;
  synthetic: boolean;
  k: number;
}

/** The label a text holding synthetic numbers carries, in both languages (a page description, a card). */
export const syntheticLabel: Bilingual = {
  id: 'Data sintetis, bukan temuan studi',
  en: 'Synthetic data, not a finding of the study',
};

/**
 * A text holding numbers of a dataset, prefixed with the synthetic label when
 * the dataset is synthetic (for descriptions, search excerpts, cards and
 * citations, where the page's notice is not beside it).
 */
export function labelled(text: string, provenance: Pick<Provenance, 'synthetic'>, locale: Locale): string {
  return provenance.synthetic ? `${syntheticLabel[locale]}: ${text}` : text;
}
