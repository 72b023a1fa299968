/** Takeaways and tables from the fixtures, checked against values worked out by hand. */
import { describe, expect, test } from 'vitest';
import * as f from './fixtures.ts';
import type { JenisUsaha } from './rows.ts';
import { businessTypesData, businessTypesTakeaway } from './business-types.ts';
import { groupActivityData, groupActivityTable, groupActivityTakeaway } from './group-activity.ts';
import { householdChangeData, householdChangeTable, householdChangeTakeaway } from './household-change.ts';
import { interviewThemesData, interviewThemesTakeaway } from './interview-themes.ts';
import { pasebanContextData, pasebanContextTakeaway, titleCase } from './paseban-context.ts';
import { repaymentStatusData, repaymentStatusTable, repaymentStatusTakeaway } from './repayment-status.ts';
import { formatCompact, formatNumber } from './format.ts';
import { formatAbsoluteChange, formatValue } from '../lib/stats.ts';
import { cellText, cellValue } from './common.ts';
import { renderSvg } from './render.ts';
import { repaymentStatus } from './repayment-status.ts';

describe('household change', () => {
  const income = householdChangeData(f.kondisi, f.anggota, f.groups, f.pendapatan, f.periodLabels, f.kNone);

  test('medians leave missing values out of the median and of n', () => {
    // A before: 400, 500, 600, 700 -> 550,000; B after: 400, 500, 550 -> 500,000 (B03 missing).
    expect(income.map((p) => [p._group, p._periode, p.median, p.n])).toEqual([
      ['A', 'sebelum', 550_000, 4],
      ['A', 'sesudah', 850_000, 4],
      ['B', 'sebelum', 525_000, 4],
      ['B', 'sesudah', 500_000, 3],
    ]);
  });

  test('takeaway in both languages', () => {
    expect(householdChangeTakeaway(income, f.groups, f.pendapatan, 'id')).toBe(
      'Median pendapatan: Pokmas A naik dari Rp\u00a0550.000 menjadi Rp\u00a0850.000 (+55%); Pokmas B turun dari Rp\u00a0525.000 menjadi Rp\u00a0500.000 (\u22125%).',
    );
    expect(householdChangeTakeaway(income, f.groups, f.pendapatan, 'en')).toBe(
      'Median income: Group A rose from Rp\u00a0550,000 to Rp\u00a0850,000 (+55%); Group B fell from Rp\u00a0525,000 to Rp\u00a0500,000 (\u22125%).',
    );
    const assets = householdChangeData(f.kondisi, f.anggota, f.groups, f.jumlahAset, f.periodLabels, f.kNone);
    expect(householdChangeTakeaway(assets, f.groups, f.jumlahAset, 'en')).toBe(
      'Median assets: Group A rose from 2 to 4 (+100%); Group B stayed at 2.',
    );
  });

  test('table columns name the indicator and its unit', () => {
    const table = householdChangeTable(income, f.pendapatan);
    expect(table.columns.map((c) => c.label.en)).toEqual([
      'Group',
      'Period',
      'Median income (Rupiah per month)',
      'Members (n)',
    ]);
    expect(table.rows).toHaveLength(4);
  });
});

describe('repayment status', () => {
  const points = repaymentStatusData(f.anggota, f.groups, f.statusLabels, f.kNone);
  test('counts every status per group, zeros included, missing left out', () => {
    expect(
      points.map((p) => `${p._group}:${p._category}=${p.jumlah}/${Math.round(100 * (p.persen as number))}`),
    ).toEqual([
      'A:lancar=3/75',
      'A:tersendat=1/25',
      'A:macet=0/0',
      'B:lancar=0/0',
      'B:tersendat=1/33',
      'B:macet=2/67',
    ]);
    expect(repaymentStatusTable(points).columns.map((c) => c.key)).toEqual([
      'kelompok',
      'kategori',
      'jumlah',
      'persen',
    ]);
  });
  test('takeaway', () => {
    expect(repaymentStatusTakeaway(points, f.groups, f.statusLabels, 'id')).toBe(
      'Angsuran berstatus lancar: 3 dari 4 anggota Pokmas A (75%) dan 0 dari 3 anggota Pokmas B (0%).',
    );
  });
});

describe('business types', () => {
  test('names the most common type, every one of them when tied', () => {
    const points = businessTypesData(f.anggota, f.groups, f.usahaLabels, f.kNone);
    expect(businessTypesTakeaway(points, f.groups, 'en')).toBe(
      'Most common type of business: small shop in Group A (2 of 4 members, 50%) and food trading in Group B (2 of 3 members, 67%).',
    );
    const tied = businessTypesData(
      f.anggota.filter((a) => a.id_anggota !== 'A02'),
      f.groups,
      f.usahaLabels,
      f.kNone,
    );
    expect(businessTypesTakeaway(tied, f.groups, 'en')).toContain(
      'small shop, services and food trading in Group A (1 of 3 members each, 33%)',
    );
  });
  test('a business type outside the codebook is an error', () => {
    expect(() =>
      businessTypesData(
        [{ ...f.anggota[0]!, jenis_usaha: 'ojek' as JenisUsaha }],
        f.groups,
        f.usahaLabels,
        f.kNone,
      ),
    ).toThrow(/"ojek"/);
  });
});

describe('interview themes', () => {
  test('share of positive statements per group', () => {
    const points = interviewThemesData(
      f.wawancara,
      f.anggota,
      f.groups,
      f.temaLabels,
      f.sikapLabels,
      f.kNone,
    );
    expect(points).toHaveLength(2 * 5 * 3);
    expect(interviewThemesTakeaway(points, f.groups, f.sikapLabels, 'id')).toBe(
      'Pernyataan bersikap positif: 75% di Pokmas A (3 dari 4) dan 0% di Pokmas B (0 dari 4).',
    );
  });
});

describe('group activity', () => {
  test('sums money over the months, averages rates over months with a value', () => {
    const money = f.instalments;
    const rate = f.attendance;
    // A: 6 * 400,000 + 10,000 * (1 + ... + 6) = 2,610,000; B: 6 * 300,000 - 40,000 * 21 = 960,000.
    expect(groupActivityTakeaway(groupActivityData(f.kegiatan, f.groups, money), f.groups, money, 'en')).toBe(
      'Over 6 months, total instalments collected: Group A Rp\u00a02,610,000 and Group B Rp\u00a0960,000.',
    );
    // A: 80 + mean(1..6) = 83.5; B: months 1-3 only: 65, 60, 55 -> 60.
    const attendance = groupActivityData(f.kegiatan, f.groups, rate);
    expect(groupActivityTakeaway(attendance, f.groups, rate, 'id')).toBe(
      'Rata-rata kehadiran per bulan selama 6 bulan: Pokmas A 83,5\u00a0% dan Pokmas B 60\u00a0%.',
    );
    expect(groupActivityTable(attendance, rate).rows).toHaveLength(6 + 3);
  });
});

describe('Paseban context', () => {
  test('ranks Paseban among the kelurahan of Senen', () => {
    const points = pasebanContextData(f.penduduk, 'Senen');
    expect(pasebanContextTakeaway(points, 'Paseban', 2014, 'en')).toBe(
      'In 2014, Paseban had 28,232 residents (14,361 male, 13,871 female), the 2nd largest of 3 kelurahan.',
    );
    expect(pasebanContextTakeaway(points, 'Paseban', 2014, 'id')).toBe(
      'Pada 2014, Paseban berpenduduk 28.232 jiwa (14.361 laki-laki, 13.871 perempuan), terbesar ke-2 dari 3 kelurahan.',
    );
    expect(() => pasebanContextData(f.penduduk, 'Gambir')).toThrow(/Gambir/);
  });
  test('title case of delivered names', () => {
    expect(titleCase('KEP. SERIBU UTR ')).toBe('Kep. Seribu Utr');
    expect(titleCase('PASEBAN')).toBe('Paseban');
  });
});

describe('number formats', () => {
  test('Indonesian and English', () => {
    expect(formatNumber(1234.56, 'id', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(1_234_567, 'id', -3)).toBe('1.235.000');
    expect(formatCompact(1_250_000, 'id')).toBe('1,3\u00a0jt');
    expect(formatCompact(1_250_000, 'en')).toBe('1.3m');
    expect(formatAbsoluteChange(-3, undefined, 'en')).toBe('\u22123');
    expect(formatAbsoluteChange(110_000, { id: 'Rupiah', en: 'Rupiah' }, 'id')).toBe('+Rp\u00a0110.000');
    expect(formatValue(1500, { id: 'Rupiah', en: 'Rupiah' }, 'en')).toBe('Rp\u00a01,500');
  });
});

describe('disclosure rule in figures', () => {
  const k = 3;
  const points = repaymentStatusData(f.anggota, f.groups, f.statusLabels, k);
  const table = repaymentStatusTable(points);

  test('a count under k and its share are withheld in the table, the CSV cells and the bars', () => {
    const count = table.columns.find((c) => c.key === 'jumlah')!;
    const share = table.columns.find((c) => c.key === 'persen')!;
    const cells = points.map(
      (p) =>
        `${p._group}:${p._category}=${cellText(p.jumlah, count, 'en')}/${cellText(p.persen, share, 'en')}`,
    );
    expect(cells).toEqual([
      'A:lancar=3/75%',
      'A:tersendat=<\u00a03/—',
      'A:macet=0/0%',
      'B:lancar=0/0%',
      'B:tersendat=<\u00a03/—',
      'B:macet=<\u00a03/—',
    ]);
    expect(points.map((p) => cellValue(p.jumlah, count, 'en'))).toEqual([
      3,
      '<\u00a03',
      0,
      0,
      '<\u00a03',
      '<\u00a03',
    ]);
    const svg = renderSvg(repaymentStatus(points, f.groups, f.statusLabels, { locale: 'en', width: 640 }), {
      idPrefix: 't',
      table,
      locale: 'en',
    });
    // No bar is drawn for a withheld count (its length would give the count away), and no label names it.
    expect(svg).not.toMatch(/>[12] \(/);
    expect(svg).not.toMatch(/Count: [12]\b/);
  });

  test('takeaways withhold the same counts and shares', () => {
    expect(repaymentStatusTakeaway(points, f.groups, f.statusLabels, 'en')).toBe(
      'Repayments with status “on time”: 3 of 4 members of Group A (75%) and 0 of 3 members of Group B (0%).',
    );
    const themes = interviewThemesData(f.wawancara, f.anggota, f.groups, f.temaLabels, f.sikapLabels, k);
    expect(interviewThemesTakeaway(themes, f.groups, f.sikapLabels, 'en')).toBe(
      'Statements with a positive stance: 75% in Group A (3 of 4) and 0% in Group B (0 of 4).',
    );
  });

  test('a median of fewer than k members is withheld, n shown as under k', () => {
    const few = householdChangeData(
      f.kondisi,
      f.anggota.slice(0, 6),
      f.groups,
      f.pendapatan,
      f.periodLabels,
      k,
    );
    const b = few.filter((p) => p._group === 'B');
    expect(b.map((p) => [p.median, p.n])).toEqual([
      [
        { withheld: 'value', k },
        { withheld: 'count', k },
      ],
      [
        { withheld: 'value', k },
        { withheld: 'count', k },
      ],
    ]);
    expect(householdChangeTakeaway(few, f.groups, f.pendapatan, 'en')).toBe(
      'Median income: Group A rose from Rp\u00a0550,000 to Rp\u00a0850,000 (+55%); Group B —.',
    );
  });

  test('the change is computed from the unrounded medians', () => {
    const rows = f.kondisi.map((r) =>
      r.indikator === 'pendapatan' && r.id_anggota === 'A01' && r.periode === 'sebelum'
        ? { ...r, nilai: 500_001 }
        : r,
    );
    // A before: 400,000, 500,000, 500,001, 700,000 -> median 500,000.5, shown once, rounded: Rp 500,001.
    const points = householdChangeData(rows, f.anggota, f.groups, f.pendapatan, f.periodLabels, k);
    expect(points[0]!.median).toBe(500_000.5);
    expect(householdChangeTakeaway(points, f.groups, f.pendapatan, 'en')).toMatch(
      /^Median income: Group A rose from Rp\u00a0500,001 to Rp\u00a0850,000 \(\+70%\)/,
    );
  });
});
