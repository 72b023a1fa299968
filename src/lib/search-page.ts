/**
 * The search page in the browser. Nothing is fetched until the reader focuses
 * or types in the search box, or opens the page with `?q=`; then Pagefind's
 * own script (`pagefind/pagefind.js`, built by the integration) is imported
 * from under the base path and picks the index of the page's `<html lang>`.
 */
import { readSearchState, searchStateQuery, splitExcerpt, type SearchState } from './search-query.ts';

type Plural = { one: string; other: string };

interface SearchConfig {
  bundle: string;
  baseUrl: string;
  filter: string;
  kinds: Record<string, string>;
  lang: string;
  text: {
    more: string;
    inPage: string;
    loading: string;
    failed: string;
    count: Plural;
    countKind: Plural;
    listKind: Plural;
    none: string;
  };
}

/** The part of Pagefind's browser API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; excerpt: string; anchor?: { id: string } }[];
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

/** Results shown at first, and added by each "more" (each result fetches its own fragment file). */
const firstBatch = 5;
const moreBatch = 10;
const sectionsShown = 3;
const debounceMs = 250;

/** Wires the search page up; a no-op on pages without `[data-search-config]`. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-config]');
  if (!root) return;
  const config = JSON.parse(root.dataset.searchConfig!) as SearchConfig;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const radios = [...form.querySelectorAll<HTMLInputElement>(`input[name="${config.filter}"]`)];
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const noneHint = root.querySelector<HTMLElement>('[data-search-none]')!;
  const section = root.querySelector<HTMLElement>('[data-search-section]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const plural = new Intl.PluralRules(config.lang);

  let pagefind: Promise<PagefindApi> | undefined;
  let run = 0;
  let pending: { id: string; data(): Promise<PagefindResultData> }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = (): Promise<PagefindApi> => {
    pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ config.bundle)) as PagefindApi;
      // noWorker: searching a small index on the main thread is quick, and it
      // saves the worker script (about 40 KB) on the first query.
      await api.options({ baseUrl: config.baseUrl, excerptLength: 24, noWorker: true });
      await api.init();
      return api;
    })();
    return pagefind;
  };

  const state = (): SearchState => ({
    q: input.value.trim(),
    kind: radios.find((r) => r.checked)?.value ?? '',
  });

  const fill = (template: Plural | string, n: number, s: SearchState): string => {
    const t =
      typeof template === 'string' ? template : template[plural.select(n) === 'one' ? 'one' : 'other'];
    return t
      .replace('{n}', String(n))
      .replace('{q}', s.q)
      .replace('{kind}', config.kinds[s.kind] ?? '');
  };

  const excerptInto = (parent: HTMLElement, excerpt: string) => {
    for (const part of splitExcerpt(excerpt)) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        parent.append(mark);
      } else parent.append(part.text);
    }
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = 'result';
    const h2 = document.createElement('h2');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta.title ?? data.url;
    h2.append(a);
    li.append(h2);
    if (data.meta.kind) {
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = data.meta.kind;
      li.append(kind);
    }
    // A page with synthetic numbers says so in its result, whatever part of it the excerpt shows.
    if (data.meta.synthetic) {
      const mark = document.createElement('p');
      mark.className = 'synthetic';
      mark.textContent = data.meta.synthetic;
      li.append(mark);
    }
    const sections = data.sub_results.filter((s) => s.anchor && s.url.includes('#')).slice(0, sectionsShown);
    if (sections.length === 0) {
      const p = document.createElement('p');
      excerptInto(p, data.excerpt);
      li.append(p);
    } else {
      const label = document.createElement('p');
      label.className = 'sections-label';
      label.id = `sections-${list.children.length}`;
      label.textContent = config.text.inPage;
      const ul = document.createElement('ul');
      ul.className = 'sections';
      ul.setAttribute('aria-labelledby', label.id);
      for (const s of sections) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = s.url;
        link.textContent = s.title;
        const p = document.createElement('p');
        excerptInto(p, s.excerpt);
        item.append(link, p);
        ul.append(item);
      }
      li.append(label, ul);
    }
    return li;
  };

  const showMore = async (current: number, size: number) => {
    const batch = pending.splice(0, size);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (current !== run) return;
    for (const d of data) list.append(renderResult(d));
    more.hidden = pending.length === 0;
  };

  const search = async () => {
    const current = ++run;
    const s = state();
    history.replaceState(null, '', `${location.pathname}${searchStateQuery(s)}${location.hash}`);
    if (!s.q && !s.kind) {
      list.replaceChildren();
      section.hidden = true;
      more.hidden = true;
      noneHint.hidden = true;
      status.textContent = '';
      return;
    }
    let api: PagefindApi;
    try {
      api = await load();
    } catch {
      if (current === run) status.textContent = config.text.failed;
      return;
    }
    const found = await api.search(s.q || null, s.kind ? { filters: { [config.filter]: s.kind } } : {});
    if (current !== run) return;
    pending = [...found.results];
    const n = pending.length;
    list.replaceChildren();
    await showMore(current, firstBatch);
    if (current !== run) return;
    section.hidden = n === 0;
    noneHint.hidden = n !== 0;
    status.textContent =
      n === 0
        ? fill(config.text.none, n, s)
        : fill(s.q ? (s.kind ? config.text.countKind : config.text.count) : config.text.listKind, n, s);
  };

  const searchSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), debounceMs);
  };

  const initial = readSearchState(location.search, Object.keys(config.kinds));
  input.value = initial.q;
  for (const r of radios) r.checked = r.value === initial.kind;

  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  input.addEventListener('input', searchSoon);
  for (const r of radios) r.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(run, moreBatch).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  if (initial.q || initial.kind) {
    status.textContent = config.text.loading;
    void search();
  }
}
