/**
 * Figure: coded interview statements per theme and stance, per pokmas.
 */
import type * as Plot from '@observablehq/plot';
import type { Locale } from '../lib/i18n.ts';
import { lab, listText, palette, type GroupInfo } from './common.ts';
import {
  countText,
  groupCountBars,
  groupCountData,
  groupCountTable,
  shareText,
  type GroupCountPoint,
} from './group-counts.ts';
import type { AnggotaRow, Sikap, Tema, WawancaraRow } from './rows.ts';
import type { CategoryLabels, ChartContext, FigureTable } from './types.ts';

const themes: Tema[] = ['kepercayaan', 'kerja_sama', 'pendampingan', 'kemandirian', 'hambatan'];
const stances: Sikap[] = ['positif', 'netral', 'negatif'];
/** Stance colours: emphasis for positive, neutral grey, the fifth slot for negative. */
const stanceColors: Record<Sikap, string> = { positif: palette[3], netral: palette[2], negatif: palette[4] };

/**
 * Coded statements per group, theme and stance; shares are of the group's
 * statements. Statements are people's words: a count under k is withheld.
 */
export function interviewThemesData(
  wawancara: readonly WawancaraRow[],
  anggota: readonly AnggotaRow[],
  groups: readonly GroupInfo[],
  temaLabels: CategoryLabels<Tema>,
  sikapLabels: CategoryLabels<Sikap>,
  k: number,
): GroupCountPoint[] {
  const groupOf = new Map(anggota.map((a) => [a.id_anggota, a.kelompok]));
  return groupCountData(
    wawancara.map((w) => ({ group: groupOf.get(w.id_anggota) ?? '', category: w.tema, split: w.sikap })),
    groups,
    themes.map((t) => ({ key: t, label: temaLabels[t] })),
    k,
    stances.map((s) => ({ key: s, label: sikapLabels[s] })),
  );
}

export function interviewThemesTable(points: GroupCountPoint[]): FigureTable {
  return groupCountTable(points, { id: 'Tema', en: 'Theme' }, { id: 'Sikap', en: 'Stance' });
}

/** One sentence: the share of positive statements in each group. */
export function interviewThemesTakeaway(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  sikapLabels: CategoryLabels<Sikap>,
  locale: Locale,
): string {
  const parts = groups.map((g) => {
    const inGroup = points.filter((p) => p._group === g.kode);
    const total = inGroup.reduce((s, p) => s + p._count, 0);
    const positive = inGroup.filter((p) => p._split === 'positif').reduce((s, p) => s + p._count, 0);
    const k = inGroup[0]?._k ?? 1;
    const share = shareText(positive, total, k, locale);
    return locale === 'id'
      ? `${share} di ${lab(g.label, locale)} (${countText(positive, k, locale)} dari ${countText(total, k, locale)})`
      : `${share} in ${lab(g.label, locale)} (${countText(positive, k, locale)} of ${countText(total, k, locale)})`;
  });
  const stance = lab(sikapLabels.positif, locale).toLowerCase();
  return locale === 'id'
    ? `Pernyataan bersikap ${stance}: ${listText(parts, locale)}.`
    : `Statements with a ${stance} stance: ${listText(parts, locale)}.`;
}

/** Bars of statements per theme, a panel per group and a row of panels per stance. */
export function interviewThemes(
  points: GroupCountPoint[],
  groups: readonly GroupInfo[],
  sikapLabels: CategoryLabels<Sikap>,
  ctx: ChartContext,
): Plot.PlotOptions {
  return groupCountBars(points, groups, ctx, {
    ariaLabel:
      ctx.locale === 'id'
        ? 'Tema wawancara menurut kelompok dan sikap'
        : 'Interview themes by group and stance',
    ariaDescription: interviewThemesTakeaway(points, groups, sikapLabels, ctx.locale),
    xLabel: ctx.locale === 'id' ? 'Jumlah pernyataan' : 'Statements',
    splitColors: stanceColors,
  });
}
