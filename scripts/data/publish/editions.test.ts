/**
 * The published editions, opened with readers independent of the writers
 * (SheetJS for the XLSX, papaparse for the CSVs, fflate for the ZIP) and
 * compared cell by cell with the coded CSV: the Excel CSV edition, the XLSX
 * data sheets (typed cells, dates as dates, number formats, widths, control
 * characters kept), and the synthetic mark of every published file, driven
 * by the codebook's flag: the survey is built once as it is and once with
 * `paseban:synthetic: false`, and only the first carries the mark.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const MARK = 'sintetis';

/** Runs the data build on a folder of datasets; returns the output folder. */
function build(data: string): string {
  const tmp = mkdtempSync(path.join(tmpdir(), 'editions-'));
  const args = ['--data', data, '--out', path.join(tmp, 'out'), '--types', path.join(tmp, 'types.ts')];
  const r = spawnSync(process.execPath, ['scripts/build-data.ts', ...args], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return path.join(tmp, 'out');
}

interface Version {
  id: string;
  dir: string;
  synthetic: boolean;
}
let versions: Version[] = [];

beforeAll(() => {
  // The shipped datasets and the fixture of every type (dates, booleans,
  // grouped numbers, a vertical tab and text that reads as an XLSX escape).
  const data = path.join(mkdtempSync(path.join(tmpdir(), 'editions-data-')), 'data');
  cpSync(path.join(root, 'data'), data, { recursive: true });
  cpSync(path.join(import.meta.dirname, '../fixtures', 'types'), path.join(data, 'types'), {
    recursive: true,
  });
  // The survey again, declared real: the mark must follow the flag, not the id.
  const real = path.join(mkdtempSync(path.join(tmpdir(), 'editions-real-')), 'data');
  mkdirSync(real);
  cpSync(path.join(root, 'data', 'survei-pokmas'), path.join(real, 'survei-pokmas'), { recursive: true });
  const codebook = path.join(real, 'survei-pokmas', 'datapackage.yaml');
  const text = readFileSync(codebook, 'utf8');
  const flipped = text.replace(/^paseban:synthetic:\n(?: {2}.*\n)+/m, 'paseban:synthetic: false\n');
  expect(flipped).not.toBe(text);
  writeFileSync(codebook, flipped);
  for (const [out, flag] of [
    [build(data), undefined],
    [build(real), false],
  ] as const)
    for (const id of readdirSync(out).filter((n) => !n.endsWith('.json'))) {
      const meta = JSON.parse(readFileSync(path.join(out, id, 'metadata.json'), 'utf8'));
      expect(flag === undefined || meta.synthetic === flag).toBe(true);
      versions.push({ id, dir: path.join(out, id, meta.version), synthetic: meta.synthetic !== false });
    }
  expect(versions.map((v) => `${v.id}:${v.synthetic}`).sort()).toEqual([
    'konteks-paseban:false',
    'survei-pokmas:false',
    'survei-pokmas:true',
    'types:true',
  ]);
}, 180_000);

const parseCsv = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;

type Resource = { name: string; path: string; schema: { fields: { name: string; type: string }[] } };
const resources = (v: Version): Resource[] =>
  JSON.parse(readFileSync(path.join(v.dir, 'datapackage.json'), 'utf8')).resources;

const readWorkbook = (file: string) =>
  XLSX.read(readFileSync(file), { cellDates: true, cellNF: true, cellStyles: true });

describe('the Excel CSV edition', { timeout: 60_000 }, () => {
  it('is UTF-8 with a byte order mark, ";"-separated, decimal commas, the coded CSV cell by cell', () => {
    for (const v of versions)
      for (const r of resources(v)) {
        const coded = parseCsv(readFileSync(path.join(v.dir, r.path), 'utf8'), ',');
        const bytes = readFileSync(path.join(v.dir, r.path.replace(/\.csv$/, '.excel.csv')));
        expect([...bytes.subarray(0, 3)], r.path).toEqual([0xef, 0xbb, 0xbf]);
        const excel = parseCsv(bytes.toString('utf8').slice(1), ';');
        expect(excel.length, r.path).toBe(coded.length);
        expect(excel[0]).toEqual(coded[0]);
        coded.slice(1).forEach((row, i) =>
          row.forEach((cell, j) => {
            const type = r.schema.fields[j]!.type;
            const want = ['number', 'integer'].includes(type)
              ? cell.replace('.', ',')
              : /^[=+\-@\t\r]/.test(cell)
                ? `'${cell}`
                : cell;
            expect(excel[i + 1]![j], `${r.path} line ${i + 2} ${r.schema.fields[j]!.name}`).toBe(want);
          }),
        );
      }
  });
});

describe('the XLSX data sheets, read by SheetJS', { timeout: 60_000 }, () => {
  it('hold every coded cell typed: numbers, booleans, dates as dates, text with control characters kept', () => {
    let dates = 0;
    let controls = 0;
    for (const v of versions) {
      const wb = readWorkbook(
        path.join(
          v.dir,
          readdirSync(v.dir).find((n) => n.endsWith('.xlsx') && !n.includes('.labels-'))!,
        ),
      );
      const top = v.synthetic ? 1 : 0; // the notice row of a synthetic dataset
      for (const r of resources(v)) {
        const ws = wb.Sheets[r.name]!;
        const coded = parseCsv(readFileSync(path.join(v.dir, r.path), 'utf8'), ',');
        const cols = ws['!cols'] ?? [];
        r.schema.fields.forEach((f, j) => {
          expect(ws[XLSX.utils.encode_cell({ r: top, c: j })]?.v).toBe(f.name);
          expect(cols[j]?.wch ?? 0, `${r.name}.${f.name} width`).toBeGreaterThanOrEqual(7);
        });
        coded.slice(1).forEach((row, i) =>
          row.forEach((text, j) => {
            const f = r.schema.fields[j]!;
            const cell = ws[XLSX.utils.encode_cell({ r: top + 1 + i, c: j })];
            const where = `${r.name} row ${i + 1} ${f.name}`;
            if (text === '') return expect(cell?.v ?? null, where).toBeNull();
            if (['integer', 'number', 'year'].includes(f.type)) {
              expect(cell?.t, where).toBe('n');
              expect(cell?.v, where).toBe(Number(text));
              if (f.type !== 'year') expect(cell?.z, where).toMatch(/^#,##0/);
            } else if (f.type === 'date') {
              expect(cell?.t, where).toBe('d');
              expect((cell?.v as Date).toISOString().slice(0, 10), where).toBe(text);
              dates++;
            } else if (f.type === 'boolean') {
              expect(cell?.t, where).toBe('b');
              expect(cell?.v, where).toBe(text === 'true');
            } else {
              expect(cell?.t, where).toBe('s');
              expect(cell?.v, where).toBe(text);
              if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) controls++;
            }
          }),
        );
      }
    }
    expect(dates).toBeGreaterThan(0);
    expect(controls).toBeGreaterThan(0);
  });

  it('have a codebook sheet with Indonesian and English labels, units and categories', () => {
    const v = versions.find((x) => x.id === 'survei-pokmas' && x.synthetic)!;
    const wb = readWorkbook(
      path.join(
        v.dir,
        readdirSync(v.dir).find((n) => n.endsWith('.xlsx') && !n.includes('.labels-'))!,
      ),
    );
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets.codebook!, { range: 1 });
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        'label_id',
        'label_en',
        'unit_id',
        'unit_en',
        'categories_id',
        'categories_en',
      ]),
    );
    const meta = JSON.parse(readFileSync(path.join(v.dir, '..', 'metadata.json'), 'utf8'));
    for (const t of meta.tables)
      for (const f of t.fields) {
        const row = rows.find((x) => x.table === t.name && x.variable === f.name)!;
        expect(row.label_id).toBe(f.label.id);
        expect(row.label_en).toBe(f.label.en);
        expect(row.unit_id ?? '').toBe(f.unit?.id ?? '');
        for (const c of f.categories ?? []) {
          expect(row.categories_id).toContain(`${c.value} = ${c.label.id}`);
          expect(row.categories_en).toContain(`${c.value} = ${c.label.en}`);
        }
      }
  });
});

describe('the labelled editions', { timeout: 60_000 }, () => {
  it('replace each category code by its label in each language, cell by cell, in the CSV and the XLSX', () => {
    let labelled = 0;
    for (const v of versions) {
      const meta = JSON.parse(readFileSync(path.join(v.dir, '..', 'metadata.json'), 'utf8'));
      const xlsxOf = (suffix: string) =>
        readWorkbook(
          path.join(
            v.dir,
            readdirSync(v.dir).find((n) => n.endsWith(suffix))!,
          ),
        );
      const top = v.synthetic ? 1 : 0;
      for (const lang of ['id', 'en'] as const) {
        const wb = xlsxOf(`.labels-${lang}.xlsx`);
        for (const r of resources(v)) {
          const fields = meta.tables.find((t: { name: string }) => t.name === r.name).fields as {
            name: string;
            categories?: { value: string; label: Record<string, string> }[];
          }[];
          const codedRows = parseCsv(readFileSync(path.join(v.dir, r.path), 'utf8'), ',');
          const csv = parseCsv(
            readFileSync(path.join(v.dir, r.path.replace(/\.csv$/, `.labels-${lang}.csv`)), 'utf8'),
            ',',
          );
          const ws = wb.Sheets[r.name]!;
          expect(csv[0]).toEqual(codedRows[0]);
          expect(csv.length).toBe(codedRows.length);
          codedRows.slice(1).forEach((row, i) =>
            row.forEach((text, j) => {
              const cats = fields[j]!.categories;
              const want = cats && text !== '' ? cats.find((c) => c.value === text)!.label[lang] : text;
              const where = `${v.id} ${r.name} ${lang} row ${i + 1} ${fields[j]!.name}`;
              expect(csv[i + 1]![j], where).toBe(want);
              if (cats && text !== '') {
                const cell = ws[XLSX.utils.encode_cell({ r: top + 1 + i, c: j })];
                expect(cell?.v, where).toBe(want);
                labelled++;
              }
            }),
          );
        }
      }
    }
    expect(labelled).toBeGreaterThan(100);
  });
});

/** Where a published file of a synthetic dataset says so, by format; a file of no known format fails. */
function marks(v: Version, name: string): boolean[] {
  const file = path.join(v.dir, name);
  const named = name.includes(`-${MARK}`);
  if (name === 'datapackage.json') {
    const dp = JSON.parse(readFileSync(file, 'utf8'));
    return [Boolean(dp['paseban:synthetic'])];
  }
  if (name.endsWith('.xlsx')) {
    const wb = readWorkbook(file);
    const sheets = wb.SheetNames.map((s) =>
      XLSX.utils
        .sheet_to_json<string[]>(wb.Sheets[s]!, { header: 1 })
        .slice(0, s === 'README' ? 5 : 1)
        .some((row) => /SYNTHETIC DATA/.test(String(row[0]))),
    );
    return [
      named,
      ...sheets,
      /SYNTHETIC/.test(wb.Props?.Title ?? ''),
      /synthetic/.test(wb.Props?.Keywords ?? ''),
    ];
  }
  if (name.endsWith('.zip')) {
    const zip = unzipSync(readFileSync(file));
    const entries = Object.keys(zip);
    const readme = new TextDecoder().decode(zip[entries.find((e) => e.endsWith('/README.md'))!]);
    const data = entries.filter((e) => !/\/(README\.md|LICENSE|SHA256SUMS|datapackage\.json)$/.test(e));
    return [named, /\*\*Synthetic data\.\*\*/.test(readme), ...data.map((e) => e.includes(`-${MARK}`))];
  }
  if (name.endsWith('-ddi.xml'))
    return [named, /<notes[^>]*>Synthetic data/.test(readFileSync(file, 'utf8'))];
  if (name.endsWith('.sav')) {
    // The SPSS file's 64-byte label (bytes 109 to 172 of its header record) and its documents.
    const bytes = readFileSync(file);
    const label = bytes.subarray(109, 173).toString('utf8');
    return [named, /DATA SINTETIS/.test(label), /SYNTHETIC DATA/.test(bytes.toString('latin1'))];
  }
  if (/\.(csv|json)$/.test(name)) return [named];
  throw new Error(`${name}: no check of the synthetic mark for this kind of file`);
}

describe('the synthetic mark', { timeout: 60_000 }, () => {
  it('is on every published file of a synthetic dataset, in every way its format offers, and on none of a real one', () => {
    for (const v of versions) {
      const files = readdirSync(v.dir);
      expect(files.length).toBeGreaterThan(5);
      for (const name of files)
        for (const [i, m] of marks(v, name).entries())
          expect(m, `${v.id} (synthetic: ${v.synthetic}) ${name} mark ${i}`).toBe(v.synthetic);
    }
  });
});
