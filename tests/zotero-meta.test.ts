/**
 * What a reader who saves a page of the built site into Zotero gets: for one
 * page of each kind, the exact head tags that Zotero's Embedded Metadata
 * translator turns into the item's fields, and, for every page, that these
 * tags describe the item its Cite box cites.
 *
 * The translator (zotero/translators, "Embedded Metadata.js", commit
 * dcd14d6f47d3f3db90943d79abdfde17240cc38c; AGPL, read, not copied) reads:
 * - Highwire tags, lines 42–81 (HIGHWIRE_MAPPINGS: citation_title → title,
 *   citation_publication_date → date, citation_dissertation_institution →
 *   university, citation_public_url → url, citation_abstract → abstractNote,
 *   citation_language → language), applied after everything else (lines
 *   200–210, 395–398); citation_dissertation_institution makes the item a
 *   thesis (lines 315–316), ahead of og:type (line 355, lines 488–491);
 * - `DC.*`, `prism.*` and `og:*` tags as RDF statements (lines 88–108 and
 *   260–288) for the RDF translator (RDF.js, commit
 *   0dd0169088ece4129ef516f9bf21718509b6d16b: detectType takes `DC.type` as
 *   the item type when Zotero has that type, as Zotero 7 has `dataset` (this
 *   2019 copy still maps an unknown "dataset" to a journal article), unless an
 *   og:type says otherwise; importItem reads
 *   dc:title, dc:creator, dc:date, dc:publisher (a dataset's repository),
 *   prism edition (its version number), dc:rights, dc:language, og:url and,
 *   for a web page, og:site_name as the website title);
 * - names: cut at the last space unless they contain a comma (lines 566–609,
 *   ZU.cleanAuthor at line 600; RDF.js handleCreators, lines 110–157), hence
 *   the comma after an organisation's name;
 * - fallbacks when a field is still empty (addLowQualityMetadata, lines
 *   652–722): the meta description as abstract (698–701), the canonical link
 *   as URL (703–705), the first `time[datetime]` as date (715–717). The
 *   thesis page must therefore carry its own abstract and no `<time>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { rootBuild, siteUrl } from './support/builds.ts';
import { listPages } from './support/pages.ts';
import { loadChangelog, publicationRelease } from '../src/lib/changelog.ts';
import { loadDataset } from '../src/lib/datasets.ts';
import { siteTitle, thesis } from '../src/lib/site.ts';
import { syntheticLabel } from '../src/lib/stats.ts';

const pages = listPages(rootBuild.outDir);
const released = publicationRelease();
const url = (p: string) => new URL(p, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;

/** The tags Zotero maps to fields (plus og:type and og:site_name, which decide a web page's type and site). */
const relevant = (name: string) =>
  /^(citation_|DC\.|prism\.)/.test(name) || ['og:type', 'og:site_name'].includes(name);

function load(pagePath: string) {
  const page = pages.find((p) => p.path === pagePath);
  if (!page) throw new Error(`no built page /${pagePath} in ${rootBuild.outDir}/`);
  const { document } = parseHTML(readFileSync(path.join(rootBuild.outDir, page.file), 'utf8'));
  const tags = [...document.querySelectorAll('head meta')]
    .map((m) => [m.getAttribute('name') ?? m.getAttribute('property') ?? '', m.getAttribute('content') ?? ''])
    .filter(([name]) => relevant(name!));
  return { document, tags };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('dataset pages save as dataset items', () => {
  test('/data/survei-pokmas/: the publication as author and repository, version, release, stable URL, licence', () => {
    const meta = loadDataset('survei-pokmas');
    const date = loadChangelog().find((e) => e.dataset === meta.id && e.version === meta.version)?.date;
    expect(date).toBeDefined();
    const { tags } = load('data/survei-pokmas/');
    expect(tags).toEqual([
      ['og:site_name', siteTitle.id],
      ['DC.type', 'Dataset'],
      ['DC.title', meta.title.id],
      ['DC.creator', `${siteTitle.id},`],
      ['DC.date', date],
      ['DC.publisher', siteTitle.id],
      ['prism.edition', meta.version],
      ['DC.identifier', url(`data/survei-pokmas/${meta.version}/`)],
      ['citation_public_url', url(`data/survei-pokmas/${meta.version}/`)],
      ['DC.rights', meta.licenses[0]!.title],
      ['DC.language', 'id'],
    ]);
  });

  test('/data/survei-pokmas/: the JSON-LD (for Google Dataset Search) names the same version, release, creators and publisher', () => {
    const { document, tags } = load('data/survei-pokmas/');
    const get = (name: string) => tags.filter(([n]) => n === name).map(([, v]) => v);
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(ld.version).toBe(get('prism.edition')[0]);
    expect(ld.datePublished).toBe(get('DC.date')[0]);
    expect(ld.identifier).toBe(get('citation_public_url')[0]);
    expect(ld.creator.map((c: { name: string }) => `${c.name},`)).toEqual(get('DC.creator'));
    expect(ld.publisher.name).toBe(get('DC.publisher')[0]);
  });

  test('/en/data/konteks-paseban/<version>/: this site as one creator (the government is the source), the licence named, not its address', () => {
    const meta = loadDataset('konteks-paseban');
    const { tags } = load(`en/data/konteks-paseban/${meta.version}/`);
    const get = (name: string) => tags.filter(([n]) => n === name).map(([, v]) => v);
    // The codebook names the government as producer, not author: this site made the repackaged dataset.
    expect(meta.contributors.map((c) => c.roles)).toEqual([['producer']]);
    expect(get('DC.creator')).toEqual([`${siteTitle.en},`]);
    expect(get('DC.publisher')).toEqual([siteTitle.en]);
    expect(get('DC.rights')).toEqual([meta.licenses[0]!.title]);
    expect(get('DC.rights')[0]).not.toMatch(/^https?:/);
    expect(get('prism.edition')).toEqual([meta.version]);
    expect(get('citation_public_url')).toEqual([url(`data/konteks-paseban/${meta.version}/`)]);
    expect(get('DC.language')).toEqual(['en']);
    // og:type would outrank DC.type (RDF.js detectType): a dataset page has none.
    expect(get('og:type')).toEqual([]);
  });
});

describe('the thesis is one page, /studi/', () => {
  const thesisTags = [
    ['citation_title', thesis.title],
    ['citation_author', `${thesis.author.family}, ${thesis.author.given}`],
    ['citation_dissertation_institution', thesis.institution],
    ['citation_language', thesis.language],
    ['citation_public_url', thesis.recordUrl],
    ['citation_abstract_html_url', thesis.recordUrl],
  ];

  for (const p of ['studi/', 'en/studi/']) {
    test(`/${p}: the thesis as catalogued, the catalogue's words as abstract, no date from the page`, () => {
      const { document, tags } = load(p);
      const citation = tags.filter(([n]) => n!.startsWith('citation_') || n!.startsWith('DC.'));
      expect(citation.slice(0, thesisTags.length)).toEqual(thesisTags);
      const abstract = citation.slice(thesisTags.length);
      expect(abstract).toHaveLength(1);
      expect(abstract[0]![0]).toBe('citation_abstract');
      expect(abstract[0]![1]).toContain(`"${thesis.abstractQuote}"`);
      expect(abstract[0]![1]).toContain('catatan katalog Perpustakaan Universitas Indonesia');
      // The year is unknown: no date tag, and no <time> for the translator to fall back on.
      if (thesis.year === undefined) {
        expect(tags.map(([n]) => n)).not.toContain('citation_publication_date');
        expect(document.querySelectorAll('time[datetime]')).toHaveLength(0);
      }
    });
  }

  test('the Indonesian and English pages save the same item', () => {
    const citation = (p: string) =>
      load(p).tags.filter(([n]) => n!.startsWith('citation_') || n!.startsWith('DC.'));
    expect(citation('en/studi/')).toEqual(citation('studi/'));
  });

  test('no other page of the site saves the thesis, so two pages never give two thesis items', () => {
    const withThesis = pages
      .filter((p) => p.file.endsWith('.html'))
      .filter((p) =>
        readFileSync(path.join(rootBuild.outDir, p.file), 'utf8').includes(
          'name="citation_dissertation_institution"',
        ),
      )
      .map((p) => p.path);
    expect(withThesis).toEqual(['en/studi/', 'studi/']);
  });
});

describe('pages of this publication save as web pages by the publication, dated by its release', () => {
  const cases = [
    {
      kind: 'chapter',
      path: 'studi/metode/',
      locale: 'id' as const,
      title: (d: Document) => text(d.querySelector('main h1')),
    },
    {
      kind: 'case',
      path: 'en/kasus/pokmas-a/',
      locale: 'en' as const,
      title: (d: Document) => text(d.querySelector('main h1')),
    },
    // The figure's full title, as its heading and its Cite box give it, not the short page title; a figure
    // of synthetic data carries the label in its cited title.
    {
      kind: 'figure',
      path: 'grafik/fig-jenis-usaha/',
      locale: 'id' as const,
      title: (d: Document) => {
        const heading = text(d.querySelector('main h1'));
        return loadDataset('survei-pokmas').synthetic ? `${heading} [${syntheticLabel.id}]` : heading;
      },
    },
    { kind: 'home', path: '', locale: 'id' as const, title: () => siteTitle.id },
  ];
  for (const c of cases) {
    test(`${c.kind} (/${c.path}): title, the publication as one creator, release date, language, site title`, () => {
      const { document, tags } = load(c.path);
      expect(tags).toEqual([
        ['og:site_name', siteTitle[c.locale]],
        ['og:type', 'website'],
        ['DC.title', c.title(document as unknown as Document)],
        ['DC.creator', `${siteTitle[c.locale]},`],
        ['DC.date', released],
        ['DC.language', c.locale],
      ]);
    });
  }
});

describe('every page saves the item its Cite box cites', () => {
  interface Csl {
    title: string;
    URL: string;
    language?: string;
    author?: ({ literal: string } | { family: string; given?: string })[];
    issued?: { 'date-parts': number[][] };
  }
  const name = (a: NonNullable<Csl['author']>[number]) =>
    'literal' in a ? `${a.literal},` : a.given ? `${a.family}, ${a.given}` : `${a.family},`;
  const iso = (d: Csl['issued']) =>
    d?.['date-parts'][0]!.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');

  // Figure embeds are parts of other sites' pages: no Cite box, no item.
  const cited = pages.filter((p) => p.file.endsWith('.html') && !p.path.endsWith('/embed/'));

  test('there are pages to check', () => {
    expect(cited.length).toBeGreaterThan(20);
  });

  for (const p of cited) {
    test(`/${p.path}`, () => {
      const { document, tags } = load(p.path);
      const get = (n: string) => tags.filter(([t]) => t === n).map(([, v]) => v);
      const ogUrl = document.querySelector('meta[property="og:url"]')?.getAttribute('content');
      const savedUrl = get('citation_public_url')[0] ?? ogUrl;
      const items = [...document.querySelectorAll('pre[data-cite-file$=".json"]')].flatMap(
        (pre) => JSON.parse(pre.textContent ?? '[]') as Csl[],
      );
      if (get('citation_title').length === 0 && get('DC.title').length === 0) {
        // A page with no item of its own (the 404 pages) has no Cite box either.
        expect(items).toEqual([]);
        return;
      }
      const item = items.find((i) => i.URL === savedUrl);
      expect(item, `no Cite box on /${p.path} cites ${savedUrl}`).toBeDefined();
      expect(get('citation_title')[0] ?? get('DC.title')[0]).toBe(item!.title);
      expect([...get('citation_author'), ...get('DC.creator')]).toEqual((item!.author ?? []).map(name));
      expect(get('citation_publication_date')[0] ?? get('DC.date')[0]).toBe(iso(item!.issued));
      expect(get('citation_language')[0] ?? get('DC.language')[0]).toBe(item!.language);
    });
  }
});
