import { describe, expect, test } from 'vitest';
import { chartFontSize, contrast, resolveVars, themeTokens } from './theme.ts';

describe('chart palette in src/styles/tokens.css', () => {
  const { light, dark } = themeTokens();
  const slots = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5'];

  test.each(slots)('%s has graphical contrast >= 3:1 against the background in both themes', (slot) => {
    expect(contrast(light[slot]!, light['--color-bg']!)).toBeGreaterThanOrEqual(3);
    expect(contrast(dark[slot]!, dark['--color-bg']!)).toBeGreaterThanOrEqual(3);
  });

  test('the dark theme overrides every chart colour', () => {
    for (const slot of slots) expect(dark[slot]).not.toBe(light[slot]);
  });

  test('the chart font size is at least 12 px (legible on mobile)', () => {
    expect(chartFontSize()).toBeGreaterThanOrEqual(12);
  });
});

describe('theme helpers', () => {
  test('contrast follows WCAG (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  test('resolveVars names the missing token', () => {
    expect(resolveVars('fill="var(--a)"', { '--a': '#fff' })).toBe('fill="#fff"');
    expect(() => resolveVars('var(--nope)', {})).toThrow(/--nope/);
  });

  test('chartFontSize rejects a size not in px', () => {
    expect(() => chartFontSize({ '--chart-font-size': '1rem' })).toThrow(/--chart-font-size/);
  });
});
