/**
 * Writes `_headers` (the header file static hosts such as Netlify and
 * Cloudflare Pages read) with the same Content-Security-Policy as the pages'
 * `<meta>` tags: the directives of src/lib/csp.ts plus the union of the
 * script and style hashes Astro put in the pages, and `frame-ancestors`,
 * which only works as a header.
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

export default function cspHeaders(): AstroIntegration {
  return {
    name: 'csp-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: string[] = [];
        for (const page of await htmlFiles(root)) {
          const document = await readPage(root, page);
          const meta = document.querySelector('meta[http-equiv="content-security-policy"]');
          if (!meta) throw new Error(`${page}: no Content-Security-Policy meta tag`);
          policies.push(meta.getAttribute('content') ?? '');
        }
        const policy = `${mergePolicies(policies)}; frame-ancestors 'none'`;
        const headers = [
          '/*',
          `  Content-Security-Policy: ${policy}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '',
        ].join('\n');
        await writeFile(join(root, '_headers'), headers);
        logger.info(`_headers written (policy of ${policies.length} pages)`);
      },
    },
  };
}
