/**
 * One page of the crawl: every check the site-wide crawl makes, on one
 * built page, returned as a list of problems (empty when the page is fine).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { siteUrl, type SiteBuild } from './builds.ts';
import { axeViolations, darkContrastViolations, visit } from './browser.ts';
import { validateHtml } from './html.ts';
import { checkRefs, collectIds, collectRefs, IdCache } from './links.ts';

const ids = new IdCache();

export interface AuditOptions {
  /**
   * Also validate the HTML, run axe-core (light theme, and contrast in the
   * dark theme) and use the page's Cite box under its Content-Security-Policy.
   */
  full: boolean;
}

/**
 * Opens the first Cite box and presses its copy button, recording any
 * Content-Security-Policy violation meanwhile (the policy must allow what the
 * page does when used, not only when loaded).
 */
export async function useCiteBox(page: Page): Promise<string[]> {
  await page.evaluate(`(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push('CSP: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
  })()`);
  const cite = page.locator('details.cite').first();
  if ((await cite.count()) > 0) {
    await cite.locator('summary').click();
    const copy = cite.locator('button.cite-copy:visible').first();
    if ((await copy.count()) > 0) await copy.click();
  }
  // A violation event is dispatched in a task of its own, after the click's handlers have run.
  return (await page.evaluate(
    'new Promise((resolve) => setTimeout(() => resolve(window.__cspViolations), 50))',
  )) as string[];
}

/**
 * Loads `pagePath` (relative to the site root, as `listPages` gives it) from
 * the server at `servedRoot` and reports: invalid HTML, axe-core violations
 * and policy violations while the Cite box is used (when `full`), broken
 * internal links, fragments and assets, console errors (among them policy
 * violations while loading), failed requests and requests to other hosts.
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
  const v = await visit(browser, pageUrl);
  try {
    if (full) problems.push(...(await useCiteBox(v.page)));
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
