/**
 * Figures in a real browser: every plotted mark's tooltip is the row of the
 * "view as table" it claims to be; tooltips open by keyboard; with
 * JavaScript off every figure is visible and its variants still switch; no
 * layout shift; the JavaScript of a chart page stays within its budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { rootBuild } from './support/builds.ts';
import { useBrowser, visit } from './support/browser.ts';
import { listPages } from './support/pages.ts';

const browser = useBrowser();

const pages = listPages(rootBuild.outDir);
/** Pages that show at least one figure (figure pages, embeds, the study and case pages that place them). */
const figurePages = pages.filter((p) =>
  readFileSync(path.join(rootBuild.outDir, p.file), 'utf8').includes('data-figure'),
);
const figureOwnPages = figurePages.filter((p) => /^(en\/)?grafik\/fig-[^/]+\/$/.test(p.path));

/** Chart page JavaScript budget (gzip bytes). */
const jsBudget = 30 * 1024;

/** For each figure on the page and each of its variants: tooltips vs the visible table row. */
async function tooltipTableMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
    for (const fig of document.querySelectorAll<HTMLElement>('[data-figure]')) {
      const radios = [...fig.querySelectorAll<HTMLInputElement>('.fig-select input')];
      const steps = radios.length ? radios : [null];
      steps.forEach((radio) => {
        radio?.click();
        const name = `${fig.id}${radio ? ` (${radio.value})` : ''}`;
        const svgs = [...fig.querySelectorAll('svg')].filter(visible);
        if (svgs.length !== 1) problems.push(`${name}: ${svgs.length} charts visible, expected 1`);
        const table = [...fig.querySelectorAll('.fig-table table')].find((t) =>
          visible(t.closest('.fig-variant-extra')!),
        );
        if (!table) {
          problems.push(`${name}: no table for the visible variant`);
          return;
        }
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const rows = [...table.querySelectorAll('tbody tr')];
        const marks = svgs[0] ? [...svgs[0].querySelectorAll<SVGElement>('[data-tip]')] : [];
        if (marks.length !== rows.length)
          problems.push(`${name}: ${marks.length} marks, ${rows.length} table rows`);
        for (const mark of marks) {
          const row = rows[Number(mark.dataset.row)];
          const expected = row
            ? [...row.querySelectorAll('td')]
                .map((td, i) => `${headers[i]}: ${td.textContent!.trim()}`)
                .join('\n')
            : '(no row)';
          if (mark.dataset.tip !== expected)
            problems.push(
              `${name}: mark ${mark.dataset.row} says "${mark.dataset.tip}", table says "${expected}"`,
            );
        }
      });
      radios[0]?.click();
    }
    return problems;
  });
}

describe('figures', () => {
  test('there is a page per figure in each language and a figures index', () => {
    expect(figureOwnPages.length).toBeGreaterThanOrEqual(12);
    expect(figureOwnPages.length % 2).toBe(0);
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['grafik/', 'en/grafik/']));
  });

  describe.concurrent('every plotted mark matches its row in "view as table"', () => {
    // Embed pages show the chart without the table; the figure page has both.
    for (const p of figurePages.filter((x) => !x.path.endsWith('/embed/'))) {
      test(`/${p.path}`, async () => {
        const v = await visit(browser(), new URL(p.path, inject('siteRoot')).href);
        try {
          // Console errors and failed requests are the site-wide crawl's to report.
          expect(await tooltipTableMismatches(v.page)).toEqual([]);
        } finally {
          await v.close();
        }
      });
    }
  });

  describe.concurrent('with JavaScript off every figure is visible and its variants switch', () => {
    for (const p of figurePages) {
      test(`/${p.path}`, async () => {
        const v = await visit(browser(), new URL(p.path, inject('siteRoot')).href, {
          javaScriptEnabled: false,
        });
        try {
          const result = await v.page.$$eval('[data-figure]', (figs) =>
            figs.map((fig) => {
              const shown = () =>
                [...fig.querySelectorAll('svg')].filter((s) => {
                  const r = s.getBoundingClientRect();
                  return r.width > 100 && r.height > 100;
                });
              return { id: fig.id, visible: shown().length };
            }),
          );
          expect(result.length).toBeGreaterThan(0);
          for (const f of result) expect(f, f.id).toEqual({ id: f.id, visible: 1 });
          // The second variant's radio shows the second chart (CSS only).
          const select = v.page.locator('.fig-select').first();
          if ((await select.count()) > 0) {
            const fig = v.page.locator('[data-figure]').filter({ has: select }).first();
            const before = await fig.locator('.fig-variant').nth(1).isVisible();
            await select.locator('label').nth(1).click();
            expect(before).toBe(false);
            expect(await fig.locator('.fig-variant').nth(1).isVisible()).toBe(true);
            expect(await fig.locator('.fig-variant').nth(0).isVisible()).toBe(false);
          }
        } finally {
          await v.close();
        }
      });
    }
  });

  test('a group can be highlighted without JavaScript', async () => {
    const v = await visit(browser(), new URL('grafik/fig-kondisi-rumah-tangga/', inject('siteRoot')).href, {
      javaScriptEnabled: false,
    });
    try {
      const opacity = (cls: string) =>
        v.page.$eval(`#fig-kondisi-rumah-tangga .fig-w-l .${cls}`, (el) =>
          Number(getComputedStyle(el).opacity),
        );
      expect(await opacity('grp-2')).toBe(1);
      await v.page.locator('#fig-kondisi-rumah-tangga .fig-highlight label').nth(1).click();
      await expect.poll(() => opacity('grp-2')).toBeLessThan(0.5);
      expect(await opacity('grp-1')).toBe(1);
    } finally {
      await v.close();
    }
  });

  test('tooltips open by keyboard focus and follow the arrow keys', async () => {
    const v = await visit(browser(), new URL('grafik/fig-kondisi-rumah-tangga/', inject('siteRoot')).href);
    try {
      const page = v.page;
      const tip = page.locator('#fig-kondisi-rumah-tangga .fig-tip');
      await expect.poll(() => tip.count()).toBe(1);
      expect(await tip.isVisible()).toBe(false);
      // Tab through the page until a data point has focus.
      let onMark = false;
      for (let i = 0; i < 80 && !onMark; i++) {
        await page.keyboard.press('Tab');
        onMark = await page.evaluate(() => document.activeElement?.hasAttribute('data-tip') ?? false);
      }
      expect(onMark).toBe(true);
      const first = await page.evaluate(() => (document.activeElement as unknown as SVGElement).dataset.tip);
      expect(await tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toBe(first);
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => (document.activeElement as unknown as SVGElement).dataset.tip);
      expect(second).not.toBe(first);
      expect(await tip.textContent()).toBe(second);
      await page.keyboard.press('Escape');
      expect(await tip.isVisible()).toBe(false);
      // One tab stop per chart: Shift+Tab leaves the chart instead of visiting the previous mark.
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-tip'))).toBe(false);
    } finally {
      await v.close();
    }
  });

  test.each([375, 1280])('no layout shift on figure pages at %i px (CLS < 0.01)', async (width) => {
    // One page per width: each navigation is a new document, and the init script counts its shifts afresh.
    const context = await browser().newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const p of figureOwnPages.filter((x) => !x.path.startsWith('en/'))) {
        await page.goto(new URL(p.path, inject('siteRoot')).href, { waitUntil: 'networkidle' });
        await page.mouse.wheel(0, 2000);
        await page.waitForTimeout(300);
        const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
        expect(cls, `/${p.path}`).toBeLessThan(0.01);
      }
    } finally {
      await context.close();
    }
  });

  test(`a chart page ships at most ${jsBudget / 1024} KB of JavaScript (gzip), none of it render-blocking`, async () => {
    for (const p of figureOwnPages) {
      const html = readFileSync(path.join(rootBuild.outDir, p.file), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      let bytes = 0;
      for (const attrs of scripts) {
        const src = attrs.match(/\ssrc="([^"]+)"/)?.[1];
        if (!src) continue;
        expect(attrs, `/${p.path}: ${src}`).toMatch(/type="module"|\sdefer|\sasync/);
        bytes += gzipSync(readFileSync(path.join(rootBuild.outDir, src.replace(/^\//, '')))).length;
      }
      expect(bytes, `/${p.path}`).toBeLessThanOrEqual(jsBudget);
    }
  });
});
