/**
 * Figure embeds as another site uses them: the built site is served with
 * the headers its `_headers` file asks for (read as Cloudflare Pages reads
 * it), a parent page on a second localhost port (another origin) frames an
 * embed page, and the figure shows in the frame, with links to its data
 * table and citation files. The same parent framing an ordinary page is
 * refused (`frame-ancestors 'none'`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rootBuild } from './support/builds.ts';
import { useBrowser } from './support/browser.ts';
import { listPages } from './support/pages.ts';
import { serveStatic, type StaticServer } from './support/server.ts';

const browser = useBrowser();
const embeds = listPages(rootBuild.outDir)
  .map((p) => p.path)
  .filter((p) => /^(en\/)?grafik\/[^/]+\/embed\/$/.test(p));

let site: StaticServer;
let parent: Server;
let parentOrigin: string;

beforeAll(async () => {
  site = await serveStatic(rootBuild.outDir, '/', 0, { headers: true });
  // The other site: one page that frames whatever address `?src=` names.
  parent = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://localhost').searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>Another site</title><h1>Another site</h1>` +
        `<iframe src="${src.replace(/"/g, '&quot;')}" title="Embedded figure" width="800" height="900"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
  parentOrigin = `http://127.0.0.1:${(parent.address() as AddressInfo).port}`;
  expect(parentOrigin).not.toBe(new URL(site.url).origin);
});

afterAll(async () => {
  await site?.close();
  parent?.closeAllConnections();
  await new Promise((resolve) => parent?.close(resolve));
});

/** Opens the parent page framing `path` of the served site; returns the page, the frame and refusals logged. */
async function frame(
  path: string,
): Promise<{ page: Page; frame: Frame; refused: string[]; close: () => Promise<void> }> {
  const context = await browser().newContext();
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text());
  });
  const src = new URL(path, site.url).href;
  await page.goto(`${parentOrigin}/?src=${encodeURIComponent(src)}`, { waitUntil: 'load' });
  const iframe = await page.waitForSelector('iframe');
  const f = await iframe.contentFrame();
  if (!f) throw new Error(`no frame for ${src}`);
  await f.waitForLoadState('load');
  return { page, frame: f, refused, close: () => context.close() };
}

test('there are embed pages in both languages', () => {
  expect(embeds.some((p) => p.startsWith('grafik/'))).toBe(true);
  expect(embeds.some((p) => p.startsWith('en/grafik/'))).toBe(true);
});

describe.concurrent('another site frames each embed page', () => {
  for (const path of embeds) {
    test(`/${path}`, async () => {
      const v = await frame(path);
      try {
        expect(v.refused).toEqual([]);
        expect(v.frame.url()).toBe(new URL(path, site.url).href);
        const chart = v.frame.locator('.fig-plot svg:visible').first();
        await chart.waitFor({ state: 'visible', timeout: 10_000 });
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.height).toBeGreaterThan(100);
        // Links to the figure's data table and citation files, which resolve.
        const links = await v.frame.$$eval('.embed-links a', (as) =>
          as.map((a) => (a as HTMLAnchorElement).href),
        );
        for (const ext of ['.csv', '.bib', '.ris'])
          expect(
            links.some((h) => h.endsWith(ext)),
            ext,
          ).toBe(true);
        for (const href of links) expect((await fetch(href)).status, href).toBe(200);
      } finally {
        await v.close();
      }
    });
  }
});

test('the same site framing an ordinary page is refused', async () => {
  const figurePage = embeds[0]!.replace(/embed\/$/, '');
  const v = await frame(figurePage);
  try {
    await expect.poll(() => v.refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await v.frame.locator('.fig-plot svg').count()).toBe(0);
  } finally {
    await v.close();
  }
});
