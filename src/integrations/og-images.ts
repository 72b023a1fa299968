/**
 * Renders the link-preview image (Open Graph / Twitter card) of every built
 * page: the page title and the site name on a plain card, 1200 x 630 PNG,
 * drawn with the DejaVu fonts (no request to any font service). The target of
 * each image is the page's own `og:image` URL, so the layout decides where it lives.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rasterize } from '../lib/raster.ts';
import type { AstroIntegration } from 'astro';
import { syntheticLabel } from '../lib/stats.ts';
import { htmlFiles, readPage } from './built-pages.ts';

export const ogSize = { width: 1200, height: 630 };

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Breaks text into at most `maxLines` lines of about `perLine` characters, ending in "…" when cut. */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) {
      line = next.length > perLine ? next.slice(0, perLine - 1) + '…' : next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      lines[maxLines - 1] = lines[maxLines - 1]!.replace(/\s*\S*$/, '') + ' …';
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Whether a built page shows numbers from a synthetic dataset (the marks and
 * notices the data components and figures put on it), and so its card must too.
 */
export function showsSyntheticNumbers(document: { querySelector(s: string): unknown }): boolean {
  return document.querySelector('.bound-value.synthetic, .synthetic-notice, .fig-notice') !== null;
}

/** The SVG of one card; all text escaped. `label`: the synthetic label, in a band at the top. */
export function ogSvg(opts: { title: string; siteName: string; label?: string | undefined }): string {
  const titleLines = wrapText(opts.title, 30, 4);
  const titleText = titleLines
    .map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : 78}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${ogSize.width}" height="${ogSize.height}" viewBox="0 0 ${ogSize.width} ${ogSize.height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect x="0" y="0" width="24" height="100%" fill="#0b5cad"/>
<text x="80" y="220" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#1b1f24">${titleText}</text>
<text x="80" y="560" font-family="DejaVu Sans" font-size="32" fill="#0b5cad">${escapeXml(opts.siteName)}</text>
${
  opts.label
    ? `<rect x="24" y="0" width="1176" height="72" fill="#fff4d6"/><text x="80" y="48" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="#5c3d00">${escapeXml(opts.label)}</text>`
    : ''
}</svg>`;
}

/** PNG bytes of one card. */
export function renderOgPng(svg: string): Uint8Array {
  return rasterize(svg, { mode: 'width', value: ogSize.width });
}

export default function ogImages(): AstroIntegration {
  let base = '/';
  return {
    name: 'og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let count = 0;
        for (const page of await htmlFiles(root)) {
          const document = await readPage(root, page);
          const image = document.querySelector('meta[property="og:image"]')?.getAttribute('content');
          if (!image) continue;
          const path = new URL(image).pathname;
          if (!path.startsWith(base) || !path.endsWith('.png')) {
            throw new Error(`${page}: og:image ${image} is not a PNG under the base path ${base}`);
          }
          const title = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
          const siteName =
            document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
          const target = join(root, decodeURIComponent(path.slice(base.length)));
          await mkdir(dirname(target), { recursive: true });
          const lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'id';
          const label = showsSyntheticNumbers(document) ? syntheticLabel[lang] : undefined;
          await writeFile(target, renderOgPng(ogSvg({ title, siteName, label })));
          count++;
        }
        logger.info(`${count} preview images rendered`);
      },
    },
  };
}
