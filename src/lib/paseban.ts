/**
 * The Paseban context figures from the real `konteks-paseban` dataset: the
 * population of the kelurahan of Kecamatan Senen (2014) and Senen's
 * neighbourhood units and households (2013).
 */
import type { Row } from './datasets.ts';

type Penduduk = Row<'konteks-paseban', 'penduduk-2014'>;
type Wilayah = Row<'konteks-paseban', 'wilayah-2013'>;

export interface KelurahanPopulation {
  kelurahan: string;
  male: number;
  female: number;
  /** Foreign nationals, both sexes (empty cells count as none). */
  foreign: number;
  /** Everyone: citizens and foreign nationals. */
  total: number;
}

/** Names in the open-data files are upper case and may carry stray spaces. */
const norm = (s: string) => s.trim().toUpperCase();

/** The kelurahan of one kecamatan with their 2014 population, in the file's order. */
export function kecamatanPopulation(rows: readonly Penduduk[], kecamatan: string): KelurahanPopulation[] {
  const found = rows
    .filter((r) => norm(r.nama_kecamatan) === norm(kecamatan))
    .map((r) => {
      const foreign = (r['laki-laki_wna'] ?? 0) + (r.perempuan_wna ?? 0);
      return {
        kelurahan: r.nama_kelurahan.trim(),
        male: r['laki-laki_wni'],
        female: r.perempuan_wni,
        foreign,
        total: r['laki-laki_wni'] + r.perempuan_wni + foreign,
      };
    });
  if (found.length === 0)
    throw new Error(`konteks-paseban/penduduk-2014: no kelurahan in kecamatan "${kecamatan}"`);
  return found;
}

/** The 2013 row of one kecamatan (RW, RT, households). */
export function kecamatanUnits(rows: readonly Wilayah[], kecamatan: string): Wilayah {
  const row = rows.find((r) => norm(r.nama_kecamatan) === norm(kecamatan));
  if (!row) throw new Error(`konteks-paseban/wilayah-2013: no row for kecamatan "${kecamatan}"`);
  return row;
}
