/**
 * Figure: repayment status of the members' capital, per pokmas.
 */
import type * as Plot from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { lab, listText, type GroupInfo } from './common.ts';
import { formatNumber, formatPercent } from './format.ts';
import { groupCountBars, groupCountData, groupCountTable, type GroupCountPoint } from './group-counts.ts';
import type { AnggotaRow, StatusAngsuran } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

const statuses: StatusAngsuran[] = ['lancar', 'tersendat', 'macet'];

/** Members per group and repayment status. */
export function repaymentStatusData(
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  labels: CategoryLabels<StatusAngsuran>,
): GroupCountPoint[] {
  return groupCountData(
    anggota.map((a) => ({ group: a.kelompok, category: a.status_angsuran })),
    groups,
    statuses.map((s) => ({ key: s, label: labels[s] })),
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
    const total = inGroup.reduce((s, p) => s + p.jumlah, 0);
    const onTime = inGroup.find((p) => p._category === 'lancar')?.jumlah ?? 0;
    const share = formatPercent(total ? onTime / total : 0, locale);
    return locale === 'id'
      ? `${formatNumber(onTime, locale)} dari ${formatNumber(total, locale)} anggota ${lab(g.label, locale)} (${share})`
      : `${formatNumber(onTime, locale)} of ${formatNumber(total, locale)} members of ${lab(g.label, locale)} (${share})`;
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
