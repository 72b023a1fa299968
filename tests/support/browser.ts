/**
 * Headless Chromium for the browser tests, through playwright-core: one
 * browser per test file, a fresh context per page, axe-core loaded in every
 * page, and a record of everything that went wrong while the page loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumArgs, findChromium } from './chromium.ts';

/** axe-core itself, run in the pages under test. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser(): Promise<Browser> {
  const found = findChromium();
  if ('error' in found) throw new Error(found.error);
  return chromium.launch({ executablePath: found.path, args: chromiumArgs, headless: true });
}

/** One browser for the test file that calls it: launched before its tests, closed after; call the result to get it. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface PageVisit {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions, failed requests, HTTP errors, requests to other hosts. */
  problems: string[];
  close(): Promise<void>;
}

export interface VisitOptions {
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
  /** Load axe-core into the page before its own scripts (default true). */
  axe?: boolean;
  /** Wait until the network has been idle (default), or only for the load event. */
  waitUntil?: 'networkidle' | 'load';
}

/**
 * Opens `url` in a new context. Requests to any host other than the page's
 * own are blocked and reported.
 */
export async function visit(browser: Browser, url: string, options: VisitOptions = {}): Promise<PageVisit> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: 'block',
  });
  if (options.axe ?? true) await context.addInitScript({ content: axeSource });
  const origin = new URL(url).origin;
  const problems: string[] = [];
  const blocked = new Set<string>();
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (/^(data|blob):/.test(requested) || new URL(requested).origin === origin) return route.continue();
    blocked.add(requested);
    problems.push(`request to another host: ${requested}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    if (blocked.size > 0 && /ERR_BLOCKED_BY_CLIENT/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (blocked.has(req.url())) return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  const response = await page.goto(url, { waitUntil: options.waitUntil ?? 'networkidle' });
  if (!response) problems.push(`no response for ${url}`);
  return { page, context, problems, close: () => context.close() };
}

/** The WCAG 2.2 A and AA rule sets of axe-core. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

function describeViolations(violations: AxeViolation[], label?: string): string[] {
  const tag = label ? ` [${label}]` : '';
  return violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.join(' '));
    const more = targets.length > 5 ? ` and ${targets.length - 5} more` : '';
    return `axe ${v.id}${tag}: ${v.help} (${v.impact ?? 'unknown impact'}) at ${targets.slice(0, 5).join(' | ')}${more}`;
  });
}

/**
 * axe-core violations of the page (WCAG 2.2 A/AA rules, or only `rules`),
 * one line each with the offending elements. axe-core is run directly in the
 * page (loaded before the page's own scripts by `visit`, or injected here):
 * several times faster than @axe-core/playwright's builder, which matters
 * when every page of the site is checked.
 */
export async function axeViolations(
  page: Page,
  options: { rules?: string[]; label?: string } = {},
): Promise<string[]> {
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(axeSource);
  const runOnly = options.rules ? { type: 'rule', values: options.rules } : { type: 'tag', values: wcagTags };
  // A string, not a function: the test runner's transforms must not touch code run in the page.
  const violations = (await page.evaluate(
    `window.axe.run(document, { runOnly: ${JSON.stringify(runOnly)}, resultTypes: ['violations'] })
       .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  )) as AxeViolation[];
  return describeViolations(violations, options.label);
}

/** Colour contrast in the dark theme (`prefers-color-scheme: dark`). */
export async function darkContrastViolations(page: Page): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'dark' });
  return axeViolations(page, { rules: ['color-contrast'], label: 'dark theme' });
}
