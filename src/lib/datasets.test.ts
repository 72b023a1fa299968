import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

beforeAll(() => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'datasets-')), 'data');
  const r = spawnSync(
    process.execPath,
    ['scripts/build-data.ts', '--out', out, '--types', path.join(out, '..', 'types.ts')],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  process.env.PASEBAN_DATA_DIR = out;
}, 60_000);

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
