/**
 * Checks a whole dataset folder: the codebook, every table, the keys between
 * tables and the disclosure rules that need whole tables (k-anonymity,
 * l-diversity). Produces the typed tables and the disclosure report, or the
 * list of problems.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCodebook, type DatasetSpec } from './codebook.ts';
import { IssueLog, mask } from '../errors.ts';
import { readTable } from './read.ts';
import { firstInvalidUtf8 } from './decode.ts';
import type { TableResult } from './validate.ts';
import { SavShape } from '../publish/sav.ts';
import { disclosureReport, type DisclosureReport } from './report.ts';
import { distinctSensitive, scanCell } from './disclosure.ts';

export const CODEBOOK_NAMES = ['datapackage.yaml', 'datapackage.yml', 'datapackage.json'];

/** A checked table, with what its SPSS file's dictionary needs to know before the first case. */
export type CheckedTable = TableResult & { sav: SavShape };

export interface CheckedDataset {
  spec?: DatasetSpec;
  tables: CheckedTable[];
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
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    log.add({
      file: rel(dir),
      rule: 'codebook',
      message: existsSync(dir) ? 'this is a file, not a dataset folder' : 'this folder does not exist',
      hint: 'Give the dataset folder, e.g. npm run data -- --check data/<id>.',
    });
    return { tables: [], log };
  }
  const cb = codebookPath(dir);
  if (!cb) {
    log.add({
      file: rel(dir),
      rule: 'codebook',
      message: `no codebook in this folder (expected one of ${CODEBOOK_NAMES.join(', ')})`,
      hint: `Every folder under data/ is a dataset: its codebook is named datapackage.yaml${(() => {
        const like = readdirSync(dir).filter((n) => /\.(?:ya?ml|json)(?:\.txt)?$/i.test(n));
        return like.length ? ` (found: ${like.join(', ')}; rename it)` : '';
      })()}. See data/README.md, "The codebook".`,
    });
    return { tables: [], log };
  }
  const others = CODEBOOK_NAMES.map((n) => path.join(dir, n)).filter((p) => p !== cb && existsSync(p));
  if (others.length)
    log.add({
      file: rel(others[0]!),
      rule: 'codebook',
      message: `a second codebook beside ${path.basename(cb)}; only one is read`,
      hint: 'Keep one codebook per dataset folder and remove the other.',
    });
  const bytes = readFileSync(cb);
  // The native decoder tells valid text at once; the offset of a bad byte
  // is looked for only when there is one.
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  const bad = text === undefined ? firstInvalidUtf8(bytes) : -1;
  if (bad >= 0) {
    log.add({
      file: rel(cb),
      line: bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1,
      rule: 'encoding',
      message: `the codebook is not valid UTF-8 at byte offset ${bad} (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')})`,
      hint: 'Save the codebook as UTF-8 (in Notepad: "Save as", encoding UTF-8).',
    });
    return { tables: [], log };
  }
  const { spec, issues } = readCodebook(text ?? bytes.toString('utf8'), rel(cb), id);
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
  const tables: CheckedTable[] = [];
  /** Tables with a problem of their own: rows that failed are not in their key sets. */
  const faulty = new Set<string>();
  for (const t of spec.tables) {
    const file = path.join(dir, t.path);
    const before = log.count;
    // The SPSS file's string widths and number formats come before its
    // first case: measured here, so the publish pass streams the cases.
    const sav = new SavShape(t);
    const result = await readTable(file, rel(file), t, log, {
      collect: opts.collect,
      referenced: referenced.get(t.name) ?? [],
      onRow: (values) => sav.add(values),
    });
    tables.push({ ...result, sav });
    if (log.count > before) faulty.add(t.name);
  }
  unlistedFiles(dir, spec, log, rel);

  // Foreign keys: every value must exist in the referenced table. Checked
  // against a table that is itself free of problems: a row refused there
  // (or a table not read at all) would make every key pointing at it look
  // missing; those keys are checked once that table's problems are fixed.
  for (const r of tables)
    for (const { fk, seen } of r.foreign) {
      if (faulty.has(fk.reference.resource)) continue;
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
  // build goes on to read every table again (casting only).
  for (const r of tables) {
    r.keys.clear();
    for (const f of r.foreign) f.seen.clear();
  }

  // k-anonymity and l-diversity over each table's declared roles.
  const { k, l } = spec.disclosure;
  for (const r of tables) {
    const c = r.classes;
    if (!c || r.rowCount === 0) continue;
    // Rows that could not be split into cells (reported already) are in no
    // class: checked without them, their neighbours would seem too few.
    let counted = 0;
    for (const cls of c.classes.values()) counted += cls.count;
    if (counted < r.rowCount) continue;
    // A rare combination is what singles a person out, and these messages
    // end up in terminals and build logs: a value is shown only when it is
    // one of the codebook's categories (published with the codebook anyway);
    // any other value (an exact age, a place) is masked.
    const categories = c.quasi.map(
      (q) => new Set(r.table.fields.find((f) => f.name === q)?.categories?.map((x) => x.value)),
    );
    for (const cls of c.classes.values()) {
      const shown = (v: string, i: number) =>
        v === '' ? '(empty)' : categories[i]!.has(v) && !scanCell(v) ? v : mask(v);
      const values = c.quasi.map((q, i) => `${q}=${shown(cls.key[i]!, i)}`).join(', ');
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
        const n = distinctSensitive(cls, j);
        // Missing values do not count; a class with none known discloses nothing.
        if (n > 0 && n < l)
          log.add({
            file: r.file,
            line: cls.firstLine,
            variable: s,
            rule: 'disclosure:l-diversity',
            message: `the rows with (${values || 'any values'}) have ${n === 1 ? 'the same' : `only ${n} different`} ${s}${n === 1 ? ' wherever it is known' : ' values'}; at least l = ${l} different values are required`,
            hint: 'Whoever knows the quasi-identifiers would learn the sensitive value: coarsen the quasi-identifiers or merge groups.',
          });
      }
    }
  }
  return { spec, tables, log, report: disclosureReport(spec, tables) };
}

/** Extensions of files that hold data: such a file in a dataset folder must be a table of its codebook. */
const DATA_FILE = /\.(?:csv|tsv|txt|xlsx?|ods|sav|dta|json)$/i;

/**
 * Data files in the dataset folder that the codebook does not name. They are
 * not checked, so they may not sit in the folder (which is kept in the
 * project's public repository): describe them as a table or remove them.
 */
function unlistedFiles(dir: string, spec: DatasetSpec, log: IssueLog, rel: (p: string) => string): void {
  // A file named as a table but for its capitals is reported as file-missing, with its name.
  const listed = new Set(spec.tables.map((t) => t.path.toLowerCase()));
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (listed.has(name.toLowerCase()) || CODEBOOK_NAMES.includes(name) || !DATA_FILE.test(name)) continue;
    if (!statSync(full).isFile()) continue;
    log.add({
      file: rel(full),
      rule: 'file-unlisted',
      message: 'this data file is not a table of the codebook, so it is neither checked nor published',
      hint: 'Describe it under resources in the codebook, or move it out of the dataset folder (the folder is kept in the public repository).',
    });
  }
}
