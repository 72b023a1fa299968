/**
 * Number formatting per language (`1.234,5` / `1,234.5`): the pieces the
 * statistics layer (`src/lib/stats.ts`) formats values with, and the compact
 * labels of chart axes and line ends.
 */
import { intlLocale, type Bilingual, type Locale } from '../lib/i18n.ts';

/** Rounds to a fixed number of decimals (the precision a figure plots and tabulates). */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A number in the page's language with at most `digits` decimals (a negative
 * `digits` rounds to tens, thousands, …).
 */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: Math.max(0, digits),
    minimumFractionDigits: 0,
  }).format(round(value, digits));
}

/** A short axis label: `1,2 jt` / `1.2M` above a million, plain below. */
export function formatCompact(value: number, locale: Locale): string {
  if (Math.abs(value) < 10_000) return formatNumber(value, locale, 1);
  return new Intl.NumberFormat(intlLocale[locale], { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A percentage of a share in 0..1: `42%` / `42%` with locale digits. */
export function formatPercent(share: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

/** A unit as the codebook gives it (`{ id: 'Rupiah per bulan', en: 'Rupiah per month' }`). */
export type Unit = Bilingual | undefined;

/** Whether a codebook unit is money in Rupiah. */
export function isRupiah(unit: Unit): boolean {
  return unit?.en.startsWith('Rupiah') ?? false;
}

/** ` (Rupiah per bulan)`: the unit appended to a label, or nothing. */
export function unitSuffix(unit: Unit, locale: Locale): string {
  return unit ? ` (${unit[locale]})` : '';
}
