/**
 * Site search, in a real browser on the built site: real queries in both
 * languages find the expected page first (Indonesian with stemming), the
 * index holds page bodies and no site chrome, a query without results says
 * so and points to the data catalogue, the page works by keyboard, at 375 px,
 * under the `/paseban/` base, and costs nothing until a reader searches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { rootBuild } from './support/builds.ts';
import { axeViolations, useBrowser, visit, type PageVisit, type VisitOptions } from './support/browser.ts';
import { listPages } from './support/pages.ts';
import { nav, ui } from '../src/lib/ui.ts';

const browser = useBrowser();

/** Opens `url` in a fresh context, runs `check` on it and closes the context. */
async function onPage(
  url: string,
  check: (v: PageVisit) => Promise<void>,
  options?: VisitOptions,
): Promise<void> {
  const v = await visit(browser(), url, options);
  try {
    await check(v);
  } finally {
    await v.close();
  }
}

/** Types a query into the search page's box and waits for the announced outcome. */
async function searchFor(page: Page, query: string): Promise<string> {
  await page.fill('#search-q', query);
  await page.waitForFunction(
    (q) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`“${q}”`),
    query,
    { timeout: 15_000 },
  );
  return (await page.textContent('[data-search-status]')) ?? '';
}

/** Paths (from the host root) of the result titles, in order. */
async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('.results li.result h2 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}

/**
 * Queries typed by a reader, the pages of which one must come first (pages
 * equally relevant to a query swap places as the text changes) and a section
 * or figure anchor that the shown results must offer.
 */
const expectations = [
  { searchPage: 'cari/', query: 'pemberdayaan', firstAmong: ['', 'studi/konsep/'], section: '#pemberdayaan' },
  {
    searchPage: 'cari/',
    query: 'modal usaha',
    firstAmong: ['grafik/fig-jenis-usaha/', 'kasus/pokmas-a/', 'kasus/pokmas-b/', 'kasus/perbandingan/'],
    section: '#usaha-dan-modal-anggota',
  },
  {
    searchPage: 'cari/',
    query: 'pinjaman',
    firstAmong: ['studi/latar-belakang/'],
    section: '#program-inpres-desa-tertinggal-idt',
  },
  {
    searchPage: 'cari/',
    query: 'kelompok',
    firstAmong: [
      'grafik/fig-kegiatan-kelompok/',
      'kasus/pokmas-a/',
      'kasus/pokmas-b/',
      'kasus/perbandingan/',
    ],
    section: '#fig-kegiatan-kelompok-title',
  },
  {
    searchPage: 'cari/',
    query: 'pendampingan',
    firstAmong: ['kasus/perbandingan/', 'kasus/pokmas-a/', 'kasus/pokmas-b/', 'grafik/fig-tema-wawancara/'],
    section: '#pendampingan',
  },
  {
    searchPage: 'en/cari/',
    query: 'empowerment',
    firstAmong: ['en/', 'en/studi/konsep/'],
    section: '#empowerment',
  },
  {
    searchPage: 'en/cari/',
    query: 'business capital',
    firstAmong: [
      'en/grafik/fig-jenis-usaha/',
      'en/kasus/pokmas-a/',
      'en/kasus/pokmas-b/',
      'en/kasus/perbandingan/',
    ],
    section: '#members-businesses-and-capital',
  },
  {
    searchPage: 'en/cari/',
    query: 'facilitation',
    firstAmong: ['en/grafik/fig-tema-wawancara/', 'en/kasus/pokmas-a/', 'en/kasus/pokmas-b/'],
    section: '#facilitation',
  },
];

describe('queries find the expected pages first', () => {
  for (const { searchPage, query, firstAmong, section } of expectations) {
    test(`${searchPage} “${query}” -> one of ${firstAmong.map((p) => `/${p}`).join(', ')}`, async () => {
      await onPage(new URL(searchPage, inject('siteRoot')).href, async (v) => {
        await searchFor(v.page, query);
        const paths = await resultPaths(v.page);
        const expected = firstAmong.map((p) => new URL(p, inject('siteRoot')).pathname);
        expect(expected, `results: ${paths.join(', ')}`).toContain(paths[0]);
        const sections = await v.page.$$eval('.results li.result .sections a', (links) =>
          links.map((a) => new URL((a as HTMLAnchorElement).href).hash),
        );
        expect(sections).toContain(section);
        expect(v.problems).toEqual([]);
      });
    });
  }

  test('an Indonesian query finds no English page and the other way round', async () => {
    await onPage(new URL('cari/', inject('siteRoot')).href, async (v) => {
      await searchFor(v.page, 'pemberdayaan');
      const idPaths = await resultPaths(v.page);
      expect(idPaths.length).toBeGreaterThan(0);
      expect(idPaths.filter((p) => p.startsWith('/en/'))).toEqual([]);
      await v.page.goto(new URL('en/cari/', inject('siteRoot')).href);
      await searchFor(v.page, 'empowerment');
      const enPaths = await resultPaths(v.page);
      expect(enPaths.length).toBeGreaterThan(0);
      expect(enPaths.filter((p) => !p.startsWith('/en/'))).toEqual([]);
    });
  });
});

describe('the index holds page bodies, not chrome', () => {
  const fragmentDir = path.join(rootBuild.outDir, 'pagefind', 'fragment');
  const fragments = readdirSync(fragmentDir).map((file) => {
    const bytes = gunzipSync(readFileSync(path.join(fragmentDir, file)));
    // A fragment is gzipped JSON after a 12-byte signature (`pagefind_dcd`).
    return JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string; content: string };
  });

  test('every page with data-pagefind-body is indexed, with its heading', () => {
    const indexed = listPages(rootBuild.outDir).filter((p) =>
      /<main[^>]*data-pagefind-body/.test(readFileSync(path.join(rootBuild.outDir, p.file), 'utf8')),
    );
    expect(indexed.length).toBeGreaterThan(2);
    expect(fragments.length).toBe(indexed.length);
    for (const page of indexed) {
      const h1 = parseHTML(
        readFileSync(path.join(rootBuild.outDir, page.file), 'utf8'),
      ).document.querySelector('h1');
      const fragment = fragments.find((f) => f.url === `/${page.path}`);
      expect(fragment, `no index entry for /${page.path}`).toBeDefined();
      expect(fragment!.content).toContain(h1!.textContent!.trim().replace(/\s+/g, ' '));
    }
  });

  test('no header, navigation or footer text is in the index', () => {
    // Chrome text that no page body repeats (the About page has its own "How to cite" section).
    const chrome = (['id', 'en'] as const).flatMap((l) => [
      ui.skipLink[l],
      ui.license[l],
      ui.studySource[l],
      ui.searchSite[l],
    ]);
    const navRun = (['id', 'en'] as const).map((l) => new RegExp(nav.map((n) => n.label[l]).join('\\W+')));
    for (const f of fragments) {
      for (const text of chrome) expect(f.content, `${f.url} contains “${text}”`).not.toContain(text);
      for (const run of navRun) expect(f.content, `${f.url} contains the navigation`).not.toMatch(run);
    }
  });

  test('search pages and 404 pages are not indexed', () => {
    const urls = fragments.map((f) => f.url);
    expect(urls).not.toContain('/cari/');
    expect(urls).not.toContain('/en/cari/');
    expect(urls.filter((u) => u.includes('404'))).toEqual([]);
  });
});

describe('the search page', () => {
  test('a query without results says so and links to the data catalogue', async () => {
    for (const [searchPage, message, dataPath] of [
      ['cari/', 'Tidak ada hasil untuk “qxwzvj”.', 'data/'],
      ['en/cari/', 'No results for “qxwzvj”.', 'en/data/'],
    ] as const) {
      await onPage(new URL(searchPage, inject('siteRoot')).href, async (v) => {
        expect(await searchFor(v.page, 'qxwzvj')).toBe(message);
        const hint = v.page.locator('[data-search-none]');
        await expect.poll(() => hint.isVisible(), { timeout: 10_000 }).toBe(true);
        const href = await hint.locator('a').getAttribute('href');
        expect(new URL(href!, v.page.url()).pathname).toBe(new URL(dataPath, inject('siteRoot')).pathname);
        expect(await v.page.locator('[role="status"]:has([data-search-status])').count()).toBe(1);
        expect(v.problems).toEqual([]);
      });
    }
  });

  test('the kind filter keeps only pages of that kind and is kept in the URL', async () => {
    await onPage(new URL('cari/?q=pemberdayaan&kind=studi', inject('siteRoot')).href, async (v) => {
      await v.page.waitForSelector('.results li.result');
      expect(await v.page.isChecked('input[name="kind"][value="studi"]')).toBe(true);
      const kinds = await v.page.$$eval('.results li.result .kind', (els) => els.map((e) => e.textContent));
      const count = await v.page.locator('.results li.result').count();
      expect(kinds.length).toBe(count);
      expect(new Set(kinds)).toEqual(new Set(['Studi']));
      await v.page.check('input[name="kind"][value=""]');
      await expect.poll(() => new URL(v.page.url()).search).toBe('?q=pemberdayaan');
    });
  });

  test('a result from a page with synthetic numbers carries the label; one from real data does not', async () => {
    for (const [q, lang, label] of [
      ['tabungan', '', 'Data sintetis, bukan temuan studi'],
      ['savings', 'en/', 'Synthetic data, not a finding of the study'],
    ] as const) {
      await onPage(
        new URL(`${lang}cari/?q=${q}&kind=${lang ? 'figure' : 'grafik'}`, inject('siteRoot')).href,
        async (v) => {
          await v.page.waitForSelector('.results li.result');
          const marks = await v.page.$$eval('.results li.result', (els) =>
            els.map((e) => e.querySelector('.synthetic')?.textContent ?? null),
          );
          expect(marks.length).toBeGreaterThan(0);
          expect(
            marks.every((m) => m === label),
            JSON.stringify(marks),
          ).toBe(true);
        },
      );
    }
    await onPage(new URL('cari/?q=penduduk&kind=grafik', inject('siteRoot')).href, async (v) => {
      await v.page.waitForSelector('.results li.result');
      const results = await v.page.$$eval('.results li.result', (els) =>
        els.map(
          (e) =>
            [
              e.querySelector('h2 a')!.getAttribute('href') ?? '',
              e.querySelector('.synthetic') !== null,
            ] as const,
        ),
      );
      const real = results.filter(([href]) => href.includes('fig-penduduk-senen'));
      expect(real, JSON.stringify(results)).toEqual([[expect.any(String), false]]);
    });
  });

  test('shows five results first; “more” adds the rest and moves focus to the first added', async () => {
    await onPage(new URL('cari/', inject('siteRoot')).href, async (v) => {
      const total = Number(/^(\d+)/.exec(await searchFor(v.page, 'kelompok'))?.[1]);
      expect(total).toBeGreaterThan(5);
      expect(await v.page.locator('.results li.result').count()).toBe(5);
      await v.page.click('[data-search-more]');
      await expect.poll(() => v.page.locator('.results li.result').count()).toBe(Math.min(total, 15));
      expect(
        await v.page.evaluate(
          () =>
            document.activeElement?.closest('li.result') ===
            document.querySelectorAll('.results li.result')[5],
        ),
      ).toBe(true);
    });
  });

  test('works by keyboard from the header of another page to a result', async () => {
    await onPage(inject('siteRoot'), async (v) => {
      const { page } = v;
      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.id === 'site-search-q'))) {
        await page.keyboard.press('Tab');
        if (++tabs > 15) throw new Error('the header search box is not reachable with Tab');
      }
      await page.keyboard.type('pinjaman');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/cari\/\?q=pinjaman$/);
      await page.waitForSelector('.results li.result h2 a');
      await page.focus('#search-q');
      await page.keyboard.press('Tab'); // submit button
      await page.keyboard.press('Tab'); // kind radios
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('kind');
      await page.keyboard.press('ArrowRight');
      expect(await page.isChecked('input[name="kind"][value="studi"]')).toBe(true);
      await page.waitForFunction(() =>
        document.querySelector('[data-search-status]')?.textContent?.includes('(Studi)'),
      );
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.closest('li.result') !== null);
      expect(focused).toBe(true);
      const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      // Problems are checked before leaving: leaving cancels whatever the page still loads.
      await page.waitForLoadState('networkidle');
      expect(v.problems).toEqual([]);
      await page.keyboard.press('Enter');
      await page.waitForURL(target);
    });
  });

  test('results and the no-result message pass axe in both themes', async () => {
    for (const query of ['pemberdayaan', 'qxwzvj']) {
      await onPage(new URL(`cari/?q=${query}`, inject('siteRoot')).href, async (v) => {
        await v.page.waitForFunction(() =>
          /“/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
        );
        expect(await axeViolations(v.page)).toEqual([]);
        await v.page.emulateMedia({ colorScheme: 'dark' });
        expect(await axeViolations(v.page, { rules: ['color-contrast'], label: 'dark theme' })).toEqual([]);
      });
    }
  });

  test('fits a 375 px wide screen, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser().newContext({ viewport: { width: 375, height: 740 }, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(new URL('cari/?q=pemberdayaan', inject('siteRoot')).href);
        await page.waitForSelector('.results li.result');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        const rights = await page.$$eval(
          '#site-search-q, #search-q, .search-form button, .results a, .kinds label',
          (els) => els.map((e) => e.getBoundingClientRect().right),
        );
        expect(rights.length).toBeGreaterThan(4);
        for (const r of rights) expect(r).toBeLessThanOrEqual(375);
      } finally {
        await context.close();
      }
    }
  });

  test('loads nothing for search until the reader starts', async () => {
    const requested: string[] = [];
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(new URL('cari/', inject('siteRoot')).href, { waitUntil: 'networkidle' });
      // The search page's own script is the one that reads its configuration.
      const searchScripts: string[] = [];
      for (const src of await page.$$eval('script[src]', (els) =>
        els.map((e) => (e as HTMLScriptElement).src),
      )) {
        if ((await (await fetch(src)).text()).includes('data-search-config')) searchScripts.push(src);
      }
      expect(searchScripts.length).toBe(1);
      await page.goto(inject('siteRoot'), { waitUntil: 'networkidle' });
      const homeScripts = await page.$$eval('script[src]', (els) =>
        els.map((e) => (e as HTMLScriptElement).src),
      );
      expect(homeScripts.filter((src) => searchScripts.includes(src))).toEqual([]);
      await page.goto(new URL('cari/', inject('siteRoot')).href, { waitUntil: 'networkidle' });
      expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
      await page.focus('#search-q');
      await page.waitForLoadState('networkidle');
      expect(requested).toContain('/pagefind/pagefind.js');
      await searchFor(page, 'kelompok');
      expect(requested.filter((p) => p.includes('/pagefind/wasm.'))).toEqual(['/pagefind/wasm.id.pagefind']);
      expect(await page.locator('script:not([src])').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript it explains how else to find pages', async () => {
    await onPage(
      new URL('en/cari/', inject('siteRoot')).href,
      async (v) => {
        await expect.poll(() => v.page.locator('main .notice').first().isVisible()).toBe(true);
        expect(await v.page.locator('main .notice a[href$="/en/data/"]').count()).toBe(1);
      },
      { javaScriptEnabled: false },
    );
  });

  test('works under the /paseban/ base path', async () => {
    await onPage(new URL('en/cari/?q=empowerment', inject('subpathRoot')).href, async (v) => {
      await v.page.waitForSelector('.results li.result h2 a');
      const paths = await resultPaths(v.page);
      expect(paths.filter((p) => !p.startsWith('/paseban/en/'))).toEqual([]);
      expect(v.problems).toEqual([]);
    });
  });
});
