/**
 * One page of the crawl: every check the site-wide crawl makes, on one
 * built page, returned as a list of problems (empty when the page is fine).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { siteUrl, type SiteBuild } from './builds.ts';
import { axeViolations, darkContrastViolations, visit } from './browser.ts';
import { validateHtml } from './html.ts';
import { checkRefs, collectIds, collectRefs, IdCache } from './links.ts';

const ids = new IdCache();

export interface AuditOptions {
  /** Also validate the HTML and run axe-core (light theme, and contrast in the dark theme). */
  full: boolean;
}

/**
 * Loads `pagePath` (relative to the site root, as `listPages` gives it) from
 * the server at `servedRoot` and reports: invalid HTML and axe-core
 * violations (when `full`), broken internal links, fragments and assets,
 * console errors, failed requests and requests to other hosts.
 */
export async function auditPage(
  browser: Browser,
  build: SiteBuild,
  servedRoot: string,
  pagePath: string,
  { full }: AuditOptions,
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
