/** The HTML pages of a build, found by walking its files. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPage {
  /** The file, relative to the build folder (`en/data/index.html`). */
  file: string;
  /** Its address relative to the site root (`en/data/`, `404.html`). */
  path: string;
}

export function listPages(outDir: string): BuiltPage[] {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(outDir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  return files.map((file) => ({
    file,
    path:
      file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file,
  }));
}
