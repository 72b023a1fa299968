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

/** Interface text of figures (`src/components/Figure.astro`, the figures pages). */
export const figureUi = {
  figure: { id: 'Gambar', en: 'Figure' },
  figures: { id: 'Grafik', en: 'Figures' },
  variant: { id: 'Tampilan', en: 'View' },
  highlight: { id: 'Sorot', en: 'Highlight' },
  allGroups: { id: 'Semua kelompok', en: 'All groups' },
  source: { id: 'Sumber', en: 'Source' },
  syntheticTitle: { id: 'Data sintetis.', en: 'Synthetic data.' },
  syntheticText: {
    id: 'Angka dalam gambar ini berasal dari data demonstrasi yang dibuat mengikuti rancangan studi, bukan dari temuan studi.',
    en: "The numbers in this figure come from demonstration data built to the study's design, not from the study's findings.",
  },
  aboutDataset: { id: 'Tentang dataset ini', en: 'About this dataset' },
  viewTable: { id: 'Lihat sebagai tabel', en: 'View as table' },
  downloadCsv: { id: 'Unduh tabel (CSV)', en: 'Download table (CSV)' },
  downloadSvg: { id: 'Unduh gambar (SVG)', en: 'Download image (SVG)' },
  downloadPng: { id: 'Unduh gambar (PNG)', en: 'Download image (PNG)' },
  permalink: { id: 'Tautan permanen', en: 'Permalink' },
  embed: { id: 'Sematkan gambar ini', en: 'Embed this figure' },
  embedHelp: {
    id: 'Salin kode ini ke halaman web Anda untuk menampilkan gambar beserta sumbernya.',
    en: 'Copy this code into your web page to show the figure with its source.',
  },
  cite: { id: 'Kutip gambar ini', en: 'Cite this figure' },
  viewOnSite: {
    id: 'Lihat gambar ini, tabel dan unduhannya di situs',
    en: 'See this figure, its table and downloads on the site',
  },
  embedData: { id: 'Tabel data gambar ini (CSV)', en: "This figure's data table (CSV)" },
  embedCite: { id: 'Kutip gambar ini', en: 'Cite this figure' },
  allFigures: { id: 'Semua grafik', en: 'All figures' },
  figuresIntro: {
    id: 'Setiap gambar dibuat dari dataset yang diterbitkan situs ini, lengkap dengan tabel angka, unduhan dan cara mengutipnya.',
    en: 'Every figure is drawn from a dataset published on this site, with its table of numbers, downloads and how to cite it.',
  },
} satisfies Record<string, Bilingual>;
