/**
 * Figure: change of one household indicator between before and after the
 * programme, for each pokmas (a slope chart: one line per group, labelled at
 * both ends).
 */
import * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import {
  changeVerb,
  groupClass,
  groupColor,
  lab,
  median,
  rowRef,
  separateLabels,
  withRowIndex,
  type GroupInfo,
} from './common.ts';
import { formatPercent, formatShort, formatWithUnit, round, unitSuffix, type Unit } from './format.ts';
import type { AnggotaRow, Indikator, KondisiRow, Periode } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

export interface IndicatorInfo {
  key: Indikator;
  label: Bilingual;
  unit?: Unit;
  /** Decimals the median is rounded to. */
  digits: number;
}

export interface HouseholdChangePoint {
  _row: number;
  _group: string;
  _periode: Periode;
  kelompok: Bilingual;
  periode: Bilingual;
  median: number;
  n: number;
}

const periods: Periode[] = ['sebelum', 'sesudah'];

/**
 * Median value per group and period of one indicator, rounded as plotted
 * (the median, as in the case pages' tables: a few large incomes do not move it).
 */
export function householdChangeData(
  kondisi: readonly KondisiRow[],
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  indicator: IndicatorInfo,
  periodLabels: CategoryLabels<Periode>,
): HouseholdChangePoint[] {
  const groupOf = new Map(anggota.map((a) => [a.id_anggota, a.kelompok]));
  const points = groups.flatMap((g) =>
    periods.map((p) => {
      // Members with a missing value are left out of the median, and of n.
      const values = kondisi
        .filter(
          (k) => k.indikator === indicator.key && k.periode === p && groupOf.get(k.id_anggota) === g.kode,
        )
        .flatMap((k) => (k.nilai === null ? [] : [k.nilai]));
      return {
        _group: g.kode,
        _periode: p,
        kelompok: g.label,
        periode: periodLabels[p],
        median: round(median(values), indicator.digits),
        n: values.length,
      };
    }),
  );
  return withRowIndex(points.filter((p) => p.n > 0));
}

/** Table of the plotted medians. */
export function householdChangeTable(points: HouseholdChangePoint[], indicator: IndicatorInfo): FigureTable {
  return {
    columns: [
      { key: 'kelompok', label: { id: 'Kelompok', en: 'Group' } },
      { key: 'periode', label: { id: 'Periode', en: 'Period' } },
      {
        key: 'median',
        label: {
          id: `Median ${indicator.label.id.toLowerCase()}${unitSuffix(indicator.unit, 'id')}`,
          en: `Median ${indicator.label.en.toLowerCase()}${unitSuffix(indicator.unit, 'en')}`,
        },
        digits: indicator.digits,
      },
      { key: 'n', label: { id: 'Jumlah anggota (n)', en: 'Members (n)' } },
    ],
    rows: points,
  };
}

/** One sentence: how the median of each group changed. */
export function householdChangeTakeaway(
  points: HouseholdChangePoint[],
  groups: readonly GroupInfo[],
  indicator: IndicatorInfo,
  locale: Locale,
): string {
  const parts = groups.flatMap((g) => {
    const before = points.find((p) => p._group === g.kode && p._periode === 'sebelum');
    const after = points.find((p) => p._group === g.kode && p._periode === 'sesudah');
    if (!before || !after) return [];
    const delta = after.median - before.median;
    const fmt = (v: number) => formatWithUnit(v, indicator.unit, locale, indicator.digits);
    const pct =
      before.median !== 0
        ? ` (${delta >= 0 ? '+' : '\u2212'}${formatPercent(Math.abs(delta / before.median), locale)})`
        : '';
    const verb = changeVerb(delta, locale);
    if (delta === 0) {
      return locale === 'id'
        ? [`${lab(g.label, locale)} tetap ${fmt(before.median)}`]
        : [`${lab(g.label, locale)} stayed at ${fmt(before.median)}`];
    }
    return locale === 'id'
      ? [`${lab(g.label, locale)} ${verb} dari ${fmt(before.median)} menjadi ${fmt(after.median)}${pct}`]
      : [`${lab(g.label, locale)} ${verb} from ${fmt(before.median)} to ${fmt(after.median)}${pct}`];
  });
  const subject =
    locale === 'id'
      ? `Median ${indicator.label.id.toLowerCase()}`
      : `Median ${indicator.label.en.toLowerCase()}`;
  const joiner = locale === 'id' ? '; ' : '; ';
  return `${subject}: ${parts.join(joiner)}.`;
}

/** Slope chart of the before/after medians, one line per group, direct labels at both ends. */
export function householdChange(
  points: HouseholdChangePoint[],
  groups: readonly GroupInfo[],
  indicator: IndicatorInfo,
  periodLabels: CategoryLabels<Periode>,
  { locale, width }: ChartContext,
): Plot.PlotOptions {
  const narrow = width < 480;
  const values = points.map((p) => p.median);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Without an axis the lines need not start at zero: the scale spans the values.
  const span = hi - lo || Math.abs(hi) || 1;
  const short = (v: number) => formatShort(v, indicator.unit, locale);
  const height = narrow ? 220 : 260;
  const [marginTop, marginBottom] = [28, 36];
  const domain = [lo - span * 0.15, hi + span * 0.15] as const;
  const px = (p: HouseholdChangePoint) =>
    ((p.median - domain[0]) / (domain[1] - domain[0])) * (height - marginTop - marginBottom);
  // Labels at the ends of the two lines must not overlap (two lines of text after, one before).
  const nudge = separateLabels(
    points.filter((p) => p._periode === 'sesudah'),
    px,
    34,
  );
  const nudgeBefore = separateLabels(
    points.filter((p) => p._periode === 'sebelum'),
    px,
    18,
  );
  const unit = unitSuffix(indicator.unit, locale);
  const groupMarks = groups.flatMap((g, i) => {
    const data = points.filter((p) => p._group === g.kode);
    const common = {
      x: (d: HouseholdChangePoint) => lab(d.periode, locale),
      y: 'median',
      className: groupClass(i),
    };
    return [
      Plot.line(data, { ...common, stroke: groupColor(i), strokeWidth: 3 }),
      Plot.dot(data, {
        ...common,
        fill: groupColor(i),
        r: 6,
        stroke: 'var(--color-bg)',
        strokeWidth: 1.5,
        title: (d: HouseholdChangePoint) => rowRef(d._row),
      }),
      ...data
        .filter((d) => d._periode === 'sesudah')
        .map((d) =>
          Plot.text([d], {
            ...common,
            text: (p: HouseholdChangePoint) => `${lab(p.kelompok, locale)}\n${short(p.median)}`,
            textAnchor: 'start',
            dx: 12,
            dy: nudge.get(d._row) ?? 0,
            fill: 'currentColor',
            lineHeight: 1.1,
          }),
        ),
      ...data
        .filter((d) => d._periode === 'sebelum')
        .map((d) =>
          Plot.text([d], {
            ...common,
            text: (p: HouseholdChangePoint) => short(p.median),
            textAnchor: 'end',
            dx: -12,
            dy: nudgeBefore.get(d._row) ?? 0,
            fill: 'currentColor',
          }),
        ),
    ];
  });
  return {
    width,
    height,
    marginLeft: narrow ? 84 : 110,
    marginRight: narrow ? 100 : 150,
    marginTop,
    marginBottom,
    ariaLabel: `${lab(indicator.label, locale)}${unit}`,
    ariaDescription: householdChangeTakeaway(points, groups, indicator, locale),
    x: {
      type: 'point',
      domain: periods.map((p) => lab(periodLabels[p], locale)),
      label: null,
      padding: 0,
      tickSize: 0,
    },
    // Values are labelled at both ends of each line, so the y axis is left out.
    y: { axis: null, domain: [...domain] },
    marks: groupMarks,
  };
}
