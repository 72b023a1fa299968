import { describe, expect, it } from 'vitest';
import { change, filterRows, mean, median, numbersOf, share, statistic, sum } from './bind.ts';

interface Member {
  id: string;
  kelompok: 'A' | 'B';
  status: 'lancar' | 'macet';
  modal: number | null;
}
const rows: Member[] = [
  { id: 'A01', kelompok: 'A', status: 'lancar', modal: 500_000 },
  { id: 'A02', kelompok: 'A', status: 'lancar', modal: 750_000 },
  { id: 'A03', kelompok: 'A', status: 'macet', modal: null },
  { id: 'B01', kelompok: 'B', status: 'macet', modal: 1_000_000 },
];

describe('filterRows', () => {
  it('keeps rows equal to every condition', () => {
    expect(filterRows(rows, { kelompok: 'A', status: 'lancar' }).map((r) => r.id)).toEqual(['A01', 'A02']);
  });
  it('accepts a list of allowed values', () => {
    expect(filterRows(rows, { status: ['macet'], kelompok: ['A', 'B'] }).map((r) => r.id)).toEqual([
      'A03',
      'B01',
    ]);
  });
  it('returns every row without conditions', () => {
    expect(filterRows(rows)).toHaveLength(4);
  });
});

describe('statistics', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('mean and sum', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(sum([1, 2, 6])).toBe(9);
  });
  it('skips missing values when collecting a column', () => {
    expect(numbersOf(rows, 'modal')).toEqual([500_000, 750_000, 1_000_000]);
    expect(statistic(numbersOf(filterRows(rows, { kelompok: 'A' }), 'modal'), 'median')).toBe(625_000);
    expect(statistic([2, 9, 4], 'max')).toBe(9);
    expect(statistic([2, 9, 4], 'min')).toBe(2);
    expect(statistic([], 'sum')).toBeNull();
  });
});

describe('share', () => {
  it('divides the matching rows by the base', () => {
    expect(share(rows, { status: 'lancar' }, { kelompok: 'A' })).toEqual({
      numerator: 2,
      denominator: 3,
      share: 2 / 3,
    });
  });
  it('has no share for an empty base', () => {
    expect(share(rows, { status: 'lancar' }, { kelompok: 'B', status: 'lancar' }).share).toBeNull();
  });
});

describe('change', () => {
  it('gives absolute and relative change', () => {
    expect(change(200, 250)).toEqual({ before: 200, after: 250, absolute: 50, relative: 0.25 });
    expect(change(0, 5).relative).toBeNull();
    expect(change(4, 3).absolute).toBe(-1);
  });
});
