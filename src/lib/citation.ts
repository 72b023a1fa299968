/**
 * Citations of the thesis, the site's pages, its figures and its datasets.
 * Every citation starts as one CSL-JSON item; citation-js turns it into the
 * formatted styles (APA 7, Chicago author-date) and the exchange formats
 * (BibLaTeX, RIS, CSL-JSON). Nothing here formats a citation by hand.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { syntheticLabel } from './stats.ts';
import chicagoAuthorDate from './csl/chicago-author-date.csl?raw';
import localeIdId from './csl/locales-id-ID.xml?raw';
import type { Locale } from './i18n.ts';
import { siteTitle, thesis } from './site.ts';

const csl = plugins.config.get('@csl');
// APA 7 ships with @citation-js/plugin-csl as `apa`; Chicago and the
// Indonesian locale come from the CSL project's repositories (src/lib/csl/).
if (!csl.styles.has('chicago-author-date')) csl.styles.add('chicago-author-date', chicagoAuthorDate);
if (!csl.locales.has('id-ID')) csl.locales.add('id-ID', localeIdId);

/** CSL locale of each site language: "n.d." in English, "t.t." in Indonesian. */
const cslLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };

type CslDate = { 'date-parts': [[number, number?, number?]] };
export type CslName = { family: string; given?: string } | { literal: string };

/** The subset of a CSL-JSON item (CSL 1.0.2 data schema) that this site fills in. */
export interface CslItem {
  id: string;
  type: 'thesis' | 'webpage' | 'figure' | 'dataset';
  'citation-key': string;
  title: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  version?: string;
  URL: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  genre?: string;
  medium?: string;
  language?: string;
  abstract?: string;
  note?: string;
}

/** The citation of one item in every form the Cite block offers. */
export interface FormattedCitation {
  /** APA 7 reference as HTML: text escaped by the CSL processor, only its own `<i>`/`<b>` tags. */
  apa: string;
  /** Chicago author-date reference as HTML, escaped as `apa`. */
  chicago: string;
  /** BibLaTeX entry (`@thesis`, `@online`, `@dataset` keeps the version). */
  bibtex: string;
  /** RIS record (`TY  - DATA` for datasets, `THES` for the thesis). */
  ris: string;
  /** CSL-JSON: an array with the one item. */
  cslJson: string;
}

/** A CSL date from a `Date` or an ISO date string (`2026-11-27`), at day precision. */
export function cslDate(date: Date | string): CslDate {
  const iso = typeof date === 'string' ? date : date.toISOString();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) throw new Error(`citation: "${iso}" is not an ISO date (expected YYYY[-MM[-DD]])`);
  const [, y, m, d] = match;
  const parts: [number, number?, number?] = [Number(y)];
  if (m) parts.push(Number(m));
  if (d) parts.push(Number(d));
  return { 'date-parts': [parts] };
}

/**
 * A readable citation key from words: lower-case ASCII letters, digits and
 * underscores, the characters citation-js keeps as a BibTeX label.
 */
function citationKey(...words: (string | number | undefined)[]): string {
  return words
    .filter((w) => w !== undefined && w !== '')
    .map((w) =>
      String(w)
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toLowerCase(),
    )
    .join('_');
}

/**
 * The publication as an organisation: the author of its own pages and
 * figures, and of data it built itself (the synthetic survey).
 */
export function publicationAuthor(locale: Locale): CslName {
  return { literal: siteTitle[locale] };
}

/**
 * The thesis as catalogued by the Universitas Indonesia library; year and
 * degree only when known. The abstract is a quoted sentence of the catalogue
 * record's abstract, attributed in the thesis's language, so the item is the
 * same whichever page language it is saved from.
 */
export function thesisItem(locale: Locale): CslItem {
  const item: CslItem = {
    id: 'sasanti-thesis',
    type: 'thesis',
    'citation-key': citationKey(thesis.author.family, thesis.year ?? 'nd', 'pemberdayaan'),
    title: thesis.title,
    author: [{ family: thesis.author.family, given: thesis.author.given }],
    publisher: thesis.institution,
    URL: thesis.recordUrl,
    language: thesis.language,
    abstract: `Kutipan dari abstrak dalam catatan katalog Perpustakaan ${thesis.institution}: "${thesis.abstractQuote}"`,
  };
  if (thesis.year !== undefined) item.issued = { 'date-parts': [[thesis.year]] };
  if (thesis.degree !== undefined) item.genre = thesis.degree[locale];
  return item;
}

/**
 * One page of this site: the publication as its author, the site as
 * container, dated by the publication's release (ISO date) when given,
 * accessed on the build date.
 */
export function pageItem(opts: {
  title: string;
  url: string;
  locale: Locale;
  accessed?: Date;
  route: string;
  issued?: string;
}): CslItem {
  const item: CslItem = {
    id: `page-${opts.locale}-${opts.route || 'home'}`,
    type: 'webpage',
    'citation-key': citationKey('paseban', opts.route.replace(/\/$/, '') || 'beranda', opts.locale),
    title: opts.title,
    author: [publicationAuthor(opts.locale)],
    'container-title': siteTitle[opts.locale],
    URL: opts.url,
    accessed: cslDate(opts.accessed ?? new Date()),
    language: opts.locale,
  };
  if (opts.issued) item.issued = cslDate(opts.issued);
  return item;
}

/**
 * A figure of this site, cited as a figure with the dataset version it was
 * drawn from; the publication is its author, dated by the publication's
 * release (ISO date) when given.
 */
export function figureItem(opts: {
  id: string;
  title: string;
  url: string;
  locale: Locale;
  accessed?: Date;
  issued?: string;
  note?: string;
  /** The figure draws synthetic data: the label goes into the title, which every style keeps. */
  synthetic?: boolean;
}): CslItem {
  const item: CslItem = {
    id: `figure-${opts.id}`,
    type: 'figure',
    'citation-key': citationKey('paseban', 'figure', opts.id),
    title: opts.synthetic ? `${opts.title} [${syntheticLabel[opts.locale]}]` : opts.title,
    author: [publicationAuthor(opts.locale)],
    'container-title': siteTitle[opts.locale],
    URL: opts.url,
    accessed: cslDate(opts.accessed ?? new Date()),
    language: opts.locale,
  };
  if (opts.issued) item.issued = cslDate(opts.issued);
  if (opts.note) item.note = opts.note;
  return item;
}

/** A published version of a dataset: version, release date and the formats offered. */
export function datasetItem(opts: {
  id: string;
  title: string;
  version: string;
  /** Release date of this version (ISO). */
  issued?: string;
  url: string;
  locale: Locale;
  author?: CslName[];
  publisher?: string;
  medium?: string;
  abstract?: string;
  accessed?: Date;
  note?: string;
}): CslItem {
  const item: CslItem = {
    id: `dataset-${opts.id}-${opts.version}`,
    type: 'dataset',
    'citation-key': citationKey(opts.id, opts.version),
    title: opts.title,
    version: opts.version,
    URL: opts.url,
    accessed: cslDate(opts.accessed ?? new Date()),
    language: opts.locale,
  };
  if (opts.author?.length) item.author = opts.author;
  if (opts.issued) item.issued = cslDate(opts.issued);
  if (opts.publisher) item.publisher = opts.publisher;
  if (opts.medium) item.medium = opts.medium;
  if (opts.abstract) item.abstract = opts.abstract;
  if (opts.note) item.note = opts.note;
  return item;
}

/** The `csl-entry` of citeproc's HTML bibliography, without its wrapping `<div>`s. */
function entryHtml(cite: Cite, template: string, lang: string): string {
  const html = cite.format('bibliography', { format: 'html', template, lang });
  const match = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  if (!match) throw new Error(`citation: the ${template} style produced no entry`);
  return match[1]!.trim();
}

/**
 * The RIS record with one line per tag. citation-js maps the fields; its text
 * output breaks values every 70 characters, even inside a word, which
 * importers join differently, so the tag lines are written out here whole.
 */
function risText(cite: Cite): string {
  const records = cite.format('ris', { format: 'object' }) as unknown as Record<string, unknown>[];
  return records
    .map((record) => {
      const lines = [`TY  - ${String(record.TY)}`];
      for (const [tag, value] of Object.entries(record)) {
        if (tag === 'TY') continue;
        for (const v of ([] as unknown[]).concat(value))
          lines.push(`${tag}  - ${String(v).replace(/\s*[\r\n]+\s*/g, ' ')}`);
      }
      lines.push('ER  - ');
      return lines.join('\n') + '\n';
    })
    .join('');
}

/** Formats one CSL-JSON item in the site language `locale`. */
export function formatCitation(item: CslItem, locale: Locale): FormattedCitation {
  const cite = new Cite(item);
  const lang = cslLocale[locale];
  return {
    apa: entryHtml(cite, 'apa', lang),
    chicago: entryHtml(cite, 'chicago-author-date', lang),
    bibtex: cite.format('biblatex').trim() + '\n',
    ris: risText(cite),
    cslJson: JSON.stringify([item], null, 2) + '\n',
  };
}
