/** Shared helpers of the integrations that read the built HTML pages. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** Every `.html` file under `dir`, as paths relative to it (`en/data/index.html`), sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^\/+/, ''))
    .sort();
}

/** The parsed document of one built page. */
export async function readPage(dir: string, file: string): Promise<Document> {
  return parseHTML(await readFile(join(dir, file), 'utf8')).document as unknown as Document;
}
