import { describe, expect, it } from 'vitest';
import { readSearchState, searchStateQuery, splitExcerpt } from './search-query.ts';

describe('readSearchState', () => {
  const kinds = ['studi', 'kasus', 'grafik', 'data'];
  it('reads and trims the query and keeps a known kind', () => {
    expect(readSearchState('?q=+modal%20usaha+&kind=kasus', kinds)).toEqual({
      q: 'modal usaha',
      kind: 'kasus',
    });
  });
  it('drops a kind that is not one of the page language', () => {
    expect(readSearchState('?q=loan&kind=case', kinds)).toEqual({ q: 'loan', kind: '' });
  });
  it('gives an empty state for an empty query string', () => {
    expect(readSearchState('', kinds)).toEqual({ q: '', kind: '' });
  });
});

describe('searchStateQuery', () => {
  it('round-trips through readSearchState', () => {
    const state = { q: 'pinjaman & modal', kind: 'data' };
    expect(readSearchState(searchStateQuery(state), ['data'])).toEqual(state);
  });
  it('omits empty fields', () => {
    expect(searchStateQuery({ q: '', kind: '' })).toBe('');
    expect(searchStateQuery({ q: 'kelompok', kind: '' })).toBe('?q=kelompok');
  });
});

describe('splitExcerpt', () => {
  it('separates marked words and decodes entities', () => {
    expect(splitExcerpt('modal &amp; <mark>usaha</mark> kecil &lt;b&gt;')).toEqual([
      { text: 'modal & ', mark: false },
      { text: 'usaha', mark: true },
      { text: ' kecil <b>', mark: false },
    ]);
  });
  it('keeps unknown markup as literal text', () => {
    expect(splitExcerpt('<img src=x onerror=alert(1)> <mark>a</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'a', mark: true },
    ]);
  });
  it('decodes numeric references', () => {
    expect(splitExcerpt('&#39;x&#x27;')).toEqual([{ text: "'x'", mark: false }]);
  });
});
