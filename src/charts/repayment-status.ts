/**
 * Figure: repayment status of the members' capital, per pokmas.
 */
import type * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { lab, listText, groupShareKey, type GroupInfo } from './common.ts';
import {
  countText,
  groupCountBars,
  groupCountData,
  groupCountTable,
  shareText,
  type GroupCountPoint,
} from './group-counts.ts';
import type { AnggotaRow, StatusAngsuran } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

const statuses: StatusAngsuran[] = ['lancar', 'tersendat', 'macet'];

/** Members per group and repayment status; counts under k withheld. */
export function repaymentStatusData(
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels<StatusAngsuran>,
  k: number,
): GroupCountPoint[] {
  return groupCountData(
    anggota.map((a) => ({ group: a.kelompok, category: a.status_angsuran })),
    groups,
    statuses.map((s) => ({ key: s, label: labels[s] })),
    k,
    undefined,
    (group, category) => groupShareKey('anggota', 'status_angsuran', category, group),
  );
}

export function repaymentStatusTable(points: GroupCountPoint[]): FigureTable {
  return groupCountTable(points, { id: 'Status angsuran', en: 'Repayment status' });
}

/** One sentence: how many members of each group repay on time. */
export function repaymentStatusTakeaway(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels<StatusAngsuran>,
  locale: Locale,
): string {
  const parts = groups.map((g) => {
    const inGroup = points.filter((p) => p._group === g.kode);
    const total = inGroup.reduce((s, p) => s + p._count, 0);
    const onTime = inGroup.find((p) => p._category === 'lancar')?._count ?? 0;
    const k = inGroup[0]?._k ?? 1;
    const share = shareText(onTime, total, k, locale);
    return locale === 'id'
      ? `${countText(onTime, k, locale)} dari ${countText(total, k, locale)} anggota ${lab(g.label, locale)} (${share})`
      : `${countText(onTime, k, locale)} of ${countText(total, k, locale)} members of ${lab(g.label, locale)} (${share})`;
  });
  const status = lab(labels.lancar, locale).toLowerCase();
  return locale === 'id'
    ? `Angsuran berstatus ${status}: ${listText(parts, locale)}.`
    : `Repayments with status “${status}”: ${listText(parts, locale)}.`;
}

/** Bars of members per repayment status, one panel per group. */
export function repaymentStatus(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels<StatusAngsuran>,
  ctx: ChartContext,
): Plot.PlotOptions {
  const title: Bilingual = { id: 'Status angsuran menurut kelompok', en: 'Repayment status by group' };
  return groupCountBars(points, groups, ctx, {
    ariaLabel: lab(title, ctx.locale),
    ariaDescription: repaymentStatusTakeaway(points, groups, labels, ctx.locale),
    xLabel: ctx.locale === 'id' ? 'Jumlah anggota' : 'Members',
  });
}
