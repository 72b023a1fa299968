/**
 * Checks one table row by row as it streams past: header against the
 * codebook, ragged rows, types, constraints, keys, and the disclosure scan.
 * Holds only what the checks need (key sets, equivalence classes), and the
 * typed rows only when asked to (the build needs them, a benchmark does not).
 */
import type { FieldSpec, TableSpec } from './codebook.ts';
import { INVALID, makeCaster, type Caster, type Value } from './cast.ts';
import {
  ClassCounter,
  describeFinding,
  isSuspiciousColumnName,
  mayHoldIdentifier,
  numberWithoutIdentifierCharacters,
  scanCell,
  type Finding,
} from './disclosure.ts';
import { KEPT_PER_KIND, mask, type IssueLog } from '../errors.ts';
import { StringSet } from '../string-set.ts';
import type { Fingerprint } from './read.ts';

export interface TableResult {
  table: TableSpec;
  file: string;
  rows: Value[][];
  rowCount: number;
  /** Distinct key tuples of this table's fields that other tables reference, by "f1,f2". */
  keys: Map<string, StringSet>;
  /** Distinct foreign-key tuples seen in this table, with the first line each appeared on. */
  foreign: { fk: TableSpec['foreignKeys'][number]; seen: Map<string, number> }[];
  classes?: ClassCounter;
  cellsScanned: number;
  /** The file as it was read (absent when it could not be). */
  source?: Fingerprint;
}

const SEP = '\u001f';

/** The most characters one cell of an Excel sheet holds: longer text cannot go into the XLSX download. */
export const CELL_MAX_CHARS = 32_767;

/** The key of a row over some columns: the value itself for one column, values joined by SEP for several. */
function tuple(values: Value[], idx: number[]): string {
  if (idx.length === 1) {
    const v = values[idx[0]!];
    return typeof v === 'string' ? v : String(v ?? '');
  }
  let key = '';
  for (let i = 0; i < idx.length; i++) key += (i ? SEP : '') + String(values[idx[i]!] ?? '');
  return key;
}

function hasNull(values: Value[], idx: number[]): boolean {
  for (let i = 0; i < idx.length; i++) if (values[idx[i]!] === null) return true;
  return false;
}

/**
 * The hint for a number that is a category once its lost leading zeros are
 * back (`3` for `03`), or for a code such as `01` whose category the YAML
 * codebook turned into the number 1 (unquoted `01`).
 */
function lostZero(value: string, categories: Set<string>): string | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  if (/^0/.test(value) && categories.has(value.replace(/^0+(?=\d)/, '')))
    return `The codebook has the category ${value.replace(/^0+(?=\d)/, '')}: write codes with leading zeros in quotes there (value: '${value}'), or YAML reads them as numbers.`;
  const padded = [...categories].find(
    (c) => /^0+\d+$/.test(c) && c.replace(/^0+/, '') === value.replace(/^0+/, ''),
  );
  return padded
    ? `Was it "${padded}"? Excel drops leading zeros when a column is formatted as a number: format the column as text in Excel and export again.`
    : undefined;
}

/** A problem with one cell: rule, message, hint. */
type Problem = readonly [rule: string, message: string, hint: string];
/**
 * One constraint of a field, checked on a cell's typed value `v` (and `s`,
 * the value as text): the problem, or undefined when it holds.
 */
type Rule = (v: Value, s: string) => Problem | undefined;

/** The constraints of a field that apply to its typed values, in the order their problems are reported. */
function constraintRules(f: FieldSpec, unique: StringSet | undefined): Rule[] {
  const k = f.constraints;
  const rules: Rule[] = [];
  if (k.enum) {
    const en = new Set(k.enum.map(String));
    rules.push((_, s) =>
      en.has(s)
        ? undefined
        : [
            'enum',
            `"${s}" is not one of ${[...en].join(', ')}`,
            'constraints.enum lists the allowed values.',
          ],
    );
  }
  const { minimum, maximum, minLength, maxLength } = k;
  if (minimum !== undefined)
    rules.push((v) =>
      typeof v === 'number' && v < minimum
        ? [
            'minimum',
            `${v} is below the minimum ${minimum}`,
            "Check the value, or the codebook's constraints.minimum.",
          ]
        : undefined,
    );
  if (maximum !== undefined)
    rules.push((v) =>
      typeof v === 'number' && v > maximum
        ? [
            'maximum',
            `${v} is above the maximum ${maximum}`,
            "Check the value, or the codebook's constraints.maximum.",
          ]
        : undefined,
    );
  if (minLength !== undefined)
    rules.push((v) =>
      typeof v === 'string' && v.length < minLength
        ? ['minLength', `is shorter than ${minLength} characters`, 'constraints.minLength']
        : undefined,
    );
  if (maxLength !== undefined)
    rules.push((v) =>
      typeof v === 'string' && v.length > maxLength
        ? ['maxLength', `is longer than ${maxLength} characters`, 'constraints.maxLength']
        : undefined,
    );
  rules.push((v) =>
    typeof v === 'string' && v.length > CELL_MAX_CHARS
      ? [
          'cell-too-long',
          `has ${v.length} characters; an Excel cell holds at most ${CELL_MAX_CHARS}`,
          'The XLSX download would cut this text. Shorten it, or split it over two rows or columns (and the codebook).',
        ]
      : undefined,
  );
  if (k.pattern) {
    const p = new RegExp(`^(?:${k.pattern})$`, 'u');
    rules.push((v) =>
      typeof v === 'string' && !p.test(v)
        ? [
            'pattern',
            `"${v}" does not match the pattern ${k.pattern}`,
            /^\d+$/.test(v) && p.test(`0${v}`)
              ? `"0${v}" would match: Excel drops leading zeros when a column is formatted as a number. Format the column as text in Excel and export again.`
              : 'constraints.pattern gives the form values must take.',
          ]
        : undefined,
    );
  }
  if (unique)
    rules.push((_, s) =>
      unique.add(s)
        ? undefined
        : [
            'unique',
            `"${s}" appears more than once`,
            'Values of this column must be unique (constraints.unique).',
          ],
    );
  return rules;
}

/**
 * The checks of one field, compiled once from the codebook: its caster,
 * its categories, the rules of its constraints, and a quick path for the
 * common clean cell. Every field's record has the same shape, so reading
 * it in the row loop stays a fixed-offset load; the codebook's constraint
 * objects differ in shape from field to field, and reading them per cell
 * was slow.
 */
class FieldCheck {
  readonly field: FieldSpec;
  /** Position of the field in the codebook (and in a row's values). */
  readonly index: number;
  readonly caster: Caster;
  /** Column of the field in the file, -1 when the header lacks it. */
  col = -1;
  /**
   * A plain field's small category list as parallel arrays (value, index),
   * compared by length and then `===`: cheaper than hashing each freshly
   * parsed cell for a Map lookup. Larger lists use `plainCategories`.
   */
  private readonly categoryValues: string[] | undefined;
  private readonly categoryCodes: number[] | undefined;
  /** Category value -> index, for fields whose categories are their only check. */
  private readonly plainCategories: Map<string, number> | undefined;
  private readonly categorySet: Set<string> | undefined;
  private readonly rules: Rule[];
  /** The rules need the value as text (categories, enum, unique). */
  private readonly needsText: boolean;
  private readonly required: boolean;
  /** Read the number before the identifier scan, which a short number cannot need (see `mayHoldIdentifier`). */
  private readonly castBeforeScan: boolean;
  /** Whether a number of this field may be written with an exponent (`1,5E+3`). */
  private readonly exponent: boolean;
  /**
   * The quick check of a cell, which reports nothing: with the cell's value
   * and category index in `values` and `known`, the number of cells it
   * scanned for identifiers (0 or 1) when the full check (`check`) would
   * pass it with the same value, and -1 at the first doubt. Built for the
   * fields whose clean cells are most of a large table: a short category
   * list, a number with at most bounds, a text with at most a pattern and
   * lengths. Other fields have none and take the full check.
   */
  readonly quick: ((text: string, values: Value[], known: Int32Array) => number) | undefined;

  constructor(f: FieldSpec, index: number, unique: boolean) {
    const k = f.constraints;
    this.field = f;
    this.index = index;
    const caster = (this.caster = makeCaster(f));
    const cats = f.categories ? new Set(f.categories.map((c) => c.value)) : undefined;
    this.categorySet = cats;
    const plain =
      !k.unique && !k.pattern && !k.enum && k.minLength === undefined && k.maxLength === undefined;
    this.plainCategories =
      plain && cats && cats.size < 512 && !f.missingValues.some((m) => cats.has(m))
        ? new Map(f.categories!.map((c, j) => [c.value, j]))
        : undefined;
    const small = this.plainCategories && this.plainCategories.size <= 16 ? this.plainCategories : undefined;
    this.categoryValues = small && [...small.keys()];
    this.categoryCodes = small && [...small.values()];
    const set = unique ? new StringSet() : undefined;
    this.rules = constraintRules(f, set);
    this.needsText = !!(cats || k.enum || set);
    this.required = !!k.required;
    this.castBeforeScan = numberWithoutIdentifierCharacters(f);
    const exponent = (this.exponent = f.type === 'number');
    const other = !cats && !k.enum && !set;
    const { minimum, maximum, minLength, maxLength } = k;
    const pattern = k.pattern ? new RegExp(`^(?:${k.pattern})$`, 'u') : undefined;
    const required = this.required;
    if (this.categoryValues)
      this.quick = (text, values, known) => {
        const code = this.category(text);
        if (code < 0) return -1;
        values[index] = text;
        known[index] = code;
        return 0;
      };
    else if (other && this.castBeforeScan)
      this.quick = (text, values, known) => {
        const v = caster.read(text);
        if (typeof v !== 'number' || mayHoldIdentifier(text, exponent)) return -1;
        if (minimum !== undefined && v < minimum) return -1;
        if (maximum !== undefined && v > maximum) return -1;
        values[index] = v;
        known[index] = -1;
        return text.length >= 5 ? 1 : 0;
      };
    else if (other && f.type === 'string' && f.format !== 'email' && f.format !== 'uri')
      this.quick = (text, values, known) => {
        const scanned = text.length >= 5;
        if (scanned && scanCell(text)) return -1;
        const v = caster.read(text) as string | null;
        if ((v === null || v === '') && required) return -1;
        if (v !== null) {
          if (minLength !== undefined && v.length < minLength) return -1;
          if (maxLength !== undefined && v.length > maxLength) return -1;
          if (v.length > CELL_MAX_CHARS) return -1;
          if (pattern && !pattern.test(v)) return -1;
        }
        values[index] = v;
        known[index] = -1;
        return scanned ? 1 : 0;
      };
  }

  /**
   * The index of `text` among a plain field's categories, or -1. A value
   * spelled exactly as one of the codebook's categories is valid and, being
   * declared there, not an identifier: the common case, kept cheap.
   */
  category(text: string): number {
    const list = this.categoryValues;
    if (list) {
      const len = text.length;
      for (let j = 0; j < list.length; j++) {
        const v = list[j]!;
        if (v.length === len && v === text) return this.categoryCodes![j]!;
      }
      return -1;
    }
    return this.plainCategories?.get(text) ?? -1;
  }

  /**
   * `quick` on the cell that runs from `start` to `end` of `input`: a
   * category is compared where it stands (and its value is the codebook's
   * own string), other cells are cut out first.
   */
  quickAt(input: string, start: number, end: number, values: Value[], known: Int32Array): number {
    const list = this.categoryValues;
    if (!list) return this.quick!(input.slice(start, end), values, known);
    const len = end - start;
    for (let j = 0; j < list.length; j++) {
      const v = list[j]!;
      if (v.length === len && input.startsWith(v, start)) {
        values[this.index] = v;
        known[this.index] = this.categoryCodes![j]!;
        return 0;
      }
    }
    return -1;
  }

  /** The value a cell the checks passed has: what `check` puts in `values`. */
  value(text: string): Value {
    if (this.plainCategories && this.category(text) >= 0) return text;
    return this.caster.read(text) as Value;
  }

  /**
   * The full check of a cell, each problem reported through `t`; the value
   * goes into `values` (the trimmed text when it could not be read), the
   * category index into `known`. True when there was no problem.
   */
  check(t: TableValidator, text: string, line: number, values: Value[], known: Int32Array): boolean {
    const fi = this.index;
    const code = this.plainCategories ? this.category(text) : -1;
    if (code >= 0) {
      values[fi] = text;
      known[fi] = code;
      return true;
    }
    known[fi] = -1;
    const f = this.field;
    const caster = this.caster;
    let v: Value | typeof INVALID | undefined;
    // Disclosure scan first: a cell holding an identifier is reported as
    // such (masked), not as a type error that would echo it. A number
    // field reads the value first, as a short number needs no scan.
    if (text.length >= 5) {
      t.result.cellsScanned++;
      let found: Finding | undefined;
      if (this.castBeforeScan) {
        v = caster.read(text);
        if (typeof v !== 'number' || mayHoldIdentifier(text, this.exponent)) found = scanCell(text);
      } else found = scanCell(text);
      if (found) {
        const d = describeFinding(found.kind);
        t.cell(
          line,
          this.col,
          f,
          `disclosure:${found.kind}`,
          `value "${mask(found.match)}" ${d.message}`,
          d.hint,
        );
        values[fi] = text.trim();
        return false;
      }
    }
    if (v === undefined) v = caster.read(text);
    if (v === INVALID) {
      const e = caster.explain(text);
      t.cell(line, this.col, f, e.rule, e.message, e.hint);
      values[fi] = text.trim();
      return false;
    }
    values[fi] = v;
    let ok = true;
    if (v === null || v === '') {
      if (this.required) {
        t.cell(
          line,
          this.col,
          f,
          'required',
          'a value is required but the cell is empty',
          `Fill in the cell, or make the field optional in the codebook (constraints.required).${f.missingValues.length > 1 ? ` Missing-value codes: ${f.missingValues.map((m) => `"${m}"`).join(', ')}.` : ''}`,
        );
        ok = false;
      }
      if (v === null) return ok;
    }
    // The value as text, made only when a rule below needs it.
    const s = typeof v === 'string' ? v : this.needsText ? String(v) : '';
    const cats = this.categorySet;
    if (cats && !cats.has(s)) {
      t.cell(
        line,
        this.col,
        f,
        'enum',
        `"${s}" is not one of the categories ${[...cats].join(', ')}`,
        lostZero(s, cats) ?? 'Use a category listed in the codebook, or add it there with its labels.',
      );
      ok = false;
    } else if (cats && this.plainCategories) {
      // A category written with spaces around it ("L ") is that category,
      // in the same equivalence class as "L".
      const k = this.category(s);
      if (k >= 0) known[fi] = k;
    }
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      const p = rules[i]!(v, s);
      if (p) {
        t.cell(line, this.col, f, p[0], p[1], p[2]);
        ok = false;
      }
    }
    return ok;
  }
}

export class TableValidator {
  readonly result: TableResult;
  /** Cells in the header row. */
  private width = 0;
  private fieldColumn: number[] = [];
  private checks: FieldCheck[] = [];
  private headerOk = false;
  /** Rows are still checked when the header only misses or adds columns, so every problem shows at once. */
  private checkRows = false;
  /** Columns no field reads: their cells are still scanned for identifiers. */
  private scannedColumns: number[] = [];
  /** Repeated primary keys reported in full, and how many more (see `repeated`). */
  private repeats: { key: string; line: number }[] = [];
  private moreRepeatCount = 0;
  private lastRepeatLine = 0;
  /** On a second read: repeated keys -> the line each first appears on. */
  private readonly firstLines: Map<string, number> | undefined;
  /**
   * The field read from each column, when `rowAt` may check rows where they
   * stand: a header that matches the codebook column for column, every
   * field with a quick check.
   */
  private fieldAt: FieldCheck[] | undefined;
  private delimiterCode = 0;
  /** The publish pass: the rows passed every check already and are only cast. */
  private readonly castOnly: boolean;
  /** `schema.fieldsMatch: subset`: columns no field reads are left out, whatever they hold. */
  private subset = false;
  /** Columns without a name before the last named one, which must stay empty. */
  private unnamedColumns: number[] = [];
  private pk?: { idx: number[]; seen: StringSet };
  private keyIdx: { name: string; idx: number[]; set: StringSet }[] = [];
  /** The referenced keys that are not the primary key (whose set is filled anyway). */
  private otherKeys: { name: string; idx: number[]; set: StringSet }[] = [];
  private fkIdx: number[][] = [];
  /** Per foreign key: the tuple of the previous row that had one. */
  private fkLast: (string | undefined)[] = [];
  private qIdx: number[] = [];
  private sIdx: number[] = [];
  /** Per row: the index of each field's value among its categories, -1 otherwise (reused across rows). */
  private known: Int32Array = new Int32Array(0);
  private scratch: Value[] = [];
  /** Columns after this index have no name (trailing empty columns) and must stay empty. */
  private namedColumns = 0;

  readonly table: TableSpec;
  readonly file: string;
  readonly log: IssueLog;
  readonly collect: boolean;
  private readonly onRow: ((values: readonly Value[]) => void) | undefined;

  /**
   * `referenced`: field lists of this table that other tables point at
   * (`[["kode"]]`). `onRow` receives each row's typed values as it passes;
   * without `collect` the array is reused for the next row. `firstLines`:
   * see `ReadOptions`; `cast`: the rows are known to pass (the publish
   * pass), each is only cast and handed to `onRow`.
   */
  constructor(
    table: TableSpec,
    file: string,
    log: IssueLog,
    referenced: string[][],
    collect: boolean,
    onRow?: (values: readonly Value[]) => void,
    opts: { firstLines?: Map<string, number>; cast?: boolean } = {},
  ) {
    this.firstLines = opts.firstLines;
    this.castOnly = !!opts.cast;
    this.table = table;
    this.file = file;
    this.log = log;
    this.collect = collect;
    this.onRow = onRow;
    const fields = table.fields;
    const singlePk = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
    // A unique field that is also the whole primary key needs only one set.
    this.checks = fields.map((f, i) => new FieldCheck(f, i, !!f.constraints.unique && f.name !== singlePk));
    this.known = new Int32Array(fields.length);
    const index = (names: string[]) => names.map((n) => fields.findIndex((f) => f.name === n));
    if (table.primaryKey.length) this.pk = { idx: index(table.primaryKey), seen: new StringSet() };
    // Keys other tables point at: when they are the primary key, its set
    // (filled anyway) serves both, which halves memory on large tables.
    this.keyIdx = referenced.map((names) => ({
      name: names.join(','),
      idx: index(names),
      set: this.pk && names.join(',') === table.primaryKey.join(',') ? this.pk.seen : new StringSet(),
    }));
    this.otherKeys = this.keyIdx.filter((k) => k.set !== this.pk?.seen);
    this.fkIdx = table.foreignKeys.map((fk) => index(fk.fields));
    this.fkLast = table.foreignKeys.map(() => undefined);
    const quasi = fields.filter((f) => f.role === 'quasi-identifier');
    const sensitive = fields.filter((f) => f.role === 'sensitive');
    this.qIdx = index(quasi.map((f) => f.name));
    this.sIdx = index(sensitive.map((f) => f.name));
    this.result = {
      table,
      file,
      rows: [],
      rowCount: 0,
      keys: new Map(this.keyIdx.map((k) => [k.name, k.set])),
      foreign: table.foreignKeys.map((fk) => ({ fk, seen: new Map() })),
      classes:
        quasi.length || sensitive.length
          ? new ClassCounter(
              quasi.map((f) => f.name),
              sensitive.map((f) => f.name),
              quasi.map((f) => f.categories?.length ?? 0),
            )
          : undefined,
      cellsScanned: 0,
    };
  }

  /** Checks the header row (line 1) against the codebook and maps columns to fields. */
  header(cells: string[], line: number): boolean {
    const file = this.file;
    let names = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    const fields = this.table.fields;
    // One header cell holding another delimiter: the file is delimited
    // differently from what the codebook says; one clear error, not a list.
    const other = [',', ';', '\t', '|'].find((d) => d !== this.table.delimiter && names[0]!.includes(d));
    if (names.length === 1 && fields.length > 1 && other) {
      this.log.add({
        file,
        line,
        column: 1,
        rule: 'delimiter',
        message: `the header is one column; the file seems to separate cells with "${other === '\t' ? 'TAB' : other}", the codebook says "${this.table.delimiter}"`,
        hint: `Set dialect: { delimiter: "${other === '\t' ? '\\t' : other}" } for this table in the codebook, or export the file again.`,
      });
      return (this.headerOk = false);
    }
    const subset = this.table.fieldsMatch === 'subset';
    this.fieldColumn = fields.map(() => -1);
    for (const c of this.checks) c.col = -1;
    const map = (fi: number, col: number) => {
      this.fieldColumn[fi] = col;
      this.checks[fi]!.col = col;
    };
    // A field addressed by position (`paseban:column`) takes its column
    // whatever the header says there: a column without a name, or one whose
    // name is not the one to publish.
    const claimed = new Set<number>();
    const unreachable = new Set<number>();
    fields.forEach((f, fi) => {
      if (f.column === undefined) return;
      if (f.column > names.length) {
        unreachable.add(fi);
        this.log.add({
          file,
          line,
          variable: f.name,
          rule: 'header-missing',
          message: `the codebook reads the field "${f.name}" from column ${f.column} (paseban:column), but the header has ${names.length} columns`,
          hint: 'Count the columns again (the first is 1), or correct paseban:column in the codebook.',
        });
        return;
      }
      claimed.add(f.column - 1);
      map(fi, f.column - 1);
    });
    // Excel often leaves empty, unnamed columns at the end of a sheet: they
    // are ignored as long as they hold nothing.
    let named = names.length;
    while (named > 0 && names[named - 1] === '' && !claimed.has(named - 1)) named--;
    this.namedColumns = named;
    names = names.slice(0, named);
    const known = new Map<string, number>();
    fields.forEach((f, i) => f.column === undefined && known.set(f.name, i));
    const seen = new Map<string, number>();
    const extra: number[] = [];
    const unnamed: number[] = [];
    let duplicates = 0;
    names.forEach((name, col) => {
      if (isSuspiciousColumnName(name))
        this.log.add({
          file,
          line,
          column: col + 1,
          variable: name,
          rule: 'disclosure:column-name',
          message: `the column name "${name}" announces a direct identifier (name, address, identity number, contact)`,
          hint: 'Remove the column from the CSV and the codebook; direct identifiers are never published.',
        });
      if (claimed.has(col)) return;
      if (name === '') return void unnamed.push(col);
      const fi = known.get(name);
      if (seen.has(name)) {
        // Columns left out may share a name; a column the codebook reads may not.
        if (subset && fi === undefined) return void extra.push(col);
        duplicates++;
        this.log.add({
          file,
          line,
          column: col + 1,
          variable: name,
          rule: 'header-duplicate',
          message: `column "${name}" appears twice (columns ${seen.get(name)! + 1} and ${col + 1})`,
          hint:
            'Each column name must appear once in the header; or give one of them its own field by position (paseban:column: ' +
            `${col + 1}).`,
        });
        return;
      }
      seen.set(name, col);
      if (fi === undefined) extra.push(col);
      else map(fi, col);
    });
    const missing = fields
      .map((f, i) => (this.fieldColumn[i] === -1 && !unreachable.has(i) ? i : -1))
      .filter((i) => i >= 0);
    if (!subset)
      for (const col of extra) {
        const name = names[col]!;
        const near =
          missing.find(
            (fi) => fields[fi]!.name.toLowerCase() === name.toLowerCase().replace(/[\s-]+/g, '_'),
          ) ?? (missing.length === 1 && extra.length === 1 ? missing[0] : undefined);
        this.log.add({
          file,
          line,
          column: col + 1,
          variable: name,
          rule: near !== undefined ? 'header-renamed' : 'header-extra',
          message:
            near !== undefined
              ? `column "${name}" is not in the codebook; was "${fields[near]!.name}" renamed?`
              : `column "${name}" is not in the codebook`,
          hint:
            near !== undefined
              ? `Use the codebook's name "${fields[near]!.name}" in the header, or rename the field in the codebook.`
              : 'Describe the column in the codebook (schema.fields), remove it from the CSV, or leave out the columns the codebook does not describe (schema.fieldsMatch: subset).',
        });
      }
    for (const fi of missing) {
      if (!subset && extra.length === 1 && missing.length === 1) continue; // reported as renamed
      this.log.add({
        file,
        line,
        variable: fields[fi]!.name,
        rule: 'header-missing',
        message: `the codebook's column "${fields[fi]!.name}" is not in the header`,
        hint:
          unnamed.length > 0
            ? `Add the column to the CSV or remove the field from the codebook; if it is one of the columns without a name (${unnamed.map((c) => c + 1).join(', ')}), give the field its position: paseban:column: <number>.`
            : 'Add the column to the CSV or remove the field from the codebook.',
      });
    }
    fields.forEach((f, fi) => {
      if (f.role === 'direct-identifier')
        this.log.add({
          file,
          line,
          column: this.fieldColumn[fi]! + 1 || undefined,
          variable: f.name,
          rule: 'disclosure:direct-identifier',
          message: `"${f.name}" is marked direct-identifier and may not be published`,
          hint: 'Remove the column from the CSV and its field from the codebook before delivery.',
        });
    });
    this.headerOk =
      missing.length === 0 && unreachable.size === 0 && duplicates === 0 && (subset || extra.length === 0);
    this.checkRows = true;
    // Columns the codebook does not read are not published, but the
    // delivered file is kept in the public repository: their cells are
    // still scanned for identifiers.
    const trailing = Array.from({ length: cells.length - named }, (_, i) => named + i);
    this.scannedColumns = subset ? [...extra, ...unnamed, ...trailing].sort((a, b) => a - b) : extra;
    // Without `subset`, a column with no name must stay empty.
    this.unnamedColumns = subset ? [] : unnamed;
    this.subset = subset;
    this.width = cells.length;
    const byColumn = Array.from({ length: this.width }, (_, col) => this.checks.find((c) => c.col === col));
    this.fieldAt =
      this.headerOk &&
      !this.castOnly &&
      this.table.delimiter.length === 1 &&
      this.scannedColumns.length === 0 &&
      this.unnamedColumns.length === 0 &&
      this.namedColumns === this.width &&
      this.width === this.checks.length &&
      byColumn.every((c) => c?.quick)
        ? (byColumn as FieldCheck[])
        : undefined;
    this.delimiterCode = this.table.delimiter.charCodeAt(0);
    return this.headerOk;
  }

  /** Checks one data row; `line` is the line the row starts on. */
  row(cells: string[], line: number): void {
    const r = this.result;
    r.rowCount++;
    if (this.castOnly) return this.cast(cells);
    if (!this.checkRows) return;
    const file = this.file;
    const log = this.log;
    for (const c of this.scannedColumns) {
      const text = cells[c];
      const found = text === undefined ? undefined : scanCell(text);
      if (found) {
        const d = describeFinding(found.kind);
        log.add({
          file,
          line,
          column: c + 1,
          rule: `disclosure:${found.kind}`,
          message: `value "${mask(found.match)}" ${d.message}`,
          hint: d.hint,
        });
      }
    }
    for (const c of this.unnamedColumns) {
      const text = cells[c];
      if (text !== undefined && text.trim() !== '') return this.unnamedValue(line, c);
    }
    if (!this.subset && cells.length > this.namedColumns && cells.length <= this.width)
      for (let c = this.namedColumns; c < cells.length; c++)
        if (cells[c]!.trim() !== '') return this.unnamedValue(line, c);
    // Empty cells past the header's end (rows ending in an extra `;`) hold
    // nothing: left out, as empty columns at the right edge are.
    let blankTail = cells.length > this.width;
    for (let c = this.width; blankTail && c < cells.length; c++)
      if (cells[c]!.trim() !== '') blankTail = false;
    if (blankTail) cells.length = this.width;
    if (cells.length !== this.width && cells.length !== this.namedColumns) {
      // Rows run together when the file mixes line endings (lines added in
      // another program end in LF where the first end in CRLF): one row with
      // a line break inside an unquoted cell and too many cells.
      const joined = cells.length > this.width ? cells.findIndex((c) => /[\r\n]/.test(c)) : -1;
      if (joined >= 0) {
        log.add({
          file,
          line,
          column: joined + 1,
          rule: 'line-endings',
          message: `the rows from here on run together: the file mixes line endings (some lines end in CRLF, others in LF or CR)`,
          hint: 'Open the file in Excel or LibreOffice and save it again as CSV, so every line ends the same way.',
        });
        return;
      }
      log.add({
        file,
        line,
        column: Math.min(cells.length, this.width) + 1,
        rule: 'ragged-row',
        message: `row has ${cells.length} cells, the header has ${this.width}`,
        hint:
          cells.length > this.width
            ? `A value may contain the delimiter "${this.table.delimiter}" without quotes around it.`
            : `A cell is missing, or a line break split the row. If the row's last cells are meant to be empty, their "${this.table.delimiter}" were left out: export the sheet again.`,
      });
      return;
    }
    const checks = this.checks;
    // Without `collect` the row is not kept: one buffer serves every row.
    const values: Value[] = this.collect ? new Array(checks.length) : this.scratch;
    const known = this.known;
    let rowOk = true;
    for (let n = 0; n < checks.length; n++) {
      const c = checks[n]!;
      if (c.col < 0) {
        rowOk = false; // the column is missing from the header (reported there)
        continue;
      }
      const text = cells[c.col]!;
      const scanned = c.quick ? this.accept(c, text, values, known) : -1;
      if (scanned >= 0) r.cellsScanned += scanned;
      else if (!c.check(this, text, line, values, known)) rowOk = false;
    }
    this.checked(values, known, line, rowOk);
  }

  /**
   * A row whose quoting-free text runs from `start` to `end` of `input`,
   * when the file has no quotes (so its cells are the text between
   * delimiters, as papaparse would split them): checked where it stands,
   * without cutting a string for each cell. Returns false, having done
   * nothing, unless the row has the header's number of cells and every cell
   * passes its field's quick check; the caller then splits the row and
   * hands it to `row`, which checks and reports as for any row.
   */
  rowAt(input: string, start: number, end: number, line: number): boolean {
    const fields = this.fieldAt;
    if (!fields) return false;
    // A row starting with a space or a delimiter may be blank: `row` and the reader decide.
    const first = input.charCodeAt(start);
    if (!(first > 32 && first < 127) || first === this.delimiterCode) return false;
    const values: Value[] = this.collect ? new Array(fields.length) : this.scratch;
    const known = this.known;
    const delimiter = this.table.delimiter;
    const last = fields.length - 1;
    let scanned = 0;
    let from = start;
    for (let col = 0; col <= last; col++) {
      const next = input.indexOf(delimiter, from);
      const inRow = next >= 0 && next < end;
      if (inRow !== col < last) return false; // too few or too many cells
      const to = inRow ? next : end;
      const n = fields[col]!.quickAt(input, from, to, values, known);
      if (n < 0) return false;
      scanned += n;
      from = to + 1;
    }
    this.result.rowCount++;
    this.result.cellsScanned += scanned;
    this.checked(values, known, line, true);
    return true;
  }

  /** What follows the cell checks of a row: its equivalence class, keys, and `onRow`. */
  private checked(values: Value[], known: Int32Array, line: number, rowOk: boolean): void {
    const r = this.result;
    // A row with a bad cell still counts in its equivalence class, so one
    // fault is not echoed as k-anonymity/l-diversity problems of its neighbours.
    if (r.classes) r.classes.add(values, this.qIdx, this.sIdx, line, known);
    if (!rowOk) return;
    if (this.pk) {
      const key = tuple(values, this.pk.idx);
      if (!this.pk.seen.add(key)) {
        this.repeated(key, line);
        return;
      }
      if (this.firstLines?.has(key)) this.firstLines.set(key, line);
    }
    for (const k of this.otherKeys) k.set.add(tuple(values, k.idx));
    for (let i = 0; i < this.fkIdx.length; i++) {
      const idx = this.fkIdx[i]!;
      if (hasNull(values, idx)) continue; // a missing key points nowhere by design
      const key = tuple(values, idx);
      // Rows of one group often follow each other: the key just recorded needs no lookup.
      if (key === this.fkLast[i]) continue;
      this.fkLast[i] = key;
      const seen = r.foreign[i]!.seen;
      if (!seen.has(key)) seen.set(key, line);
    }
    if (this.collect) r.rows.push(values);
    if (this.onRow) this.onRow(values);
  }

  /**
   * The quick check of a field's cell (`FieldCheck.quick`): the cells it
   * scanned, or -1 when the full check is to run. A method of its own so a
   * test can turn the quick path off and compare.
   */
  private accept(c: FieldCheck, text: string, values: Value[], known: Int32Array): number {
    return c.quick!(text, values, known);
  }

  /** The publish pass: a row known to pass, cast and handed on. */
  private cast(cells: string[]): void {
    const checks = this.checks;
    const values: Value[] = this.collect ? new Array(checks.length) : this.scratch;
    for (let n = 0; n < checks.length; n++) {
      const c = checks[n]!;
      values[n] = c.value(cells[c.col]!);
    }
    if (this.collect) this.result.rows.push(values);
    if (this.onRow) this.onRow(values);
  }

  /** A value in a column without a name, which no field reads. */
  private unnamedValue(line: number, col: number): void {
    this.log.add({
      file: this.file,
      line,
      column: col + 1,
      rule: 'header-extra',
      message: `a value stands in column ${col + 1}, which has no name in the header`,
      hint: `To publish the column, describe it by its position (a field with paseban:column: ${col + 1}); to leave out every column the codebook does not describe, set schema.fieldsMatch: subset; otherwise remove the value.`,
    });
  }

  /** Reports a problem with the cell of field `f` in column `col` (0-based) of `line`. */
  cell(line: number, col: number, f: FieldSpec, rule: string, message: string, hint: string): void {
    this.log.add({ file: this.file, line, column: col + 1, variable: f.name, rule, message, hint });
  }

  /**
   * A primary key seen before. The set of keys keeps no lines (it may hold
   * millions), so the first few repeats are kept and reported by `finish`
   * once a second read (`firstLines`) has found where each key first
   * appeared; the others are only counted, as the report shows no more.
   */
  private repeated(key: string, line: number): void {
    if (this.repeats.length < KEPT_PER_KIND) this.repeats.push({ key, line });
    else {
      this.moreRepeatCount++;
      this.lastRepeatLine = line;
    }
  }

  private repeatedKey(line: number | undefined, message: string): void {
    this.log.add({
      file: this.file,
      line,
      column: this.fieldColumn[this.pk!.idx[0]!]! + 1,
      variable: this.table.primaryKey.join(', '),
      rule: 'primary-key',
      message,
      hint: 'Each row needs its own value of the primary key (schema.primaryKey).',
    });
  }

  /** The repeated primary keys whose first line is still to be found (empty when none). */
  get repeatedKeys(): string[] {
    return this.repeats.map((r) => r.key);
  }

  /** Checks that need the whole table (empty table, repeated keys); returns the result. */
  finish(firstLines?: Map<string, number>): TableResult {
    for (const { key, line } of this.repeats) {
      const first = firstLines?.get(key);
      this.repeatedKey(
        line,
        `the key (${key.split(SEP).join(', ')}) appears more than once${first ? `: first on line ${first}, again here` : ''}`,
      );
    }
    // Repeats beyond those reported in full: counted, with the line of the last.
    for (let i = 0; i < this.moreRepeatCount; i++)
      this.repeatedKey(
        i === this.moreRepeatCount - 1 ? this.lastRepeatLine : undefined,
        'the key appears more than once',
      );
    this.repeats = [];
    this.moreRepeatCount = 0;
    if (this.headerOk && this.result.rowCount === 0)
      this.log.add({
        file: this.file,
        line: 2,
        rule: 'header-only',
        message: 'the file has a header but no data rows',
        hint: 'Export the sheet again with its data.',
      });
    return this.result;
  }
}
