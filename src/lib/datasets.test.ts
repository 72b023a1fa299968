import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { datasetIndex, datasetMeta, type DatasetMeta } from './schema/metadata.ts';

const root = path.resolve(import.meta.dirname, '../..');

let out: string;
beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'datasets-')), 'data');
  const r = spawnSync(
    process.execPath,
    ['scripts/build-data.ts', '--out', out, '--types', path.join(out, '..', 'types.ts')],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  process.env.PASEBAN_DATA_DIR = out;
}, 60_000);

describe('the published metadata', () => {
  it('written by the data build matches its schema, with no property the schema does not name', () => {
    const index = datasetIndex.parse(JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')));
    expect(index.datasets.map((d) => d.id)).toEqual(['konteks-paseban', 'survei-pokmas']);
    for (const { id } of index.datasets) {
      const meta = JSON.parse(readFileSync(path.join(out, id, 'metadata.json'), 'utf8')) as unknown;
      const checked = datasetMeta.safeParse(meta);
      expect(checked.error?.issues, id).toBeUndefined();
    }
  });

  it('is typed by its schema', async () => {
    const { loadDataset } = await import('./datasets.ts');
    expectTypeOf(loadDataset).returns.toEqualTypeOf<DatasetMeta>();
    expectTypeOf<DatasetMeta['synthetic']>().toEqualTypeOf<false | { generator: string; seed: number }>();
    expectTypeOf<DatasetMeta['tables'][number]['fields'][number]['summary']['kind']>().toEqualTypeOf<
      'categories' | 'numeric' | 'text' | 'empty'
    >();
  });

  it('read from a stale or hand-edited build stops the site build, naming the file and the property', async () => {
    const { loadDataset } = await import('./datasets.ts');
    const stale = path.join(mkdtempSync(path.join(tmpdir(), 'stale-')), 'data');
    cpSync(out, stale, { recursive: true });
    const file = path.join(stale, 'survei-pokmas', 'metadata.json');
    const meta = JSON.parse(readFileSync(file, 'utf8')) as DatasetMeta;
    delete (meta.tables[1]!.fields[0] as Partial<DatasetMeta['tables'][number]['fields'][number]>).summary;
    writeFileSync(file, JSON.stringify(meta));
    const previous = process.env.PASEBAN_DATA_DIR;
    process.env.PASEBAN_DATA_DIR = stale;
    try {
      expect(() => loadDataset('survei-pokmas')).toThrow(
        `${file} does not match the published metadata (src/lib/schema/metadata.ts) at tables.1.fields.0.summary`,
      );
      expect(() => loadDataset('konteks-paseban')).not.toThrow();
    } finally {
      process.env.PASEBAN_DATA_DIR = previous;
    }
  });
});

describe('datasets API', { timeout: 30_000 }, () => {
  it('lists the datasets with their synthetic flag from metadata', async () => {
    const { listDatasets } = await import('./datasets.ts');
    expect(listDatasets().map((d) => [d.id, d.synthetic === false])).toEqual([
      ['konteks-paseban', true],
      ['survei-pokmas', false],
    ]);
  });

  it('loads typed rows and labels categories in both languages', async () => {
    const { loadTable, loadDataset, categoryLabel, fieldMeta } = await import('./datasets.ts');
    const rows = loadTable('survei-pokmas', 'anggota');
    expect(rows.length).toBe(loadDataset('survei-pokmas').tables.find((t) => t.name === 'anggota')!.rowCount);
    expect(typeof rows[0]!.modal_diterima).toBe('number');
    expect(categoryLabel('survei-pokmas', 'anggota', 'status_angsuran', 'macet', 'en')).toBe('Stopped');
    expect(fieldMeta('survei-pokmas', 'anggota', 'modal_diterima').unit).toEqual({
      id: 'Rupiah',
      en: 'Rupiah',
    });
    const paseban = loadTable('konteks-paseban', 'penduduk-2014').find(
      (r) => r.nama_kelurahan === 'PASEBAN',
    )!;
    expect([paseban['laki-laki_wni'], paseban.perempuan_wni, paseban.perempuan_wna]).toEqual([
      14360,
      13871,
      null,
    ]);
  });

  it('says how to fix a missing build', async () => {
    const { loadDataset } = await import('./datasets.ts');
    process.env.PASEBAN_DATA_DIR = path.join(tmpdir(), 'nowhere-' + process.pid);
    expect(() => loadDataset('konteks-paseban')).toThrow(/run `npm run data`/);
  });
});
