import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { ogSvg, showsSyntheticNumbers } from './og-images.ts';

const doc = (body: string) => parseHTML(`<html><body><main>${body}</main></body></html>`).document;

describe('preview cards', () => {
  test('a page showing synthetic numbers is recognised by its marks and notices, a page of real data is not', () => {
    expect(showsSyntheticNumbers(doc('<span class="bound-value synthetic">3</span>'))).toBe(true);
    expect(showsSyntheticNumbers(doc('<aside class="notice synthetic-notice"></aside>'))).toBe(true);
    expect(showsSyntheticNumbers(doc('<p class="notice fig-notice"></p>'))).toBe(true);
    expect(showsSyntheticNumbers(doc('<span class="bound-value">28.232</span>'))).toBe(false);
  });
  test('the card carries the label when given one, escaped, and nothing otherwise', () => {
    const labelled = ogSvg({
      title: 'Gambar 3',
      siteName: 'Situs',
      label: 'Data sintetis, bukan temuan studi',
    });
    expect(labelled).toContain('>Data sintetis, bukan temuan studi</text>');
    expect(ogSvg({ title: 'Gambar 3', siteName: 'Situs' })).not.toContain('sintetis');
  });
});
