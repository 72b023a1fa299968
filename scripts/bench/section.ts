import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
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
