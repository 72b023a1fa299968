/**
 * Data build benchmark: the synthetic survey with a member table of 10k,
 * 100k, 1M and 2M rows; full validation and disclosure checks against
 * papaparse alone on the same files (rows/s and their ratio), and the peak
 * memory (RSS) of the full check.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fmt, machine, runNode, surveyTable, type BenchSection } from './section.ts';

type Measure = { rows: number; ms: number; cpuMs: number; peakRss: number };
const measure = (mode: string, dir: string): Measure =>
  JSON.parse(runNode(['scripts/bench/data-worker.ts', mode, dir]).stdout.trim().split('\n').at(-1)!);
/** Best of `n` runs by CPU time (the least disturbed by other work on the machine), with the highest peak RSS seen. */
const best = (mode: string, dir: string, n: number): Measure => {
  const runs = Array.from({ length: n }, () => measure(mode, dir));
  const top = runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  return { ...top, ms: Math.min(...runs.map((r) => r.ms)), peakRss: Math.max(...runs.map((r) => r.peakRss)) };
};

const section: BenchSection = {
  title: 'Data build: validation and disclosure checks',
  async run({ quick, log }) {
    // 2M rows: a delivered file of about 100 MB.
    const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 2_000_000];
    const header = [
      'member rows',
      'file size',
      'papaparse alone (rows/s)',
      'full check (rows/s)',
      'ratio',
      'ratio, wall clock',
      'peak RSS, full check',
    ];
    const lines = surveyTable(sizes, header, log, (n, { dataset }) => {
      const runs = n >= 1_000_000 ? 2 : 3;
      log(`papaparse alone, ${runs} runs`);
      const parse = best('parse', dataset, runs);
      log(`full check, ${runs} runs`);
      const check = best('validate', dataset, runs);
      const rate = (m: Measure) => m.rows / (m.cpuMs / 1000);
      const wall = (m: Measure) => m.rows / (m.ms / 1000);
      const mb = statSync(path.join(dataset, 'anggota.csv')).size / 1e6;
      return [
        fmt(n),
        `${fmt(mb, 1)} MB`,
        fmt(rate(parse)),
        fmt(rate(check)),
        fmt(rate(check) / rate(parse), 2),
        fmt(wall(check) / wall(parse), 2),
        `${fmt(check.peakRss / 1e6)} MB`,
      ];
    });
    return [
      ...lines,
      '',
      `${machine()} Rows/s are rows per second of CPU time (user + system) of the measuring process, which other work on the machine disturbs far less than wall-clock time; the wall-clock ratio is shown beside it. They count every row of every table of the folder (the member table is nearly all of them); each figure is the best of 2–3 runs, each in a fresh process. "Full check" is \`checkDataset\`: decoding, parsing, casting by the codebook, constraints, keys, foreign keys, the identifier scan, k-anonymity and l-diversity.`,
    ].join('\n');
  },
};
export default section;
