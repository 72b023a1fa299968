// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import citationFiles from './src/integrations/citation-files.ts';
import ogImages from './src/integrations/og-images.ts';
import cspHeaders from './src/integrations/csp-headers.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { alignClassPlugin } from './src/integrations/align-class.ts';
import { cspDirectives, cspScriptResources, cspStyleResources } from './src/lib/csp.ts';
import pagefind from './src/integrations/pagefind.ts';
import publicationGuard from './src/integrations/publication-guard.ts';

// Where the site is published. Both are read from the environment so the same
// build serves a domain root (`/`) or a sub-path (`/paseban/`); see README.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'id', locales: { id: 'id', en: 'en' } },
      // Embed pages are for iframes on other sites (noindex), not for search engines.
      filter: (page) => !/\/404\/?$/.test(page) && !/\/embed\/$/.test(page),
    }),
    publicationGuard(),
    citationFiles(),
    ogImages(),
    cspHeaders(),
    pagefind(),
  ],
  // Content-Security-Policy as a <meta> tag on every page, with hashes of the
  // inline scripts and styles Astro emits; the same policy goes into `_headers`
  // for static hosts (src/integrations/csp-headers.ts).
  security: {
    csp: {
      directives: [...cspDirectives],
      scriptDirective: { resources: cspScriptResources },
      styleDirective: { resources: cspStyleResources },
    },
  },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  // Shiki colours code with inline styles, which the CSP below refuses.
  // Table alignment becomes classes for the same reason (src/integrations/align-class.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [alignClassPlugin] }) },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Scripts always ship as files, never inlined into the page, so the
      // Content-Security-Policy can forbid inline scripts. Other assets keep
      // Vite's default (inline below 4 KB).
      assetsInlineLimit: (filePath) => (/\.[cm]?js$/.test(filePath) ? false : undefined),
    },
  },
});
