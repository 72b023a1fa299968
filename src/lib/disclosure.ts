/**
 * Statistical disclosure control for aggregates shown on the site: a count
 * of fewer than `k` people (but more than none) could single someone out, so
 * it is withheld. The data build applies the same rule to published
 * category counts; charts and tables built from microdata should too.
 */

/**
 * The disclosure thresholds every dataset meets unless its codebook raises
 * them (`paseban:disclosure`): k for k-anonymity (and the smallest count
 * shown), l for l-diversity. The data build and the site both read them here.
 */
export const DEFAULT_DISCLOSURE = { k: 3, l: 2 } as const;

/** Default disclosure threshold (k); a dataset's metadata may raise it (`disclosure.thresholds.k`). */
export const DEFAULT_K = DEFAULT_DISCLOSURE.k;

/** True when a count must be withheld: 0 < count < k. */
export function isSuppressed(count: number, k: number = DEFAULT_K): boolean {
  return count > 0 && count < k;
}

/**
 * Withholds small counts in a list of aggregate cells: each cell whose count
 * falls under `k` gets `count: null` and `suppressed: true`. Pure; returns new objects.
 */
export function suppressSmallCounts<T extends { count: number }>(
  cells: readonly T[],
  k: number = DEFAULT_K,
): (Omit<T, 'count'> & { count: number | null; suppressed: boolean })[] {
  return cells.map((cell) =>
    isSuppressed(cell.count, k) ? { ...cell, count: null, suppressed: true } : { ...cell, suppressed: false },
  );
}
