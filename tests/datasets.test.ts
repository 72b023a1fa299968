/**
 * The open-data promises of the built site, checked on the served build in
 * Chromium: every download listed on a dataset page resolves and its bytes
 * match the SHA-256 the page publishes (also under `latest/` and under the
 * `/paseban/` base); the schema.org Dataset JSON-LD parses and carries every
 * property the dataset-pages issue lists; the citation files of every Cite
 * block parse back with independent parsers to the same title, authors and
 * year, and the CSL-JSON is valid against the official CSL data schema.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { describe, expect, inject, test } from 'vitest';
import { rootBuild } from './support/builds.ts';
import { useBrowser, visit } from './support/browser.ts';
import { listPages } from './support/pages.ts';
import { readStandardJson } from './support/standards.ts';

const browser = useBrowser();

const pages = listPages(rootBuild.outDir).map((p) => p.path);
/** Dataset pages: `data/<id>/` and `data/<id>/<version>/`, both languages. */
const datasetPages = pages.filter((p) => /^(en\/)?data\/[a-z0-9-]+\/([0-9][^/]*\/)?$/.test(p));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fetchBytes(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await fetch(url);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

test('there are dataset pages in both languages, newest and fixed versions', () => {
  expect(datasetPages.some((p) => /^data\/[^/]+\/$/.test(p))).toBe(true);
  expect(datasetPages.some((p) => /^en\/data\/[^/]+\/$/.test(p))).toBe(true);
  expect(datasetPages.some((p) => /^data\/[^/]+\/[0-9][^/]*\/$/.test(p))).toBe(true);
});

describe.concurrent('dataset pages', () => {
  for (const path of datasetPages) {
    test(`/${path}: every download resolves with the published SHA-256, JSON-LD complete`, async () => {
      const root = inject('siteRoot');
      const v = await visit(browser(), new URL(path, root).href);
      try {
        const rows = await v.page.$$eval('tr', (trs) =>
          trs
            .map((tr) => ({
              href: tr.querySelector('a[download]')?.getAttribute('href') ?? '',
              hash: tr.querySelector('code[data-sha256]')?.getAttribute('data-sha256') ?? '',
            }))
            .filter((r) => r.href && r.hash),
        );
        expect(rows.length).toBeGreaterThan(3);
        expect(rows.some((r) => r.href.endsWith('.zip'))).toBe(true);
        expect(rows.some((r) => r.href.endsWith('.xlsx'))).toBe(true);
        expect(rows.some((r) => r.href.endsWith('.csv'))).toBe(true);
        for (const r of rows) {
          expect(r.href).toMatch(/^\/data\/[a-z0-9-]+\/[0-9][^/]*\/[^/]+$/);
          const { status, bytes } = await fetchBytes(new URL(r.href, root).href);
          expect(status, r.href).toBe(200);
          expect(sha256(bytes), r.href).toBe(r.hash);
        }

        const scripts = await v.page.$$eval('script[type="application/ld+json"]', (s) =>
          s.map((x) => x.textContent ?? ''),
        );
        expect(scripts).toHaveLength(1);
        const ld = JSON.parse(scripts[0]!) as Record<string, any>;
        expect(ld['@type']).toBe('Dataset');
        for (const key of [
          'name',
          'description',
          'creator',
          'publisher',
          'license',
          'version',
          'identifier',
          'keywords',
          'temporalCoverage',
          'spatialCoverage',
          'variableMeasured',
          'distribution',
          'includedInDataCatalog',
          'isAccessibleForFree',
        ]) {
          expect(ld[key], key).toBeDefined();
        }
        expect(ld.description.length).toBeGreaterThanOrEqual(50);
        expect(ld.description.length).toBeLessThanOrEqual(5000);
        expect(ld.isAccessibleForFree).toBe(true);
        expect(ld.spatialCoverage.name).toMatch(/Paseban/);
        expect(ld.creator.length).toBeGreaterThan(0);
        expect(ld.variableMeasured.length).toBeGreaterThan(0);
        expect(ld.includedInDataCatalog['@type']).toBe('DataCatalog');
        // Each distribution: a format and an absolute URL whose path is one of the page's downloads.
        const published = new Set(rows.map((r) => r.href));
        expect(ld.distribution.length).toBe(rows.length);
        for (const d of ld.distribution) {
          expect(d['@type']).toBe('DataDownload');
          expect(d.encodingFormat).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
          expect(published.has(new URL(d.contentUrl).pathname), d.contentUrl).toBe(true);
        }
        // Zotero: a dataset item from DC.type, with no og:type to outrank it.
        expect(await v.page.$eval('meta[name="DC.type"]', (m) => m.getAttribute('content'))).toBe('Dataset');
        expect(await v.page.$('meta[property="og:type"]')).toBeNull();
        expect(v.problems).toEqual([]);
      } finally {
        await v.close();
      }
    });
  }
});

test('the newest files are also at data/<id>/latest/, byte for byte', async () => {
  const root = inject('siteRoot');
  const newest = datasetPages.filter((p) => /^data\/[^/]+\/$/.test(p));
  for (const path of newest) {
    const v = await visit(browser(), new URL(path, root).href);
    try {
      const links = await v.page.$$eval('a[download][href$=".csv"], a[download][href$=".zip"]', (as) =>
        as.map((a) => a.getAttribute('href')!),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) {
        const latest = href.replace(/^(\/data\/[^/]+\/)[^/]+\//, '$1latest/');
        const [a, b] = await Promise.all([
          fetchBytes(new URL(href, root).href),
          fetchBytes(new URL(latest, root).href),
        ]);
        expect(b.status, latest).toBe(200);
        expect(sha256(b.bytes)).toBe(sha256(a.bytes));
      }
    } finally {
      await v.close();
    }
  }
});

test('downloads resolve under the /paseban/ base too', async () => {
  const root = inject('subpathRoot');
  const v = await visit(browser(), new URL('data/survei-pokmas/', root).href);
  try {
    const hrefs = await v.page.$$eval('a[download]', (as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      expect(href.startsWith('/paseban/'), href).toBe(true);
      expect((await fetch(new URL(href, root))).status, href).toBe(200);
    }
  } finally {
    await v.close();
  }
});

// Compiled on first use, so a missing schema fails only the tests that need it.
let cslValidator: ValidateFunction | undefined;
function cslValidate(): ValidateFunction {
  if (!cslValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    cslValidator = ajv.compile(readStandardJson('csl-data.json'));
  }
  return cslValidator;
}
const words = (name: string) =>
  name
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

describe.concurrent('citation downloads of every Cite block', () => {
  // Pages that reach every kind of item: plain pages, the datasets, the thesis (About), the figures.
  const sample = pages.filter(
    (p) => ['', 'en/', 'tentang/', 'grafik/', 'en/grafik/'].includes(p) || /^(en\/)?data\/[^/]+\/$/.test(p),
  );
  for (const path of sample) {
    test(`/${path}`, async () => {
      const root = inject('siteRoot');
      const v = await visit(browser(), new URL(path, root).href, { javaScriptEnabled: false });
      try {
        const blocks = await v.page.$$eval('details.cite', (ds) =>
          ds.map((d) => [...d.querySelectorAll('a[download]')].map((a) => a.getAttribute('href')!)),
        );
        expect(blocks.length).toBeGreaterThan(0);
        for (const links of blocks) {
          const file = async (ext: string) => {
            const href = links.find((h) => h.endsWith(ext));
            expect(href, ext).toBeDefined();
            const res = await fetch(new URL(href!, root));
            expect(res.status, href).toBe(200);
            return res.text();
          };
          const csl = JSON.parse(await file('.json'));
          const validateCsl = cslValidate();
          expect(validateCsl(csl), JSON.stringify(validateCsl.errors)).toBe(true);
          const item = csl[0];
          const year = item.issued?.['date-parts']?.[0]?.[0];
          const authors = (item.author ?? []).map((a: any) => a.literal ?? `${a.family}, ${a.given}`);

          const bib = parseBibtex(await file('.bib'));
          expect(bib.errors).toEqual([]);
          const e = bib.entries[0]!;
          expect(e.fields.title).toBe(item.title);
          expect((e.fields.author ?? []).map((a) => a.name ?? `${a.lastName}, ${a.firstName}`)).toEqual(
            authors,
          );
          const bibYear = e.fields.date ?? e.fields.year;
          expect(bibYear === undefined ? undefined : Number(String(bibYear).slice(0, 4))).toBe(year);
          if (item.type === 'dataset') expect(e.fields.version).toBe(item.version);

          const [ris] = parseRis(await file('.ris'));
          expect(ris!.title).toBe(item.title);
          expect(
            (ris!.author ?? []).map((a: any) => words(a.literal ?? `${a.family} ${a.given ?? ''}`)),
          ).toEqual(authors.map(words));
          const risYear = ris!.issued?.['date-parts']?.[0]?.[0];
          expect(risYear === undefined ? undefined : Number(risYear)).toBe(year);
        }
      } finally {
        await v.close();
      }
    });
  }
});
