/**
 * Writes `_headers` (the header file static hosts such as Netlify and
 * Cloudflare Pages read) with the same Content-Security-Policy as the pages'
 * `<meta>` tags: the directives of src/lib/csp.ts plus the union of the
 * script and style hashes Astro put in the pages, and `frame-ancestors`,
 * which only works as a header: `'none'` for the site, `*` for the pages
 * that mark themselves embeddable (`<html data-embeddable>`, the figure
 * embeds), so other sites can frame those and nothing else. Each embeddable
 * page gets a rule of its own that detaches the site-wide policy first
 * (`! Content-Security-Policy`, Cloudflare Pages syntax: a path matching
 * several rules otherwise receives every rule's header, and two policies are
 * both enforced).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, readPage } from './built-pages.ts';

/** Parses a policy string into directive name -> sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

/** Merges the policies of all pages: same directives, sources united (hashes of every page). */
export function mergePolicies(policies: string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      sources.forEach((s) => set.add(s));
      merged.set(name, set);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The text of `_headers`: the merged policy for every path, and for each
 * embeddable page (URL paths, base included) the same policy framable from
 * any site.
 */
export function headersFile(policy: string, embeddable: string[]): string {
  const out = [
    '/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
  ];
  for (const path of embeddable)
    out.push(
      '',
      path,
      '  ! Content-Security-Policy',
      `  Content-Security-Policy: ${policy}; frame-ancestors *`,
    );
  return out.join('\n') + '\n';
}

export default function cspHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'csp-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        const embeddable: string[] = [];
        for (const page of await htmlFiles(root)) {
          const document = await readPage(root, page);
          const meta = document.querySelector('meta[http-equiv="content-security-policy"]');
          if (!meta) throw new Error(`${page}: no Content-Security-Policy meta tag`);
          policies.push(meta.getAttribute('content') ?? '');
          if (document.documentElement.hasAttribute('data-embeddable'))
            embeddable.push(base + page.replace(/index\.html$/, ''));
        }
        await writeFile(join(root, '_headers'), headersFile(mergePolicies(policies), embeddable));
        logger.info(`_headers written (policy of ${policies.length} pages, ${embeddable.length} embeddable)`);
      },
    },
  };
}
