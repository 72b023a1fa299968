/**
 * Builds the Pagefind search index over the finished site, one index per
 * `<html lang>`, into `<outDir>/pagefind/`. Runs on `astro:build:done`, so
 * `OUT_DIR` and `BASE_PATH` need no extra handling: Pagefind reads the files
 * Astro wrote, and the search page passes the base path as `baseUrl`.
 */
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export interface SearchIndexReport {
  pageCount: number;
  /** Wall-clock time of indexing and writing, in milliseconds. */
  ms: number;
  outputPath: string;
}

/** Indexes every HTML file under `siteDir` and writes the bundle to `siteDir/pagefind/` (or `outputPath`). */
export async function buildSearchIndex(
  siteDir: string,
  outputPath = path.join(siteDir, 'pagefind'),
): Promise<SearchIndexReport> {
  const start = performance.now();
  try {
    // Navigation inside a page (breadcrumbs, tables of contents, previous/next
    // links) repeats other pages' titles: never content.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['nav'] });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0)
      throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    if (added.page_count === 0) {
      throw new Error(`Pagefind found no page with data-pagefind-body under ${siteDir}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    }
    // The site has its own search page; Pagefind's ready-made interfaces are never loaded.
    for (const file of await readdir(written.outputPath)) {
      if (/^pagefind-(ui|component-ui|modular-ui)\.(js|css)$|^pagefind-highlight\.js$/.test(file)) {
        await rm(path.join(written.outputPath, file));
      }
    }
    return { pageCount: added.page_count, ms: performance.now() - start, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Astro integration: the search index is part of every `astro build`. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'paseban:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${report.pageCount} pages in ${Math.round(report.ms)} ms`);
      },
    },
  };
}
