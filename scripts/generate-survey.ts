/**
 * Writes the synthetic demonstration survey into `data/survei-pokmas/` (or
 * `--out DIR`) as Indonesian Excel-style CSVs. The seed comes from the
 * dataset's codebook (`paseban:synthetic.seed`), so the metadata and the
 * files cannot disagree. `--rows N` makes the member table N rows long, for
 * benchmarks.
 *
 *   node scripts/generate-survey.ts [--rows N] [--out DIR]
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { readCodebook as checkCodebook } from './data/check/codebook.ts';
import { formatIssue } from './data/errors.ts';
import { generateSurvey } from './survey/generate.ts';
import { excelHeader, excelLine } from './survey/excel-csv.ts';

const root = path.resolve(import.meta.dirname, '..');
const codebookPath = path.join(root, 'data/survei-pokmas/datapackage.yaml');

/** Seed and column order, read from the codebook (checked): the one place they are declared. */
function readCodebook(): { seed: number; tables: { name: string; path: string; columns: string[] }[] } {
  const { spec, issues } = checkCodebook(readFileSync(codebookPath, 'utf8'), codebookPath, 'survei-pokmas');
  if (!spec) throw new Error(issues.map(formatIssue).join('\n'));
  if (!spec.synthetic)
    throw new Error(`${codebookPath}: paseban:synthetic is false, so there is no seed to generate from`);
  return {
    seed: spec.synthetic.seed,
    tables: spec.tables.map((t) => ({ name: t.name, path: t.path, columns: t.fields.map((f) => f.name) })),
  };
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rowsArg = opt('--rows');
  const rows = rowsArg === undefined ? undefined : Number(rowsArg);
  if (rows !== undefined && !(Number.isInteger(rows) && rows >= 36))
    throw new Error('--rows must be an integer >= 36');
  const out = path.resolve(opt('--out') ?? path.dirname(codebookPath));
  const { seed, tables } = readCodebook();
  const survey = generateSurvey(seed, rows) as unknown as Record<string, Record<string, unknown>[]>;
  mkdirSync(out, { recursive: true });
  for (const table of tables) {
    const records = survey[table.name];
    if (!records) throw new Error(`the generator has no table "${table.name}"`);
    const stream = createWriteStream(path.join(out, table.path));
    stream.write(excelHeader(table.columns));
    let buffer = '';
    for (let i = 0; i < records.length; i++) {
      buffer += excelLine(table.columns, records[i]!);
      if (buffer.length > 1 << 16) {
        if (!stream.write(buffer)) await once(stream, 'drain');
        buffer = '';
      }
    }
    stream.end(buffer);
    await once(stream, 'finish');
  }
}

await main(process.argv.slice(2));
