/** A benchmark section: `scripts/bench/<name>.ts` default-exports one; `npm run bench` runs them all. */
export interface BenchSection {
  title: string;
  /** Runs the measurements and returns Markdown (a table and a sentence or two). */
  run(opts: { quick: boolean; log: (message: string) => void }): Promise<string>;
}

/** Formats a number with thousands separators for the README (`1,000,000`). */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
