/** Interface text of the site chrome, in both languages. */
import type { Bilingual } from './i18n.ts';

export const nav: { route: string; label: Bilingual }[] = [
  { route: 'studi/', label: { id: 'Studi', en: 'The study' } },
  { route: 'kasus/', label: { id: 'Kasus', en: 'Cases' } },
  { route: 'grafik/', label: { id: 'Grafik', en: 'Figures' } },
  { route: 'data/', label: { id: 'Data', en: 'Data' } },
  { route: 'paseban/', label: { id: 'Paseban', en: 'Paseban' } },
  { route: 'tentang/', label: { id: 'Tentang', en: 'About' } },
];

export const ui = {
  skipLink: { id: 'Langsung ke isi', en: 'Skip to content' },
  mainNav: { id: 'Navigasi utama', en: 'Main navigation' },
  otherLanguage: { id: 'English', en: 'Bahasa Indonesia' },
  search: { id: 'Cari', en: 'Search' },
  searchSite: { id: 'Cari di situs ini', en: 'Search this site' },
  license: {
    id: 'Teks dan data kami berlisensi',
    en: 'Our text and data are licensed under',
  },
  howToCite: { id: 'Cara mengutip', en: 'How to cite' },
  studySource: {
    id: 'Sumber studi: katalog Perpustakaan Universitas Indonesia',
    en: 'Study source: Universitas Indonesia Library catalogue',
  },
} satisfies Record<string, Bilingual>;
