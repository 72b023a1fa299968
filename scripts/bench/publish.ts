/**
 * Publishing benchmark: `npm run data` end to end on the synthetic survey
 * with a member table of 10k, 100k and 1M rows — check, then every
 * published format (CSV, JSON, XLSX, descriptor, DDI, ZIP) written as the
 * rows stream past — with its time and peak memory (RSS), each in a fresh
 * process. Shows whether memory stays flat as the table grows.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fmt, machine, runNode, surveyTable, type BenchSection } from './section.ts';

const folderSize = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) =>
      n + (e.isDirectory() ? folderSize(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size),
    0,
  );

const section: BenchSection = {
  title: 'Data build: publishing every format',
  async run({ quick, log }) {
    const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
    const header = ['member rows', 'delivered CSVs', 'published files', 'wall time', 'CPU time', 'peak RSS'];
    const lines = surveyTable(sizes, header, log, (n, { scratch, data, dataset }) => {
      const out = path.join(scratch, 'out');
      log(`publishing ${fmt(n)} rows`);
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
      const usage = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as {
        ms: number;
        cpuMs: number;
        peakRss: number;
      };
      return [
        fmt(n),
        `${fmt(folderSize(dataset) / 1e6, 1)} MB`,
        `${fmt(folderSize(out) / 1e6, 1)} MB`,
        `${fmt(usage.ms / 1000, 1)} s`,
        `${fmt(usage.cpuMs / 1000, 1)} s`,
        `${fmt(usage.peakRss / 1e6)} MB`,
      ];
    });
    return [
      ...lines,
      '',
      `${machine()} One run each, in a fresh process: \`node scripts/build-data.ts\` on a folder holding only the survey. Peak RSS includes Node itself and the loaded modules (about 150 MB for the shipped datasets).`,
    ].join('\n');
  },
};
export default section;
