/**
 * A guard on the built site: the build fails when a page shows numbers from
 * a synthetic dataset without the label (a bound number without its † mark,
 * a figure without its notice, a page description holding numbers without
 * the label), when a published figure table (on a page, or in a figure's
 * CSV) shows a count under the dataset's k that the disclosure rule withholds,
 * or when one statistic (same `data-stat` key) is shown with two values.
 * Each problem names the file, line, column and rule.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { syntheticLabel } from '../lib/stats.ts';
import { DEFAULT_K, isSuppressed } from '../lib/disclosure.ts';
import { htmlFiles } from './built-pages.ts';

/** What the guard knows of a dataset: from its metadata. */
export interface DatasetFacts {
  synthetic: boolean;
  k: number;
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  rule:
    | 'synthetic-unlabelled-number'
    | 'synthetic-unlabelled-figure'
    | 'synthetic-unlabelled-description'
    | 'small-cell'
    | 'statistic-disagrees';
  message: string;
}

/** `file:line:column [rule] message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} [${p.rule}] ${p.message}`;
}

/** Line and column (1-based) of the first occurrence of `needle` in `text` at or after `from` (1:1 when absent). */
function position(text: string, needle: string, from = 0): { line: number; column: number; index: number } {
  const index = Math.max(0, text.indexOf(needle, from));
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n'), index };
}

const descriptionSelectors = [
  'meta[name="description"]',
  'meta[property="og:description"]',
  'meta[name="twitter:description"]',
];

/** A published cell's number, in either language's format (`1.234`, `1,234`); `null` for text or a mark. */
function cellNumber(text: string): number | null {
  const clean = text.trim().replace(/\u00a0/g, ' ');
  if (!/^-?[\d.,]+$/.test(clean)) return null;
  return Number(clean.replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));
}

/** One statistic as a page shows it: its key (`data-stat`), the page's language and the value shown. */
export interface ShownStatistic {
  file: string;
  line: number;
  column: number;
  key: string;
  lang: string;
  text: string;
}

/** The value an element shows, without the mark, its screen-reader text or a withheld number's explanation. */
function shownValue(el: Element): string {
  const own = el.classList.contains('bound-value')
    ? [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '')
    : [el.textContent ?? ''];
  // The currency goes with the column's unit in tables and with the number in prose: compare the number.
  return own
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*Rp\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every statistic a page shows with a key (`data-stat`): data components and figure table cells. */
export function shownStatistics(file: string, html: string): ShownStatistic[] {
  const { document } = parseHTML(html);
  const lang = document.documentElement.getAttribute('lang') ?? '';
  let cursor = 0;
  return [...document.querySelectorAll('[data-stat]')].map((el) => {
    const key = el.getAttribute('data-stat')!;
    const pos = position(html, `data-stat="${key}"`, cursor);
    cursor = pos.index + 1;
    return { file, line: pos.line, column: pos.column, key, lang, text: shownValue(el) };
  });
}

/** A statistic shown with two different values, in one language, anywhere on the site. */
export function checkAgreement(shown: readonly ShownStatistic[]): Problem[] {
  const first = new Map<string, ShownStatistic>();
  const problems: Problem[] = [];
  for (const s of shown) {
    const id = `${s.lang} ${s.key}`;
    const seen = first.get(id);
    if (!seen) first.set(id, s);
    else if (seen.text !== s.text)
      problems.push({
        file: s.file,
        line: s.line,
        column: s.column,
        rule: 'statistic-disagrees',
        message: `${s.key} is shown as "${s.text}" here and as "${seen.text}" in ${seen.file}:${seen.line}:${seen.column}`,
      });
  }
  return problems;
}

/** The problems of one built page (`file` relative to the build folder, `html` its text). */
export function checkPage(file: string, html: string, datasets: Record<string, DatasetFacts>): Problem[] {
  const { document } = parseHTML(html);
  const problems: Problem[] = [];
  const at = (needle: string, from = 0) => position(html, needle, from);
  const lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'id';
  let shows = false;
  let cursor = 0;

  for (const el of document.querySelectorAll('.bound-value[data-dataset]')) {
    const id = el.getAttribute('data-dataset')!;
    const pos = at(`data-dataset="${id}"`, cursor);
    cursor = pos.index + 1;
    if (!datasets[id]?.synthetic) continue;
    shows = true;
    if (!el.querySelector('.synthetic-mark'))
      problems.push({
        file,
        ...pos,
        rule: 'synthetic-unlabelled-number',
        message: `"${el.textContent?.trim()}" comes from the synthetic dataset ${id} but carries no † mark`,
      });
  }
  cursor = 0;
  for (const fig of document.querySelectorAll('[data-figure][data-dataset]')) {
    const id = fig.getAttribute('data-dataset')!;
    const pos = at(`id="${fig.getAttribute('id')}"`, cursor);
    cursor = pos.index + 1;
    if (datasets[id]?.synthetic) {
      shows = true;
      if (!fig.querySelector('.fig-notice'))
        problems.push({
          file,
          ...pos,
          rule: 'synthetic-unlabelled-figure',
          message: `figure ${fig.getAttribute('id')} draws the synthetic dataset ${id} without its notice`,
        });
    }
    const k = datasets[id]?.k ?? DEFAULT_K;
    for (const table of fig.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll('thead th')];
      const counts = headers.flatMap((th, i) => (th.hasAttribute('data-count') ? [i] : []));
      for (const row of table.querySelectorAll('tbody tr')) {
        const cells = [...row.querySelectorAll('td, th')];
        for (const i of counts) {
          const n = cellNumber(cells[i]?.textContent ?? '');
          if (n !== null && isSuppressed(n, Number(table.getAttribute('data-k') ?? k))) {
            const rowAt = at(`data-row="${row.getAttribute('data-row')}"`, pos.index);
            problems.push({
              file,
              ...rowAt,
              rule: 'small-cell',
              message: `figure ${fig.getAttribute('id')}: "${headers[i]!.textContent?.trim()}" shows ${n}, under k = ${k}; the disclosure rule withholds it`,
            });
          }
        }
      }
    }
  }

  if (shows) {
    for (const selector of descriptionSelectors) {
      const content = document.querySelector(selector)?.getAttribute('content') ?? '';
      if (/\d/.test(content) && !content.includes(syntheticLabel[lang])) {
        const attr = selector.match(/(name|property)="([^"]+)"/)!;
        problems.push({
          file,
          ...at(`${attr[1]}="${attr[2]}"`),
          rule: 'synthetic-unlabelled-description',
          message: `the page shows synthetic numbers and its ${attr[2]} states numbers without "${syntheticLabel[lang]}"`,
        });
      }
    }
  }
  return problems;
}

/**
 * The problems of one figure CSV: a cell under a count column (named in
 * `countColumns`, from the figure's table on its page) holding 0 < n < k.
 */
export function checkFigureCsv(file: string, csv: string, countColumns: Set<string>, k: number): Problem[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
  const header = rows[0] ?? [];
  const columns = header.flatMap((h, i) => (countColumns.has(h) ? [i] : []));
  const problems: Problem[] = [];
  rows.slice(1).forEach((row, r) => {
    for (const i of columns) {
      const n = cellNumber(row[i] ?? '');
      if (n !== null && isSuppressed(n, k))
        problems.push({
          file,
          line: r + 2,
          column: i + 1,
          rule: 'small-cell',
          message: `"${header[i]}" is ${n}, under k = ${k}; the disclosure rule withholds it`,
        });
    }
  });
  return problems;
}

/** What the guard knows of every built dataset, from `.build/data/<id>/metadata.json`. */
async function readDatasets(): Promise<Record<string, DatasetFacts>> {
  const dir = join(process.env.PASEBAN_DATA_DIR ?? join(process.cwd(), '.build', 'data'));
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { datasets: { id: string }[] };
  const facts: Record<string, DatasetFacts> = {};
  for (const { id } of index.datasets) {
    const meta = JSON.parse(await readFile(join(dir, id, 'metadata.json'), 'utf8')) as {
      synthetic: unknown;
      disclosure?: { thresholds?: { k?: number } };
    };
    facts[id] = { synthetic: meta.synthetic !== false, k: meta.disclosure?.thresholds?.k ?? DEFAULT_K };
  }
  return facts;
}

/** Every problem of a built site (`root`: the build folder, `base`: its base path). */
export async function checkSite(
  root: string,
  base: string,
  datasets: Record<string, DatasetFacts>,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  // Figure CSVs, found through the links of the figures that publish them, with their count columns.
  const csvs = new Map<string, { columns: Set<string>; k: number }>();
  const shown: ShownStatistic[] = [];
  for (const page of await htmlFiles(root)) {
    const html = await readFile(join(root, page), 'utf8');
    problems.push(...checkPage(page, html, datasets));
    shown.push(...shownStatistics(page, html));
    const { document } = parseHTML(html);
    for (const fig of document.querySelectorAll('[data-figure][data-dataset]')) {
      const k = datasets[fig.getAttribute('data-dataset')!]?.k ?? DEFAULT_K;
      const columns = new Set(
        [...fig.querySelectorAll('th[data-count]')].map((th) => th.textContent?.trim() ?? ''),
      );
      for (const a of fig.querySelectorAll('a[href$=".csv"]')) {
        const href = a.getAttribute('href')!;
        const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
        csvs.set(path, { columns, k });
      }
    }
  }
  for (const [path, { columns, k }] of csvs) {
    problems.push(...checkFigureCsv(path, await readFile(join(root, path), 'utf8'), columns, k));
  }
  problems.push(...checkAgreement(shown));
  return problems;
}

export default function publicationGuard(): AstroIntegration {
  let base = '/';
  return {
    name: 'publication-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await checkSite(fileURLToPath(dir), base, await readDatasets());
        if (problems.length) {
          throw new Error(
            `${problems.length} published number(s) break the labelling or disclosure rules:\n` +
              problems.slice(0, 20).map(formatProblem).join('\n'),
          );
        }
        logger.info(
          'every synthetic number labelled; no figure cell under k; every statistic shown with one value',
        );
      },
    },
  };
}
