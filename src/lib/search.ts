/**
 * Kinds of page the search can filter by. A page declares its kind through
 * the `kind` prop of the Base layout; the layout writes it into the page as a
 * Pagefind filter (the value, per language) and as result metadata (the label).
 */
import type { Bilingual, Locale } from './i18n.ts';

export const pageKinds = ['study', 'case', 'figure', 'dataset'] as const;
export type PageKind = (typeof pageKinds)[number];

/** Filter values in each language's index (lower case, as they appear in URLs: `?kind=studi`). */
export const kindValue: Record<PageKind, Bilingual> = {
  study: { id: 'studi', en: 'study' },
  case: { id: 'kasus', en: 'case' },
  figure: { id: 'grafik', en: 'figure' },
  dataset: { id: 'data', en: 'dataset' },
};

/** The kind as shown beside a search result and on the filter controls. */
export const kindLabel: Record<PageKind, Bilingual> = {
  study: { id: 'Studi', en: 'Study' },
  case: { id: 'Kasus', en: 'Case study' },
  figure: { id: 'Grafik', en: 'Figure' },
  dataset: { id: 'Data', en: 'Dataset' },
};

/** The Pagefind filter name for kinds. */
export const kindFilter = 'kind';

/** Filter value -> label of one language, for the search page script. */
export function kindLabels(locale: Locale): Record<string, string> {
  return Object.fromEntries(pageKinds.map((k) => [kindValue[k][locale], kindLabel[k][locale]]));
}
