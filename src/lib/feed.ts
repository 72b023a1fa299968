/**
 * The changelog (content/changelog.yaml) as an Atom 1.0 feed, one per
 * language. Every text is XML-escaped; entry ids are stable URLs.
 */
import type { ChangelogEntry } from './changelog.ts';
import type { Locale } from './i18n.ts';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

export interface FeedContext {
  locale: Locale;
  title: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of the page that lists the changes. */
  pageUrl: string;
  /** Author of the feed (the site). */
  author: string;
  /** Absolute URL of a dataset version page, for entries about one. */
  datasetUrl: (dataset: string, version: string) => string;
}

/** Atom XML of the changelog, newest entry first; `updated` is the newest entry's date. */
export function changelogAtom(entries: ChangelogEntry[], ctx: FeedContext): string {
  const sorted = [...entries].sort((a, b) => b.date.localeCompare(a.date));
  const updated = `${sorted[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const items = sorted.map((e, i) => {
    const link = e.dataset && e.version ? ctx.datasetUrl(e.dataset, e.version) : ctx.pageUrl;
    // Same-day entries are told apart by their position from the oldest, which does not move when newer ones are added.
    const n = sorted.length - i;
    return [
      '  <entry>',
      `    <id>${escapeXml(`${ctx.pageUrl}#perubahan-${e.date}-${n}`)}</id>`,
      `    <title>${escapeXml(e.title[ctx.locale])}</title>`,
      `    <updated>${e.date}T00:00:00Z</updated>`,
      `    <link rel="alternate" href="${escapeXml(link)}"/>`,
      `    <summary>${escapeXml(e.text[ctx.locale])}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.locale}">`,
    `  <id>${escapeXml(ctx.feedUrl)}</id>`,
    `  <title>${escapeXml(ctx.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(ctx.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(ctx.pageUrl)}"/>`,
    `  <author><name>${escapeXml(ctx.author)}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
