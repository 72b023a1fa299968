import type { APIRoute } from 'astro';
import { withBase } from '../lib/i18n.ts';

/** Lets every crawler in and names the sitemap (absolute URL, base path included). */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase('sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
