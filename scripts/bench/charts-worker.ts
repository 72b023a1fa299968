/**
 * Renders every figure as the build does (each variant at each width class,
 * in both languages) twice, and prints the timings as one JSON line. Run by
 * scripts/bench/charts.ts in a fresh process.
 */
import { performance } from 'node:perf_hooks';

const start = performance.now();
const { loadFigures } = await import('../../src/charts/index.ts');
const { renderSvg } = await import('../../src/charts/render.ts');
const { widthClasses } = await import('../../src/charts/figures.ts');

function renderAll(): number {
  let svgs = 0;
  for (const spec of loadFigures()) {
    for (const locale of ['id', 'en'] as const) {
      for (const variant of spec.variants) {
        for (const { width } of widthClasses) {
          renderSvg(variant.plot({ locale, width }), { idPrefix: spec.id, table: variant.table, locale });
          svgs++;
        }
      }
    }
  }
  return svgs;
}

/** CPU time (user + system) in ms: on a busy machine wall-clock time mostly measures the others. */
const cpu = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const svgs = renderAll();
const cold = performance.now() - start;
const coldCpu = cpu();
const t = performance.now();
const c = process.cpuUsage();
renderAll();
const warm = performance.now() - t;
const warmCpu = cpu(c);
console.log(JSON.stringify({ cold, coldCpu, warm, warmCpu, svgs, figures: loadFigures().length }));
