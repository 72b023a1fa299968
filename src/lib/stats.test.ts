import { describe, expect, it } from 'vitest';
import {
  change,
  disclosedCount,
  disclosedValue,
  formatRelativeChange,
  formatValue,
  labelled,
  median,
  medianOfSorted,
  statistic,
  withheldMark,
} from './stats.ts';

const rupiah = { id: 'Rupiah per bulan', en: 'Rupiah per month' };

describe('median', () => {
  it('is the middle value, or the mean of the middle two, of unsorted values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40_000, 15_000, 25_000, 30_000])).toBe(27_500);
    expect(median([])).toBeNull();
    expect(medianOfSorted(new Float64Array([1, 2, 3, 10]))).toBe(2.5);
  });
});

describe('change', () => {
  it('is computed from unrounded values and rounded once, where shown', () => {
    // 27,500 -> 137,500 is +400%; from values rounded first to the thousand (28,000 -> 138,000) it would read +393%.
    const c = change(27_500, 137_500);
    expect(formatRelativeChange(c.relative!, 'id')).toBe('+400%');
    expect(formatValue(c.before, rupiah, 'id')).toBe('Rp\u00a027.500');
    expect(formatRelativeChange(change(40_000, 29_200).relative!, 'en')).toBe('\u221227%');
    expect(formatRelativeChange(change(10, 10.01).relative!, 'en')).toBe('0%');
  });
  it('one precision per unit: whole Rupiah, one decimal otherwise, percent marked', () => {
    expect(formatValue(437_500, rupiah, 'id')).toBe('Rp\u00a0437.500');
    expect(formatValue(2.25, undefined, 'en')).toBe('2.3');
    expect(formatValue(83.46, { id: 'persen', en: 'percent' }, 'id')).toBe('83,5\u00a0%');
    expect(statistic([1, 2, 4], 'mean')).toBeCloseTo(7 / 3);
  });
});

describe('disclosure', () => {
  it('withholds counts and values resting on 0 < n < k, with the one mark', () => {
    expect(disclosedCount(2, 3)).toEqual({ withheld: 'count', k: 3 });
    expect(disclosedCount(0, 3)).toBe(0);
    expect(disclosedCount(3, 3)).toBe(3);
    expect(disclosedValue(1.5, 2, 5)).toEqual({ withheld: 'value', k: 5 });
    expect(disclosedValue(1.5, 5, 5)).toBe(1.5);
    expect(withheldMark('count', 3, 'en')).toBe('<\u00a03');
    expect(withheldMark('value', 3, 'id')).toBe('—');
  });
});

describe('labelled', () => {
  it('prefixes text about synthetic numbers with the label, and only those', () => {
    expect(labelled('Median: Rp 1', { synthetic: true }, 'id')).toBe(
      'Data sintetis, bukan temuan studi: Median: Rp 1',
    );
    expect(labelled('28.232 jiwa', { synthetic: false }, 'id')).toBe('28.232 jiwa');
  });
});
