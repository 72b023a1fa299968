/**
 * `npm run bench`: runs every benchmark section in `scripts/bench/` (each
 * module's default export is a `BenchSection`) and prints the results as
 * Markdown, ready for README.md's "Performance" section. Not a test: the
 * figures depend on the machine.
 *
 *   npm run bench                     all sections
 *   npm run bench -- --only data      one section (by file name)
 *   npm run bench -- --quick          smaller sizes, for a quick look
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSection } from './bench/section.ts';

const dir = path.join(import.meta.dirname, 'bench');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const quick = argv.includes('--quick');

const files = readdirSync(dir)
  .filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('-worker.ts') && f !== 'section.ts',
  )
  .sort();
for (const f of files) {
  const name = f.replace(/\.ts$/, '');
  if (only && only !== name) continue;
  const section = (await import(pathToFileURL(path.join(dir, f)).href)).default as BenchSection;
  console.log(`\n### ${section.title}\n`);
  console.log(await section.run({ quick, log: (m) => console.error(`[${name}] ${m}`) }));
}
