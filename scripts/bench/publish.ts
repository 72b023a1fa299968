/**
 * Publishing benchmark: `npm run data` end to end on the synthetic survey
 * with a member table of 10k, 100k, 1M and 2M rows (check, then every
 * published format written as the rows stream past) with its time, its
 * throughput against papaparse alone and its peak memory (RSS), each in a
 * fresh process. Shows whether memory stays flat as the table grows.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { measure, type Measure } from './data.ts';
import { fmt, machine, median, runNode, surveyTable, type BenchSection } from './section.ts';

const folderSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) =>
      n + (e.isDirectory() ? folderSize(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size),
    0,
  );

type Usage = { ms: number; cpuMs: number; peakRss: number };

const section: BenchSection = {
  title: 'Data build: publishing every format',
  async run({ quick, log }) {
    const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 2_000_000];
    // A build of 1M rows takes minutes: one run at the large sizes.
    const runsAt = (n: number) => (quick || n >= 1_000_000 ? 1 : 3);
    const header = [
      'member rows',
      'delivered CSVs',
      'published files',
      'wall time',
      'CPU time',
      'whole build (rows/s)',
      'ratio to papaparse alone',
      'peak RSS',
    ];
    const lines = surveyTable(sizes, header, log, (n, { scratch, data, dataset }) => {
      const out = path.join(scratch, 'out');
      const parse: Measure[] = [];
      const build: (Usage & { rows: number })[] = [];
      for (let i = 0; i < runsAt(n); i++) {
        log(`${fmt(n)} rows: papaparse, then the whole build (run ${i + 1} of ${runsAt(n)})`);
        parse.push(measure('parse', dataset));
        rmSync(out, { recursive: true, force: true });
        const r = runNode([
          '--import',
          './scripts/bench/publish-worker.ts',
          'scripts/build-data.ts',
          '--data',
          data,
          '--out',
          out,
          '--types',
          path.join(scratch, 'types.ts'),
        ]);
        build.push({
          ...(JSON.parse(r.stderr.trim().split('\n').at(-1)!) as Usage),
          rows: parse.at(-1)!.rows,
        });
      }
      const rate = (m: { rows: number; cpuMs: number }[]) => median(m.map((x) => x.rows / (x.cpuMs / 1000)));
      return [
        fmt(n),
        `${fmt(folderSize(dataset) / 1e6, 1)} MB`,
        `${fmt(folderSize(out) / 1e6, 1)} MB`,
        `${fmt(median(build.map((b) => b.ms)) / 1000, 1)} s`,
        `${fmt(median(build.map((b) => b.cpuMs)) / 1000, 1)} s`,
        fmt(rate(build)),
        fmt(rate(build) / rate(parse), 3),
        `${fmt(Math.max(...build.map((b) => b.peakRss)) / 1e6)} MB`,
      ];
    });
    return [
      ...lines,
      '',
      `${machine()} \`node scripts/build-data.ts\` on a folder holding only the survey, in a fresh process: the check pass, then every published file (CSV, Excel CSV, JSON, XLSX, SPSS, the labelled editions in CSV and XLSX, descriptor, DDI, ZIP). Median of 3 runs up to 100k rows, one run at 1M and 2M, each after a run of papaparse alone on the same files (the ratio compares rows per CPU-second, as in the table above). At 2M rows the member table has more rows than an Excel sheet holds and is left out of the workbooks. Peak RSS includes Node itself and the loaded modules.`,
    ].join('\n');
  },
};
export default section;
