/**
 * One measurement of the data benchmark, in its own process so its peak RSS
 * is its own. Prints one JSON line: rows, wall and CPU milliseconds, peak RSS in bytes.
 *
 *   node scripts/bench/data-worker.ts parse <dataset-folder>     papaparse alone
 *   node scripts/bench/data-worker.ts validate <dataset-folder>  the full check
 */
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { checkDataset } from '../data/check/dataset.ts';

const [mode, dir] = process.argv.slice(2) as ['parse' | 'validate', string];

/** papaparse alone, same options as the build (delimiter given, no typing), over every CSV of the folder. */
async function parseOnly(): Promise<number> {
  let rows = 0;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    await new Promise<void>((resolve, reject) =>
      Papa.parse<string[], NodeJS.ReadableStream>(
        createReadStream(path.join(dir, f), { highWaterMark: 1 << 16, encoding: 'utf8' }),
        {
          delimiter: ';',
          header: false,
          dynamicTyping: false,
          skipEmptyLines: false,
          chunk: (r: Papa.ParseResult<string[]>) => void (rows += r.data.length),
          complete: () => resolve(),
          error: reject,
        },
      ),
    );
  }
  return rows;
}

const start = performance.now();
const cpuStart = process.cpuUsage();
let rows: number;
if (mode === 'parse') rows = await parseOnly();
else {
  const r = await checkDataset(dir, { collect: false });
  if (!r.log.ok) throw new Error(`the benchmark dataset fails its checks: ${r.log.issues[0]?.message}`);
  rows = r.tables.reduce((s, t) => s + t.rowCount + 1, 0);
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    rows,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
