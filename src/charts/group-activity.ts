/**
 * Figure: the life of each pokmas month by month since the capital was
 * received (meetings, attendance, instalments collected, facilitation
 * visits): one line per group, labelled at its end.
 */
import * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import {
  groupClass,
  groupColor,
  lab,
  listText,
  rowRef,
  separateLabels,
  withRowIndex,
  type GroupInfo,
} from './common.ts';
import { formatValue, statistic } from '../lib/stats.ts';
import { formatCompact, formatNumber, unitSuffix, type Unit } from './format.ts';
import type { KegiatanRow } from './rows.ts';
import type { ChartContext, FigureTable } from './types.ts';

export type Measure = 'pertemuan' | 'kehadiran_persen' | 'angsuran_terkumpul' | 'kunjungan_pendamping';

export interface MeasureInfo {
  key: Measure;
  label: Bilingual;
  unit?: Unit;
  digits: number;
  /** How the takeaway sums up a group's months: a total (counts, money) or a mean (rates). */
  summary: 'sum' | 'mean';
}

export interface ActivityPoint {
  _row: number;
  _group: string;
  kelompok: Bilingual;
  bulan: number;
  nilai: number;
}

/** The value of one measure per group and month; months without a value are left out. */
export function groupActivityData(
  kegiatan: readonly KegiatanRow[],
  groups: readonly GroupInfo[],
  measure: MeasureInfo,
): ActivityPoint[] {
  const points = groups.flatMap((g) =>
    kegiatan
      .filter((k) => k.kelompok === g.kode && k[measure.key] !== null)
      .sort((a, b) => a.bulan - b.bulan)
      .map((k) => ({
        _group: g.kode,
        kelompok: g.label,
        bulan: k.bulan,
        nilai: k[measure.key]!,
      })),
  );
  return withRowIndex(points);
}

export function groupActivityTable(points: ActivityPoint[], measure: MeasureInfo): FigureTable {
  return {
    columns: [
      { key: 'kelompok', label: { id: 'Kelompok', en: 'Group' } },
      { key: 'bulan', label: { id: 'Bulan ke-', en: 'Month' } },
      {
        key: 'nilai',
        label: {
          id: `${measure.label.id}${unitSuffix(measure.unit, 'id')}`,
          en: `${measure.label.en}${unitSuffix(measure.unit, 'en')}`,
        },
        digits: measure.digits,
      },
    ],
    rows: points,
  };
}

/** One sentence: each group's total (or monthly mean) of the measure. */
export function groupActivityTakeaway(
  points: ActivityPoint[],
  groups: readonly GroupInfo[],
  measure: MeasureInfo,
  locale: Locale,
): string {
  const months = Math.max(0, ...points.map((p) => p.bulan));
  const parts = groups.map((g) => {
    const values = points.filter((p) => p._group === g.kode).map((p) => p.nilai);
    const value = values.length ? statistic(values, measure.summary) : null;
    const text =
      value === null
        ? locale === 'id'
          ? 'tidak ada data'
          : 'no data'
        : formatValue(value, measure.unit, locale);
    return `${lab(g.label, locale)} ${text}`;
  });
  const label = lab(measure.label, locale).toLowerCase();
  const n = formatNumber(months, locale);
  if (measure.summary === 'sum') {
    return locale === 'id'
      ? `Dalam ${n} bulan, jumlah ${label}: ${listText(parts, locale)}.`
      : `Over ${n} months, total ${label}: ${listText(parts, locale)}.`;
  }
  return locale === 'id'
    ? `Rata-rata ${label} per bulan selama ${n} bulan: ${listText(parts, locale)}.`
    : `Monthly mean ${label} over ${n} months: ${listText(parts, locale)}.`;
}

/** Lines of the measure per month, one per group, labelled at their last month. */
export function groupActivity(
  points: ActivityPoint[],
  groups: readonly GroupInfo[],
  measure: MeasureInfo,
  { locale, width }: ChartContext,
): Plot.PlotOptions {
  const narrow = width < 480;
  const months = Math.max(1, ...points.map((p) => p.bulan));
  const hi = Math.max(1, ...points.map((p) => p.nilai));
  const ends = groups.flatMap((g) => {
    const last = points.filter((p) => p._group === g.kode).at(-1);
    return last ? [last] : [];
  });
  // End labels closer than a tenth of the scale in the same month would overlap.
  const sameMonth = ends.length === 2 && ends[0]!.bulan === ends[1]!.bulan;
  const plotHeight = (narrow ? 260 : 300) - 32 - 42;
  const px = (p: ActivityPoint) => (p.nilai / (hi * 1.1)) * plotHeight;
  const nudge = sameMonth ? separateLabels(ends, px, 18) : new Map<number, number>();
  const unit = unitSuffix(measure.unit, locale);
  const marks = groups.flatMap((g, i) => {
    const data = points.filter((p) => p._group === g.kode);
    const common = { x: 'bulan', y: 'nilai', className: groupClass(i) };
    return [
      Plot.line(data, { ...common, stroke: groupColor(i), strokeWidth: 2.5 }),
      Plot.dot(data, {
        ...common,
        fill: groupColor(i),
        r: narrow ? 3 : 3.5,
        title: (d: ActivityPoint) => rowRef(d._row),
      }),
      ...ends
        .filter((e) => e._group === g.kode)
        .map((e) =>
          Plot.text([e], {
            ...common,
            text: (d: ActivityPoint) => lab(d.kelompok, locale),
            textAnchor: 'start',
            dx: 8,
            dy: nudge.get(e._row) ?? 0,
            fill: 'currentColor',
          }),
        ),
    ];
  });
  return {
    width,
    height: narrow ? 260 : 300,
    marginLeft: 56,
    marginRight: narrow ? 96 : 110,
    marginTop: 32,
    marginBottom: 42,
    ariaLabel: `${lab(measure.label, locale)}${unit}`,
    ariaDescription: groupActivityTakeaway(points, groups, measure, locale),
    x: {
      domain: [1, months],
      label: locale === 'id' ? 'Bulan sejak modal diterima' : 'Months since the capital was received',
      labelAnchor: 'right',
      labelArrow: 'none',
      ticks: Array.from({ length: months }, (_, k) => k + 1).filter(
        (m) => m === 1 || m % (narrow || months > 12 ? 6 : 3) === 0,
      ),
      tickFormat: (v: number) => formatNumber(v, locale),
    },
    y: {
      domain: [0, hi * 1.1],
      nice: true,
      grid: true,
      ticks: 5,
      label: `${lab(measure.label, locale)}${unit}`,
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: (v: number) => formatCompact(v, locale),
    },
    marks: [Plot.ruleY([0], { stroke: 'currentColor' }), ...marks],
  };
}
