/**
 * Build-time rendering of Plot options to SVG markup with a server-side DOM
 * (linkedom), and the fixes the published SVG needs: accessible groups,
 * tooltips and row links from the figure's table, unique ids, rounded
 * coordinates, no inline `<style>` (the Content-Security-Policy forbids it).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Locale } from '../lib/i18n.ts';
import { tipText } from './common.ts';
import { chartFontSize } from './theme.ts';
import type { FigureTable } from './types.ts';

export interface RenderOptions {
  /** Prefix of every id in the SVG, unique on the page (the figure id and variant). */
  idPrefix: string;
  /** The table the marks point into (`title: rowRef(i)`); gives each mark its tooltip. */
  table?: FigureTable;
  locale: Locale;
}

const geometry = new Set([
  'd',
  'transform',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'points',
  'viewBox',
  'dx',
  'dy',
]);

/** Rounds every number in a geometry attribute to 0.1 px (the float noise of scales is not signal). */
function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

let shared: Document | undefined;
function serverDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

/** Renders Plot options to the SVG markup the site inlines. */
export function renderSvg(options: Plot.PlotOptions, { idPrefix, table, locale }: RenderOptions): string {
  const document = serverDocument();
  const node = Plot.plot({ ...options, document }) as unknown as Element;
  if (node.tagName.toLowerCase() !== 'svg') {
    throw new Error(
      `renderSvg(${idPrefix}): Plot returned <${node.tagName}>, expected <svg> (no title, caption or legend in Plot options)`,
    );
  }
  const svg = node;
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  svg.setAttribute('class', 'plot');
  // A named group keeps the marks' own roles reachable (role img would flatten them).
  svg.setAttribute('role', 'group');
  svg.setAttribute('font-size', String(chartFontSize()));
  svg.removeAttribute('style');

  // axe flags aria-label on <g> without a role (aria-prohibited-attr).
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');

  // Marks titled with rowRef(i) become tooltips from row i of the table.
  for (const title of [...svg.querySelectorAll('title')]) {
    const mark = title.parentElement!;
    const ref = title.textContent?.match(/^#row:(\d+)$/);
    if (!ref) continue;
    if (!table)
      throw new Error(`renderSvg(${idPrefix}): a mark points at a table row but no table was given`);
    const tip = tipText(table, Number(ref[1]), locale);
    mark.setAttribute('data-row', ref[1]!);
    mark.setAttribute('data-tip', tip);
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', tip.replaceAll('\n', '; '));
    title.remove();
  }

  // Ids unique on the page and stable across builds.
  const ids = new Map<string, string>();
  for (const el of svg.querySelectorAll('[id]')) {
    const next = `${idPrefix}-${ids.size + 1}`;
    ids.set(el.getAttribute('id')!, next);
    el.setAttribute('id', next);
  }

  // Rounding and id references are rewritten in the markup, in one pass over its attributes.
  return svg.outerHTML.replace(/\s([\w:-]+)="([^"]*)"/g, (whole, name: string, value: string) => {
    let next = geometry.has(name) ? roundNumbers(value) : value;
    if (ids.size > 0 && next.includes('#')) {
      next = next.replace(/#([\w-]+)/g, (ref, id: string) => (ids.has(id) ? `#${ids.get(id)}` : ref));
    }
    return next === value ? whole : ` ${name}="${next}"`;
  });
}
