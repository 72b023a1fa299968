/**
 * Checks a whole dataset folder: the codebook, every table, the keys between
 * tables and the disclosure rules that need whole tables (k-anonymity,
 * l-diversity). Produces the typed tables and the disclosure report, or the
 * list of problems.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCodebook, type DatasetSpec } from './codebook.ts';
import { IssueLog } from './errors.ts';
import { readTable } from './read.ts';
import type { TableResult } from './validate.ts';
import { disclosureReport, type DisclosureReport } from './report.ts';
import { distinctSensitive } from './disclosure.ts';

export const CODEBOOK_NAMES = ['datapackage.yaml', 'datapackage.yml', 'datapackage.json'];

export interface CheckedDataset {
  spec?: DatasetSpec;
  tables: TableResult[];
  report?: DisclosureReport;
  log: IssueLog;
}

/** Finds the codebook file of a dataset folder. */
export function codebookPath(dir: string): string | undefined {
  return CODEBOOK_NAMES.map((n) => path.join(dir, n)).find((p) => existsSync(p));
}

/**
 * Reads and checks one dataset folder. `rel` turns absolute paths into the
 * paths shown in messages. With `collect`, typed rows are kept for output.
 */
export async function checkDataset(
  dir: string,
  opts: { collect: boolean; rel?: (p: string) => string; cap?: number },
): Promise<CheckedDataset> {
  const rel = opts.rel ?? ((p: string) => p);
  const log = new IssueLog(opts.cap);
  const id = path.basename(path.resolve(dir));
  const cb = codebookPath(dir);
  if (!cb) {
    log.add({
      file: rel(dir),
      rule: 'codebook',
      message: `no codebook in this folder (expected one of ${CODEBOOK_NAMES.join(', ')})`,
      hint: 'See data/README.md, "Adding a dataset".',
    });
    return { tables: [], log };
  }
  const { spec, issues } = readCodebook(readFileSync(cb, 'utf8'), rel(cb), id);
  issues.forEach((i) => log.add(i));
  if (!spec) return { tables: [], log };

  // Tables that others point at come first so their keys are known.
  const referenced = new Map<string, string[][]>();
  for (const t of spec.tables)
    for (const fk of t.foreignKeys)
      referenced.set(fk.reference.resource, [
        ...(referenced.get(fk.reference.resource) ?? []),
        fk.reference.fields,
      ]);
  const tables: TableResult[] = [];
  for (const t of spec.tables) {
    const file = path.join(dir, t.path);
    tables.push(
      await readTable(file, rel(file), t, log, {
        collect: opts.collect,
        referenced: referenced.get(t.name) ?? [],
      }),
    );
  }

  // Foreign keys: every value must exist in the referenced table.
  for (const r of tables)
    for (const { fk, seen } of r.foreign) {
      const target = tables.find((x) => x.table.name === fk.reference.resource)!;
      const keys = target.keys.get(fk.reference.fields.join(','))!;
      const col = r.table.fields.findIndex((f) => f.name === fk.fields[0]) + 1;
      for (const [key, line] of seen)
        if (!keys.has(key))
          log.add({
            file: r.file,
            line,
            column: col,
            variable: fk.fields.join(', '),
            rule: 'foreign-key',
            message: `"${key.split('\u001f').join(', ')}" does not exist in ${fk.reference.resource}.${fk.reference.fields.join(', ')}`,
            hint: `Each value must point at a row of table "${fk.reference.resource}".`,
          });
    }

  // The key sets served only the foreign-key check: let them go, as the
  // build goes on to stream every table again.
  for (const r of tables) {
    r.keys.clear();
    for (const f of r.foreign) f.seen.clear();
  }

  // k-anonymity and l-diversity over each table's declared roles.
  const { k, l } = spec.disclosure;
  for (const r of tables) {
    const c = r.classes;
    if (!c || r.rowCount === 0) continue;
    for (const cls of c.classes.values()) {
      const values = c.quasi.map((q, i) => `${q}=${cls.key[i]}`).join(', ');
      if (c.quasi.length && cls.count < k)
        log.add({
          file: r.file,
          line: cls.firstLine,
          variable: c.quasi.join(', '),
          rule: 'disclosure:k-anonymity',
          message: `only ${cls.count} row${cls.count === 1 ? '' : 's'} share${cls.count === 1 ? 's' : ''} (${values}); at least k = ${k} are required`,
          hint: 'Coarsen a quasi-identifier (wider age bands, merged categories) or remove the row; see data/README.md, "Disclosure control".',
        });
      for (let j = 0; j < c.sensitive.length; j++) {
        const s = c.sensitive[j]!;
        if (distinctSensitive(cls, j) < l)
          log.add({
            file: r.file,
            line: cls.firstLine,
            variable: s,
            rule: 'disclosure:l-diversity',
            message: `every row with (${values || 'any values'}) has the same ${s}; at least l = ${l} different values are required`,
            hint: 'Whoever knows the quasi-identifiers would learn the sensitive value: coarsen the quasi-identifiers or merge groups.',
          });
      }
    }
  }
  return { spec, tables, log, report: disclosureReport(spec, tables) };
}
