/**
 * The SPSS files, opened with two readers independent of the writer: GNU
 * PSPP (Debian's `pspp-convert` and `pspp`) and the `sav-reader` package.
 * Each is compared cell by cell with the coded CSV (values, dates, missing
 * values), its value labels with the labelled edition and the codebook,
 * its variable labels and declared missing values with the codebook. Built
 * from the shipped datasets, the fixture of every type, and that fixture
 * with a row whose note is longer than 255 bytes (a very long string, with
 * characters of several bytes across the segment boundaries).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { SavFileReader } = require('sav-reader') as {
  SavFileReader: new (file: string) => {
    open(): Promise<void>;
    readAllRows(): Promise<Record<string, string | number>[]>;
    meta: {
      header: { n_cases: number; encoding: string; fileLabel: string };
      sysvars: {
        name: string;
        type: number;
        label?: string;
        missing: unknown;
        printFormat: { width: number };
        __is_child_string_var?: boolean;
      }[];
      valueLabels: { appliesToNames: string[]; entries: { val: string | number; label: string }[] }[];
    };
  };
};

const hasPspp = () =>
  ['pspp', 'pspp-convert'].every(
    (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0,
  );

/** A note of over 500 bytes: ASCII, then "é" (2 bytes) and "…" (3 bytes), so segment boundaries fall inside characters. */
const LONG_NOTE = `${'catatan panjang '.repeat(15)}${'é'.repeat(30)}${'…'.repeat(60)} akhir`;
/** A note of over 255 bytes in ASCII, which sav-reader can check too (see isAscii). */
const LONG_ASCII = `${'0123456789 '.repeat(40)}akhir`;

/**
 * sav-reader decodes text 8 bytes at a time, so a character of several
 * bytes that crosses an 8-byte boundary comes out as U+FFFD: it is given
 * ASCII text only; PSPP reads all text.
 */
const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);

interface Field {
  name: string;
  type: string;
  label: { id: string; en: string };
  categories?: { value: string; label: { id: string; en: string } }[];
}
interface Sav {
  id: string;
  synthetic: boolean;
  file: string;
  csv: string[][];
  labelsId: string[][];
  fields: Field[];
}
const savs: Sav[] = [];

/** SPSS days: seconds since 14 October 1582 (the first day of the Gregorian calendar). */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);
const SYSMIS = -Number.MAX_VALUE;

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

beforeAll(() => {
  if (!hasPspp())
    throw new Error(
      'pspp and pspp-convert are needed to read the SPSS files back: `npm test` installs them as root on Debian (apt-get install pspp); otherwise install GNU PSPP.',
    );
  const data = path.join(mkdtempSync(path.join(tmpdir(), 'sav-data-')), 'data');
  cpSync(path.join(root, 'data'), data, { recursive: true });
  const types = path.join(import.meta.dirname, '../fixtures', 'types');
  cpSync(types, path.join(data, 'types'), { recursive: true });
  // The fixture again, with a very long string (and so under another id).
  const long = path.join(data, 'types-long');
  cpSync(types, long, { recursive: true });
  const codebook = path.join(long, 'datapackage.yaml');
  writeFileSync(codebook, readFileSync(codebook, 'utf8').replace(/^name: types$/m, 'name: types-long'));
  appendFileSync(
    path.join(long, 'catatan.csv'),
    `T05;01/01/2001;ya;2001;1;1;macet;${LONG_NOTE}\r\nT06;02/01/2001;tidak;2001;2;2;lancar;${LONG_ASCII}\r\n`,
  );

  const tmp = mkdtempSync(path.join(tmpdir(), 'sav-'));
  const out = path.join(tmp, 'out');
  const args = ['--data', data, '--out', out, '--types', path.join(tmp, 'types.ts')];
  const r = spawnSync(process.execPath, ['scripts/build-data.ts', ...args], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  for (const id of readdirSync(out).filter((n) => !n.endsWith('.json'))) {
    const meta = JSON.parse(readFileSync(path.join(out, id, 'metadata.json'), 'utf8'));
    const dir = path.join(out, id, meta.version);
    for (const f of meta.files.filter((x: { format: string }) => x.format === 'sav')) {
      const table = meta.tables.find((t: { name: string }) => t.name === f.table);
      const csv = f.name.replace(/\.sav$/, '.csv');
      savs.push({
        id,
        synthetic: meta.synthetic !== false,
        file: path.join(dir, f.name),
        csv: parse(readFileSync(path.join(dir, csv), 'utf8')),
        labelsId: parse(readFileSync(path.join(dir, csv.replace(/\.csv$/, '.labels-id.csv')), 'utf8')),
        fields: table.fields,
      });
    }
  }
  // One file per table of every dataset.
  expect(savs.length).toBe(1 + 1 + 2 + 5);
  for (const note of [LONG_NOTE, LONG_ASCII])
    expect(savs.some((s) => s.csv.some((row) => row.includes(note)))).toBe(true);
}, 180_000);

/** The SPSS name of a CSV column: characters outside letters, digits and `._$#@` become `_`. */
const spssName = (name: string) => name.replace(/[^\p{L}\p{N}._$#@]/gu, '_');

/** A cell as the coded CSV spells it, from a number PSPP or sav-reader gives for a field of this type. */
function csvSpelling(type: string, n: number): string {
  if (n === SYSMIS) return '';
  if (type === 'date') return new Date(SPSS_EPOCH_MS + n * 1000).toISOString().slice(0, 10);
  if (type === 'boolean') return n === 1 ? 'true' : n === 0 ? 'false' : `not 0/1: ${n}`;
  return String(n);
}

describe('the SPSS files, read by sav-reader', { timeout: 60_000 }, () => {
  it('hold every coded cell: text (ASCII), numbers, dates, yes/no, missing values', async () => {
    let cells = 0;
    let longText = 0;
    for (const s of savs) {
      const sav = new SavFileReader(s.file);
      await sav.open();
      const [header, ...rows] = s.csv;
      expect(sav.meta.header.n_cases, s.file).toBe(rows.length);
      expect(sav.meta.header.encoding).toBe('UTF-8');
      const vars = sav.meta.sysvars.filter((v) => !v.__is_child_string_var);
      expect(
        vars.map((v) => v.name),
        s.file,
      ).toEqual(header!.map(spssName));
      const read = await sav.readAllRows();
      expect(read.length).toBe(rows.length);
      rows.forEach((row, r) =>
        s.fields.forEach((f, c) => {
          const got = read[r]![vars[c]!.name]!;
          if (typeof got === 'string' && !isAscii(row[c]!)) return;
          if (row[c]!.length > 255) longText++;
          const cell = typeof got === 'number' ? csvSpelling(f.type, got) : got;
          // SPSS pads text with spaces: trailing spaces are not kept.
          expect(cell, `${s.file} row ${r + 1} ${f.name}`).toBe(row[c]!.trimEnd());
          cells++;
        }),
      );
    }
    expect(cells).toBeGreaterThan(5000);
    expect(longText).toBe(1);
  });

  it('have the codebook’s Indonesian variable labels and value labels, and blanks as missing text', async () => {
    for (const s of savs) {
      const sav = new SavFileReader(s.file);
      await sav.open();
      const vars = sav.meta.sysvars.filter((v) => !v.__is_child_string_var);
      s.fields.forEach((f, c) => {
        const v = vars[c]!;
        expect(v.label, `${s.file} ${f.name}`).toBe(f.label.id);
        const labels = sav.meta.valueLabels.find((l) => l.appliesToNames.includes(v.name))?.entries ?? [];
        const expected = f.categories
          ? f.categories.map((x) => [f.type === 'string' ? x.value : Number(x.value), x.label.id])
          : f.type === 'boolean'
            ? [
                [1, 'ya'],
                [0, 'tidak'],
              ]
            : [];
        expect(
          labels.map((l) => [l.val, l.label]),
          `${s.file} ${f.name}`,
        ).toEqual(expected);
        // sav-reader reads a short string's missing value as a number: its 8 bytes must be spaces.
        // (It does not read the record of longer strings' missing values; PSPP checks those.)
        if (f.type === 'string' && v.printFormat.width <= 8) {
          expect(typeof v.missing, `${s.file} ${f.name}`).toBe('number');
          const b = Buffer.alloc(8);
          b.writeDoubleLE(v.missing as number);
          expect(b.toString('latin1'), `${s.file} ${f.name}`).toBe(' '.repeat(8));
        } else if (f.type !== 'string') expect(v.missing, `${s.file} ${f.name}`).toBeNull();
      });
    }
  });
});

/** Runs a PSPP syntax file and returns its output as CSV text. */
function pspp(syntax: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pspp-'));
  writeFileSync(path.join(dir, 'run.sps'), syntax);
  const r = spawnSync('pspp', ['-o', path.join(dir, 'out.csv'), path.join(dir, 'run.sps')], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  return readFileSync(path.join(dir, 'out.csv'), 'utf8');
}

/** `pspp-convert` of an SPSS file to CSV (value labels in place of values with `--labels`). */
function convert(file: string, ...options: string[]): string[][] {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pspp-convert-')), 'out.csv');
  const r = spawnSync('pspp-convert', [...options, file, out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return parse(readFileSync(out, 'utf8'));
}

/** PSPP's CSV spelling of a date: mm/dd/yyyy. */
const psppDate = (s: string) => (/^(\d\d)\/(\d\d)\/(\d{4})$/.exec(s) ?? []).slice(1);

describe('the SPSS files, read by PSPP', { timeout: 120_000 }, () => {
  it('convert to the coded CSV cell by cell, and with --labels to the Indonesian labelled edition', () => {
    let cells = 0;
    for (const s of savs) {
      const [head, ...rows] = convert(s.file);
      const [, ...labelled] = convert(s.file, '--labels');
      const [csvHead, ...csv] = s.csv;
      expect(head).toEqual(csvHead!.map(spssName));
      expect(rows.length).toBe(csv.length);
      csv.forEach((row, r) =>
        s.fields.forEach((f, c) => {
          const got = rows[r]![c]!;
          const at = `${s.file} row ${r + 1} ${f.name}`;
          // PSPP writes a system-missing number as a blank.
          if (f.type !== 'string' && got.trim() === '') expect(row[c], at).toBe('');
          else if (f.type === 'date') {
            const [m, d, y] = psppDate(got);
            expect(`${y}-${m}-${d}`, at).toBe(row[c]);
          } else if (f.type === 'boolean') expect(got, at).toBe(row[c] === 'true' ? '1' : '0');
          else if (f.type === 'string') expect(got, at).toBe(row[c]!.trimEnd());
          else expect(Number(got), at).toBe(Number(row[c]));
          // Value labels: the labelled edition's Indonesian label for a category.
          if (f.categories && row[c] !== '') expect(labelled[r]![c], at).toBe(s.labelsId[r + 1]![c]);
          cells++;
        }),
      );
    }
    expect(cells).toBeGreaterThan(5000);
  });

  it('show the variable labels, value labels, missing values, formats and the synthetic mark', () => {
    for (const s of savs) {
      const text = pspp(`GET FILE="${s.file}".\nDISPLAY DICTIONARY.\nSYSFILE INFO FILE="${s.file}".\n`);
      // PSPP reports a record it finds wrong as a warning in its output.
      expect(text, s.file).not.toMatch(/\b(warning|error): /);
      const tables = text.split(/\n\s*\n/).map((t) => t.trim());
      const variables = parse(tables.find((t) => t.startsWith('Table: Variables'))!.replace(/^.*\n/, ''));
      const [head, ...rows] = variables;
      const col = (n: string) => head!.indexOf(n);
      expect(rows.map((r) => r[col('Name')])).toEqual(s.fields.map((f) => spssName(f.name)));
      s.fields.forEach((f, i) => {
        const row = rows[i]!;
        const at = `${s.file} ${f.name}`;
        expect(row[col('Label')], at).toBe(f.label.id);
        const format = row[col('Print Format')]!;
        if (f.type === 'date') expect(format, at).toBe('DATE11');
        else if (f.type === 'string') expect(format, at).toMatch(/^A\d+$/);
        else {
          // Decimals shown: the most any cell of the column has (whole numbers: none).
          const decimals = Math.max(0, ...s.csv.slice(1).map((r) => r[i]!.split('.')[1]?.length ?? 0));
          expect(format, at).toMatch(new RegExp(`^F\\d+\\.${f.type === 'number' ? decimals : 0}$`));
        }
        // Declared missing: blanks in every string (the CSV's empty cell), none for numbers (system-missing).
        const missing = row[col('Missing Values')]!;
        if (f.type === 'string') expect(missing, at).toMatch(/^" +"$/);
        else expect(missing, at).toBe('');
      });
      const labels = tables.find((t) => t.startsWith('Table: Value Labels'));
      for (const f of s.fields.filter((x) => x.categories))
        for (const c of f.categories!)
          expect(labels, `${s.file} ${f.name} ${c.value}`).toContain(`,${c.value},${c.label.id}`);
      const info = tables.find((t) => t.startsWith('Table: File Information'))!;
      expect(info).toContain('Encoding,UTF-8');
      expect(info).toContain(`Cases,${s.csv.length - 1}`);
      expect(/^Label,DATA SINTETIS/m.test(info), s.file).toBe(s.synthetic);
      expect(/SYNTHETIC DATA \/ DATA SINTETIS/.test(info), s.file).toBe(s.synthetic);
    }
  });
});

describe('the SPSS writer at the format’s limits, read by PSPP', () => {
  it('makes valid names of any column name and cuts text beyond 32,767 bytes at a character', async () => {
    const { SavShape, SavWriter } = await import('./sav.ts');
    const names = ['abcdefg.xyz', 'laki-laki', 'laki-laki/wna', '1st', 'with', 'teks'];
    const table = {
      name: 't',
      fields: names.map((name) => ({
        name,
        type: 'string',
        label: { id: `label ${name}`, en: name },
        constraints: {},
      })),
    } as unknown as import('../check/codebook.ts').TableSpec;
    const huge = 'é'.repeat(20_000); // 40,000 bytes
    const row = ['a', 'b', 'c', 'd', 'e', huge];
    const shape = new SavShape(table);
    shape.add(row);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sav-limits-')), 't.sav');
    const w = new SavWriter(file, table, shape, { fileLabel: 'limits', documents: [] }, 1);
    w.row(row);
    w.close();
    const [head, first] = convert(file);
    // Valid and distinct: letters, digits and ._$#@ only, a letter first, no reserved word.
    expect(new Set(head!.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of head!) {
      expect(n).toMatch(/^[A-Za-z@#$][A-Za-z0-9._$#@]*$/);
      expect([
        'ALL',
        'AND',
        'BY',
        'EQ',
        'GE',
        'GT',
        'LE',
        'LT',
        'NE',
        'NOT',
        'OR',
        'TO',
        'WITH',
      ]).not.toContain(n.toUpperCase());
    }
    expect(first!.slice(0, 5)).toEqual(row.slice(0, 5));
    // 32,767 bytes hold 16,383 two-byte characters; the half character left over is not written.
    expect(first![5]).toBe('é'.repeat(16_383));
    const dict = pspp(`GET FILE="${file}".\nDISPLAY DICTIONARY.\n`);
    expect(dict).not.toMatch(/\b(warning|error): /);
  });
});
