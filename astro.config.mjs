// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';

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
  integrations: [mdx(), pagefind()],
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
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
