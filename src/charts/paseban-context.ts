/**
 * Figure: the population of the six kelurahan of Kecamatan Senen by sex,
 * with Paseban, the study's kelurahan, picked out by colour and by name.
 */
import * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { lab, palette, rowRef, withRowIndex } from './common.ts';
import { formatNumber } from './format.ts';
import type { PendudukRow } from './rows.ts';
import type { ChartContext, FigureTable } from './types.ts';

export interface PopulationPoint {
  _row: number;
  _kelurahan: string;
  _sex: 'laki_laki' | 'perempuan';
  kelurahan: string;
  jenis_kelamin: Bilingual;
  penduduk: number;
}

const sexes = [
  { key: 'laki_laki' as const, label: { id: 'Laki-laki', en: 'Male' } },
  { key: 'perempuan' as const, label: { id: 'Perempuan', en: 'Female' } },
];

/** Upper-case names as delivered (`PASEBAN`) in title case (`Paseban`). */
export function titleCase(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/(^|[\s.-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Residents per kelurahan of one kecamatan and sex, largest kelurahan first. */
export function pasebanContextData(penduduk: readonly PendudukRow[], kecamatan: string): PopulationPoint[] {
  const rows = penduduk
    .filter((r) => r.nama_kecamatan.trim().toUpperCase() === kecamatan.toUpperCase())
    .sort((a, b) => b.laki_laki + b.perempuan - (a.laki_laki + a.perempuan));
  if (rows.length === 0)
    throw new Error(`pasebanContextData: no kelurahan of kecamatan ${kecamatan} in the table`);
  return withRowIndex(
    rows.flatMap((r) =>
      sexes.map((s) => ({
        _kelurahan: r.nama_kelurahan.trim().toUpperCase(),
        _sex: s.key,
        kelurahan: titleCase(r.nama_kelurahan),
        jenis_kelamin: s.label,
        penduduk: r[s.key],
      })),
    ),
  );
}

export function pasebanContextTable(points: PopulationPoint[]): FigureTable {
  return {
    columns: [
      { key: 'kelurahan', label: { id: 'Kelurahan', en: 'Kelurahan' } },
      { key: 'jenis_kelamin', label: { id: 'Jenis kelamin', en: 'Sex' } },
      { key: 'penduduk', label: { id: 'Penduduk', en: 'Residents' } },
    ],
    rows: points,
  };
}

/** One sentence: Paseban's residents, its rank among the kelurahan, and by sex. */
export function pasebanContextTakeaway(
  points: PopulationPoint[],
  focus: string,
  year: number,
  locale: Locale,
): string {
  const names = [...new Set(points.map((p) => p._kelurahan))];
  const rank = names.indexOf(focus.toUpperCase()) + 1;
  if (rank === 0) throw new Error(`pasebanContextTakeaway: kelurahan ${focus} is not in the data`);
  const mine = points.filter((p) => p._kelurahan === focus.toUpperCase());
  const total = mine.reduce((s, p) => s + p.penduduk, 0);
  const [m, f] = [mine.find((p) => p._sex === 'laki_laki')!, mine.find((p) => p._sex === 'perempuan')!];
  const n = (v: number) => formatNumber(v, locale);
  const name = mine[0]!.kelurahan;
  return locale === 'id'
    ? `Pada ${year}, ${name} berpenduduk ${n(total)} jiwa (${n(m.penduduk)} laki-laki, ${n(f.penduduk)} perempuan), terbesar ke-${n(rank)} dari ${n(names.length)} kelurahan.`
    : `In ${year}, ${name} had ${n(total)} residents (${n(m.penduduk)} male, ${n(f.penduduk)} female), the ${ordinal(rank)} largest of ${n(names.length)} kelurahan.`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** Bars of residents per kelurahan, a panel per sex; the focus kelurahan in the emphasis colour. */
export function pasebanContext(
  points: PopulationPoint[],
  focus: string,
  year: number,
  { locale, width }: ChartContext,
): Plot.PlotOptions {
  const narrow = width < 480;
  const names = [...new Set(points.map((p) => p.kelurahan))];
  const max = Math.max(...points.map((p) => p.penduduk));
  const isFocus = (d: PopulationPoint) => d._kelurahan === focus.toUpperCase();
  const common = {
    fx: (d: PopulationPoint) => lab(d.jenis_kelamin, locale),
    y: 'kelurahan',
  };
  return {
    width,
    height: 40 + names.length * 30 + 34,
    marginLeft: narrow ? 72 : 84,
    marginRight: 8,
    marginTop: 40,
    marginBottom: 34,
    ariaLabel:
      locale === 'id'
        ? `Penduduk kelurahan di Kecamatan Senen menurut jenis kelamin, ${year}`
        : `Population of the kelurahan of Kecamatan Senen by sex, ${year}`,
    ariaDescription: pasebanContextTakeaway(points, focus, year, locale),
    fx: {
      label: null,
      tickSize: 0,
      axis: 'top',
      padding: 0.12,
      domain: sexes.map((s) => lab(s.label, locale)),
    },
    y: {
      label: null,
      tickSize: 0,
      domain: names,
      padding: 0.12,
      tickFormat: (name: string) => (name.toUpperCase() === focus.toUpperCase() ? `${name} ▸` : name),
    },
    x: {
      domain: [0, max * (narrow ? 1.75 : 1.45)],
      label: locale === 'id' ? 'Penduduk' : 'Residents',
      labelAnchor: 'left',
      labelArrow: 'none',
      ticks: 2,
      tickFormat: (v: number) => formatNumber(v, locale),
      grid: true,
    },
    marks: [
      Plot.barX(points, {
        ...common,
        x: 'penduduk',
        fill: (d: PopulationPoint) => (isFocus(d) ? palette[0] : palette[2]),
        title: (d: PopulationPoint) => rowRef(d._row),
      }),
      ...[true, false].map((bold) =>
        Plot.text(
          points.filter((d) => isFocus(d) === bold),
          {
            ...common,
            x: 'penduduk',
            text: (d: PopulationPoint) => formatNumber(d.penduduk, locale),
            textAnchor: 'start',
            dx: 4,
            fill: 'currentColor',
            fontWeight: bold ? 'bold' : 'normal',
          },
        ),
      ),
      Plot.ruleX([0], { stroke: 'currentColor' }),
    ],
  };
}
