/**
 * The site-wide quality crawl. Every HTML file of the build is visited in
 * headless Chromium and must have: no axe-core WCAG 2.2 A/AA violation (in
 * the light theme; colour contrast in the dark theme too), valid HTML, no
 * broken internal link, fragment or asset, no console error, no failed
 * request and no request to another host (tests/support/audit.ts).
 * Pages are found by walking the build, so new pages are covered as they
 * come. crawl-subpath.test.ts does the same for the sub-path build.
 */
import { describe, expect, inject, test } from 'vitest';
import { auditPage } from './support/audit.ts';
import { useBrowser } from './support/browser.ts';
import { rootBuild, subpathBuild } from './support/builds.ts';
import { listPages } from './support/pages.ts';

const browser = useBrowser();

const pages = listPages(rootBuild.outDir);

test('the build has both home pages and the 404 page, and so has the sub-path build', () => {
  const paths = pages.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['', 'en/', '404.html']));
  expect(listPages(subpathBuild.outDir).map((p) => p.path)).toEqual(paths);
});

describe.concurrent(`every page of ${rootBuild.outDir}/`, () => {
  for (const page of pages) {
    test(`/${page.path}`, async () => {
      expect(await auditPage(browser(), rootBuild, inject('siteRoot'), page.path, { full: true })).toEqual(
        [],
      );
    });
  }
});
