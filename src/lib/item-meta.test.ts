/**
 * The head tags of each kind of item, tag by tag, against what Zotero's
 * Embedded Metadata translator reads (zotero/translators, "Embedded
 * Metadata.js" at commit dcd14d6f47d3f3db90943d79abdfde17240cc38c, read, not
 * copied: the translator is AGPL):
 *
 * - lines 42–81, HIGHWIRE_MAPPINGS: citation_title → title,
 *   citation_publication_date → date, citation_dissertation_institution →
 *   university, citation_publisher → publisher, citation_abstract →
 *   abstractNote, citation_public_url → url, citation_language → language;
 *   applied by processFields (lines 200–210) in addHighwireMetadata (from line
 *   395), after the RDF import, so they win over Dublin Core and Open Graph;
 * - lines 298–327 in init(): citation_dissertation_institution sets the item
 *   type to thesis, and line 355 / lines 488–491 let that type win over
 *   og:type;
 * - lines 88–108 (_prefixes) and 260–288: a tag named `DC.x`, `prism.x` or
 *   `og:x` becomes an RDF statement handed to the RDF translator (RDF.js,
 *   commit 0dd0169088ece4129ef516f9bf21718509b6d16b: detectType takes DC.type
 *   as the item type, and og:type before it; importItem reads dc:title,
 *   dc:creator, dc:publisher, dc:rights, prism edition into edition and
 *   versionNumber, dc:date, og:url, og:description, dc:language, and
 *   og:site_name as the website title of a web page);
 * - lines 566–609, processHighwireCreators, and RDF.js handleCreators (lines
 *   110–157, a name given as text at 131–135): a name is cut by
 *   ZU.cleanAuthor at its last space unless it contains a comma, in which case
 *   the part before the comma is the last name. A single-field name
 *   (fieldMode 1, line 149) comes only from an RDF person node without a given
 *   name, which a meta tag cannot express;
 * - lines 652–722, addLowQualityMetadata: with no date tag the first
 *   `time[datetime]` of the page becomes the date (line 716), with no abstract
 *   the meta description becomes the abstract (lines 698–701).
 */
import { describe, expect, it } from 'vitest';
import { datasetItem, figureItem, pageItem, thesisItem, type CslItem } from './citation.ts';
import { creatorValue, itemMetaTags } from './item-meta.ts';
import { siteTitle, thesis } from './site.ts';

const pairs = (item: CslItem, rights?: string) =>
  itemMetaTags(item, { rights }).map((t) => [t.name, t.content]);

describe('itemMetaTags', () => {
  it('gives the thesis Highwire tags: a thesis at the university, the record as URL, a quoted abstract, no date', () => {
    const item = thesisItem('en');
    expect(pairs(item)).toEqual([
      ['citation_title', thesis.title],
      ['citation_author', `${thesis.author.family}, ${thesis.author.given}`],
      ['citation_dissertation_institution', thesis.institution],
      ['citation_language', 'id'],
      ['citation_public_url', thesis.recordUrl],
      ['citation_abstract_html_url', thesis.recordUrl],
      ['citation_abstract', item.abstract!],
    ]);
    expect(item.abstract).toContain(`"${thesis.abstractQuote}"`);
    expect(item.abstract).toMatch(
      /^Kutipan dari abstrak dalam catatan katalog Perpustakaan Universitas Indonesia/,
    );
  });

  it('is the same thesis whichever page language it is saved from', () => {
    expect(pairs(thesisItem('id'))).toEqual(pairs(thesisItem('en')));
  });

  it('dates the thesis and gives its type only once they are known', () => {
    const known = { ...thesisItem('id'), issued: { 'date-parts': [[1999]] as [[number]] }, genre: 'Skripsi' };
    const tags = pairs(known);
    expect(tags).toContainEqual(['citation_publication_date', '1999']);
    expect(tags).toContainEqual(['DC.type', 'Skripsi']);
    expect(pairs(thesisItem('id')).map(([n]) => n)).not.toContain('citation_publication_date');
  });

  it('gives a dataset version Dublin Core: type, title, whole organisation names, release, repository, version, stable URL, licence, language', () => {
    const item = datasetItem({
      id: 'konteks-paseban',
      title: 'Context of Kelurahan Paseban',
      version: '1.2.0',
      issued: '2026-11-20',
      url: 'https://example.org/data/konteks-paseban/1.2.0/',
      locale: 'en',
      author: [{ literal: 'Pemerintah Provinsi DKI Jakarta (data.jakarta.go.id)' }],
      publisher: siteTitle.en,
    });
    expect(pairs(item, 'Creative Commons Attribution 4.0 International')).toEqual([
      ['DC.type', 'Dataset'],
      ['DC.title', 'Context of Kelurahan Paseban'],
      ['DC.creator', 'Pemerintah Provinsi DKI Jakarta (data.jakarta.go.id),'],
      ['DC.date', '2026-11-20'],
      ['DC.publisher', siteTitle.en],
      ['prism.edition', '1.2.0'],
      ['DC.identifier', 'https://example.org/data/konteks-paseban/1.2.0/'],
      ['citation_public_url', 'https://example.org/data/konteks-paseban/1.2.0/'],
      ['DC.rights', 'Creative Commons Attribution 4.0 International'],
      ['DC.language', 'en'],
    ]);
  });

  it('gives a page and a figure the publication as author, the release date and the language', () => {
    const page = pageItem({
      title: 'Metode',
      url: 'https://example.org/studi/metode/',
      locale: 'id',
      route: 'studi/metode/',
      issued: '2026-11-27',
    });
    const figure = figureItem({
      id: 'fig-x',
      title: 'Figure 2. Business types',
      url: 'https://example.org/en/grafik/fig-x/',
      locale: 'en',
      issued: '2026-11-27',
    });
    expect(pairs(page)).toEqual([
      ['DC.title', 'Metode'],
      ['DC.creator', `${siteTitle.id},`],
      ['DC.date', '2026-11-27'],
      ['DC.language', 'id'],
    ]);
    expect(pairs(figure)).toEqual([
      ['DC.title', 'Figure 2. Business types'],
      ['DC.creator', `${siteTitle.en},`],
      ['DC.date', '2026-11-27'],
      ['DC.language', 'en'],
    ]);
  });

  it('never gives a page a Highwire tag (Google Scholar would index it as a paper)', () => {
    const page = pageItem({
      title: 'Beranda',
      url: 'https://example.org/',
      locale: 'id',
      route: '',
      issued: '2026-11-27',
    });
    expect(pairs(page).filter(([n]) => n.startsWith('citation_'))).toEqual([]);
  });
});

describe('creatorValue', () => {
  it('ends an organisation with a comma, so the translator keeps the name whole as the last name', () => {
    const value = creatorValue({ literal: 'Pemberdayaan Ekonomi di Paseban' });
    expect(value).toBe('Pemberdayaan Ekonomi di Paseban,');
    // What cleanAuthor does with a comma (Embedded Metadata.js line 600, RDF.js
    // handleCreators): the part before the first comma is the last name, the
    // part after it the first name, here empty.
    const [last, first] = value.split(/, ?/);
    expect(last).toBe('Pemberdayaan Ekonomi di Paseban');
    expect(first).toBe('');
  });

  it('writes a person family name first', () => {
    expect(creatorValue({ family: 'Sasanti', given: 'A.M.' })).toBe('Sasanti, A.M.');
  });
});
