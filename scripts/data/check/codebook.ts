/**
 * Reads a dataset's codebook (a Frictionless Data Package v2 descriptor in
 * YAML or JSON) into the model the rest of the build uses. Standard
 * properties carry the Indonesian text; `paseban:*` properties add English,
 * question wording, units, disclosure roles and the synthetic origin.
 * Problems are reported with the codebook's file and line.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { mask, type DataIssue } from '../errors.ts';
import { describeFinding, scanCell, type IdentifierKind } from './disclosure.ts';
import type { Bilingual } from '../../../src/lib/i18n.ts';
import type { DisclosureRole as Role, FieldDescription, FieldType } from '../../../src/lib/dataset-meta.ts';
import { DEFAULT_DISCLOSURE } from '../../../src/lib/disclosure.ts';

export const NS = 'paseban:';
export const fieldTypes = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'year',
] as const satisfies FieldType[];
export const roles = [
  'direct-identifier',
  'quasi-identifier',
  'sensitive',
  'other',
] as const satisfies Role[];
export type { FieldType, Role };

export interface CategorySpec {
  value: string;
  label: Bilingual;
  unit?: Bilingual;
}
export interface Constraints {
  required?: boolean;
  unique?: boolean;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}
export interface FieldSpec extends FieldDescription {
  categories?: CategorySpec[];
  constraints: Constraints;
  missingValues: string[];
  decimalChar: string;
  groupChar?: string;
  bareNumber: boolean;
  trueValues: string[];
  falseValues: string[];
  /**
   * The field's column in the delivered file (1 = first), when the codebook
   * addresses it by position (`paseban:column`) rather than by its header name.
   */
  column?: number;
  /** The field as written in the codebook (for the published descriptor). */
  raw: Record<string, unknown>;
}
export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}
export interface TableSpec {
  name: string;
  /** File name of the delivered CSV, relative to the dataset folder. */
  path: string;
  label: Bilingual;
  description?: Bilingual;
  /** Declared encoding (`utf-8`, `utf-16`, `windows-1252`); UTF-8 when absent. */
  encoding?: string;
  delimiter: string;
  quoteChar: string;
  /**
   * The rows of the file (1 = first) whose cells, joined per column with
   * `headerJoin`, make the header (`dialect.headerRows`); undefined: the
   * first row that is not empty.
   */
  headerRows?: number[];
  headerJoin: string;
  /**
   * `equal`: every column of the file is a field of the codebook (empty
   * columns without a name aside); `subset`: columns the codebook does not
   * describe are left out (`schema.fieldsMatch`).
   */
  fieldsMatch: 'equal' | 'subset';
  fields: FieldSpec[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  raw: Record<string, unknown>;
}
export interface ChangelogEntry {
  version: string;
  changes: Bilingual;
}
export interface DatasetSpec {
  id: string;
  version: string;
  label: Bilingual;
  description: Bilingual;
  synthetic: false | { generator: string; seed: number };
  disclosure: { k: number; l: number };
  changelog: ChangelogEntry[];
  tables: TableSpec[];
  /** The descriptor as written (for the published datapackage.json). */
  raw: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Parses codebook text into a dataset model, or returns the problems found
 * (each with the codebook file and line). `id` is the dataset folder name.
 */
/**
 * Properties whose text names the people and places behind the data by
 * design (contributors with their contact, sources, licences, file paths)
 * and are not scanned.
 */
const notScanned = new Set(['contributors', 'sources', 'licenses', 'path', '$schema', 'homepage', 'image']);

/** Scans every text of the codebook that describes the data for direct identifiers. */
function scanCodebookText(
  value: unknown,
  path: (string | number)[],
  report: (path: (string | number)[], kind: IdentifierKind, match: string) => void,
): void {
  if (typeof value === 'string') {
    const found = scanCell(value);
    if (found) report(path, found.kind, found.match);
  } else if (Array.isArray(value)) value.forEach((v, i) => scanCodebookText(v, [...path, i], report));
  else if (isObj(value))
    for (const [k, v] of Object.entries(value))
      if (!notScanned.has(k)) scanCodebookText(v, [...path, k], report);
}

export function readCodebook(
  text: string,
  file: string,
  id: string,
): { spec?: DatasetSpec; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  for (const e of doc.errors) {
    issues.push({
      file,
      line: e.linePos?.[0].line,
      column: e.linePos?.[0].col,
      rule: 'codebook',
      message: e.message.split('\n')[0]!,
      hint: 'The codebook must be valid YAML (or JSON).',
    });
  }
  if (issues.length) return { issues };
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let p = path.length; p >= 0; p--) {
      const node = doc.getIn(path.slice(0, p), true) as { range?: [number, number] } | undefined;
      if (node && node.range) return lc.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const problem = (path: (string | number)[], message: string, hint?: string) =>
    issues.push({
      file,
      line: lineOf(path),
      rule: 'codebook',
      message: `${path.join('.') || '(top)'}: ${message}`,
      hint,
    });

  const d = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isObj(d)) {
    problem([], 'the codebook must be a mapping (key: value)');
    return { issues };
  }
  scanCodebookText(d, [], (path, kind, match) => {
    const found = describeFinding(kind);
    issues.push({
      file,
      line: lineOf(path),
      rule: `disclosure:${kind}`,
      message: `${path.join('.')}: the text "${mask(match)}" ${found.message}`,
      hint: `The codebook is published with the data, so its titles, descriptions, questions and labels are checked like the cells. ${found.hint}`,
    });
  });
  const text2 = (
    o: Obj,
    key: string,
    path: (string | number)[],
    required: boolean,
  ): Bilingual | undefined => {
    const idText = o[key];
    const enText = o[`${NS}${key}En`];
    if (idText === undefined && enText === undefined) {
      if (required)
        problem([...path, key], `"${key}" (Indonesian) and "${NS}${key}En" (English) are required`);
      return undefined;
    }
    if (typeof idText !== 'string' || typeof enText !== 'string') {
      problem(
        [...path, key],
        `both "${key}" (Indonesian) and "${NS}${key}En" (English) must be given as text`,
      );
      return undefined;
    }
    return { id: idText.trim(), en: enText.trim() };
  };
  const bilingual = (v: unknown, path: (string | number)[]): Bilingual | undefined => {
    if (v === undefined) return undefined;
    if (isObj(v) && typeof v.id === 'string' && typeof v.en === 'string') return { id: v.id, en: v.en };
    problem(path, 'must be { id: <Indonesian>, en: <English> }');
    return undefined;
  };

  if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(id))
    problem(
      ['name'],
      `the folder name "${id}" cannot be a dataset id: use lower case letters and digits joined by "-" (e.g. survei-pokmas)`,
      'The id becomes the page address and the start of every file name: rename the folder and "name".',
    );
  else if (d.name !== id)
    problem(
      ['name'],
      `must equal the folder name "${id}"`,
      'One name carries through: folder, codebook name, page URL and file names.',
    );
  if (typeof d.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(d.version))
    problem(['version'], 'must be a version like "1.0.0" (in quotes is fine)');
  const label = text2(d, 'title', [], true);
  const description = text2(d, 'description', [], true);
  // The dataset page describes it to search engines as a schema.org Dataset,
  // whose description must be 50 to 5000 characters long (in each language).
  if (description)
    for (const [lang, key] of [
      ['id', 'description'],
      ['en', `${NS}descriptionEn`],
    ] as const) {
      const n = description[lang].replace(/\s+/g, ' ').length;
      if (n < 50 || n > 5000)
        problem(
          [key],
          `has ${n} characters; a dataset description needs 50 to 5000`,
          'Say in a few sentences what the data is, who collected it, where and when.',
        );
    }
  if (!Array.isArray(d.licenses) || d.licenses.length === 0)
    problem(['licenses'], 'at least one licence is required');
  if (!Array.isArray(d.sources) || d.sources.length === 0)
    problem(['sources'], 'at least one source is required');

  let synthetic: DatasetSpec['synthetic'] = false;
  const syn = d[`${NS}synthetic`];
  if (syn === undefined)
    problem([`${NS}synthetic`], 'say whether the data is synthetic: false, or { generator, seed }');
  else if (syn !== false) {
    if (isObj(syn) && typeof syn.generator === 'string' && typeof syn.seed === 'number')
      synthetic = { generator: syn.generator, seed: syn.seed };
    else problem([`${NS}synthetic`], 'must be false or { generator: <script>, seed: <number> }');
  }
  const disc = d[`${NS}disclosure`];
  const disclosure: DatasetSpec['disclosure'] = { ...DEFAULT_DISCLOSURE };
  if (disc !== undefined) {
    if (!isObj(disc)) problem([`${NS}disclosure`], 'must be { k: <number>, l: <number> }');
    else {
      for (const key of ['k', 'l'] as const) {
        const v = disc[key];
        if (v === undefined) continue;
        if (typeof v === 'number' && Number.isInteger(v) && v >= DEFAULT_DISCLOSURE[key]) disclosure[key] = v;
        else
          problem(
            [`${NS}disclosure`, key],
            `${key} must be a whole number of at least ${DEFAULT_DISCLOSURE[key]}`,
            `A dataset may raise ${key}, not lower it.`,
          );
      }
    }
  }
  const changelog: ChangelogEntry[] = [];
  const cl = d[`${NS}changelog`];
  if (!Array.isArray(cl) || cl.length === 0)
    problem([`${NS}changelog`], 'list at least the current version: - version: 1.0.0, changes: { id, en }');
  else
    cl.forEach((e, i) => {
      const changes = isObj(e) ? bilingual(e.changes, [`${NS}changelog`, i, 'changes']) : undefined;
      if (!isObj(e) || typeof e.version !== 'string' || !changes)
        problem([`${NS}changelog`, i], 'needs version and changes { id, en }');
      else changelog.push({ version: e.version, changes });
    });
  if (typeof d.version === 'string' && changelog.length && !changelog.some((c) => c.version === d.version))
    problem([`${NS}changelog`], `has no entry for the current version ${d.version}`);

  const tables: TableSpec[] = [];
  if (!Array.isArray(d.resources) || d.resources.length === 0)
    problem(['resources'], 'list at least one table');
  else
    d.resources.forEach((r: unknown, ri: number) => {
      const rp = ['resources', ri];
      if (!isObj(r)) return problem(rp, 'must be a mapping');
      if (typeof r.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(r.name))
        return problem(
          [...rp, 'name'],
          'a table name is required: lower case letters, digits, "-", "_" or "."',
        );
      if (typeof r.path !== 'string' || r.path.includes('/') || r.path.startsWith('.'))
        return problem([...rp, 'path'], 'must be the file name of the CSV in the dataset folder');
      const dialect = isObj(r.dialect) ? r.dialect : {};
      const delimiter = dialect.delimiter ?? ',';
      if (typeof delimiter !== 'string' || [...delimiter].length !== 1)
        problem([...rp, 'dialect', 'delimiter'], 'must be one character, e.g. ";" or ","');
      const quoteChar = typeof dialect.quoteChar === 'string' ? dialect.quoteChar : '"';
      // Table Dialect v2: the header may span several rows (a heading above
      // its sub-headings), joined per column; rows above it (a title) are skipped.
      let headerRows: number[] | undefined;
      if (dialect.header === false)
        problem(
          [...rp, 'dialect', 'header'],
          'a file without a header row cannot be read: the header names the columns',
          'Add a header row to the file, or leave out "header" (a header row is the default).',
        );
      if (dialect.headerRows !== undefined) {
        const hr = dialect.headerRows;
        if (
          !Array.isArray(hr) ||
          hr.length === 0 ||
          !hr.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > (hr[i - 1] as number)))
        )
          problem(
            [...rp, 'dialect', 'headerRows'],
            'must list the rows of the header, counted from 1 and in order, e.g. [1, 2]',
            'Row numbers are the line numbers a text editor shows (the first line is 1).',
          );
        else headerRows = hr as number[];
      }
      const headerJoin = dialect.headerJoin ?? ' ';
      if (typeof headerJoin !== 'string')
        problem([...rp, 'dialect', 'headerJoin'], 'must be text, e.g. " " (the default) or "_"');
      const schema = isObj(r.schema) ? r.schema : undefined;
      if (!schema || !Array.isArray(schema.fields) || schema.fields.length === 0)
        return problem([...rp, 'schema', 'fields'], "list the table's columns");
      // Table Schema v2 `fieldsMatch`: columns are matched by name; with
      // `subset` the file may have columns the codebook leaves out.
      const fieldsMatch = schema.fieldsMatch ?? 'equal';
      if (fieldsMatch !== 'equal' && fieldsMatch !== 'subset')
        problem(
          [...rp, 'schema', 'fieldsMatch'],
          `"${String(fieldsMatch)}" is not read here; use equal (every column is described, the default) or subset (columns not described are left out)`,
        );
      const schemaMissing = Array.isArray(schema.missingValues) ? schema.missingValues.map(String) : [''];
      const fields: FieldSpec[] = [];
      const seen = new Set<string>();
      schema.fields.forEach((f: unknown, fi: number) => {
        const fp = [...rp, 'schema', 'fields', fi];
        if (!isObj(f) || typeof f.name !== 'string' || f.name === '')
          return problem(fp, 'each field needs a name');
        if (seen.has(f.name)) problem([...fp, 'name'], `field "${f.name}" is listed twice`);
        seen.add(f.name);
        const type = (f.type ?? 'string') as FieldType;
        if (!fieldTypes.includes(type))
          problem([...fp, 'type'], `unknown type "${String(f.type)}"; use one of ${fieldTypes.join(', ')}`);
        const role = (f[`${NS}role`] ?? 'other') as Role;
        if (!roles.includes(role))
          problem(
            [...fp, `${NS}role`],
            `unknown disclosure role "${String(role)}"; use one of ${roles.join(', ')}`,
          );
        const fl = text2(f, 'title', fp, true) ?? { id: f.name, en: f.name };
        let categories: CategorySpec[] | undefined;
        if (f.categories !== undefined) {
          if (!Array.isArray(f.categories)) problem([...fp, 'categories'], 'must be a list');
          else
            categories = f.categories.map((c: unknown, ci: number) => {
              if (typeof c === 'string' || typeof c === 'number')
                return { value: String(c), label: { id: String(c), en: String(c) } };
              if (!isObj(c) || c.value === undefined) {
                problem([...fp, 'categories', ci], 'each category needs a value');
                return { value: '', label: { id: '', en: '' } };
              }
              const cl = text2(c, 'label', [...fp, 'categories', ci], false) ?? {
                id: String(c.value),
                en: String(c.value),
              };
              return {
                value: String(c.value),
                label: cl,
                unit: bilingual(c[`${NS}unit`], [...fp, 'categories', ci, `${NS}unit`]),
              };
            });
        }
        const column = f[`${NS}column`];
        if (column !== undefined && !(Number.isInteger(column) && (column as number) >= 1))
          problem(
            [...fp, `${NS}column`],
            'must be the position of the column in the file: 1 for the first, 2 for the second, …',
          );
        const constraints = (isObj(f.constraints) ? f.constraints : {}) as Constraints;
        if (constraints.pattern !== undefined) {
          try {
            new RegExp(constraints.pattern, 'u');
          } catch {
            problem([...fp, 'constraints', 'pattern'], 'is not a valid regular expression');
          }
        }
        fields.push({
          name: f.name,
          type,
          format: typeof f.format === 'string' ? f.format : undefined,
          label: fl,
          description: text2(f, 'description', fp, false),
          question: bilingual(f[`${NS}question`], [...fp, `${NS}question`]),
          unit: bilingual(f[`${NS}unit`], [...fp, `${NS}unit`]),
          role,
          categories,
          constraints,
          missingValues: Array.isArray(f.missingValues) ? f.missingValues.map(String) : schemaMissing,
          decimalChar: typeof f.decimalChar === 'string' ? f.decimalChar : '.',
          groupChar: typeof f.groupChar === 'string' ? f.groupChar : undefined,
          bareNumber: f.bareNumber !== false,
          trueValues: Array.isArray(f.trueValues) ? f.trueValues.map(String) : ['true', 'True', 'TRUE', '1'],
          falseValues: Array.isArray(f.falseValues)
            ? f.falseValues.map(String)
            : ['false', 'False', 'FALSE', '0'],
          ...(typeof column === 'number' && Number.isInteger(column) && column >= 1 ? { column } : {}),
          // How the delivered file is read is not published: the published CSV has its own columns.
          raw: Object.fromEntries(Object.entries(f).filter(([k]) => k !== `${NS}column`)),
        });
      });
      const byPosition = new Map<number, string>();
      fields.forEach((f, fi) => {
        if (f.column === undefined) return;
        const other = byPosition.get(f.column);
        if (other !== undefined)
          problem(
            [...rp, 'schema', 'fields', fi, `${NS}column`],
            `column ${f.column} is already the field "${other}"`,
          );
        byPosition.set(f.column, f.name);
      });
      const names = new Set(fields.map((f) => f.name));
      const asList = (x: unknown) => (typeof x === 'string' ? [x] : Array.isArray(x) ? x.map(String) : []);
      const primaryKey = asList(schema.primaryKey);
      for (const k of primaryKey)
        if (!names.has(k))
          problem([...rp, 'schema', 'primaryKey'], `names "${k}", which is not a field of this table`);
      const foreignKeys: ForeignKey[] = [];
      if (Array.isArray(schema.foreignKeys))
        schema.foreignKeys.forEach((fk: unknown, ki: number) => {
          const kp = [...rp, 'schema', 'foreignKeys', ki];
          if (!isObj(fk) || !isObj(fk.reference))
            return problem(kp, 'needs fields and reference { resource, fields }');
          const fkFields = asList(fk.fields);
          const refFields = asList(fk.reference.fields);
          const resource = typeof fk.reference.resource === 'string' ? fk.reference.resource : String(r.name);
          for (const k of fkFields)
            if (!names.has(k)) problem([...kp, 'fields'], `names "${k}", which is not a field of this table`);
          if (fkFields.length !== refFields.length || fkFields.length === 0)
            problem(kp, 'fields and reference.fields must list the same number of fields');
          foreignKeys.push({ fields: fkFields, reference: { resource, fields: refFields } });
        });
      tables.push({
        name: r.name,
        path: r.path,
        label: text2(r, 'title', rp, true) ?? { id: r.name, en: r.name },
        description: text2(r, 'description', rp, false),
        encoding: typeof r.encoding === 'string' ? r.encoding : undefined,
        delimiter: typeof delimiter === 'string' ? delimiter : ',',
        quoteChar,
        headerRows,
        headerJoin: typeof headerJoin === 'string' ? headerJoin : ' ',
        fieldsMatch: fieldsMatch === 'subset' ? 'subset' : 'equal',
        fields,
        primaryKey,
        foreignKeys,
        raw: { ...r, schema: { ...schema, fields: fields.map((f) => f.raw) } },
      });
    });
  // Foreign keys must point at a table and fields that exist.
  tables.forEach((t, ti) =>
    t.foreignKeys.forEach((fk, ki) => {
      const target = tables.find((x) => x.name === fk.reference.resource);
      const path = ['resources', ti, 'schema', 'foreignKeys', ki, 'reference'];
      if (!target)
        return problem(path, `points at table "${fk.reference.resource}", which this codebook does not have`);
      for (const k of fk.reference.fields)
        if (!target.fields.some((f) => f.name === k))
          problem(path, `points at "${fk.reference.resource}.${k}", which is not a field`);
    }),
  );
  const tableNames = tables.map((t) => t.name);
  tableNames.forEach(
    (n, i) =>
      tableNames.indexOf(n) !== i && problem(['resources', i, 'name'], `table "${n}" is listed twice`),
  );
  if (issues.length || !label || !description) return { issues };
  return {
    spec: {
      id,
      version: d.version as string,
      label,
      description,
      synthetic,
      disclosure,
      changelog,
      tables,
      raw: d,
    },
    issues,
  };
}
