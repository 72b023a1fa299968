/**
 * The crawl of the site built under a sub-path (base `/paseban/`, as a host
 * serving it from a folder): every page must load without failed requests,
 * console errors or requests to other hosts, and every internal link, fragment
 * and asset must resolve under the base. Markup and accessibility are the
 * same as in the root build, which crawl.test.ts checks in full.
 */
import { describe, expect, inject, test } from 'vitest';
import { auditPage } from './support/audit.ts';
import { useBrowser } from './support/browser.ts';
import { subpathBuild } from './support/builds.ts';
import { listPages } from './support/pages.ts';

const browser = useBrowser();

describe.concurrent(`every page of ${subpathBuild.outDir}/ (base ${subpathBuild.base})`, () => {
  for (const page of listPages(subpathBuild.outDir)) {
    test(`${subpathBuild.base}${page.path}`, async () => {
      expect(
        await auditPage(browser(), subpathBuild, inject('subpathRoot'), page.path, { full: false }),
      ).toEqual([]);
    });
  }
});
