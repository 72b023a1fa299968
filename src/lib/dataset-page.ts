/**
 * What the dataset pages derive from a dataset's metadata: the catalogue
 * line, the time and place covered, the schema.org `Dataset` description
 * for search engines, the citation item, and file sizes. Pure functions of
 * the metadata; every number shown comes from the data build.
 */
import type { DatasetFile, DatasetMeta, DatasetVersion, FieldMeta } from './schema/metadata.ts';
import { datasetItem, type CslItem } from './citation.ts';
import { intlLocale, type Bilingual, type Locale } from './i18n.ts';
import { siteTitle } from './site.ts';

/** The place the study is about (from the thesis record's title and abstract). */
export const studyPlace = {
  name: 'Kelurahan Paseban, Kecamatan Senen, Jakarta Pusat, DKI Jakarta, Indonesia',
  containedIn: 'Kecamatan Senen, Jakarta Pusat, DKI Jakarta, Indonesia',
};

/** Rows over all tables. */
export function rowCount(meta: DatasetMeta): number {
  return meta.tables.reduce((sum, t) => sum + t.rowCount, 0);
}

/** Variables (columns) over all tables. */
export function variableCount(meta: DatasetMeta): number {
  return meta.tables.reduce((sum, t) => sum + t.fields.length, 0);
}

/** The first sentence of a text, for one-line listings. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match ? match[1]! : text).replace(/\s+/g, ' ').trim();
}

/** A file size in the page language: "1,8 kB" / "1.8 kB" (decimal units, as file managers show). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A number in the page language. */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits }).format(value);
}

/** Fields holding a calendar year: typed `year`, or the integer column `tahun` ("year"). */
function isYearField(f: FieldMeta): boolean {
  return f.type === 'year' || (f.name === 'tahun' && f.type === 'integer');
}

/**
 * The time a dataset covers, from its data: the range of its year columns as
 * an ISO 8601 year or interval ("2013/2014"); else, for data timed only
 * relative to an event (months since the capital was received), that range in
 * words, never a calendar date that the data does not hold.
 */
export function temporalCoverage(meta: DatasetMeta, locale: Locale): { iso?: string; text: string } {
  const years: number[] = [];
  const relative: string[] = [];
  for (const table of meta.tables) {
    for (const f of table.fields) {
      if (f.summary.kind !== 'numeric') continue;
      if (isYearField(f)) years.push(f.summary.min, f.summary.max);
      else if (f.unit?.en === 'months' || f.unit?.en === 'years') {
        const what = f.description?.[locale] ?? f.label[locale];
        relative.push(
          `${what.replace(/\.$/, '')}: ${formatNumber(f.summary.min, locale)}–${formatNumber(f.summary.max, locale)} ${f.unit[locale]}`,
        );
      }
    }
  }
  if (years.length > 0) {
    const from = Math.min(...years);
    const to = Math.max(...years);
    const iso = from === to ? String(from) : `${from}/${to}`;
    return { iso, text: from === to ? String(from) : `${from}–${to}` };
  }
  const none = { id: 'tanpa tanggal kalender', en: 'no calendar dates' }[locale];
  return { text: relative.length > 0 ? `${relative.join('; ')} (${none})` : none };
}

/** The licence of a dataset as name and URL (the first listed). */
export function licenseOf(meta: DatasetMeta): { title: string; url?: string } {
  const l = meta.licenses[0];
  if (!l) throw new Error(`dataset ${meta.id}: the codebook lists no licence`);
  return { title: l.title ?? l.name ?? l.path ?? '', url: l.path };
}

/** The version record of `version`, or an error naming the dataset. */
export function versionOf(meta: DatasetMeta, version: string): DatasetVersion {
  const v = meta.versions.find((x) => x.version === version);
  if (!v) throw new Error(`dataset ${meta.id} has no version ${version}`);
  return v;
}

/**
 * Who made the dataset this site publishes: the codebook's contributors named
 * as authors or creators, else this site (which built the synthetic data and
 * repackages official data; the producer of official data is its source).
 */
export function creators(meta: DatasetMeta, locale: Locale): { name: string; url?: string }[] {
  const authors = meta.contributors.filter((c) => c.roles?.some((r) => r === 'author' || r === 'creator'));
  if (authors.length > 0) return authors.map((c) => ({ name: c.title, url: c.path }));
  return [{ name: siteTitle[locale] }];
}

/** The CSL item of one version of a dataset, with its release date when the changelog has one. */
export function datasetCitation(
  meta: DatasetMeta,
  opts: { version: string; locale: Locale; url: string; released?: string },
): CslItem {
  // Official data this site repackages names its producer as the source.
  const source = meta.contributors.find((c) => c.roles?.includes('producer'))?.title;
  return datasetItem({
    id: meta.id,
    title: meta.title[opts.locale],
    version: opts.version,
    issued: opts.released,
    url: opts.url,
    locale: opts.locale,
    // The codebook's authors, else this site, named as an organisation (see
    // creators()). The publication is also where every version is published:
    // the repository, in Zotero's terms.
    author: creators(meta, opts.locale).map((c) => ({ literal: c.name })),
    publisher: siteTitle[opts.locale],
    // The source goes with the formats, which APA and Chicago print in brackets after the title.
    medium: [
      'CSV, XLSX, JSON, SPSS',
      ...(source ? [`${{ id: 'sumber data', en: 'data source' }[opts.locale]}: ${source}`] : []),
    ].join('; '),
    note: meta.synthetic ? { id: 'Data sintetis', en: 'Synthetic data' }[opts.locale] : undefined,
  });
}

/** Label of a download's format for people. */
export function formatLabel(file: DatasetFile, locale: Locale): string {
  const labels: Record<DatasetFile['format'], Bilingual> = {
    csv: { id: 'CSV (satu tabel)', en: 'CSV (one table)' },
    'csv-excel': {
      id: 'CSV untuk Excel berbahasa Indonesia (satu tabel; ";", koma desimal)',
      en: 'CSV for Excel in Indonesian (one table; ";", decimal comma)',
    },
    'csv-labels': { id: 'CSV berlabel (satu tabel)', en: 'Labelled CSV (one table)' },
    'xlsx-labels': {
      id: 'Excel berlabel (XLSX, semua tabel dan buku kode)',
      en: 'Labelled Excel (XLSX, all tables and the codebook)',
    },
    json: { id: 'JSON (satu tabel)', en: 'JSON (one table)' },
    sav: { id: 'SPSS (.sav, satu tabel, dengan label)', en: 'SPSS (.sav, one table, with labels)' },
    xlsx: { id: 'Excel (XLSX, semua tabel dan buku kode)', en: 'Excel (XLSX, all tables and the codebook)' },
    datapackage: { id: 'Data Package (Frictionless v2)', en: 'Data Package (Frictionless v2)' },
    disclosure: { id: 'Laporan kontrol pengungkapan (JSON)', en: 'Disclosure control report (JSON)' },
    zip: { id: 'ZIP (semua berkas)', en: 'ZIP (all files)' },
    ddi: { id: 'Buku kode DDI Codebook 2.5 (XML)', en: 'DDI Codebook 2.5 codebook (XML)' },
  };
  const language = file.language
    ? { id: { id: 'Indonesia', en: 'Inggris' }, en: { id: 'Indonesian', en: 'English' } }[locale][
        file.language
      ]
    : undefined;
  return `${labels[file.format][locale]}${language ? `: ${language}` : ''}`;
}

export interface JsonLdContext {
  locale: Locale;
  /** Absolute URL of the dataset page. */
  pageUrl: string;
  /** Absolute URL of the data catalogue page. */
  catalogUrl: string;
  /** Absolute URL of the site's home page in this language. */
  homeUrl: string;
  /** Absolute URL of a site path (`data/<id>/<version>/<file>`), base path included. */
  fileUrl: (path: string) => string;
  /** Version the page shows. */
  version: string;
  released?: string;
}

/**
 * The schema.org `Dataset` of one version, as Google Dataset Search reads it.
 * Throws when the description is outside the 50–5000 characters it requires.
 */
export function datasetJsonLd(meta: DatasetMeta, ctx: JsonLdContext): Record<string, unknown> {
  const description = meta.description[ctx.locale].replace(/\s+/g, ' ').trim();
  if (description.length < 50 || description.length > 5000) {
    throw new Error(
      `dataset ${meta.id}: the ${ctx.locale} description has ${description.length} characters; schema.org Dataset needs 50–5000`,
    );
  }
  const license = licenseOf(meta);
  const version = versionOf(meta, ctx.version);
  const temporal = temporalCoverage(meta, ctx.locale);
  const variables = new Map<string, FieldMeta>();
  for (const t of meta.tables) for (const f of t.fields) if (!variables.has(f.name)) variables.set(f.name, f);
  const identifier = ctx.fileUrl(`data/${meta.id}/${ctx.version}/`);
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': identifier,
    name: meta.title[ctx.locale],
    description,
    url: ctx.pageUrl,
    identifier,
    version: ctx.version,
    inLanguage: ctx.locale,
    ...(ctx.released ? { datePublished: ctx.released } : {}),
    creator: creators(meta, ctx.locale).map((c) => ({
      '@type': 'Organization',
      name: c.name,
      ...(c.url ? { url: c.url } : { url: ctx.homeUrl }),
    })),
    // Where every version is published, as the citation's publisher (Zotero's repository).
    publisher: { '@type': 'Organization', name: siteTitle[ctx.locale], url: ctx.homeUrl },
    license: license.url ?? license.title,
    isAccessibleForFree: true,
    keywords: meta.keywords,
    temporalCoverage: temporal.iso ?? temporal.text,
    spatialCoverage: {
      '@type': 'Place',
      name: studyPlace.name,
      containedInPlace: { '@type': 'Place', name: studyPlace.containedIn },
    },
    variableMeasured: [...variables.values()].map((f) => ({
      '@type': 'PropertyValue',
      name: f.name,
      description: f.label[ctx.locale],
      ...(f.unit ? { unitText: f.unit[ctx.locale] } : {}),
    })),
    distribution: version.files.map((f) => ({
      '@type': 'DataDownload',
      name: f.name,
      encodingFormat: f.mediaType,
      contentUrl: ctx.fileUrl(f.path),
      contentSize: `${f.bytes} B`,
    })),
    includedInDataCatalog: {
      '@type': 'DataCatalog',
      name: `${siteTitle[ctx.locale]}: ${{ id: 'katalog data', en: 'data catalogue' }[ctx.locale]}`,
      url: ctx.catalogUrl,
    },
    ...(meta.synthetic
      ? {
          disambiguatingDescription: {
            id: 'Data sintetis untuk demonstrasi; tidak ada angka di dalamnya yang merupakan temuan studi.',
            en: 'Synthetic demonstration data; no number in it is a finding of the study.',
          }[ctx.locale],
        }
      : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&`
 * written as \u escapes so no text from a dataset can close the element or
 * open a comment; U+2028/2029 escaped for old parsers.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
