/**
 * Figures benchmark: build-time rendering of every figure (all variants,
 * width classes and both languages) against its 2 s budget, judged by CPU
 * time because wall-clock time on a shared machine mostly measures the other
 * processes; and the weight of a chart page as shipped (JavaScript gzip
 * against the 30 KB budget, HTML gzip), read from the built site (`dist/`,
 * built first if missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const renderBudgetMs = 2000;
const jsBudget = 30 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function renderTimes(): {
  cold: number;
  coldCpu: number;
  warm: number;
  warmCpu: number;
  svgs: number;
  figures: number;
} {
  // A fresh process, so the first pass includes loading Plot, linkedom and the data.
  const r = spawnSync(process.execPath, ['scripts/bench/charts-worker.ts'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/bench/charts-worker.ts failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

function chartPages(dist: string): string[] {
  // Both languages: dist/grafik/<id>/ and dist/en/grafik/<id>/ (not the embed pages).
  const r = spawnSync('find', [dist, '-path', '*/grafik/fig-*/index.html', '-not', '-path', '*/embed/*'], {
    encoding: 'utf8',
  });
  return r.stdout.trim().split('\n').filter(Boolean).sort();
}

function pageWeight(file: string, dist: string): { js: number; html: number; blocking: number } {
  const html = readFileSync(file, 'utf8');
  let js = 0;
  let blocking = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = m[1]!.match(/\ssrc="([^"]+)"/)?.[1];
    if (!src) continue;
    if (!/type="module"|\sdefer|\sasync/.test(m[1]!)) blocking++;
    js += gzipSync(readFileSync(path.join(dist, src.replace(/^\//, '')))).length;
  }
  return { js, html: gzipSync(html).length, blocking };
}

export default {
  title: 'Figures: build-time rendering and chart page weight',
  async run({ log }: { quick: boolean; log: (message: string) => void }): Promise<string> {
    const dist = path.join(root, 'dist');
    if (!existsSync(path.join(dist, 'grafik', 'index.html'))) {
      log('dist/ has no figures: building the site first');
      const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (b.status !== 0) throw new Error('npm run build failed');
    }
    log('rendering every figure');
    const t = renderTimes();
    const pages = chartPages(dist).map((f) => ({
      page: path.relative(dist, path.dirname(f)) + '/',
      ...pageWeight(f, dist),
    }));
    const maxJs = Math.max(...pages.map((p) => p.js));
    const lines = [
      '| measure | value | budget |',
      '|---|---:|---:|',
      `| render all figures (${t.figures} figures, ${t.svgs} SVGs), first pass incl. loading: CPU time | ${t.coldCpu.toFixed(0)} ms | ${renderBudgetMs} ms |`,
      `| the same, wall-clock (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores) | ${t.cold.toFixed(0)} ms | |`,
      `| render all figures again (warm): CPU time / wall-clock | ${t.warmCpu.toFixed(0)} / ${t.warm.toFixed(0)} ms | |`,
      `| JavaScript on a chart page, gzip (largest of ${pages.length}) | ${kb(maxJs)} | ${kb(jsBudget)} |`,
      `| render-blocking scripts on chart pages | ${pages.reduce((s, p) => s + p.blocking, 0)} | 0 |`,
      `| HTML of a chart page, gzip (smallest – largest) | ${kb(Math.min(...pages.map((p) => p.html)))} – ${kb(Math.max(...pages.map((p) => p.html)))} | |`,
    ];
    const verdict =
      t.coldCpu <= renderBudgetMs && maxJs <= jsBudget
        ? 'Both budgets hold.'
        : `Over budget: ${t.coldCpu > renderBudgetMs ? 'rendering' : ''} ${maxJs > jsBudget ? 'JavaScript' : ''}`.trim();
    return `${lines.join('\n')}\n\n${verdict}`;
  },
};
