/**
 * Figure: the members' types of business, per pokmas.
 */
import type * as Plot from '@observablehq/plot';
import type { Locale } from '../lib/i18n.ts';
import { lab, listText, groupShareKey, type GroupInfo } from './common.ts';
import {
  countText,
  groupCountBars,
  groupCountData,
  groupCountTable,
  shareText,
  type GroupCountPoint,
} from './group-counts.ts';
import type { AnggotaRow } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

/** Members per group and business type, in the codebook's order of types; counts under k withheld. */
export function businessTypesData(
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels,
  k: number,
): GroupCountPoint[] {
  return groupCountData(
    anggota.map((a) => ({ group: a.kelompok, category: a.jenis_usaha })),
    groups,
    Object.entries(labels).map(([key, label]) => ({ key, label })),
    k,
    undefined,
    (group, category) => groupShareKey('anggota', 'jenis_usaha', category, group),
  );
}

export function businessTypesTable(points: GroupCountPoint[]): FigureTable {
  return groupCountTable(points, { id: 'Jenis usaha', en: 'Type of business' });
}

/** One sentence: the most common business type of each group (all of them when tied). */
export function businessTypesTakeaway(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  locale: Locale,
): string {
  const parts = groups.map((g) => {
    const inGroup = points.filter((p) => p._group === g.kode);
    const total = inGroup.reduce((s, p) => s + p._count, 0);
    const max = Math.max(0, ...inGroup.map((p) => p._count));
    const top = inGroup.filter((p) => p._count === max).map((p) => lab(p.kategori, locale).toLowerCase());
    const k = inGroup[0]?._k ?? 1;
    const share = shareText(max, total, k, locale);
    const count = countText(max, k, locale);
    const each = top.length > 1 ? (locale === 'id' ? ' masing-masing' : ' each') : '';
    return locale === 'id'
      ? `${listText(top, locale)} di ${lab(g.label, locale)} (${count} dari ${countText(total, k, locale)} anggota${each}, ${share})`
      : `${listText(top, locale)} in ${lab(g.label, locale)} (${count} of ${countText(total, k, locale)} members${each}, ${share})`;
  });
  return locale === 'id'
    ? `Jenis usaha terbanyak: ${listText(parts, locale)}.`
    : `Most common type of business: ${listText(parts, locale)}.`;
}

/** Bars of members per business type, one panel per group. */
export function businessTypes(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  ctx: ChartContext,
): Plot.PlotOptions {
  return groupCountBars(points, groups, ctx, {
    ariaLabel:
      ctx.locale === 'id' ? 'Jenis usaha anggota menurut kelompok' : "Members' types of business by group",
    ariaDescription: businessTypesTakeaway(points, groups, ctx.locale),
    xLabel: ctx.locale === 'id' ? 'Jumlah anggota' : 'Members',
  });
}
