import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { datasetItem, figureItem, formatCitation, pageItem, thesisItem, type CslItem } from './citation.ts';
import { thesis } from './site.ts';
import { readStandardJson } from '../../tests/support/standards.ts';

const accessed = new Date('2026-11-27T12:00:00Z');
const items: [string, CslItem][] = [
  ['thesis', thesisItem('id')],
  [
    'page',
    pageItem({
      title: 'Katalog data',
      url: 'https://example.org/data/',
      locale: 'id',
      route: 'data/',
      accessed,
    }),
  ],
  [
    'figure',
    figureItem({
      id: 'angsuran',
      title: 'Status angsuran',
      url: 'https://example.org/grafik/',
      locale: 'en',
      accessed,
    }),
  ],
  [
    'dataset',
    datasetItem({
      id: 'survei-pokmas',
      title: 'Survei pokmas (demonstrasi sintetis)',
      version: '1.2.0',
      issued: '2026-11-20',
      url: 'https://example.org/data/survei-pokmas/1.2.0/',
      locale: 'id',
      author: [{ literal: 'Pemerintah Provinsi DKI Jakarta' }],
      accessed,
    }),
  ],
];

const year = (item: CslItem) => item.issued?.['date-parts'][0][0];
const authorNames = (item: CslItem) =>
  (item.author ?? []).map((a) => ('literal' in a ? a.literal : `${a.family}, ${a.given ?? ''}`.trim()));

const words = (name: string) =>
  name
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

describe('formatted styles', () => {
  it('cites the thesis without a year as n.d. in English and t.t. in Indonesian, never with an invented one', () => {
    expect(thesis.year).toBeUndefined();
    const en = formatCitation(thesisItem('en'), 'en');
    const id = formatCitation(thesisItem('id'), 'id');
    expect(en.apa).toContain('(n.d.)');
    expect(en.chicago).toContain('n.d.');
    expect(id.apa).toContain('(t.t.)');
    expect(id.chicago).toContain('t.t.');
    for (const html of [en.apa, en.chicago, id.apa, id.chicago]) {
      expect(html).toContain('Sasanti');
      expect(html).toContain('Universitas Indonesia');
      expect(html).not.toMatch(/\b(19|20)\d\d\b/);
    }
  });

  it('puts the version of a dataset into the APA reference and the access date into page references', () => {
    const [, ds] = items[3]!;
    expect(formatCitation(ds, 'en').apa).toContain('Version 1.2.0');
    expect(formatCitation(ds, 'id').apa).toContain('Versi 1.2.0');
    const [, page] = items[1]!;
    const apa = formatCitation(page, 'en').apa;
    expect(apa).toContain('2026');
    expect(apa).toMatch(/Retrieved November 27, 2026/);
    expect(formatCitation(page, 'en').chicago).toMatch(/Accessed November 27, 2026/);
  });

  it('keeps the synthetic label of a figure in every style, and adds none to a figure of real data', () => {
    for (const locale of ['id', 'en'] as const) {
      const label = {
        id: 'Data sintetis, bukan temuan studi',
        en: 'Synthetic data, not a finding of the study',
      }[locale];
      const opts = { id: 'x', title: 'Gambar 3. Kondisi', url: 'https://example.org/g/', locale, accessed };
      const out = formatCitation(figureItem({ ...opts, synthetic: true }), locale);
      // BibTeX braces capitalised words ({Data} sintetis), Chicago title-cases English: compared without either.
      for (const text of [out.apa, out.chicago, out.bibtex, out.ris, out.cslJson])
        expect(text.replace(/[{}]/g, '').toLowerCase(), text).toContain(label.toLowerCase());
      const real = formatCitation(figureItem({ ...opts, synthetic: false }), locale);
      for (const text of [real.apa, real.chicago, real.bibtex, real.ris])
        expect(text.replace(/[{}]/g, '').toLowerCase()).not.toContain(label.toLowerCase());
    }
  });

  it('escapes markup from the data: a script tag or an attribute breakout stays text', () => {
    const hostile = datasetItem({
      id: 'x',
      title: '<script>alert(1)</script> " onmouseover=alert(2) x="',
      version: '1.0.0',
      url: 'https://example.org/?a=1&b=<x>',
      locale: 'en',
      accessed,
    });
    const out = formatCitation(hostile, 'en');
    for (const html of [out.apa, out.chicago]) {
      expect(html).not.toContain('<script');
      expect(html).toContain('&#60;script&#62;');
      expect(html).not.toMatch(/<[a-z]+[^>]*onmouseover/i);
    }
  });
});

describe('exchange formats parse back with independent parsers', () => {
  for (const [kind, item] of items) {
    const out = formatCitation(item, item.language === 'en' ? 'en' : 'id');

    it(`BibLaTeX of the ${kind} gives back title, authors and year`, () => {
      const { entries, errors } = parseBibtex(out.bibtex);
      expect(errors).toEqual([]);
      expect(entries).toHaveLength(1);
      const e = entries[0]!;
      expect(e.fields.title).toBe(item.title);
      const authors = (e.fields.author ?? []).map(
        (a) => a.name ?? `${a.lastName}, ${a.firstName ?? ''}`.trim(),
      );
      expect(authors).toEqual(authorNames(item));
      const y = e.fields.date ?? e.fields.year;
      expect(y === undefined ? undefined : Number(String(y).slice(0, 4))).toBe(year(item));
      if (kind === 'dataset') {
        expect(e.type).toBe('dataset');
        expect(e.fields.version).toBe(item.version);
      }
      if (kind === 'thesis') expect(e.type).toBe('thesis');
      expect(e.key).toBe(item['citation-key']);
    });

    it(`RIS of the ${kind} gives back title, authors and year`, () => {
      const [parsed] = parseRis(out.ris);
      expect(parsed).toBeDefined();
      expect(parsed!.title).toBe(item.title);
      const authors = (parsed!.author ?? []).map(
        (a: { literal?: string; family?: string; given?: string }) =>
          a.literal ?? `${a.family}, ${a.given ?? ''}`.trim(),
      );
      // RIS has no marker for an organisation: a parser may split its name at a space,
      // so the words of each name are compared, not how they were split.
      expect(authors.map(words)).toEqual(authorNames(item).map(words));
      const risYear = parsed!.issued?.['date-parts']?.[0]?.[0];
      expect(risYear === undefined ? undefined : Number(risYear)).toBe(year(item));
      if (kind === 'dataset') expect(out.ris).toMatch(/^TY {2}- DATA\n/);
      if (kind === 'thesis') expect(out.ris).toMatch(/^TY {2}- THES\n/);
    });

    it(`CSL-JSON of the ${kind} is valid against the CSL data schema and round-trips`, () => {
      const schema = readStandardJson('csl-data.json');
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(schema);
      const data = JSON.parse(out.cslJson);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data[0].title).toBe(item.title);
      expect(data[0].author ?? []).toEqual(item.author ?? []);
      expect(data[0].issued?.['date-parts'][0][0]).toBe(year(item));
    });
  }
});
