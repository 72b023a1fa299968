/**
 * Data build benchmark: the synthetic survey with a member table of 10k,
 * 100k, 1M and 2M rows; the check pass (`checkDataset`) against papaparse
 * alone on the same files (rows per CPU-second and their ratio, and the
 * wall-clock ratio), and the peak memory (RSS) of the check.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fmt, machine, median, runNode, surveyTable, type BenchSection } from './section.ts';

export type Measure = { rows: number; ms: number; cpuMs: number; peakRss: number };
/** One measurement in a fresh process (see data-worker.ts). */
export const measure = (mode: 'parse' | 'validate', dir: string): Measure =>
  JSON.parse(runNode(['scripts/bench/data-worker.ts', mode, dir]).stdout.trim().split('\n').at(-1)!);

const section: BenchSection = {
  title: 'Data build: validation and disclosure checks',
  async run({ quick, log }) {
    // 2M rows: a delivered file of about 100 MB.
    const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 2_000_000];
    const runs = quick ? 3 : 5;
    const header = [
      'member rows',
      'file size',
      'papaparse alone (rows/s)',
      'check pass (rows/s)',
      'ratio',
      'ratio, wall clock',
      'peak RSS, check pass',
    ];
    const lines = surveyTable(sizes, header, log, (n, { dataset }) => {
      // Interleaved (parse, check, parse, check, …), so a spell of load
      // from other work on the machine falls on both alike.
      const parse: Measure[] = [];
      const check: Measure[] = [];
      for (let i = 0; i < runs; i++) {
        log(`${fmt(n)} rows: run ${i + 1} of ${runs}`);
        parse.push(measure('parse', dataset));
        check.push(measure('validate', dataset));
      }
      const rate = (m: Measure[]) => median(m.map((x) => x.rows / (x.cpuMs / 1000)));
      const wall = (m: Measure[]) => median(m.map((x) => x.rows / (x.ms / 1000)));
      const mb = statSync(path.join(dataset, 'anggota.csv')).size / 1e6;
      return [
        fmt(n),
        `${fmt(mb, 1)} MB`,
        fmt(rate(parse)),
        fmt(rate(check)),
        fmt(rate(check) / rate(parse), 2),
        fmt(wall(check) / wall(parse), 2),
        `${fmt(Math.max(...check.map((m) => m.peakRss)) / 1e6)} MB`,
      ];
    });
    return [
      ...lines,
      '',
      `${machine()} Rows/s are rows per second of CPU time (user + system) of the measuring process, which other work on the machine disturbs far less than wall-clock time; the wall-clock ratio is shown beside it. They count every row of every table of the folder (the member table is nearly all of them). Each figure is the median of ${runs} runs taken in turn (papaparse, check, papaparse, check, …), each in a fresh process; the peak RSS is the highest of the ${runs}. "Check pass" is \`checkDataset\`: reading and decoding, parsing, casting by the codebook, constraints, keys, foreign keys, the identifier scan, k-anonymity and l-diversity, and the SHA-256 of each file for the publish pass.`,
    ].join('\n');
  },
};
export default section;
