/**
 * The columns of the dataset tables the chart modules read. Category types
 * come from the row types generated from the codebooks, so a chart naming a
 * category that does not exist fails `astro check`; each row type is the
 * subset a chart needs (with missing answers allowed), so rows from
 * `loadTable` fit and small fixtures can be written for tests.
 */
import type { Row } from '../lib/datasets.ts';

type Survey<T extends 'kelompok' | 'anggota' | 'kondisi' | 'kegiatan' | 'wawancara'> = Row<
  'survei-pokmas',
  T
>;

export type Periode = Survey<'kondisi'>['periode'];
export type Indikator = Survey<'kondisi'>['indikator'];
export type StatusAngsuran = Survey<'anggota'>['status_angsuran'];
export type JenisUsaha = Survey<'anggota'>['jenis_usaha'];
export type Tema = Survey<'wawancara'>['tema'];
export type Sikap = Survey<'wawancara'>['sikap'];

export interface AnggotaRow {
  id_anggota: string;
  kelompok: string;
  jenis_usaha: JenisUsaha | null;
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

/** Residents of a kelurahan by sex (citizens and foreign nationals added up). */
export interface PendudukRow {
  tahun: number;
  nama_kecamatan: string;
  nama_kelurahan: string;
  laki_laki: number;
  perempuan: number;
}
