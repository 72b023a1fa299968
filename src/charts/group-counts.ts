/**
 * Counts of a category per pokmas, drawn as bars side by side (one panel per
 * group, headed by its name), each bar labelled with its count and share.
 * Shared by the figures of repayment status, business types and interview
 * themes.
 */
import * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { groupColor, groupClass, lab, rowRef, withRowIndex, type GroupInfo } from './common.ts';
import {
  disclosedCount,
  formatCount,
  formatShare,
  isSuppressed,
  isWithheld,
  shareOf,
  withheldMark,
  type Withheld,
} from '../lib/stats.ts';
import { formatNumber } from './format.ts';
import type { ChartContext, FigureTable } from './types.ts';

export interface GroupCountPoint {
  _row: number;
  _group: string;
  _category: string;
  _split: string;
  /** The count before disclosure control: for totals and the takeaway's checks, never shown on its own. */
  _count: number;
  /** The threshold the cell was checked against. */
  _k: number;
  _stat?: Record<string, string>;
  kelompok: Bilingual;
  kategori: Bilingual;
  rincian?: Bilingual;
  /** The count, or withheld when 0 < count < k. */
  jumlah: number | Withheld;
  /** Share of the group's answers (0..1), withheld with its count. */
  persen: number | Withheld;
}

export interface CountSource {
  group: string;
  category: string | null;
  /** A second category that splits the panels into rows (interview stance). */
  split?: string;
}

/**
 * Counts per group and category (and split), every category listed even at
 * zero, with the share of the group's non-missing answers; a count under the
 * dataset's k (and its share) is withheld, as on the pages. `statKey`, when
 * given, names the share cell's statistic like the page's `<Share>` does.
 */
export function groupCountData(
  items: readonly CountSource[],
  groups: readonly GroupInfo[],
  categories: readonly { key: string; label: Bilingual }[],
  k: number,
  splits: readonly { key: string; label: Bilingual }[] = [{ key: '', label: { id: '', en: '' } }],
  statKey?: (group: string, category: string) => string,
): GroupCountPoint[] {
  const known = new Set(categories.map((c) => c.key));
  const unknown = items.find((i) => i.category !== null && !known.has(i.category));
  if (unknown)
    throw new Error(`groupCountData: category "${unknown.category}" is not among the codebook's categories`);
  const points = groups.flatMap((g) => {
    // Missing answers are not counted, so the shares add up to 100 % per group.
    const inGroup = items.filter((i) => i.group === g.kode && i.category !== null);
    return splits.flatMap((s) =>
      categories.map((c) => {
        const count = inGroup.filter((i) => i.category === c.key && (i.split ?? '') === s.key).length;
        const jumlah = disclosedCount(count, k);
        return {
          _group: g.kode,
          _category: c.key,
          _split: s.key,
          _count: count,
          _k: k,
          ...(statKey && !s.key ? { _stat: { persen: statKey(g.kode, c.key) } } : {}),
          kelompok: g.label,
          kategori: c.label,
          ...(s.key ? { rincian: s.label } : {}),
          jumlah,
          persen: isWithheld(jumlah)
            ? { withheld: 'value' as const, k }
            : (shareOf(count, inGroup.length) ?? 0),
        };
      }),
    );
  });
  return withRowIndex(points);
}

/** Table of the plotted counts and shares. */
export function groupCountTable(
  points: GroupCountPoint[],
  category: Bilingual,
  split?: Bilingual,
): FigureTable {
  return {
    columns: [
      { key: 'kelompok', label: { id: 'Kelompok', en: 'Group' } },
      { key: 'kategori', label: category },
      ...(split ? [{ key: 'rincian', label: split }] : []),
      { key: 'jumlah', label: { id: 'Jumlah', en: 'Count' }, count: true },
      { key: 'persen', label: { id: 'Persen dari kelompok', en: 'Percent of group' }, share: true },
    ],
    rows: points,
  };
}

/** The bar label: count and share, or the withheld mark alone. */
function barLabel(p: GroupCountPoint, locale: Locale, narrow: boolean): string {
  if (isWithheld(p.jumlah)) return withheldMark('count', p.jumlah.k, locale);
  const count = formatCount(p.jumlah, locale);
  // Narrow panels have room for the count only; the share is in the tooltip and the table.
  return narrow || isWithheld(p.persen) ? count : `${count} (${formatShare(p.persen, locale)})`;
}

/** A bar's length: a withheld count draws no bar, so its length cannot give the count away. */
function barLength(p: GroupCountPoint): number {
  return isWithheld(p.jumlah) ? 0 : p.jumlah;
}

/** A count in a takeaway: the count, or the withheld mark. */
export function countText(count: number, k: number, locale: Locale): string {
  return isSuppressed(count, k) ? withheldMark('count', k, locale) : formatCount(count, locale);
}

/** A share in a takeaway: withheld when its count or its total falls under k, as on the pages. */
export function shareText(count: number, total: number, k: number, locale: Locale): string {
  if (isSuppressed(count, k) || isSuppressed(total, k)) return withheldMark('value', k, locale);
  return formatShare(shareOf(count, total) ?? 0, locale);
}

/** Horizontal bars per group panel; with splits, one row of panels per split value. */
export function groupCountBars(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  { locale, width }: ChartContext,
  options: {
    ariaLabel: string;
    ariaDescription: string;
    xLabel: string;
    splitColors?: Record<string, string>;
  },
): Plot.PlotOptions {
  const narrow = width < 480;
  const categories = [...new Set(points.map((p) => lab(p.kategori, locale)))];
  const splits = [...new Set(points.map((p) => (p.rincian ? lab(p.rincian, locale) : '')))];
  const hasSplit = splits.length > 1;
  const max = Math.max(1, ...points.map(barLength));
  const longest = Math.max(...categories.map((c) => c.length));
  const barStep = narrow ? 26 : 28;
  const panelHeight = categories.length * barStep;
  const marks = groups.flatMap((g, i) => {
    const data = points.filter((p) => p._group === g.kode);
    const common = {
      fx: (d: GroupCountPoint) => lab(d.kelompok, locale),
      ...(hasSplit ? { fy: (d: GroupCountPoint) => (d.rincian ? lab(d.rincian, locale) : '') } : {}),
      y: (d: GroupCountPoint) => lab(d.kategori, locale),
      className: groupClass(i),
    };
    const fill = options.splitColors
      ? (d: GroupCountPoint) => options.splitColors![d._split] ?? groupColor(i)
      : groupColor(i);
    return [
      Plot.barX(data, {
        ...common,
        x: barLength,
        fill,
        insetTop: 3,
        insetBottom: 3,
        title: (d: GroupCountPoint) => rowRef(d._row),
      }),
      Plot.text(data, {
        ...common,
        x: barLength,
        text: (d: GroupCountPoint) => barLabel(d, locale, narrow),
        textAnchor: 'start',
        dx: 4,
        fill: 'currentColor',
      }),
    ];
  });
  return {
    width,
    height: 40 + (hasSplit ? splits.length * (panelHeight + 24) : panelHeight) + 34,
    marginLeft: Math.min(narrow ? 140 : 190, 20 + longest * 8.5),
    marginRight: hasSplit ? (narrow ? 66 : 80) : 8,
    marginTop: 40,
    marginBottom: 34,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    fx: { label: null, tickSize: 0, axis: 'top', padding: 0.12 },
    ...(hasSplit
      ? { fy: { label: null, tickSize: 0, axis: 'right' as const, padding: 0.15, domain: splits } }
      : {}),
    y: { label: null, tickSize: 0, domain: categories, padding: 0.1 },
    x: {
      domain: [0, max * (narrow ? 1.45 : 1.7)],
      label: options.xLabel,
      labelAnchor: 'left',
      labelArrow: 'none',
      ticks: narrow ? 2 : 3,
      tickFormat: (v: number) => (Number.isInteger(v) ? formatNumber(v, locale) : ''),
      grid: true,
    },
    marks: [...marks, Plot.ruleX([0], { stroke: 'currentColor' })],
  };
}

/** The category with the most answers in one group, with its share. */
export function topCategory(points: GroupCountPoint[], group: string): GroupCountPoint | undefined {
  return points
    .filter((p) => p._group === group)
    .reduce<GroupCountPoint | undefined>(
      (best, p) => (!best || p._count > best._count ? p : best),
      undefined,
    );
}
