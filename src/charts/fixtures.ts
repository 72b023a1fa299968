/**
 * Small rows for the chart tests, written by hand in the shape of the
 * dataset tables (see `rows.ts`): two groups of four members, values chosen
 * so that every branch of the takeaways is taken (a rise, a fall, a missing
 * value, a category with no members). Not study data; the Senen rows are the
 * 2014 counts of `data/konteks-paseban` for three kelurahan.
 */
import type { Bilingual } from '../lib/i18n.ts';
import type { GroupInfo } from './common.ts';
import type { MeasureInfo } from './group-activity.ts';
import type { AnggotaRow, JenisUsaha, KegiatanRow, KondisiRow, PendudukRow, WawancaraRow } from './rows.ts';

export const groups: GroupInfo[] = [
  { kode: 'A', label: { id: 'Pokmas A', en: 'Group A' } },
  { kode: 'B', label: { id: 'Pokmas B', en: 'Group B' } },
];

export const anggota: AnggotaRow[] = [
  { id_anggota: 'A01', kelompok: 'A', jenis_usaha: 'warung', status_angsuran: 'lancar' },
  { id_anggota: 'A02', kelompok: 'A', jenis_usaha: 'warung', status_angsuran: 'lancar' },
  { id_anggota: 'A03', kelompok: 'A', jenis_usaha: 'jasa', status_angsuran: 'lancar' },
  { id_anggota: 'A04', kelompok: 'A', jenis_usaha: 'dagang_makanan', status_angsuran: 'tersendat' },
  { id_anggota: 'B01', kelompok: 'B', jenis_usaha: 'warung', status_angsuran: 'macet' },
  { id_anggota: 'B02', kelompok: 'B', jenis_usaha: 'dagang_makanan', status_angsuran: 'macet' },
  { id_anggota: 'B03', kelompok: 'B', jenis_usaha: 'dagang_makanan', status_angsuran: 'tersendat' },
  { id_anggota: 'B04', kelompok: 'B', jenis_usaha: null, status_angsuran: null },
];

const income: [string, number | null, number | null][] = [
  ['A01', 600_000, 900_000],
  ['A02', 500_000, 800_000],
  ['A03', 700_000, 1_000_000],
  ['A04', 400_000, 700_000],
  ['B01', 600_000, 550_000],
  ['B02', 500_000, 500_000],
  ['B03', 550_000, null],
  ['B04', 450_000, 400_000],
];

export const kondisi: KondisiRow[] = income.flatMap(([id, before, after]) => [
  { id_anggota: id, periode: 'sebelum' as const, indikator: 'pendapatan' as const, nilai: before },
  { id_anggota: id, periode: 'sesudah' as const, indikator: 'pendapatan' as const, nilai: after },
  { id_anggota: id, periode: 'sebelum' as const, indikator: 'jumlah_aset' as const, nilai: 2 },
  {
    id_anggota: id,
    periode: 'sesudah' as const,
    indikator: 'jumlah_aset' as const,
    nilai: id.startsWith('A') ? 4 : 2,
  },
]);

export const kegiatan: KegiatanRow[] = [1, 2, 3, 4, 5, 6].flatMap((bulan) => [
  {
    kelompok: 'A',
    bulan,
    pertemuan: 2,
    kehadiran_persen: 80 + bulan,
    angsuran_terkumpul: 400_000 + bulan * 10_000,
    kunjungan_pendamping: bulan % 2,
  },
  {
    kelompok: 'B',
    bulan,
    pertemuan: bulan <= 3 ? 1 : 0,
    kehadiran_persen: bulan <= 3 ? 70 - bulan * 5 : null,
    angsuran_terkumpul: 300_000 - bulan * 40_000,
    kunjungan_pendamping: bulan === 1 ? 1 : 0,
  },
]);

export const wawancara: WawancaraRow[] = [
  { id_anggota: 'A01', tema: 'kepercayaan', sikap: 'positif' },
  { id_anggota: 'A02', tema: 'kepercayaan', sikap: 'positif' },
  { id_anggota: 'A03', tema: 'pendampingan', sikap: 'positif' },
  { id_anggota: 'A04', tema: 'hambatan', sikap: 'netral' },
  { id_anggota: 'B01', tema: 'kepercayaan', sikap: 'negatif' },
  { id_anggota: 'B02', tema: 'hambatan', sikap: 'negatif' },
  { id_anggota: 'B03', tema: 'kerja_sama', sikap: 'netral' },
  { id_anggota: 'B03', tema: 'pendampingan', sikap: 'negatif' },
];

export const penduduk: PendudukRow[] = [
  { tahun: 2014, nama_kecamatan: 'SENEN', nama_kelurahan: 'SENEN', laki_laki: 4421, perempuan: 4108 },
  { tahun: 2014, nama_kecamatan: 'SENEN', nama_kelurahan: 'PASEBAN', laki_laki: 14361, perempuan: 13871 },
  { tahun: 2014, nama_kecamatan: 'SENEN', nama_kelurahan: 'KRAMAT', laki_laki: 18206, perempuan: 16964 },
];

export const usahaLabels: Record<JenisUsaha, Bilingual> = {
  warung: { id: 'Warung', en: 'Small shop' },
  jasa: { id: 'Jasa', en: 'Services' },
  dagang_makanan: { id: 'Dagang makanan', en: 'Food trading' },
  kerajinan: { id: 'Kerajinan', en: 'Handicrafts' },
};

export const periodLabels = {
  sebelum: { id: 'Sebelum', en: 'Before' },
  sesudah: { id: 'Sesudah', en: 'After' },
};

export const statusLabels = {
  lancar: { id: 'Lancar', en: 'On time' },
  tersendat: { id: 'Tersendat', en: 'Irregular' },
  macet: { id: 'Macet', en: 'Stopped' },
};

export const temaLabels = {
  kepercayaan: { id: 'Kepercayaan', en: 'Trust' },
  kerja_sama: { id: 'Kerja sama', en: 'Cooperation' },
  pendampingan: { id: 'Pendampingan', en: 'Facilitation' },
  kemandirian: { id: 'Kemandirian', en: 'Self-reliance' },
  hambatan: { id: 'Hambatan', en: 'Obstacles' },
};

export const sikapLabels = {
  positif: { id: 'Positif', en: 'Positive' },
  netral: { id: 'Netral', en: 'Neutral' },
  negatif: { id: 'Negatif', en: 'Negative' },
};

export const pendapatan = {
  key: 'pendapatan' as const,
  label: { id: 'Pendapatan', en: 'Income' },
  unit: { id: 'Rupiah per bulan', en: 'Rupiah per month' },
  digits: 0,
};
export const jumlahAset = {
  key: 'jumlah_aset' as const,
  label: { id: 'Jumlah aset', en: 'Assets' },
  digits: 1,
};

/** Group-activity measures: a rate averaged over months, and money summed over them. */
export const attendance: MeasureInfo = {
  key: 'kehadiran_persen',
  label: { id: 'Kehadiran', en: 'Attendance' },
  unit: { id: 'persen', en: 'percent' },
  digits: 0,
  summary: 'mean',
};
export const instalments: MeasureInfo = {
  key: 'angsuran_terkumpul',
  label: { id: 'Angsuran terkumpul', en: 'Instalments collected' },
  unit: { id: 'Rupiah per bulan', en: 'Rupiah per month' },
  digits: 0,
  summary: 'sum',
};

/** A disclosure threshold of 1 withholds nothing: tests of the counting itself see every cell. */
export const kNone = 1;
