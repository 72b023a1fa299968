/**
 * The dataset page offers the SPSS files: rendered through Astro's container
 * API from the metadata the data build writes (`npm run data`), in both
 * languages, it lists every `.sav` of the version with its link, explains
 * what the files hold, and names the SPSS mark of a synthetic dataset.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../lib/schema/metadata.ts';
import DatasetView from './DatasetView.astro';

const root = path.resolve(import.meta.dirname, '../..');

function builtMeta(id: string): DatasetMeta {
  const file = path.join(root, '.build/data', id, 'metadata.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run data\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetMeta;
}

describe('the dataset page’s SPSS section', () => {
  it('links every .sav file of the version and explains it, in Indonesian and English', async () => {
    const container = await AstroContainer.create();
    const meta = builtMeta('survei-pokmas');
    const savs = meta.files.filter((f) => f.format === 'sav');
    expect(savs.map((f) => f.table).sort()).toEqual(meta.tables.map((t) => t.name).sort());
    for (const [locale, heading, words] of [
      ['id', 'SPSS', /label variabel dan label nilai/],
      ['en', 'SPSS', /variable labels and value labels/],
    ] as const) {
      const html = await container.renderToString(DatasetView, {
        props: { meta, version: meta.version, locale, absolute: (p: string) => `https://example.org/${p}` },
      });
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      const section = [...document.querySelectorAll('.howto')].find((d) =>
        d.querySelector('h4')?.textContent?.includes('.sav'),
      );
      expect(section, `${locale}: no section about the .sav files`).toBeDefined();
      expect(section!.querySelector('h4')!.textContent).toContain(heading);
      expect(section!.textContent).toMatch(words);
      const links = [...section!.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'));
      expect(links.sort()).toEqual(savs.map((f) => `/${f.path}`).sort());
      const marks = [...document.querySelectorAll('.howto li')].map((li) => li.textContent ?? '');
      expect(marks.some((m) => /^SPSS \(\.sav\)/.test(m.trim()))).toBe(true);
    }
  });
});
