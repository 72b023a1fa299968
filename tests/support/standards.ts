/**
 * The official schemas (Data Package, CSL-JSON, CITATION.cff, DDI XSD) that
 * the tests check the project's outputs against: copies in
 * `tests/standards/` (sources and licences in its README), or wherever
 * `STANDARDS_DIR` points.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bundled = fileURLToPath(new URL('../standards/', import.meta.url));

/** Absolute path of one file of the official standards; a clear error when it is missing. */
export function standardPath(name: string): string {
  const dir = path.resolve(process.env.STANDARDS_DIR ?? bundled);
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    throw new Error(
      `${file} not found: the checks against the official schemas read tests/standards/ (or STANDARDS_DIR).`,
    );
  }
  return file;
}

/** One official JSON Schema, parsed. */
export function readStandardJson(name: string): object {
  return JSON.parse(readFileSync(standardPath(name), 'utf8')) as object;
}
