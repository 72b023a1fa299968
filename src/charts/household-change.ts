/**
 * Figure: change of one household indicator between before and after the
 * programme, for each pokmas (a slope chart: one line per group, labelled at
 * both ends).
 */
import * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { changeKey } from '../lib/stat-keys.ts';
import {
  change,
  formatRelativeChange,
  formatValue,
  isWithheld,
  median,
  withheldMark,
  type Withheld,
} from '../lib/stats.ts';
import {
  changeVerb,
  groupClass,
  groupColor,
  lab,
  rowRef,
  separateLabels,
  withRowIndex,
  type GroupInfo,
} from './common.ts';
import { unitSuffix, type Unit } from './format.ts';
import type { AnggotaRow, Indikator, KondisiRow, Periode } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

export interface IndicatorInfo {
  key: Indikator;
  label: Bilingual;
  unit?: Unit;
  /** Decimals the median is shown with (the statistics layer's `displayDigits` of its unit). */
  digits: number;
}

export interface HouseholdChangePoint {
  _row: number;
  _group: string;
  _periode: Periode;
  kelompok: Bilingual;
  periode: Bilingual;
  /** The unrounded median, or withheld when fewer than k members have a value. */
  median: number | Withheld;
  n: number | Withheld;
  _stat: Record<string, string>;
}

/** The median of a point as a number, for plotting (withheld points are not plotted). */
function plotted(p: HouseholdChangePoint): number {
  return isWithheld(p.median) ? Number.NaN : p.median;
}

const periods: Periode[] = ['sebelum', 'sesudah'];

/**
 * Median value per group and period of one indicator, unrounded (the median,
 * as in the case pages' tables: a few large incomes do not move it); it is
 * rounded once, where it is shown. A median of fewer than k members is withheld.
 */
export function householdChangeData(
  kondisi: readonly KondisiRow[],
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  indicator: IndicatorInfo,
  periodLabels: CategoryLabels<Periode>,
  k: number,
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
      const n = values.length;
      const withheld = n > 0 && n < k;
      return {
        _group: g.kode,
        _periode: p,
        _stat: { median: changeKey(indicator.key, g.kode, p) },
        kelompok: g.label,
        periode: periodLabels[p],
        median: withheld ? ({ withheld: 'value', k } as const) : (median(values) ?? Number.NaN),
        n: withheld ? ({ withheld: 'count', k } as const) : n,
      };
    }),
  );
  return withRowIndex(points.filter((p) => p.n !== 0));
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
      { key: 'n', label: { id: 'Jumlah anggota (n)', en: 'Members (n)' }, count: true },
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
    if (isWithheld(before.median) || isWithheld(after.median)) {
      const k = [before.median, after.median].find(isWithheld)!.k;
      const mark = withheldMark('value', k, locale);
      return [`${lab(g.label, locale)} ${mark}`];
    }
    // The change is computed from the unrounded medians, as the pages compute it.
    const c = change(before.median, after.median);
    const fmt = (v: number) => formatValue(v, indicator.unit, locale);
    const pct = c.relative !== null ? ` (${formatRelativeChange(c.relative, locale)})` : '';
    if (fmt(before.median) === fmt(after.median)) {
      return locale === 'id'
        ? [`${lab(g.label, locale)} tetap ${fmt(before.median)}`]
        : [`${lab(g.label, locale)} stayed at ${fmt(before.median)}`];
    }
    const verb = changeVerb(c.absolute, locale);
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
  // Withheld medians are not drawn: a point's height would give the value away.
  points = points.filter((p) => !isWithheld(p.median));
  const values = points.map(plotted);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Without an axis the lines need not start at zero: the scale spans the values.
  const span = hi - lo || Math.abs(hi) || 1;
  // The labels are the medians themselves, shown as the table and the pages show them.
  const short = (v: number) => formatValue(v, indicator.unit, locale);
  const height = narrow ? 220 : 260;
  const [marginTop, marginBottom] = [28, 36];
  const domain = [lo - span * 0.15, hi + span * 0.15] as const;
  const px = (p: HouseholdChangePoint) =>
    ((plotted(p) - domain[0]) / (domain[1] - domain[0])) * (height - marginTop - marginBottom);
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
      y: plotted,
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
            text: (p: HouseholdChangePoint) => `${lab(p.kelompok, locale)}\n${short(plotted(p))}`,
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
            text: (p: HouseholdChangePoint) => short(plotted(p)),
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
    marginLeft: narrow ? 100 : 110,
    marginRight: narrow ? 110 : 150,
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
