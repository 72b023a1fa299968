/** Interface text of the narrative pages (study chapters and case pages). */
import type { Bilingual } from './i18n.ts';

export const narrativeUi = {
  study: { id: 'Studi', en: 'The study' },
  cases: { id: 'Studi kasus', en: 'Case studies' },
  contents: { id: 'Isi halaman', en: 'On this page' },
  chapters: { id: 'Bab', en: 'Chapters' },
  chapterNav: { id: 'Navigasi bab', en: 'Chapter navigation' },
  previous: { id: 'Sebelumnya', en: 'Previous' },
  next: { id: 'Berikutnya', en: 'Next' },
  minutes: { id: 'menit membaca', en: 'min read' },
  chapter: { id: 'Bab', en: 'Chapter' },
  breadcrumb: { id: 'Jejak halaman', en: 'Breadcrumb' },
} satisfies Record<string, Bilingual>;
