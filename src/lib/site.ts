/**
 * Facts about the study and the site that appear on many pages. The thesis
 * record lacks the year, degree and supervisor: they stay `undefined` here,
 * the one place to fill them in when they become known.
 */
import type { Bilingual } from './i18n.ts';

export const thesis = {
  title:
    'Pemberdayaan ekonomi masyarakat miskin di Jakarta: Studi sosiologis di kelurahan Paseban Kecamatan Senen Jakarta Pusat',
  author: { family: 'Sasanti', given: 'A.M.' },
  institution: 'Universitas Indonesia',
  recordUrl: 'https://lib.ui.ac.id/detail?id=72547&lokasi=lokal',
  language: 'id',
  year: undefined as number | undefined,
  degree: undefined as Bilingual | undefined,
  supervisor: undefined as string | undefined,
  /**
   * One sentence of the abstract in the catalogue record, quoted word for
   * word (the record's own spelling kept) and attributed, for the thesis's
   * citation metadata: without an abstract of its own, Zotero would take the
   * page's description as the work's abstract.
   */
  abstractQuote:
    'Tulisan ini mempelajari aspek pemberdayaan ekonomi masyarakat miskin lewat bantuan modal usaha yang telah diberikan oleh Pemerintah Daerah Khusus ibukota Jakarta melalui program Impres Desa Tertinggal Non Regular In Gub di kelurahan Paseban Kecamatan Senen Jakarta Pusat dengan unit analisisnya yaitu individu-individu penerima bantuan modal usaha yang tergabung didalam kelompok usaha yang dinamakan pokmas (kelompok masyarakat).',
};

export const siteTitle: Bilingual = {
  id: 'Pemberdayaan Ekonomi di Paseban',
  en: 'Economic Empowerment in Paseban',
};

export const siteTagline: Bilingual = {
  id: 'Publikasi data terbuka sebuah studi sosiologis tentang program IDT di Kelurahan Paseban, Jakarta Pusat',
  en: 'Open-data publication of a sociological study of the IDT programme in Kelurahan Paseban, Central Jakarta',
};

export const license = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};
