import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { rowRef } from './common.ts';
import { renderSvg } from './render.ts';
import { chartFontSize } from './theme.ts';
import type { FigureTable } from './types.ts';

const table: FigureTable = {
  columns: [
    { key: 'kelompok', label: { id: 'Kelompok', en: 'Group' } },
    { key: 'nilai', label: { id: 'Nilai', en: 'Value' }, digits: 1 },
  ],
  rows: [
    { kelompok: 'A', nilai: 1234.5 },
    { kelompok: 'B', nilai: 0.25 },
  ],
};
const data = table.rows.map((r, i) => ({ ...r, _row: i }));
const options: Plot.PlotOptions = {
  width: 300,
  height: 160,
  x: { grid: true },
  marks: [
    Plot.barX(data, {
      x: 'nilai',
      y: 'kelompok',
      fill: 'var(--chart-1)',
      title: (d: (typeof data)[number]) => rowRef(d._row),
    }),
    Plot.lineX(data, { x: 'nilai', y: 'kelompok', marker: 'dot' }),
  ],
};

function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

describe('renderSvg', () => {
  const svg = renderSvg(options, { idPrefix: 'fig-test', table, locale: 'id' });
  const doc = parse(svg);

  test('gives every <g aria-label> role="group" (axe: aria-prohibited-attr)', () => {
    const labelled = [...doc.querySelectorAll('g[aria-label]')];
    expect(labelled.length).toBeGreaterThan(2);
    for (const g of labelled) expect(g.getAttribute('role')).toBe('group');
  });

  test('leaves no inline <style> or style attribute (CSP) and sets the token font size', () => {
    expect(doc.querySelectorAll('style').length).toBe(0);
    expect(doc.querySelectorAll('[style]').length).toBe(0);
    expect(doc.querySelector('svg')!.getAttribute('font-size')).toBe(String(chartFontSize()));
    expect(doc.querySelector('svg')!.getAttribute('role')).toBe('group');
  });

  test('turns row references into tooltips from the table, formatted for the locale', () => {
    const marks = [...doc.querySelectorAll('[data-row]')];
    expect(marks.map((m) => m.getAttribute('data-tip'))).toEqual([
      'Kelompok: A\nNilai: 1.234,5',
      'Kelompok: B\nNilai: 0,3',
    ]);
    expect(marks[0]!.getAttribute('aria-label')).toBe('Kelompok: A; Nilai: 1.234,5');
    expect(marks[0]!.getAttribute('role')).toBe('img');
    expect(doc.querySelectorAll('title').length).toBe(0);
    const en = parse(renderSvg(options, { idPrefix: 'fig-test', table, locale: 'en' }));
    expect(en.querySelector('[data-row="0"]')!.getAttribute('data-tip')).toBe('Group: A\nValue: 1,234.5');
  });

  test('renumbers ids with the prefix and keeps references pointing at them', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^fig-test-\d+$/);
    const refs = [...svg.matchAll(/url\(#([\w-]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  test('rounds coordinates to 0.1 px', () => {
    const geometry = [...svg.matchAll(/\s(?:d|transform|x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(geometry.length).toBeGreaterThan(10);
    for (const value of geometry) expect(value).not.toMatch(/\d\.\d{2,}/);
    // Plot's own scales give such floats; a raw render has them.
    const raw = (Plot.plot({ ...options, document: parse('') }) as unknown as Element).outerHTML;
    expect(raw).toMatch(/(x|transform)="[^"]*\d\.\d{2,}/);
  });

  test('is byte-identical across renders', () => {
    expect(renderSvg(options, { idPrefix: 'fig-test', table, locale: 'id' })).toBe(svg);
  });

  test('refuses a mark pointing at a table row when no table is given', () => {
    expect(() => renderSvg(options, { idPrefix: 'fig-x', locale: 'id' })).toThrow(/fig-x.*no table/);
  });
});
