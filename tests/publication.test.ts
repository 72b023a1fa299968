/**
 * Every published number of the built site, found by walking `dist/` (no
 * page or file listed by hand): each statistic shows one value wherever it
 * appears, no figure table or figure CSV shows a count the disclosure rule
 * withholds, and every page, description and figure file with synthetic
 * numbers carries the label.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  checkSite,
  formatProblem,
  shownStatistics,
  type DatasetFacts,
  type ShownStatistic,
} from '../src/integrations/publication-guard.ts';
import { syntheticLabel } from '../src/lib/stats.ts';
import { figureUi } from '../src/lib/ui.ts';
import { rootBuild } from './support/builds.ts';
import { listPages } from './support/pages.ts';

const root = rootBuild.outDir;
const dataDir = path.join('.build', 'data');

/** What each built dataset's metadata says (synthetic, k). */
function datasetFacts(): Record<string, DatasetFacts> {
  const index = JSON.parse(readFileSync(path.join(dataDir, 'index.json'), 'utf8')) as {
    datasets: { id: string }[];
  };
  return Object.fromEntries(
    index.datasets.map(({ id }) => {
      const meta = JSON.parse(readFileSync(path.join(dataDir, id, 'metadata.json'), 'utf8'));
      return [id, { synthetic: meta.synthetic !== false, k: meta.disclosure?.thresholds?.k ?? 3 }];
    }),
  );
}

/** Every figure download of the build (`grafik/<file>.<lang>.<csv|svg|png>`). */
function figureFiles(): string[] {
  return readdirSync(path.join(root, 'grafik')).filter((f) => /\.(id|en)\.(csv|svg|png)$/.test(f));
}

describe('published numbers on the built site', () => {
  const facts = datasetFacts();
  const pages = listPages(root);
  let shown: ShownStatistic[] = [];

  beforeAll(() => {
    shown = pages.flatMap((p) => shownStatistics(p.file, readFileSync(path.join(root, p.file), 'utf8')));
  });

  test('the guard finds no unlabelled synthetic number, no cell under k and no statistic with two values', async () => {
    const problems = await checkSite(root, rootBuild.base, facts);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('statistics shown on more than one surface are compared (the walk is not empty)', () => {
    const surfaces = new Map<string, Set<string>>();
    for (const s of shown) {
      const key = `${s.lang} ${s.key}`;
      surfaces.set(key, (surfaces.get(key) ?? new Set()).add(`${s.file}:${s.line}`));
    }
    const onMany = [...surfaces].filter(([, where]) => where.size > 1);
    // The household medians and changes and the group shares appear in the case pages and in the figures.
    expect(onMany.length).toBeGreaterThan(20);
    expect(onMany.some(([key]) => key.includes('/kondisi/'))).toBe(true);
    expect(onMany.some(([key]) => key.endsWith('/share'))).toBe(true);
  });

  test('every page showing synthetic numbers labels its descriptions and carries a notice', () => {
    let checked = 0;
    for (const p of pages) {
      const { document } = parseHTML(readFileSync(path.join(root, p.file), 'utf8'));
      const synthetic = [...document.querySelectorAll('[data-dataset]')].some(
        (el) => facts[el.getAttribute('data-dataset')!]?.synthetic,
      );
      if (!synthetic) continue;
      checked++;
      const lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'id';
      expect(document.querySelector('.synthetic-notice, .fig-notice'), p.file).not.toBeNull();
      for (const selector of [
        'meta[name="description"]',
        'meta[property="og:description"]',
        'meta[name="twitter:description"]',
      ]) {
        const content = document.querySelector(selector)?.getAttribute('content') ?? '';
        if (/\d/.test(content)) expect(content, `${p.file} ${selector}`).toContain(syntheticLabel[lang]);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  test('the figure gallery says its figures are synthetic, in both languages', () => {
    for (const [file, lang] of [
      ['grafik/index.html', 'id'],
      ['en/grafik/index.html', 'en'],
    ] as const) {
      const { document } = parseHTML(readFileSync(path.join(root, file), 'utf8'));
      expect(document.querySelector('.synthetic-notice'), file).not.toBeNull();
      // A card's thumbnail is the figure's SVG download, named for synthetic data: its sentence must carry the label.
      const cards = [...document.querySelectorAll('.fig-list li')];
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        const synthetic = /-(sintetis|synthetic)\.(id|en)\.svg$/.test(
          card.querySelector('img')!.getAttribute('src')!,
        );
        expect(
          card.querySelector('p')!.textContent!.startsWith(syntheticLabel[lang]),
          card.textContent!,
        ).toBe(synthetic);
      }
    }
  });

  test('a figure file with synthetic numbers says so by its name, and a CSV on every row, an SVG in its text', () => {
    const files = figureFiles();
    expect(files.length).toBeGreaterThan(20);
    const csvMarked = new Set<string>();
    for (const file of files) {
      const lang = file.endsWith('.en.csv') || file.includes('.en.') ? 'en' : 'id';
      const marked = /-(sintetis|synthetic)\.(id|en)\./.test(file);
      if (file.endsWith('.csv')) {
        const rows = Papa.parse<string[]>(
          readFileSync(path.join(root, 'grafik', file), 'utf8').replace(/^\ufeff/, ''),
          {
            skipEmptyLines: true,
          },
        ).data;
        const labelled =
          rows[0]!.at(-1) === 'Data' && rows.slice(1).every((r) => r.at(-1) === syntheticLabel[lang]);
        expect(labelled, file).toBe(marked);
        if (marked) csvMarked.add(file);
      }
      if (file.endsWith('.svg') && marked) {
        expect(readFileSync(path.join(root, 'grafik', file), 'utf8'), file).toContain(
          figureUi.syntheticTitle[lang],
        );
      }
    }
    expect(csvMarked.size).toBeGreaterThan(0);
  });
});
