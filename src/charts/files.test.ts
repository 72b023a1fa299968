/** The download files of a figure: CSV of its tables, standalone SVG and PNG. */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import * as f from './fixtures.ts';
import { downloadName, figureCsv } from './figures.ts';
import { householdChange, householdChangeData, householdChangeTable } from './household-change.ts';
import { renderSvg } from './render.ts';
import { standaloneSvg, svgToPng, wrapText } from './standalone.ts';
import type { FigureSpec, FigureVariant } from './types.ts';

function variant(indicator: typeof f.pendapatan | typeof f.jumlahAset): FigureVariant {
  const points = householdChangeData(f.kondisi, f.anggota, f.groups, indicator, f.periodLabels, f.kNone);
  return {
    key: indicator.key,
    label: indicator.label,
    takeaway: { id: 'x', en: 'x' },
    table: householdChangeTable(points, indicator),
    plot: (ctx) => householdChange(points, f.groups, indicator, f.periodLabels, ctx),
  };
}

const spec: FigureSpec = {
  id: 'fig-test',
  number: 1,
  title: { id: 'Uji', en: 'Test' },
  shortTitle: { id: 'Uji', en: 'Test' },
  caption: { id: '', en: '' },
  source: { id: 'Sumber uji', en: 'Test source' },
  dataset: 'survei-pokmas',
  synthetic: true,
  tables: ['kondisi'],
  variantLabel: { id: 'Indikator', en: 'Indicator' },
  variants: [variant(f.pendapatan), variant(f.jumlahAset)],
};

describe('figureCsv', () => {
  test('synthetic numbers: the file name and every row say so; real ones carry no mark', () => {
    expect(downloadName(spec, '', 'id', 'csv')).toBe('fig-test-sintetis.id.csv');
    expect(downloadName(spec, 'x', 'en', 'png')).toBe('fig-test-x-synthetic.en.png');
    const real = { ...spec, synthetic: false };
    expect(downloadName(real, '', 'id', 'csv')).toBe('fig-test.id.csv');
    expect(figureCsv(real, 'id')).not.toMatch(/sintetis|Data\r\n/);
  });

  const csv = figureCsv(spec, 'en');
  const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

  test('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toMatch(/\r\n$/);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  test('names the variant of each row and keeps numbers unformatted', () => {
    const label = 'Synthetic data, not a finding of the study';
    expect(parsed[0]).toEqual(['Indicator', 'Group', 'Period', 'Value', 'Members (n)', 'Data']);
    expect(parsed[1]).toEqual([
      'Median income (Rupiah per month)',
      'Group A',
      'Before',
      '550000',
      '4',
      label,
    ]);
    expect(parsed.slice(1).every((r) => r.at(-1) === label)).toBe(true);
    expect(parsed.filter((r) => r[0] === 'Median assets')).toHaveLength(4);
    expect(parsed).toHaveLength(1 + 8);
  });
});

describe('standalone SVG and PNG', () => {
  const v = spec.variants[0]!;
  const inline = renderSvg(v.plot({ locale: 'id', width: 560 }), {
    idPrefix: 'fig-test',
    table: v.table,
    locale: 'id',
  });
  const svg = standaloneSvg(inline, {
    title: 'Gambar 1. Uji <judul> & "kutip"',
    footer: ['Sumber: uji', 'Data sintetis.'],
  });

  test('resolves the theme variables and drops the page-only attributes', () => {
    expect(svg).not.toMatch(/var\(--/);
    expect(svg).not.toMatch(/data-tip|data-row/);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('font-family="DejaVu Sans');
  });

  test('carries the escaped title and every footer line', () => {
    expect(svg).toContain('Uji &lt;judul&gt; &amp; &quot;kutip&quot;');
    expect(svg).toContain('>Sumber: uji</text>');
    expect(svg).toContain('>Data sintetis.</text>');
  });

  test('rasterises to a PNG twice the size', () => {
    const png = svgToPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = Buffer.from(png).readUInt32BE(16);
    expect(width).toBe(1120);
  });

  test('wrapText breaks at spaces within the limit', () => {
    expect(wrapText('satu dua tiga empat', 9)).toEqual(['satu dua', 'tiga', 'empat']);
  });
});
