/**
 * Number formatting for figures: every number a chart, table or takeaway
 * prints goes through these, so Indonesian pages read `1.234,5` and English
 * pages `1,234.5`.
 */
import { intlLocale, type Locale } from '../lib/i18n.ts';

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

/** A signed change: `+12,5` / `−3`. */
export function formatSigned(value: number, locale: Locale, digits = 0): string {
  const text = formatNumber(Math.abs(value), locale, digits);
  if (round(value, digits) === 0) return text;
  return value > 0 ? `+${text}` : `\u2212${text}`;
}

/** A value in a unit: Rupiah prefixed (`Rp 1.250.000`), other units suffixed. */
export function formatWithUnit(value: number, unit: string | undefined, locale: Locale, digits = 0): string {
  const text = formatNumber(value, locale, digits);
  if (unit === 'Rp' || unit === 'IDR') return `Rp\u00a0${text}`;
  if (unit === '%') return `${text}\u00a0%`;
  return unit ? `${text}\u00a0${unit}` : text;
}
