/**
 * The bibliography of the site: one CSL-JSON file (`content/references.json`)
 * formatted in APA 7 by citation-js (the APA style ships with its CSL plugin).
 * Indonesian pages use the Indonesian terms in `csl/locales-id-ID.xml`.
 */
import { Cite } from '@citation-js/core';
import items from '../../content/references.json' with { type: 'json' };
// citation.ts registers the CSL styles and the Indonesian locale with citation-js.
import { thesisItem } from './citation.ts';
import type { Locale } from './i18n.ts';

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  [field: string]: unknown;
}

const cslLang: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };

/** The key of the thesis itself (built from `site.ts` by `citation.ts`). */
export const THESIS_KEY = thesisItem('en').id;

const fileItems = items as CslItem[];

/** Every entry of the bibliography in one language: the thesis and the file's entries, ids checked unique. */
export const referencesByLocale: Readonly<Record<Locale, readonly CslItem[]>> = {
  id: checkIds([{ ...thesisItem('id') }, ...fileItems]),
  en: checkIds([{ ...thesisItem('en') }, ...fileItems]),
};

/** The entries in the default language (the set of keys is the same in both). */
export const references: readonly CslItem[] = referencesByLocale.id;

function checkIds(list: CslItem[]): CslItem[] {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (typeof item.id !== 'string' || item.id === '')
      throw new Error(`content/references.json: entry ${index + 1} has no id`);
    if (seen.has(item.id)) throw new Error(`content/references.json: id "${item.id}" is used twice`);
    seen.add(item.id);
  });
  return list;
}

/** Throws a build error naming the unknown key and the keys that exist. */
export function assertKnown(keys: readonly string[], list: readonly CslItem[] = references): void {
  const known = new Set(list.map((i) => i.id));
  const missing = keys.filter((k) => !known.has(k));
  if (missing.length > 0)
    throw new Error(
      `Cite: unknown reference key ${missing.map((k) => `"${k}"`).join(', ')}; content/references.json has: ${[...known].join(', ')}`,
    );
}

/** The anchor of an entry on the references page. */
export function referenceAnchor(key: string): string {
  return `ref-${key}`;
}

/**
 * APA 7's style asks for a retrieval date before an undated online source's
 * URL; these entries have none, so the dangling "Retrieved"/"Diakses" before
 * the URL is dropped.
 */
function dropEmptyRetrieved(html: string): string {
  return html.replace(/\b(Retrieved|Diakses) (?=https?:)/g, '');
}

/** Makes the URLs the style prints as text into links. */
function linkUrls(html: string): string {
  return html.replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** The formatted bibliography (HTML per entry), in the style's sort order. */
export function bibliography(
  locale: Locale,
  list: readonly CslItem[] = references,
): { id: string; html: string }[] {
  const html = citeOf(list).format('bibliography', {
    format: 'html',
    template: 'apa',
    lang: cslLang[locale],
  });
  const entries = [...html.matchAll(/<div data-csl-entry-id="([^"]+)" class="csl-entry">([\s\S]*?)<\/div>/g)];
  return entries.map(([, id, body]) => ({ id: id!, html: linkUrls(dropEmptyRetrieved(body!.trim())) }));
}

/** The in-text citation of one or more entries, e.g. `(Friedmann, 1992)`. */
export function inTextCitation(
  keys: readonly string[],
  locale: Locale,
  list: readonly CslItem[] = references,
): string {
  assertKnown(keys, list);
  const memoKey = `${locale}|${keys.join(',')}`;
  const memo = list === referencesByLocale[locale] ? citationMemo.get(memoKey) : undefined;
  if (memo !== undefined) return memo;
  const text = citeOf(list).format('citation', {
    format: 'text',
    template: 'apa',
    lang: cslLang[locale],
    entry: [...keys],
  });
  if (list === referencesByLocale[locale]) citationMemo.set(memoKey, text);
  return text;
}

const citationMemo = new Map<string, string>();
const citeCache = new WeakMap<readonly CslItem[], Cite>();

/** One parsed citation-js instance per list: parsing is the slow part. */
function citeOf(list: readonly CslItem[]): Cite {
  let cite = citeCache.get(list);
  if (!cite) {
    cite = new Cite(list);
    citeCache.set(list, cite);
  }
  return cite;
}
