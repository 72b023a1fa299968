/**
 * Writes the citation downloads (BibTeX, RIS, CSL-JSON) of every Cite block
 * as real files. Each block carries its file text in a
 * `<pre data-cite-file="kutip/…">`; the same path must always carry the same
 * text, else the build stops naming both pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, readPage } from './built-pages.ts';

/** Collects `path -> text` from the pages; throws on a path claimed with two texts. */
export async function collectCitationFiles(
  dir: string,
): Promise<Map<string, { text: string; page: string }>> {
  const files = new Map<string, { text: string; page: string }>();
  for (const page of await htmlFiles(dir)) {
    const document = await readPage(dir, page);
    for (const pre of document.querySelectorAll('pre[data-cite-file]')) {
      const path = pre.getAttribute('data-cite-file')!;
      if (!/^kutip\/[a-z]{2}\/[a-z0-9_]+\.(bib|ris|json)$/.test(path)) {
        throw new Error(
          `${page}: citation file path "${path}" is not of the form kutip/<lang>/<key>.<bib|ris|json>`,
        );
      }
      const text = pre.textContent ?? '';
      const seen = files.get(path);
      if (seen && seen.text !== text) {
        throw new Error(
          `${page}: citation file ${path} differs from the one on ${seen.page}: two items share a citation key`,
        );
      }
      if (!seen) files.set(path, { text, page });
    }
  }
  return files;
}

export default function citationFiles(): AstroIntegration {
  return {
    name: 'citation-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await collectCitationFiles(root);
        for (const [path, { text }] of files) {
          const target = join(root, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, text);
        }
        logger.info(`${files.size} citation files written`);
      },
    },
  };
}
