/**
 * The `<meta>` tags that make a page save, in Zotero (its Embedded Metadata
 * translator, which the Zotero Connector runs on a page without a translator
 * of its own), Mendeley and Google Scholar, as the same item its Cite box
 * cites. They are written from the Cite box's CSL item, so the two cannot
 * describe different works:
 *
 * - the thesis: Highwire Press `citation_*` tags (what Google Scholar asks
 *   for), with `citation_dissertation_institution`, which makes Zotero's item
 *   a thesis; no date while the catalogue record has none, and a quoted
 *   abstract, so that neither a date nor a description is taken from the page;
 * - a dataset version: Dublin Core with `DC.type` Dataset (Zotero's `dataset`
 *   item), PRISM `edition` for the version (Zotero's version number),
 *   `DC.publisher` (its repository) and `citation_public_url` for the version's
 *   stable address (Highwire fields are read after Dublin Core and win);
 * - a page or a figure: Dublin Core for title, author, date and language; with
 *   `og:type` website and `og:site_name` from the layout, Zotero saves a web
 *   page of that site.
 *
 * Which tag fills which Zotero field is tested, with the translator's lines,
 * in `item-meta.test.ts` and `tests/zotero-meta.test.ts`.
 */
import type { CslItem, CslName } from './citation.ts';

export interface MetaTag {
  name: string;
  content: string;
}

/**
 * A creator's name as a `citation_author` / `DC.creator` value. A person is
 * "Family, Given". An organisation ends with a comma: Zotero splits a name
 * without a comma at its last space ("Pemberdayaan Ekonomi di" + "Paseban"),
 * while a name with a comma is read as "family, given", and with nothing
 * after the comma the whole name stays the family name, cited in full.
 */
export function creatorValue(name: CslName): string {
  if ('literal' in name) return `${name.literal},`;
  return name.given ? `${name.family}, ${name.given}` : `${name.family},`;
}

/** An ISO date (`2026-11-27`, or the year alone) from a CSL date. */
function isoDate(item: CslItem): string | undefined {
  const parts = item.issued?.['date-parts'][0];
  if (!parts) return undefined;
  const [y, m, d] = parts;
  return [String(y).padStart(4, '0'), m, d]
    .filter((p) => p !== undefined)
    .map((p) => String(p).padStart(2, '0'))
    .join('-');
}

/**
 * The head tags for one CSL item, in document order. `rights` is the licence
 * of a dataset (CSL has no field for it).
 */
export function itemMetaTags(item: CslItem, opts: { rights?: string } = {}): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined) => {
    if (content !== undefined && content !== '') tags.push({ name, content });
  };
  const date = isoDate(item);
  const authors = (item.author ?? []).map(creatorValue);

  if (item.type === 'thesis') {
    add('citation_title', item.title);
    for (const a of authors) add('citation_author', a);
    add('citation_publication_date', date);
    add('citation_dissertation_institution', item.publisher);
    add('citation_language', item.language);
    add('citation_public_url', item.URL);
    add('citation_abstract_html_url', item.URL);
    add('citation_abstract', item.abstract);
    // Zotero's thesis type ("Type") comes from DC.type; only a known degree fills it.
    add('DC.type', item.genre);
    return tags;
  }

  if (item.type === 'dataset') add('DC.type', 'Dataset');
  add('DC.title', item.title);
  for (const a of authors) add('DC.creator', a);
  add('DC.date', date);
  if (item.type === 'dataset') {
    add('DC.publisher', item.publisher);
    add('prism.edition', item.version);
    add('DC.identifier', item.URL);
    add('citation_public_url', item.URL);
    add('DC.rights', opts.rights);
  }
  add('DC.language', item.language);
  return tags;
}
