import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A benchmark section: `scripts/bench/<name>.ts` default-exports one; `npm run bench` runs them all. */
export interface BenchSection {
  title: string;
  /** Runs the measurements and returns Markdown (a table and a sentence or two). */
  run(opts: { quick: boolean; log: (message: string) => void }): Promise<string>;
}

/** Formats a number with thousands separators for the README (`1,000,000`). */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `node <args>` (the project's Node) from the repository root; throws with its stderr on failure. */
export function runNode(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}

/** Writes the synthetic survey with a member table of `rows` rows, and its codebook, into `dir`. */
export function generateSurvey(dir: string, rows: number): void {
  mkdirSync(dir, { recursive: true });
  runNode(['scripts/generate-survey.ts', '--rows', String(rows), '--out', dir]);
  copyFileSync(path.join(root, 'data/survei-pokmas/datapackage.yaml'), path.join(dir, 'datapackage.yaml'));
}

/**
 * Measures the synthetic survey at each size, each in its own scratch folder
 * (removed afterwards): `row` gets the dataset folder (`<scratch>/data/survei-pokmas`)
 * and returns the cells of its table row. Returns the Markdown table.
 */
export function surveyTable(
  sizes: number[],
  header: string[],
  log: (message: string) => void,
  row: (rows: number, dirs: { scratch: string; data: string; dataset: string }) => string[],
): string[] {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    for (const n of sizes) {
      const scratch = path.join(tmp, String(n));
      const data = path.join(scratch, 'data');
      const dataset = path.join(data, 'survei-pokmas');
      log(`generating ${fmt(n)} rows`);
      generateSurvey(dataset, n);
      lines.push(`| ${row(n, { scratch, data, dataset }).join(' | ')} |`);
      rmSync(scratch, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return lines;
}

/** The machine a benchmark ran on, and how busy it was at the end. */
export const machine = () =>
  `Node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at the end.`;
