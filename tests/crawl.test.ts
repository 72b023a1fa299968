/**
 * The site-wide quality crawl. Every HTML file of the build is visited in
 * headless Chromium and must have: no axe-core WCAG 2.2 A/AA violation (in
 * the light theme; colour contrast in the dark theme too), valid HTML, no
 * broken internal link, fragment or asset, no console error, no failed
 * request and no request to another host. The sub-path build
 * (base `/paseban/`) is crawled again for links and requests.
 * Pages are found by walking the build, so new pages are covered as they come.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { rootBuild, siteUrl, subpathBuild, type SiteBuild } from './support/builds.ts';
import { axeViolations, darkContrastViolations, launchBrowser, visit } from './support/browser.ts';
import { validateHtml } from './support/html.ts';
import { checkRefs, collectIds, collectRefs, IdCache } from './support/links.ts';
import { listPages } from './support/pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ids = new IdCache();

/** Loads one page and returns every problem found on it. */
async function audit(
  build: SiteBuild,
  servedRoot: string,
  pagePath: string,
  full: boolean,
): Promise<string[]> {
  const pageUrl = new URL(pagePath, servedRoot).href;
  const problems: string[] = [];
  if (full) {
    const file = path.join(
      build.outDir,
      pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath,
    );
    problems.push(...(await validateHtml(readFileSync(file, 'utf8'), file)));
  }
  const v = await visit(browser, pageUrl, { axe: full });
  try {
    const { document } = parseHTML(await v.page.content());
    problems.push(
      ...checkRefs(
        collectRefs(document),
        {
          outDir: build.outDir,
          servedRoot,
          publicRoot: new URL(build.base, siteUrl).href,
          pageUrl,
          pageIds: collectIds(document),
        },
        ids,
      ),
    );
    if (full) {
      problems.push(...(await axeViolations(v.page)));
      problems.push(...(await darkContrastViolations(v.page)));
    }
    problems.push(...v.problems);
  } finally {
    await v.close();
  }
  return problems;
}

const rootPages = listPages(rootBuild.outDir);
const subpathPages = listPages(subpathBuild.outDir);

test('the build has both home pages and both 404 pages', () => {
  const paths = rootPages.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['', 'en/', '404.html']));
  expect(subpathPages.map((p) => p.path)).toEqual(paths);
});

describe.concurrent(`every page of ${rootBuild.outDir}/`, () => {
  for (const page of rootPages) {
    test(`/${page.path}`, async () => {
      expect(await audit(rootBuild, inject('siteRoot'), page.path, true)).toEqual([]);
    });
  }
});

describe.concurrent(
  `every page of ${subpathBuild.outDir}/ (base ${subpathBuild.base}): links and requests`,
  () => {
    for (const page of subpathPages) {
      test(`${subpathBuild.base}${page.path}`, async () => {
        expect(await audit(subpathBuild, inject('subpathRoot'), page.path, false)).toEqual([]);
      });
    }
  },
);
