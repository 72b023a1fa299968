/**
 * A dataset whose codebook and cells carry markup (`<script>`, an attribute
 * breakout `" onmouseover=`, an `<img onerror>`, a `</script>` to leave the
 * JSON-LD) is rendered with the real dataset components through Astro's
 * container API, put into one page and loaded in Chromium with no
 * Content-Security-Policy (so nothing but the escaping stops a script). No
 * script may run, and the payloads must show as text.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../tests/support/chromium.ts';
import { fileStem, type DatasetMeta, type FieldMeta } from '../lib/schema/metadata.ts';
import { datasetCitation } from '../lib/dataset-page.ts';
import Cite from './Cite.astro';
import DatasetHead from './DatasetHead.astro';
import DatasetView from './DatasetView.astro';

/** Each payload sets `window.__xss` if it ever runs. */
const payloads = [
  '<script>window.__xss = "script"</script>',
  '" onmouseover="window.__xss = \'attr\'" x="',
  "' onfocus='window.__xss = 1' autofocus='",
  '<img src=x onerror="window.__xss = \'img\'">',
  '</script><script>window.__xss = "json-ld"</script>',
  '<!--',
];
const evil = payloads.join(' ');
const bi = (s: string) => ({ id: `${s} ${evil}`, en: `${s} ${evil}` });

const field = (name: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name,
  type: 'string',
  label: bi(`label ${name}`),
  description: bi('description'),
  question: bi('question'),
  unit: bi('unit'),
  role: 'quasi-identifier',
  required: false,
  missingValues: ['', evil],
  constraints: {},
  summary: { kind: 'categories', n: 2, missing: 0 },
  ...extra,
});

function writeHostileDataset(): { dir: string; meta: DatasetMeta } {
  const dir = mkdtempSync(path.join(tmpdir(), 'paseban-hostile-'));
  const id = 'hostile';
  const file = (name: string) => ({
    format: 'csv' as const,
    table: 't',
    name,
    path: `data/${id}/1.0.0/${name}`,
    mediaType: 'text/csv',
    bytes: 10,
    sha256: 'a'.repeat(64),
  });
  const files = [
    file('hostile-t.csv'),
    { ...file('hostile.xlsx'), format: 'xlsx' as const, table: undefined },
  ];
  const meta: DatasetMeta = {
    id,
    version: '1.0.0',
    versions: [{ version: '1.0.0', changes: bi('changes'), files }],
    title: bi('Title'),
    description: bi('A description long enough for the schema.org limit of fifty characters'),
    keywords: [evil],
    synthetic: { generator: evil, seed: 1 },
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: evil }],
    sources: [{ title: evil, path: 'https://example.org/' }],
    contributors: [{ title: evil, roles: ['publisher'] }],
    tables: [
      {
        name: 't',
        title: bi('table'),
        description: bi('one row per thing'),
        rowCount: 1,
        primaryKey: [],
        foreignKeys: [],
        fields: [
          field('code', { categories: [{ value: evil, label: bi('category'), unit: bi('u'), count: 1 }] }),
          field('n', {
            type: 'integer',
            summary: { kind: 'numeric', n: 1, missing: 0, min: 1, median: 1, max: 1, mean: 1 },
          }),
        ],
      },
    ],
    files,
    disclosure: {
      dataset: id,
      version: '1.0.0',
      thresholds: { k: 3, l: 2 },
      checks: [{ id: 'x', description: evil }],
      tables: [
        {
          table: 't',
          rows: 1,
          cellsScanned: 1,
          directIdentifierColumns: [],
          quasiIdentifiers: [evil],
          sensitive: [evil],
          equivalenceClasses: 1,
          kReached: 1,
          lReached: { [evil]: 1 },
        },
      ],
      suppressedCells: 0,
    },
  };
  mkdirSync(path.join(dir, id, '1.0.0'), { recursive: true });
  writeFileSync(path.join(dir, id, 'metadata.json'), JSON.stringify(meta));
  writeFileSync(
    path.join(dir, id, '1.0.0', `${fileStem(id, true)}-t.json`),
    JSON.stringify([{ code: evil, n: 1 }]),
  );
  return { dir, meta };
}

let browser: Browser;
let html: string;
let meta: DatasetMeta;
const previousDataDir = process.env.PASEBAN_DATA_DIR;

beforeAll(async () => {
  const fixture = writeHostileDataset();
  meta = fixture.meta;
  process.env.PASEBAN_DATA_DIR = fixture.dir;
  const container = await AstroContainer.create();
  const absolute = (p: string) => new URL(p, 'https://example.org/').href;
  const context = {
    locale: 'en' as const,
    pageUrl: absolute('en/data/hostile/'),
    catalogUrl: absolute('en/data/'),
    homeUrl: absolute('en/'),
    fileUrl: absolute,
    version: '1.0.0',
  };
  const head = await container.renderToString(DatasetHead, { props: { meta, context } });
  const view = await container.renderToString(DatasetView, {
    props: { meta, version: '1.0.0', locale: 'en', absolute },
  });
  const cite = await container.renderToString(Cite, {
    props: {
      item: datasetCitation(meta, { version: '1.0.0', locale: 'en', url: absolute('data/hostile/1.0.0/') }),
      locale: 'en',
      open: true,
    },
  });
  html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${view}${cite}</body></html>`;
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (previousDataDir === undefined) delete process.env.PASEBAN_DATA_DIR;
  else process.env.PASEBAN_DATA_DIR = previousDataDir;
});

describe('dataset text that looks like markup', () => {
  it('runs no script in a real browser and shows every payload as text', async () => {
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(html, { waitUntil: 'load' });
      // Hover and focus every element, so an injected handler would fire.
      const count = await page.locator('body *').count();
      for (let i = 0; i < count; i += 1) {
        const el = page.locator('body *').nth(i);
        if (await el.isVisible()) await el.hover({ force: true, timeout: 1000 }).catch(() => {});
      }
      await page.keyboard.press('Tab');
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(errors).toEqual([]);
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(
        await page.locator('script[type="module"]').count(),
      );
      expect(await page.locator('img').count()).toBe(0);
      const text = await page.evaluate('document.body.innerText');
      expect(text).toContain('<script>window.__xss = "script"</script>');
      expect(text).toContain('" onmouseover="window.__xss = \'attr\'" x="');
      expect(text).toContain('<img src=x onerror=');
      const attrs = await page.evaluate(
        `[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))`,
      );
      expect(attrs).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('keeps the JSON-LD one parsable script whose strings hold the payloads', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const blocks = await page.$$eval('script[type="application/ld+json"]', (s) =>
        s.map((x) => x.textContent ?? ''),
      );
      expect(blocks).toHaveLength(1);
      expect(blocks[0]).not.toContain('<');
      const ld = JSON.parse(blocks[0]!);
      expect(ld.name).toBe(meta.title.en);
      expect(ld.keywords).toEqual([evil]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
