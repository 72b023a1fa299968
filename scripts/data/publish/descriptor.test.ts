/**
 * The published descriptor describes the published CSVs: a dataset whose
 * delivered CSV spells every field type as Indonesian Excel does (day-first
 * dates, ya/tidak, grouped numbers with decimal commas, "-" for missing) is
 * built, and an independent Table Schema reader (`tableschema`) reads every
 * published CSV with the published `datapackage.json`: it must accept every
 * cell and give the same values as the published JSON edition.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Schema, Table } from 'tableschema';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const fixture = path.join(import.meta.dirname, '../fixtures', 'types');
let out: string;
let shipped: string;

/** Runs the data build on a folder of datasets; returns the output folder. */
function build(data: string): string {
  const tmp = mkdtempSync(path.join(tmpdir(), 'descriptor-'));
  const args = ['--data', data, '--out', path.join(tmp, 'out'), '--types', path.join(tmp, 'types.ts')];
  const r = spawnSync(process.execPath, ['scripts/build-data.ts', ...args], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return path.join(tmp, 'out');
}

beforeAll(() => {
  const data = path.join(mkdtempSync(path.join(tmpdir(), 'descriptor-data-')), 'data');
  mkdirSync(data);
  cpSync(fixture, path.join(data, 'types'), { recursive: true });
  out = build(data);
  shipped = build(path.join(root, 'data'));
}, 120_000);

/** A value as tableschema casts it, in the published JSON's terms (dates as ISO text). */
const plain = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/**
 * Every resource of a built dataset version, read by tableschema with the
 * published schema, compared with the published JSON rows.
 */
async function readWithTableSchema(dir: string): Promise<number> {
  const dp = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
  let cells = 0;
  for (const r of dp.resources) {
    const schema = await Schema.load(r.schema);
    expect(schema.valid, `${r.name}: ${(schema.errors as unknown[]).map(String).join('; ')}`).toBe(true);
    const table = await Table.load(path.join(dir, r.path), { schema: r.schema });
    const rows = (await Promise.resolve(table.read({ keyed: true }))) as Record<string, unknown>[];
    const json = JSON.parse(readFileSync(path.join(dir, r.path.replace(/\.csv$/, '.json')), 'utf8'));
    expect(rows.length, r.path).toBe(json.length);
    rows.forEach((row, i) => {
      for (const f of r.schema.fields) {
        expect(plain(row[f.name]), `${r.path} row ${i + 1} ${f.name}`).toEqual(json[i][f.name]);
        cells++;
      }
    });
  }
  return cells;
}

describe('the published descriptor of every field type', { timeout: 60_000 }, () => {
  it('keeps no property of the delivered spelling', () => {
    const dp = JSON.parse(readFileSync(path.join(out, 'types/1.0.0/datapackage.json'), 'utf8'));
    const fields = dp.resources[0].schema.fields as Record<string, unknown>[];
    for (const f of fields)
      for (const k of [
        'decimalChar',
        'groupChar',
        'bareNumber',
        'missingValues',
        'trueValues',
        'falseValues',
      ])
        expect(f[k], `${String(f.name)}.${k}`).toBeUndefined();
    expect(fields.find((f) => f.name === 'tanggal')!.format).toBeUndefined();
    expect(dp.resources[0].schema.missingValues).toEqual(['']);
  });

  it('lets an independent Table Schema reader read every published cell as published', async () => {
    const dir = path.join(out, 'types/1.0.0');
    const cells = await readWithTableSchema(dir);
    // The fixture has a date, a boolean, a year, grouped numbers and missing values in each.
    const json = JSON.parse(readFileSync(path.join(dir, 'types-sintetis-catatan.json'), 'utf8'));
    expect(cells).toBe(json.length * Object.keys(json[0]).length);
    for (const [k, test] of [
      ['tanggal', (v: unknown) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)],
      ['aktif', (v: unknown) => typeof v === 'boolean'],
      ['tahun', (v: unknown) => typeof v === 'number'],
      ['jumlah', (v: unknown) => typeof v === 'number' && v >= 1000],
      ['nilai', (v: unknown) => v === null],
    ] as const)
      expect(
        json.some((row: Record<string, unknown>) => test(row[k])),
        k,
      ).toBe(true);
  });
});

it(
  'the shipped datasets publish descriptors the same reader accepts for every CSV',
  { timeout: 60_000 },
  async () => {
    for (const id of ['survei-pokmas', 'konteks-paseban']) {
      const meta = JSON.parse(readFileSync(path.join(shipped, id, 'metadata.json'), 'utf8'));
      expect(await readWithTableSchema(path.join(shipped, id, meta.version)), id).toBeGreaterThan(100);
    }
  },
);
