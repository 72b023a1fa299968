/**
 * The shell of every built page: language, landmarks, skip link, title and
 * heading, canonical URL, hreflang alternates and the link to the same page
 * in the other language. Standalone views of another page (figure embeds:
 * noindex, canonical URL elsewhere) need only language, title, description
 * and text. Read from the built files, so every page added later is covered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { rootBuild, siteUrl } from './support/builds.ts';
import { listPages } from './support/pages.ts';

const publicRoot = new URL(rootBuild.base, siteUrl).href;
const pages = listPages(rootBuild.outDir);
const notFoundPages = new Set(['404.html', 'en/404/']);
const pathSet = new Set(pages.map((p) => p.path));

function load(file: string): Document {
  return parseHTML(readFileSync(path.join(rootBuild.outDir, file), 'utf8')).document as unknown as Document;
}

/** Locale of a page path and the path of the same page in the other language. */
function languageOf(pagePath: string): { locale: 'id' | 'en'; counterpart: string } {
  return pagePath === 'en/' || pagePath.startsWith('en/')
    ? { locale: 'en', counterpart: pagePath.slice(3) }
    : { locale: 'id', counterpart: `en/${pagePath}` };
}

const attr = (doc: Document, selector: string, name: string) =>
  doc.querySelector(selector)?.getAttribute(name) ?? undefined;

/** What every page needs, shell or not: title, description, text readable without JavaScript. */
function basicProblems(doc: Document): string[] {
  const problems: string[] = [];
  if (!doc.title.trim()) problems.push('empty <title>');
  if (!attr(doc, 'meta[name="description"]', 'content')?.trim()) problems.push('no meta description');
  if (doc.querySelectorAll('main').length !== 1) problems.push('one <main> expected');
  if (!doc.querySelector('main')?.textContent?.trim()) problems.push('<main> has no text without JavaScript');
  return problems;
}

/**
 * A standalone view of another page (a figure to embed in other sites):
 * not indexed, its canonical URL is the page it shows, and it has no site
 * header or footer.
 */
function isStandaloneView(doc: Document, selfUrl: string): boolean {
  const noindex = /noindex/.test(attr(doc, 'meta[name="robots"]', 'content') ?? '');
  const canonical = attr(doc, 'link[rel="canonical"]', 'href');
  return noindex && canonical !== undefined && canonical !== selfUrl;
}

function shellProblems(doc: Document): string[] {
  const problems: string[] = basicProblems(doc);
  const body = doc.body;
  const first = body.firstElementChild;
  if (!(first?.tagName === 'A' && first.getAttribute('href') === '#main')) {
    problems.push('the first element of <body> is not the skip link to #main');
  }
  const children = Array.from(body.children).map((el) => el.tagName.toLowerCase());
  for (const landmark of ['header', 'main', 'footer']) {
    if (children.filter((t) => t === landmark).length !== 1)
      problems.push(`<body> needs exactly one <${landmark}>`);
  }
  if (doc.querySelectorAll('main').length !== 1 || !doc.querySelector('main#main')) {
    problems.push('one <main id="main"> expected');
  }
  if (!doc.querySelector('body > header nav[aria-label]')) problems.push('no labelled <nav> in the header');
  if (doc.querySelectorAll('h1').length !== 1)
    problems.push(`${doc.querySelectorAll('h1').length} <h1> elements`);
  return problems;
}

test('every page exists in both languages, at the same slug', () => {
  const missing = pages
    .filter((p) => !notFoundPages.has(p.path))
    .map((p) => languageOf(p.path).counterpart)
    .filter((c) => !pathSet.has(c));
  expect(missing).toEqual([]);
});

describe('shell of every page', () => {
  for (const page of pages) {
    test(`/${page.path}`, () => {
      const doc = load(page.file);
      const { locale, counterpart } = languageOf(page.path);
      const lang = doc.documentElement.getAttribute('lang');
      const langProblem = lang === locale ? [] : [`<html lang="${lang}">, expected "${locale}"`];
      if (isStandaloneView(doc, new URL(page.path, publicRoot).href)) {
        // Its canonical target is checked by the crawl's link check.
        expect([...langProblem, ...basicProblems(doc)]).toEqual([]);
        return;
      }
      const problems = [...langProblem, ...shellProblems(doc)];
      const langLink = attr(doc, 'body > header a[hreflang]', 'href');
      const canonical = attr(doc, 'link[rel="canonical"]', 'href');
      if (notFoundPages.has(page.path)) {
        if (canonical) problems.push('a 404 page must not have a canonical URL');
        if (!/noindex/.test(attr(doc, 'meta[name="robots"]', 'content') ?? ''))
          problems.push('404 page not noindex');
        const otherHome = new URL(locale === 'id' ? 'en/' : '', publicRoot).pathname;
        if (langLink !== otherHome) problems.push(`language link ${langLink}, expected ${otherHome}`);
      } else {
        const self = new URL(page.path, publicRoot).href;
        const other = new URL(counterpart, publicRoot).href;
        if (canonical !== self) problems.push(`canonical ${canonical}, expected ${self}`);
        const alternates = Object.fromEntries(
          Array.from(doc.querySelectorAll('link[rel="alternate"][hreflang]')).map((l) => [
            l.getAttribute('hreflang'),
            l.getAttribute('href'),
          ]),
        );
        const expected = { [locale]: self, [locale === 'id' ? 'en' : 'id']: other };
        expected['x-default'] = expected.id!;
        expect.soft(alternates, 'hreflang alternates').toEqual(expected);
        const otherPath = new URL(other).pathname;
        if (langLink !== otherPath) problems.push(`language link ${langLink}, expected ${otherPath}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
