/**
 * The crawl's checkers must catch what they are there to catch: each is run
 * on a tiny fixture site with one known fault, and on a clean page that must
 * pass. A checker that stops reporting problems fails here.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useCiteBox } from './support/audit.ts';
import { axeViolations, darkContrastViolations, launchBrowser, visit } from './support/browser.ts';
import { validateHtml } from './support/html.ts';
import { checkRefs, collectIds, collectRefs } from './support/links.ts';
import { listPages } from './support/pages.ts';
import { serveStatic, type StaticServer } from './support/server.ts';

// Written like Astro's output: upper-case doctype, void elements without a slash; an icon named
// like the site's (else Chromium asks for /favicon.ico, outside the fixture's base).
const page = (title: string, body: string, head = '') => `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <link rel="icon" href="/base/pic.svg" type="image/svg+xml">${head}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>
`;

const fixtures: Record<string, string> = {
  'index.html': page(
    'Clean page',
    '<p><a href="about/">About</a>, <a href="about/#team">the team</a>, <a href="#main-text">below</a>.</p>' +
      '<p id="main-text"><img src="pic.svg" alt="A square" width="10" height="10"></p>',
  ),
  'about/index.html': page('About', '<h2 id="team">Team</h2><p><a href="../">Home</a></p>'),
  'pic.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
  'broken-link.html': page('Broken link', '<p><a href="missing/">Nowhere</a></p>'),
  'broken-anchor.html': page('Broken anchor', '<p><a href="about/#nobody">Nobody</a></p>'),
  'missing-asset.html': page(
    'Missing asset',
    '<p><img src="gone.png" alt="Gone" width="10" height="10"></p>',
  ),
  'no-slash.html': page('No slash', '<p><a href="about">About</a></p>'),
  'outside-base.html': page('Outside base', '<p><a href="/elsewhere/">Elsewhere</a></p>'),
  'no-alt.html': page('No alt', '<p><img src="pic.svg" width="10" height="10"></p>'),
  'invalid.html': page('Invalid', '<p><div>block in paragraph</div></p>'),
  'external.html': page('External', '<p>Text</p>', '<script src="https://cdn.example.com/lib.js"></script>'),
  // A request the page's script makes a little after the load event: still part of the visit.
  'late-external.html': page(
    'Late external',
    '<p>Text</p>',
    `<script>addEventListener('load', () => setTimeout(() => fetch('https://api.example.com/data.json').catch(() => {}), 50));</script>`,
  ),
  'remember.html': page(
    'Remember',
    '<p>Text</p>',
    `<script>localStorage.setItem('seen', '1'); sessionStorage.setItem('seen', '1'); document.cookie = 'seen=1; path=/';</script>`,
  ),
  'console-error.html': page('Console error', '<p>Text</p><script>console.error("boom")</script>'),
  'dark-only.html': page(
    'Dark only',
    '<p class="x">Faint in the dark</p>',
    '<style>.x { color: #000; background: #fff } @media (prefers-color-scheme: dark) { .x { color: #333; background: #000 } }</style>',
  ),
  'low-contrast.html': page('Contrast', '<p style="color:#999;background:#fff">Faint text</p>'),
  // A Cite box whose copy button does what the page's policy forbids (an image from a data: URL).
  'cite-violation.html': page(
    'Cite violation',
    '<details class="cite"><summary>Cite</summary><button class="cite-copy" type="button">Copy</button></details>',
    `<meta http-equiv="content-security-policy" content="default-src 'self'"><script src="cite.js" defer></script>`,
  ),
  'cite.js':
    "document.querySelector('.cite-copy').addEventListener('click', () => { new Image().src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; });",
};

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crawl-fixture-'));
  for (const [file, text] of Object.entries(fixtures)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // The fixture site is served under a sub-path, like the sub-path build.
  server = await serveStatic(dir, '/base/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function linkProblems(file: string): string[] {
  const pagePath = file === 'index.html' ? '' : file;
  const { document } = parseHTML(fixtures[file]!);
  return checkRefs(collectRefs(document), {
    outDir: dir,
    servedRoot: server.url,
    publicRoot: 'https://example.org/base/',
    pageUrl: new URL(pagePath, server.url).href,
    pageIds: collectIds(document),
  });
}

describe('link checker', () => {
  test('passes a page whose links, anchors and images all resolve', () => {
    expect(linkProblems('index.html')).toEqual([]);
    expect(linkProblems('about/index.html')).toEqual([]);
  });
  test('reports a link to a page that does not exist', () => {
    expect(linkProblems('broken-link.html')).toEqual([expect.stringMatching(/missing\/.*no such page/)]);
  });
  test('reports a fragment that names no element of its target', () => {
    expect(linkProblems('broken-anchor.html')).toEqual([
      expect.stringMatching(/no element with id "nobody"/),
    ]);
  });
  test('reports a missing image', () => {
    expect(linkProblems('missing-asset.html')).toEqual([expect.stringMatching(/gone\.png.*no such file/)]);
  });
  test('reports a folder linked without its trailing slash', () => {
    expect(linkProblems('no-slash.html')).toEqual([expect.stringMatching(/trailing slash/)]);
  });
  test('reports a root-absolute link that ignores the base path', () => {
    expect(linkProblems('outside-base.html')).toEqual([
      expect.stringMatching(/outside the site's base path/),
    ]);
  });
  test('reports a script loaded from another host', () => {
    expect(linkProblems('external.html')).toEqual([expect.stringMatching(/another host/)]);
  });
  test('checks srcset candidates and public (canonical) URLs against the build', () => {
    const { document } = parseHTML(
      '<img srcset="pic.svg 1x, nope.svg 2x" alt="x"><link rel="canonical" href="https://example.org/base/nothing/">',
    );
    const problems = checkRefs(collectRefs(document), {
      outDir: dir,
      servedRoot: server.url,
      publicRoot: 'https://example.org/base/',
      pageUrl: server.url,
    });
    expect(problems).toEqual([
      expect.stringMatching(/nope\.svg.*no such file/),
      expect.stringMatching(/nothing\/.*no such page/),
    ]);
  });
});

describe('HTML validator', () => {
  test('passes valid HTML', async () => {
    expect(await validateHtml(fixtures['index.html']!, 'index.html')).toEqual([]);
  });
  test('reports an image without alt text', async () => {
    expect(await validateHtml(fixtures['no-alt.html']!, 'no-alt.html')).toEqual([
      expect.stringMatching(/^no-alt\.html:\d+:\d+ wcag\/h37/),
    ]);
  });
  test('reports invalid nesting', async () => {
    expect((await validateHtml(fixtures['invalid.html']!, 'invalid.html')).length).toBeGreaterThan(0);
  });
});

describe('page visit in Chromium', () => {
  test('a clean page has no problems and no axe violation', async () => {
    const v = await visit(browser, server.url);
    try {
      expect(v.problems).toEqual([]);
      expect(await axeViolations(v.page)).toEqual([]);
    } finally {
      await v.close();
    }
  });
  test('axe reports an image without alt text', async () => {
    const v = await visit(browser, new URL('no-alt.html', server.url).href);
    try {
      expect(await axeViolations(v.page)).toEqual([expect.stringMatching(/^axe image-alt/)]);
    } finally {
      await v.close();
    }
  });
  test('axe reports text with too little contrast', async () => {
    const v = await visit(browser, new URL('low-contrast.html', server.url).href);
    try {
      expect(await axeViolations(v.page, { rules: ['color-contrast'] })).toEqual([
        expect.stringMatching(/^axe color-contrast/),
      ]);
    } finally {
      await v.close();
    }
  });
  test('the dark-theme contrast check runs in the dark theme', async () => {
    const v = await visit(browser, new URL('dark-only.html', server.url).href);
    try {
      expect(await axeViolations(v.page)).toEqual([]);
      expect(await darkContrastViolations(v.page)).toEqual([
        expect.stringMatching(/^axe color-contrast \[dark theme\]/),
      ]);
    } finally {
      await v.close();
    }
  });
  test('a request to another host is blocked and reported', async () => {
    const v = await visit(browser, new URL('external.html', server.url).href);
    try {
      expect(v.problems).toEqual([
        expect.stringContaining('request to another host: https://cdn.example.com/lib.js'),
      ]);
    } finally {
      await v.close();
    }
  });
  test('a request to another host made after the load event is reported too', async () => {
    const v = await visit(browser, new URL('late-external.html', server.url).href);
    try {
      expect(v.problems).toEqual([
        expect.stringContaining('request to another host: https://api.example.com/data.json'),
      ]);
    } finally {
      await v.close();
    }
  });
  test('a page reused for the next visit keeps nothing of the last one', async () => {
    const first = await visit(browser, new URL('remember.html', server.url).href);
    await first.close();
    const next = await visit(browser, server.url);
    try {
      expect(next.page).toBe(first.page);
      expect(
        await next.page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]'),
      ).toEqual([0, 0, '']);
    } finally {
      await next.close();
    }
  });
  test('a missing asset is reported as an HTTP error', async () => {
    const v = await visit(browser, new URL('missing-asset.html', server.url).href);
    try {
      expect(v.problems).toEqual(expect.arrayContaining([expect.stringMatching(/HTTP 404 .*gone\.png/)]));
    } finally {
      await v.close();
    }
  });
  test('a policy violation while the Cite box is used is reported', async () => {
    const v = await visit(browser, new URL('cite-violation.html', server.url).href);
    try {
      expect(v.problems).toEqual([]);
      expect(await useCiteBox(v.page)).toEqual([expect.stringMatching(/^CSP: img-src blocked data/)]);
    } finally {
      await v.close();
    }
  });
  test('a console error is reported', async () => {
    const v = await visit(browser, new URL('console-error.html', server.url).href);
    try {
      expect(v.problems).toEqual([expect.stringContaining('console error: boom')]);
    } finally {
      await v.close();
    }
  });
});

describe('static server and page discovery', () => {
  test('serves 404.html with status 404 for a miss, and folders with a redirect', async () => {
    writeFileSync(path.join(dir, '404.html'), page('Not found', '<p>Gone</p>'));
    const miss = await fetch(new URL('nothing/', server.url));
    expect(miss.status).toBe(404);
    expect(await miss.text()).toContain('<title>Not found</title>');
    const folder = await fetch(new URL('about', server.url), { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/base/about/');
    const outside = await fetch(new URL('/index.html', server.url));
    expect(outside.status).toBe(404);
  });
  test('finds every HTML file of a build', () => {
    const paths = listPages(dir).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['', 'about/', 'no-alt.html']));
    expect(paths).not.toContain('pic.svg');
  });
});
