/**
 * Pure helpers of the search page: the query in the URL (`?q=…&kind=…`, the
 * same fields the no-JavaScript form submits) and the excerpts Pagefind returns.
 */

export interface SearchState {
  q: string;
  /** A kind filter value of the page's language (`studi`), or '' for all kinds. */
  kind: string;
}

/** Reads the search state from a URL query string; unknown kinds are dropped. */
export function readSearchState(search: string, knownKinds: readonly string[]): SearchState {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').trim();
  const kind = params.get('kind') ?? '';
  return { q, kind: knownKinds.includes(kind) ? kind : '' };
}

/** The query string for a search state, without empty fields (`?q=modal+usaha`). */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.kind) params.set('kind', state.kind);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : all;
    }
    return entities[code.toLowerCase()] ?? all;
  });
}

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matched words)
 * into plain text parts, so the page can build it from text nodes and never
 * parses excerpt markup as HTML. Any other tag is kept as literal text.
 */
export function splitExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(excerpt); m; m = re.exec(excerpt)) {
    if (m.index > last) parts.push({ text: decodeEntities(excerpt.slice(last, m.index)), mark: false });
    parts.push({ text: decodeEntities(m[1]!), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decodeEntities(excerpt.slice(last)), mark: false });
  return parts;
}
