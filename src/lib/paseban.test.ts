import { describe, expect, it } from 'vitest';
import { kecamatanPopulation, kecamatanUnits } from './paseban.ts';
import type { Row } from './datasets.ts';

const row = (kec: string, kel: string, m: number, f: number, mw: number | null, fw: number | null) =>
  ({
    tahun: 2014,
    nama_provinsi: 'PROVINSI DKI JAKARTA',
    'nama_kabupaten/kota': 'JAKARTA PUSAT',
    nama_kecamatan: kec,
    nama_kelurahan: kel,
    'laki-laki_wni': m,
    perempuan_wni: f,
    'laki-laki_wna': mw,
    perempuan_wna: fw,
  }) satisfies Row<'konteks-paseban', 'penduduk-2014'>;

describe('kecamatanPopulation', () => {
  it('sums citizens and foreign nationals, counting empty cells as none', () => {
    const rows = [row('SENEN ', 'PASEBAN', 14360, 13871, 1, null), row('KEMAYORAN', 'X', 1, 1, 1, 1)];
    expect(kecamatanPopulation(rows, 'Senen')).toEqual([
      { kelurahan: 'PASEBAN', male: 14360, female: 13871, foreign: 1, total: 28232 },
    ]);
  });
  it('names the table when the kecamatan is missing', () => {
    expect(() => kecamatanPopulation([], 'Senen')).toThrow(
      /penduduk-2014: no kelurahan in kecamatan "Senen"/,
    );
  });
});

describe('kecamatanUnits', () => {
  it('finds the row whatever the case and spaces', () => {
    const w = {
      tahun: 2013,
      nama_kabupaten_atau_kota_administrasi: 'Jakarta Pusat',
      nama_kecamatan: 'Senen ',
      jumlah_kelurahan: 6,
      jumlah_rw: 48,
      jumlah_rt: 515,
      jumlah_kk: 38973,
    };
    expect(kecamatanUnits([w], 'SENEN').jumlah_rw).toBe(48);
    expect(() => kecamatanUnits([w], 'Gambir')).toThrow(/wilayah-2013/);
  });
});
