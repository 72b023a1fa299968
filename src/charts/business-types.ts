/**
 * Figure: the members' types of business, per pokmas.
 */
import type * as Plot from '@observablehq/plot';
import type { Locale } from '../lib/i18n.ts';
import { lab, listText, type GroupInfo } from './common.ts';
import { formatNumber, formatPercent } from './format.ts';
import { groupCountBars, groupCountData, groupCountTable, type GroupCountPoint } from './group-counts.ts';
import type { AnggotaRow } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

/** Members per group and business type, in the codebook's order of types. */
export function businessTypesData(
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels,
): GroupCountPoint[] {
  return groupCountData(
    anggota.map((a) => ({ group: a.kelompok, category: a.jenis_usaha })),
    groups,
    Object.entries(labels).map(([key, label]) => ({ key, label })),
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
    const total = inGroup.reduce((s, p) => s + p.jumlah, 0);
    const max = Math.max(0, ...inGroup.map((p) => p.jumlah));
    const top = inGroup.filter((p) => p.jumlah === max).map((p) => lab(p.kategori, locale).toLowerCase());
    const share = formatPercent(total ? max / total : 0, locale);
    const count = formatNumber(max, locale);
    const each = top.length > 1 ? (locale === 'id' ? ' masing-masing' : ' each') : '';
    return locale === 'id'
      ? `${listText(top, locale)} di ${lab(g.label, locale)} (${count} dari ${formatNumber(total, locale)} anggota${each}, ${share})`
      : `${listText(top, locale)} in ${lab(g.label, locale)} (${count} of ${formatNumber(total, locale)} members${each}, ${share})`;
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
