/**
 * The study chapters, case pages and Paseban page as built: contents links
 * and previous/next links lead somewhere, in-text citations lead to an entry
 * of the references page, headings do not skip levels, and every number bound
 * to a dataset carries the synthetic mark exactly when that dataset's
 * metadata says it is synthetic (with the page's notice above it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { rootBuild } from './support/builds.ts';
import { listPages } from './support/pages.ts';

const pages = listPages(rootBuild.outDir).filter((p) =>
  /^(en\/)?(studi|kasus|paseban|tentang|referensi)\/|^(en\/)?$/.test(p.path),
);

function load(file: string): Document {
  return parseHTML(readFileSync(path.join(rootBuild.outDir, file), 'utf8')).document as unknown as Document;
}

/** The `synthetic` flag of each dataset, from the data build's metadata. */
function syntheticOf(dataset: string): boolean {
  const file = path.join('.build', 'data', dataset, 'metadata.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { synthetic: unknown }).synthetic !== false;
}

/** The built file behind a site-absolute link (`/en/studi/konsep/#x`). */
function fileOf(href: string): string {
  const clean = href.split('#')[0]!.replace(/^\//, '');
  return path.join(rootBuild.outDir, clean, clean === '' || clean.endsWith('/') ? 'index.html' : '');
}

test('the narrative pages were built', () => {
  const paths = pages.map((p) => p.path);
  for (const p of [
    'studi/',
    'studi/latar-belakang/',
    'kasus/pokmas-a/',
    'en/kasus/perbandingan/',
    'paseban/',
    'en/tentang/',
  ])
    expect(paths).toContain(p);
});

describe.each(pages)('$path', ({ file, path: pagePath }) => {
  const doc = load(file);
  const main = doc.querySelector('main')!;

  test('contents, previous and next links lead to existing targets', () => {
    for (const a of main.querySelectorAll('.toc a')) {
      const id = a.getAttribute('href')!.slice(1);
      expect(doc.getElementById(id), `#${id}`).not.toBeNull();
    }
    for (const a of main.querySelectorAll('.pager a'))
      expect(existsSync(fileOf(a.getAttribute('href')!))).toBe(true);
  });

  test('in-text citations lead to an entry of the references page', () => {
    for (const a of main.querySelectorAll('a.cite')) {
      const [target, id] = a.getAttribute('href')!.split('#');
      const refs = load(path.relative(rootBuild.outDir, fileOf(target!)));
      expect(refs.getElementById(id!), `${pagePath} cites #${id}`).not.toBeNull();
    }
  });

  test('headings do not skip a level', () => {
    let previous = 1;
    for (const h of main.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const level = Number(h.tagName[1]);
      expect(level, `${h.tagName} "${h.textContent?.trim()}" after h${previous}`).toBeLessThanOrEqual(
        previous + 1,
      );
      previous = level;
    }
  });

  test('bound numbers carry the synthetic mark exactly when their dataset is synthetic', () => {
    const values = [...main.querySelectorAll('.bound-value')];
    for (const v of values) {
      const dataset = v.getAttribute('data-dataset')!;
      const marked = v.querySelector('.synthetic-mark') !== null;
      expect(marked, `${dataset}: "${v.textContent}"`).toBe(syntheticOf(dataset));
      if (marked)
        expect(v.querySelector('.synthetic-mark .visually-hidden')?.textContent?.trim()).toBeTruthy();
    }
    const syntheticSets = new Set(
      values.filter((v) => v.querySelector('.synthetic-mark')).map((v) => v.getAttribute('data-dataset')),
    );
    for (const dataset of syntheticSets)
      expect(
        main.querySelector(`[data-synthetic-dataset="${dataset}"]`),
        `notice for ${dataset}`,
      ).not.toBeNull();
  });
});
