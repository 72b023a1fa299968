/**
 * Search budgets, measured on a built site (`dist/` unless `OUT_DIR` says
 * otherwise; the base path from `BASE_PATH`):
 * - bytes transferred for a first query: every response under `pagefind/`
 *   (Pagefind's script, the language's WebAssembly, index chunks, fragments),
 *   counted by Chromium, from focusing the search box until the results show;
 * - time Pagefind adds to the build: the same indexing the build runs, into a
 *   scratch folder, median of three runs.
 * Part of `npm run bench`; run alone with `node scripts/bench/search.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { chromiumArgs, findChromium } from '../../tests/support/chromium.ts';
import { serveStatic } from '../../tests/support/server.ts';
import type { BenchSection } from './section.ts';

export interface BenchResult {
  name: string;
  value: number;
  /** For bytes: the figure with text files gzipped. */
  gzipped?: number;
  unit: 'bytes' | 'ms';
  budget: number;
}

/** Typical first queries, one per language, on that language's search page. */
export const firstQueries = [
  { route: 'cari/', query: 'pemberdayaan' },
  { route: 'en/cari/', query: 'empowerment' },
];

export const budgets = { firstQueryBytes: 150 * 1024, indexMs: 5000 };

/**
 * Bytes Chromium received for `pagefind/` responses while running one query
 * on a fresh page (`served`), and the same with the text files (script, JSON)
 * gzipped as most static hosts send them (`gzipped`; Pagefind's index files
 * are compressed already).
 */
export async function firstQueryBytes(
  siteUrl: string,
  siteDir: string,
  route: string,
  query: string,
): Promise<{ served: number; gzipped: number }> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(route, siteUrl).href);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    let served = 0;
    let gzipped = 0;
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (!url) return;
      const { pathname } = new URL(url);
      if (!pathname.includes('/pagefind/')) return;
      served += e.encodedDataLength;
      const file = path.join(siteDir, pathname.slice(new URL(siteUrl).pathname.length));
      gzipped += /\.(js|json)$/.test(pathname)
        ? gzipSync(readFileSync(file), { level: 6 }).length
        : e.encodedDataLength;
    });
    await page.focus('#search-q');
    await page.fill('#search-q', query);
    await page.waitForSelector('.results li.result a', { timeout: 15000 });
    await page.waitForLoadState('networkidle');
    if (served === 0) throw new Error(`No Pagefind file was fetched for "${query}" on ${route}`);
    return { served, gzipped };
  } finally {
    await browser.close();
  }
}

/** Median wall-clock time of indexing `siteDir` into a scratch folder. */
export async function indexingMs(siteDir: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await mkdtemp(path.join(tmpdir(), 'pagefind-bench-'));
    try {
      times.push((await buildSearchIndex(siteDir, out)).ms);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Runs the search measurements on the built site in `siteDir`, served under `base`. */
export async function benchSearch(
  siteDir = process.env.OUT_DIR ?? 'dist',
  base = process.env.BASE_PATH ?? '/',
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const server = await serveStatic(siteDir, base);
  try {
    for (const { route, query } of firstQueries) {
      const bytes = await firstQueryBytes(server.url, siteDir, route, query);
      results.push({
        name: `First query “${query}” on /${route}: bytes transferred`,
        value: bytes.served,
        gzipped: bytes.gzipped,
        unit: 'bytes',
        budget: budgets.firstQueryBytes,
      });
    }
  } finally {
    await server.close();
  }
  results.push({
    name: 'Indexing time added to the build',
    value: Math.round(await indexingMs(siteDir)),
    unit: 'ms',
    budget: budgets.indexMs,
  });
  return results;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const show = (r: BenchResult) => (r.unit === 'bytes' ? kb(r.value) : `${(r.value / 1000).toFixed(2)} s`);

/** The `npm run bench` section (scripts/bench.ts runs every default export in this folder). */
const section: BenchSection = {
  title: 'Search (Pagefind)',
  async run({ log }) {
    const siteDir = process.env.OUT_DIR ?? 'dist';
    if (!existsSync(path.join(siteDir, 'pagefind', 'pagefind-entry.json'))) {
      log(`no search index in ${siteDir}/: building the site first`);
      const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
      if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
    }
    const entry = JSON.parse(readFileSync(path.join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.entries(entry.languages)
      .map(([lang, l]) => `${l.page_count} ${lang}`)
      .join(', ');
    const results = await benchSearch(siteDir);
    const rows = results.map(
      (r) =>
        `| ${r.name} | ${show(r)} | ${r.gzipped === undefined ? '' : kb(r.gzipped)} | ` +
        `${show({ ...r, value: r.budget })} | ${r.value <= r.budget ? 'within' : '**over**'} |`,
    );
    return [
      '| Measure | As served | With gzip | Budget | |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows,
      '',
      `Index of ${pages} pages. Bytes are every response under \`pagefind/\` (script, WebAssembly, index chunks, ` +
        'fragments of the first five results) as counted by Chromium, served without HTTP compression; ' +
        '"with gzip" counts the script and JSON files gzipped, as most static hosts send them ' +
        "(Pagefind's index files are compressed already). Indexing time is the median of three runs.",
    ].join('\n');
  },
};
export default section;

if (import.meta.main) {
  console.log(await section.run({ quick: false, log: (m) => console.error(m) }));
}
