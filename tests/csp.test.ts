/**
 * The Content-Security-Policy: every page carries it as a meta tag (no
 * 'unsafe-inline' for scripts or styles), `_headers` carries the same policy
 * for static hosts, and the search runs Pagefind's WebAssembly under it. The
 * crawl checks that no page violates it, loaded or with its Cite box used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parsePolicy } from '../src/integrations/csp-headers.ts';
import { rootBuild } from './support/builds.ts';
import { headersFor, parseHeadersFile } from './support/headers.ts';
import { useBrowser, visit } from './support/browser.ts';
import { listPages } from './support/pages.ts';

const browser = useBrowser();

const pages = listPages(rootBuild.outDir);

/** Starts recording violations in the page; returns a reader of what was recorded. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
  })()`);
  return async () => (await page.evaluate('window.__cspViolations')) as string[];
}

test('_headers has the policy of the pages plus frame-ancestors, no unsafe-inline; only embeds may be framed', () => {
  const rules = parseHeadersFile(readFileSync(path.join(rootBuild.outDir, '_headers'), 'utf8'));
  const policyOf = (url: string) => {
    const values = headersFor(rules, url).get('content-security-policy') ?? [];
    expect(values, url).toHaveLength(1);
    return parsePolicy(values[0]!);
  };
  const policy = policyOf('/');
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toContain("'wasm-unsafe-eval'");
  for (const d of ['script-src', 'style-src']) expect(policy.get(d)).not.toContain("'unsafe-inline'");
  const embeds = pages.filter((p) => /\/embed\/$/.test(p.path));
  expect(embeds.length).toBeGreaterThan(0);
  for (const p of pages) {
    const own = policyOf(`/${p.path}`);
    expect(own.get('frame-ancestors'), p.path).toEqual(embeds.includes(p) ? ['*'] : ["'none'"]);
    expect(own.get('script-src'), p.path).toEqual(policy.get('script-src'));
  }
});

describe('every page carries the policy as a meta tag, without unsafe-inline', () => {
  // That no page violates it, loaded or with its Cite box used, is checked on every page by the crawl
  // (tests/crawl.test.ts through tests/support/audit.ts): one visit a page serves both.
  for (const p of pages) {
    test(`/${p.path}`, () => {
      const html = readFileSync(path.join(rootBuild.outDir, p.file), 'utf8');
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
      expect(meta, 'CSP meta tag').not.toBeNull();
      const policy = parsePolicy(meta![1]!);
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    });
  }
});

test('the search runs its WebAssembly under the policy', async () => {
  const searchPage = pages.find((p) => p.path === 'cari/');
  expect(searchPage).toBeDefined();
  const v = await visit(browser(), new URL('cari/?q=pokmas', inject('siteRoot')).href);
  try {
    const violations = await recordViolations(v.page);
    // Results appear only after Pagefind has compiled its WebAssembly and searched.
    await v.page.waitForSelector('[data-search-results] li', { timeout: 20_000 });
    expect(await violations()).toEqual([]);
    expect(v.problems).toEqual([]);
  } finally {
    await v.close();
  }
});
