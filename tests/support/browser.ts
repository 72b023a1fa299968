/**
 * Headless Chromium for the browser tests, through playwright-core: one
 * browser per test file, pages reused from one visit to the next, and a
 * record of everything that went wrong while a page loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
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
  /** Resolves once no request of the page has been in flight for a moment (see `visit`). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface VisitOptions {
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
  /** Load axe-core into the page before its own scripts (default false: `axeViolations` loads it when needed). */
  axe?: boolean;
}

/** How long no request may be in flight before a page counts as settled. */
const quietMs = 150;
/** A page whose requests never finish counts as settled after this long (Playwright's own network idle would time out). */
const settleLimitMs = 10_000;

/**
 * Pages left open between visits, per browser and settings. Opening a page
 * costs Chromium a window and a renderer process (most of a plain visit's
 * CPU time); navigating an open page to the next address of the same site
 * costs neither. Nothing of one visit reaches the next: cookies and storage
 * are cleared and the page is sent to `about:blank` in between, and the test
 * server forbids caching.
 */
const idlePages = new WeakMap<Browser, Map<string, Page[]>>();

async function takePage(browser: Browser, options: VisitOptions, key: string): Promise<Page> {
  const idle = idlePages.get(browser)?.get(key)?.pop();
  if (idle && !idle.isClosed()) return idle;
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: 'block',
  });
  if (options.axe) await context.addInitScript({ content: axeSource });
  return context.newPage();
}

/** Ends the visit on `page` and keeps the page for the next visit with the same settings (or closes it). */
async function releasePage(browser: Browser, page: Page, options: VisitOptions, key: string): Promise<void> {
  try {
    // What a page may keep for the next one of its origin (the site keeps nothing today).
    await page.context().clearCookies();
    if (page.url().startsWith('http')) {
      await page.evaluate('localStorage.clear(); sessionStorage.clear()').catch(() => undefined);
    }
    await page.goto('about:blank');
    await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  } catch {
    await page
      .context()
      .close()
      .catch(() => undefined);
    return;
  }
  if (!idlePages.has(browser)) idlePages.set(browser, new Map());
  const byKey = idlePages.get(browser)!;
  if (!byKey.has(key)) byKey.set(key, []);
  byKey.get(key)!.push(page);
}

/**
 * Opens `url` in a page of its own (a page left by an earlier visit, or a
 * new one in a new context) and waits for the load event and then until no
 * request has been in flight for 150 ms (what the page's scripts fetch once
 * loaded is part of the visit). Requests to any host other than the page's
 * own are reported; Chromium cannot resolve other hosts at all
 * (`--host-resolver-rules` in chromium.ts), so none leaves the machine.
 * `close()` ends the visit; the page must not be used after it.
 */
export async function visit(browser: Browser, url: string, options: VisitOptions = {}): Promise<PageVisit> {
  const key = JSON.stringify([
    options.colorScheme ?? 'light',
    options.javaScriptEnabled ?? true,
    !!options.axe,
  ]);
  const page = await takePage(browser, options, key);
  const origin = new URL(url).origin;
  const problems: string[] = [];
  const outside = new Set<string>();
  const inFlight = new Set<Request>();
  let lastChange = performance.now();
  const onRequest = (req: Request) => {
    inFlight.add(req);
    lastChange = performance.now();
    const requested = req.url();
    if (/^(data|blob):/.test(requested) || new URL(requested).origin === origin) return;
    outside.add(requested);
    problems.push(`request to another host: ${requested}`);
  };
  const onFinished = (req: Request) => {
    inFlight.delete(req);
    lastChange = performance.now();
  };
  const onFailed = (req: Request) => {
    onFinished(req);
    if (outside.has(req.url())) return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown error'})`);
  };
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    // The failed load of a request to another host, reported above.
    if (outside.size > 0 && /ERR_NAME_NOT_RESOLVED/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  };
  const onPageError = (err: Error) => problems.push(`uncaught exception: ${err.message}`);
  const onResponse = (res: Response) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  };
  const listeners = {
    request: onRequest,
    requestfinished: onFinished,
    requestfailed: onFailed,
    console: onConsole,
    pageerror: onPageError,
    response: onResponse,
  };
  for (const [event, listener] of Object.entries(listeners))
    page.on(event as 'request', listener as typeof onRequest);
  const settled = async () => {
    const limit = performance.now() + settleLimitMs;
    while ((inFlight.size > 0 || performance.now() - lastChange < quietMs) && performance.now() < limit) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const [event, listener] of Object.entries(listeners))
      page.off(event as 'request', listener as typeof onRequest);
    await releasePage(browser, page, options, key);
  };
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response) problems.push(`no response for ${url}`);
    await settled();
  } catch (err) {
    await close();
    throw err;
  }
  return { page, context: page.context(), problems, settled, close };
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
 * page (injected here, unless `visit` loaded it before the page's own scripts):
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
