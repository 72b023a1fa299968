import { afterEach, describe, expect, it } from 'vitest';
import { restoreDataDir, useSurveyFixture } from './fixtures/survey-fixture.ts';
import { boundChange, boundCount, boundNumber, boundShare, boundStat, boundTheme } from './bound-values.ts';

afterEach(restoreDataDir);
const useFixture = useSurveyFixture;

describe('boundCount', () => {
  it('counts matching rows and formats per locale', () => {
    useFixture();
    const v = boundCount({
      dataset: 'survei-pokmas',
      table: 'anggota',
      where: { kelompok: 'A' },
      locale: 'id',
    });
    expect(v).toMatchObject({
      value: 3,
      text: '3',
      suppressed: false,
      synthetic: true,
      dataset: 'survei-pokmas',
    });
  });
  it('withholds a count of people under k', () => {
    useFixture();
    const v = boundCount({
      dataset: 'survei-pokmas',
      table: 'anggota',
      where: { kelompok: 'B' },
      locale: 'en',
    });
    expect(v).toMatchObject({ value: null, text: '<\u00a03', suppressed: true });
    expect(v.explanation).toMatch(/fewer than 3 people/);
  });
  it('shows zero, which points at nobody', () => {
    useFixture();
    expect(
      boundCount({
        dataset: 'survei-pokmas',
        table: 'anggota',
        where: { kelompok: 'B', status_angsuran: 'lancar' },
        locale: 'en',
      }).text,
    ).toBe('0');
  });
  it('follows the synthetic flag of the metadata', () => {
    useFixture({ synthetic: false });
    expect(boundCount({ dataset: 'survei-pokmas', table: 'anggota', locale: 'en' }).synthetic).toBe(false);
  });
  it('fails on an unknown variable or category, naming it', () => {
    useFixture();
    const misspelt = () =>
      // @ts-expect-error: the row type has no such column
      boundCount({ dataset: 'survei-pokmas', table: 'anggota', where: { kelompk: 'A' }, locale: 'en' });
    expect(misspelt).toThrow(
      /<Count dataset="survei-pokmas" table="anggota">: table survei-pokmas\/anggota has no variable "kelompk"/,
    );
    const unknownGroup = () =>
      // @ts-expect-error: 'C' is not a group code
      boundCount({ dataset: 'survei-pokmas', table: 'anggota', where: { kelompok: 'C' }, locale: 'en' });
    expect(unknownGroup).toThrow(/"C" is not a category of anggota\.kelompok \(categories: A, B\)/);
  });
});

describe('boundShare', () => {
  it('gives a percentage in the page language', () => {
    useFixture();
    const q = { dataset: 'survei-pokmas', table: 'anggota', of: { jenis_kelamin: 'P' } } as const;
    expect(boundShare({ ...q, locale: 'en' }).text).toBe('60%');
    const paying = { status_angsuran: ['lancar', 'tersendat'] } as const;
    expect(boundShare({ ...q, of: paying, locale: 'id' }).text).toBe('60%');
    expect(boundShare({ ...q, where: { kelompok: 'A' }, locale: 'id' }).text).toBe('—');
  });
  it('withholds a share resting on fewer than k people', () => {
    useFixture();
    const v = boundShare({
      dataset: 'survei-pokmas',
      table: 'anggota',
      where: { kelompok: 'A' },
      of: { status_angsuran: 'macet' },
      locale: 'en',
    });
    expect(v.suppressed).toBe(true);
  });
});

describe('boundStat', () => {
  it('formats a Rupiah median with the locale separators', () => {
    useFixture();
    const q = {
      dataset: 'survei-pokmas',
      table: 'anggota',
      field: 'modal_diterima',
      where: { kelompok: 'A' },
    } as const;
    expect(boundStat({ ...q, locale: 'id' }).text).toBe('Rp\u00a0750.000');
    expect(boundStat({ ...q, locale: 'en' }).text).toBe('Rp\u00a0750,000');
    expect(boundStat({ ...q, stat: 'mean', locale: 'en' }).text).toBe('Rp\u00a0750,000');
  });
  it('changes when a value in the data changes', () => {
    useFixture({ modalA01: 1_500_000 });
    const v = boundStat({
      dataset: 'survei-pokmas',
      table: 'anggota',
      field: 'modal_diterima',
      where: { kelompok: 'A' },
      locale: 'en',
    });
    expect(v.text).toBe('Rp\u00a01,000,000');
  });
});

describe('boundStat on no rows', () => {
  it('fails the build instead of printing nothing', () => {
    useFixture();
    const q = { dataset: 'survei-pokmas', table: 'anggota', field: 'modal_diterima', locale: 'en' } as const;
    expect(() => boundStat({ ...q, where: { id_anggota: 'Z99' } })).toThrow(
      /no rows match where=\{"id_anggota":"Z99"\}/,
    );
  });
});

describe('boundNumber', () => {
  it('formats a page-computed number and carries the flag', () => {
    useFixture();
    expect(boundNumber('survei-pokmas', 28232, 'id')).toMatchObject({ text: '28.232', synthetic: true });
    useFixture({ synthetic: false });
    expect(boundNumber('survei-pokmas', 28232, 'en')).toMatchObject({ text: '28,232', synthetic: false });
  });
});

describe('boundChange', () => {
  it('gives the medians before and after and the change between them', () => {
    useFixture();
    const q = { group: 'A', indicator: 'pendapatan', locale: 'en' } as const;
    expect(boundChange({ ...q, show: 'before' }).text).toBe('Rp\u00a0250,000');
    expect(boundChange({ ...q, show: 'after' }).text).toBe('Rp\u00a0330,000');
    expect(boundChange({ ...q, show: 'absolute' }).text).toBe('+Rp\u00a080,000');
    expect(boundChange({ ...q, show: 'relative' }).text).toBe('+32%');
  });
  it('withholds a group of fewer than k members', () => {
    useFixture();
    expect(boundChange({ group: 'B', indicator: 'pendapatan', show: 'after', locale: 'id' }).suppressed).toBe(
      true,
    );
  });
  it('fails on an unknown indicator', () => {
    useFixture();
    // @ts-expect-error: not an indicator of the codebook
    expect(() => boundChange({ group: 'A', indicator: 'gaji', show: 'after', locale: 'id' })).toThrow(
      /"gaji" is not a category of kondisi\.indikator/,
    );
  });
});

describe('boundTheme', () => {
  it("gives the share of a group's passages on a theme with a stance", () => {
    useFixture();
    expect(boundTheme({ group: 'A', theme: 'kepercayaan', stance: 'positif', locale: 'en' }).text).toBe(
      '100%',
    );
    useFixture({ trustingA: 0 });
    expect(
      boundTheme({ group: 'A', theme: 'kepercayaan', stance: ['negatif', 'netral'], locale: 'en' }).text,
    ).toBe('100%');
  });
  it('withholds a share resting on fewer than k passages', () => {
    useFixture({ trustingA: 2 });
    expect(boundTheme({ group: 'A', theme: 'kepercayaan', stance: 'positif', locale: 'en' }).suppressed).toBe(
      true,
    );
  });
});
