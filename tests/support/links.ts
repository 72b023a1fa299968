/**
 * Checks every URL a page refers to (href, src, srcset, poster, form
 * actions, social-card images) against the built files: internal targets
 * must exist under the base path, `#fragments` must name an element of the
 * target page, and resources must not come from another host.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export interface Ref {
  tag: string;
  attr: string;
  value: string;
  rel?: string;
}

interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
}
interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike> | Iterable<ElementLike>;
}

const urlAttributes = ['href', 'src', 'srcset', 'imagesrcset', 'poster', 'xlink:href'];
const metaUrlProperties = /^(og:(image|url|audio|video)(:secure_url|:url)?|twitter:image(:src)?)$/;

/** Every URL-bearing attribute of the document. */
export function collectRefs(doc: DocumentLike): Ref[] {
  const refs: Ref[] = [];
  for (const el of Array.from(doc.querySelectorAll('*') as ArrayLike<ElementLike>)) {
    const tag = el.tagName.toLowerCase();
    const rel = el.getAttribute('rel') ?? undefined;
    for (const attr of urlAttributes) {
      const value = el.getAttribute(attr);
      if (value !== null) refs.push({ tag, attr, value, rel });
    }
    if (tag === 'object' && el.getAttribute('data') !== null) {
      refs.push({ tag, attr: 'data', value: el.getAttribute('data')! });
    }
    if (tag === 'form' && el.getAttribute('action') !== null) {
      refs.push({ tag, attr: 'action', value: el.getAttribute('action')! });
    }
    if (tag === 'meta') {
      const property = el.getAttribute('property') ?? el.getAttribute('name') ?? '';
      const content = el.getAttribute('content');
      if (metaUrlProperties.test(property) && content !== null) {
        refs.push({ tag, attr: `content (${property})`, value: content });
      }
    }
  }
  return refs;
}

/** Every `id` (and `<a name>`) of an HTML document. */
export function collectIds(doc: DocumentLike): Set<string> {
  const ids = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[id], a[name]') as ArrayLike<ElementLike>)) {
    const id = el.getAttribute('id') ?? el.getAttribute('name');
    if (id) ids.add(id);
  }
  return ids;
}

export interface LinkContext {
  /** The built site on disk (`dist`). */
  outDir: string;
  /** Where the site root is served in the test, with base and trailing slash. */
  servedRoot: string;
  /** The public address of the site root (SITE_URL + base), used by canonical and hreflang links. */
  publicRoot: string;
  /** Address of the page being checked. */
  pageUrl: string;
  /** Ids present in the page as rendered (may include ones added by scripts). */
  pageIds?: Set<string>;
}

/** Reads and caches the ids of built HTML files. */
export class IdCache {
  private cache = new Map<string, Set<string>>();
  get(file: string): Set<string> {
    let ids = this.cache.get(file);
    if (!ids) {
      ids = collectIds(parseHTML(readFileSync(file, 'utf8')).document);
      this.cache.set(file, ids);
    }
    return ids;
  }
}

const resourceRels =
  /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|mask-icon)\b/;

/** Whether the browser fetches the URL by itself (as opposed to a link a reader follows). */
function isResource(ref: Ref): boolean {
  if (ref.tag === 'link') return resourceRels.test(ref.rel ?? '');
  return !['a', 'area', 'form'].includes(ref.tag);
}

/** The built file a path under the base stands for, or a reason it stands for none. */
export function fileForPath(outDir: string, relPath: string): { file: string } | { error: string } {
  const clean = relPath.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) {
    const file = path.join(outDir, clean, 'index.html');
    return existsSync(file) ? { file } : { error: 'no such page' };
  }
  const file = path.join(outDir, clean);
  if (!existsSync(file)) return { error: 'no such file' };
  if (statSync(file).isDirectory()) return { error: 'folder linked without its trailing slash' };
  return { file };
}

function splitSrcset(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Problems with the references of one page; an empty list when all resolve. */
export function checkRefs(refs: Ref[], ctx: LinkContext, ids = new IdCache()): string[] {
  const problems = new Set<string>();
  const served = new URL(ctx.servedRoot);
  const pub = new URL(ctx.publicRoot);
  const pageTarget = (() => {
    const u = new URL(ctx.pageUrl);
    return u.pathname.startsWith(served.pathname)
      ? fileForPath(ctx.outDir, decodeURIComponent(u.pathname.slice(served.pathname.length)))
      : { error: 'page outside the base' };
  })();
  const pageFile = 'file' in pageTarget ? pageTarget.file : undefined;

  for (const ref of refs) {
    const values = ref.attr.endsWith('srcset') ? splitSrcset(ref.value) : [ref.value.trim()];
    for (const value of values) {
      const where = `<${ref.tag} ${ref.attr}="${ref.value}">`;
      const problem = (reason: string) => problems.add(`${where}: ${reason}`);
      if (value === '') {
        problem('empty URL');
        continue;
      }
      if (value === '#') {
        problem('empty fragment: "#" goes nowhere');
        continue;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      if (scheme === 'javascript') {
        problem('javascript: URL');
        continue;
      }
      if (scheme && !['http', 'https'].includes(scheme)) continue; // mailto:, tel:, data:, blob:
      let url: URL;
      try {
        url = new URL(value, ctx.pageUrl);
      } catch {
        problem('not a valid URL');
        continue;
      }
      let root: URL | undefined;
      if (url.origin === served.origin) root = served;
      else if (url.origin === pub.origin) root = pub;
      if (!root) {
        if (isResource(ref)) problem(`loads a resource from another host (${url.origin})`);
        continue;
      }
      if (!url.pathname.startsWith(root.pathname)) {
        problem(`points outside the site's base path ${root.pathname} (link not built with the base?)`);
        continue;
      }
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname.slice(root.pathname.length));
      } catch {
        problem('badly encoded path');
        continue;
      }
      const target = fileForPath(ctx.outDir, rel);
      if ('error' in target) {
        problem(`${target.error} (${url.pathname})`);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment && target.file.endsWith('.html') && fragment !== 'top' && !fragment.startsWith(':~:')) {
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          problem('badly encoded fragment');
          continue;
        }
        const known = ids.get(target.file);
        const live = target.file === pageFile ? ctx.pageIds : undefined;
        if (!known.has(id) && !live?.has(id)) problem(`no element with id "${id}" in ${url.pathname}`);
      }
    }
  }
  return [...problems];
}
