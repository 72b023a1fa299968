import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDataDir, useSurveyFixture } from '../../lib/fixtures/survey-fixture.ts';
import Count from './Count.astro';
import Stat from './Stat.astro';
import Change from './Change.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

afterEach(restoreDataDir);
const useFixture = useSurveyFixture;
/** The text a reader sees and hears, without tags. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('data components rendered', () => {
  it('print a median for the page locale, and follow a change in the data', async () => {
    useFixture();
    const props = {
      dataset: 'survei-pokmas',
      table: 'anggota',
      field: 'modal_diterima',
      where: { kelompok: 'A' },
    };
    const id = await container.renderToString(Stat, { props: { ...props, locale: 'id' } });
    expect(text(id)).toContain('Rp 750.000');
    useFixture({ modalA01: 1_500_000 });
    const changed = await container.renderToString(Stat, { props: { ...props, locale: 'en' } });
    expect(text(changed)).toContain('Rp 1,000,000');
  });

  it('mark synthetic numbers visibly and in words, and drop the mark for real data', async () => {
    useFixture();
    const html = await container.renderToString(Count, {
      props: { dataset: 'survei-pokmas', table: 'anggota', where: { kelompok: 'A' }, locale: 'en' },
    });
    expect(html).toContain('class="synthetic-mark"');
    expect(html).toContain('href="/en/tentang/#sintetis"');
    expect(text(html)).toBe('3† (synthetic number, not a finding of the study)');
    useFixture({ synthetic: false });
    const real = await container.renderToString(Count, {
      props: { dataset: 'survei-pokmas', table: 'anggota', where: { kelompok: 'A' }, locale: 'en' },
    });
    expect(real).not.toContain('synthetic-mark');
    expect(text(real)).toBe('3');
  });

  it('say in words why a small count is withheld', async () => {
    useFixture();
    const html = await container.renderToString(Count, {
      props: { dataset: 'survei-pokmas', table: 'anggota', where: { kelompok: 'B' }, locale: 'id' },
    });
    expect(text(html)).toContain('< 3 (ditahan: kurang dari 3 orang, untuk melindungi kerahasiaan)');
  });

  it('show the change of an indicator after a value changes', async () => {
    useFixture();
    const props = { group: 'A', indicator: 'pendapatan', show: 'relative', locale: 'en' };
    expect(text(await container.renderToString(Change, { props }))).toContain('+32%');
    useFixture({ incomeAfterA01: 500_000 });
    expect(text(await container.renderToString(Change, { props }))).toContain('+60%');
  });

  it('fail the render on a category the codebook does not have', async () => {
    useFixture();
    await expect(
      container.renderToString(Count, {
        props: { dataset: 'survei-pokmas', table: 'anggota', where: { kelompok: 'Z' }, locale: 'en' },
      }),
    ).rejects.toThrow(/"Z" is not a category of anggota\.kelompok/);
  });
});
