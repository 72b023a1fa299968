/**
 * Languages of the site and the helpers that keep every link language- and
 * base-path-aware. Indonesian is served at `/`, English at `/en/`.
 */
export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'id';

/** Text in both languages: the shape every bilingual label in the project uses. */
export type Bilingual = Record<Locale, string>;

/** `getStaticPaths` entries for a page that exists once per language (`[...lang]` routes). */
export function localeParams(): { params: { lang: string | undefined }; props: { locale: Locale } }[] {
  return locales.map((locale) => ({
    params: { lang: locale === defaultLocale ? undefined : locale },
    props: { locale },
  }));
}

/** The locale of a `[...lang]` route parameter. */
export function localeFromParam(lang: string | undefined): Locale {
  return lang === 'en' ? 'en' : 'id';
}

/** Joins the configured base path and a site path (`data/` -> `/paseban/data/`). */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}

/**
 * The URL of a locale-neutral route (`study/background/`) in one language,
 * with the base path: `/study/background/` or `/en/study/background/`.
 */
export function localePath(locale: Locale, route = ''): string {
  const clean = route.replace(/^\//, '');
  return withBase(locale === defaultLocale ? clean : `${locale}/${clean}`);
}

/** Picks the text of one language from a bilingual value. */
export function pick(text: Bilingual, locale: Locale): string {
  return text[locale];
}

/** BCP 47 tags used for number and date formatting. */
export const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
