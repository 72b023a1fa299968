/**
 * Access to the narrative collections by language. An entry's id is
 * `<locale>/<slug>`; the slug is shared by both language versions.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { locales, type Locale } from './i18n.ts';

export type NarrativeCollection = 'studi' | 'kasus';
export type NarrativeEntry<C extends NarrativeCollection = NarrativeCollection> = CollectionEntry<C>;

/** The slug of an entry, without its language folder. */
export function slugOf(entry: { id: string }): string {
  return entry.id.split('/').slice(1).join('/');
}

/** The language folder of an entry. */
export function localeOf(entry: { id: string }): Locale {
  const folder = entry.id.split('/')[0];
  const found = locales.find((l) => l === folder);
  if (!found)
    throw new Error(`content: entry "${entry.id}" is not inside a language folder (${locales.join(', ')})`);
  return found;
}

/** The entries of one collection in one language, in reading order. */
export async function entriesOf<C extends NarrativeCollection>(
  collection: C,
  locale: Locale,
): Promise<NarrativeEntry<C>[]> {
  const all = (await getCollection(collection)) as NarrativeEntry<C>[];
  return all.filter((e) => localeOf(e) === locale).sort((a, b) => a.data.order - b.data.order);
}

/**
 * `getStaticPaths` entries for one page per entry and language. Fails the
 * build when a page exists in one language but not the other, since every
 * page links to its counterpart.
 */
export interface EntryPath<C extends NarrativeCollection> {
  params: { lang: string | undefined; slug: string };
  props: {
    locale: Locale;
    entry: NarrativeEntry<C>;
    prev?: NarrativeEntry<C> | undefined;
    next?: NarrativeEntry<C> | undefined;
  };
}

export async function entryPaths<C extends NarrativeCollection>(collection: C): Promise<EntryPath<C>[]> {
  const paths: EntryPath<C>[] = [];
  const slugsByLocale = new Map<Locale, Set<string>>();
  for (const locale of locales) {
    const entries = await entriesOf(collection, locale);
    slugsByLocale.set(locale, new Set(entries.map(slugOf)));
    entries.forEach((entry, index) => {
      paths.push({
        params: { lang: locale === 'id' ? undefined : locale, slug: slugOf(entry) },
        props: { locale, entry, prev: entries[index - 1], next: entries[index + 1] },
      });
    });
  }
  const [first, ...rest] = locales.map((l) => slugsByLocale.get(l)!);
  for (const slug of first!) {
    for (const [i, other] of rest.entries()) {
      if (!other.has(slug))
        throw new Error(`content/${collection}: "${slug}" has no ${locales[i + 1]} version`);
    }
  }
  for (const [i, other] of rest.entries()) {
    for (const slug of other) {
      if (!first!.has(slug))
        throw new Error(`content/${collection}: "${slug}" (${locales[i + 1]}) has no ${locales[0]} version`);
    }
  }
  return paths;
}
