/** The changelog as an Atom feed: `/feed.xml` (Indonesian) and `/en/feed.xml`. */
import type { APIRoute } from 'astro';
import { loadChangelog } from '../../lib/changelog.ts';
import { changelogAtom } from '../../lib/feed.ts';
import { localeParams, localePath, type Locale } from '../../lib/i18n.ts';
import { siteTitle } from '../../lib/site.ts';

export const getStaticPaths = localeParams;

const feedTitle = { id: 'Catatan perubahan', en: 'Changelog' };

export const GET: APIRoute = ({ props, site }) => {
  const locale = (props as { locale: Locale }).locale;
  const url = (path: string) => new URL(path, site).href;
  const xml = changelogAtom(loadChangelog(), {
    locale,
    title: `${siteTitle[locale]}: ${feedTitle[locale]}`,
    feedUrl: url(localePath(locale, 'feed.xml')),
    pageUrl: url(localePath(locale, 'tentang/')),
    author: siteTitle[locale],
    datasetUrl: (dataset, version) => url(localePath(locale, `data/${dataset}/${version}/`)),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
