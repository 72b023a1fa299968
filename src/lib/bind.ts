/**
 * Pure computations behind the numbers in the narrative (counts, shares,
 * medians, before/after changes). They take typed rows and return plain
 * numbers; checking names against the codebook, disclosure control and
 * formatting happen in `bound-values.ts`. The statistics themselves
 * (median, mean, change, …) are the site's one set, in `stats.ts`.
 */
import { shareOf } from './stats.ts';

export { change, mean, median, statistic, sum, type ChangeResult, type Statistic } from './stats.ts';

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
  return { numerator, denominator: base.length, share: shareOf(numerator, base.length) };
}
