/**
 * The columns of the dataset tables the chart modules read. Each is the
 * subset of a table's row type a chart needs, so rows from `loadTable` fit
 * and small fixtures can be written for tests.
 */
export type Periode = 'sebelum' | 'sesudah';
export type Indikator =
  'pendapatan' | 'belanja_pangan' | 'tabungan' | 'kualitas_rumah' | 'jumlah_aset' | 'anak_bersekolah';
export type StatusAngsuran = 'lancar' | 'tersendat' | 'macet';
export type Tema = 'kepercayaan' | 'kerja_sama' | 'pendampingan' | 'kemandirian' | 'hambatan';
export type Sikap = 'positif' | 'netral' | 'negatif';

export interface KelompokRow {
  kode: string;
  hasil: string;
}

export interface AnggotaRow {
  id_anggota: string;
  kelompok: string;
  jenis_usaha: string | null;
  status_angsuran: StatusAngsuran | null;
}

export interface KondisiRow {
  id_anggota: string;
  periode: Periode;
  indikator: Indikator;
  nilai: number | null;
}

export interface KegiatanRow {
  kelompok: string;
  bulan: number;
  pertemuan: number | null;
  kehadiran_persen: number | null;
  angsuran_terkumpul: number | null;
  kunjungan_pendamping: number | null;
}

export interface WawancaraRow {
  id_anggota: string;
  tema: Tema;
  sikap: Sikap;
}

export interface PendudukRow {
  tahun: number;
  nama_kecamatan: string;
  nama_kelurahan: string;
  laki_laki: number;
  perempuan: number;
}
