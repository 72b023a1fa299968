/**
 * Pure computations behind the numbers in the narrative (counts, shares,
 * medians, before/after changes). They take typed rows and return plain
 * numbers; checking names against the codebook, disclosure control and
 * formatting happen in `bound-values.ts`.
 */

/** A row filter: each named column must equal the value, or one of the values in a list. */
export type Where<R> = { [K in keyof R]?: R[K] | readonly R[K][] };

/** Names of the columns of `R` whose values are numbers. */
export type NumericField<R> = { [K in keyof R]-?: NonNullable<R[K]> extends number ? K : never }[keyof R] &
  string;

/** The rows that match every condition of `where` (all rows when it is empty). */
export function filterRows<R>(rows: readonly R[], where: Where<R> = {}): R[] {
  const conditions = Object.entries(where) as [keyof R, unknown][];
  return rows.filter((row) =>
    conditions.every(([field, wanted]) =>
      Array.isArray(wanted) ? wanted.includes(row[field]) : row[field] === wanted,
    ),
  );
}

/** The non-missing numbers of one column. */
export function numbersOf<R>(rows: readonly R[], field: NumericField<R>): number[] {
  return rows
    .map((r) => r[field] as unknown)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/** Median of a list of numbers (mean of the middle two for an even count); `null` for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Arithmetic mean; `null` for none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
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

export interface ShareResult {
  /** Rows matching `where` and `of`. */
  numerator: number;
  /** Rows matching `where`. */
  denominator: number;
  /** numerator / denominator, `null` when the denominator is 0. */
  share: number | null;
}

/** The share of the rows matching `where` that also match `of`. */
export function share<R>(rows: readonly R[], of: Where<R>, where: Where<R> = {}): ShareResult {
  const base = filterRows(rows, where);
  const numerator = filterRows(base, of).length;
  return { numerator, denominator: base.length, share: base.length === 0 ? null : numerator / base.length };
}

export interface ChangeResult {
  before: number;
  after: number;
  /** after − before */
  absolute: number;
  /** (after − before) / before; `null` when before is 0. */
  relative: number | null;
}

/** The change from one value to another, absolute and relative. */
export function change(before: number, after: number): ChangeResult {
  return {
    before,
    after,
    absolute: after - before,
    relative: before === 0 ? null : (after - before) / before,
  };
}
