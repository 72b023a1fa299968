import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, tocHeadings } from './reading.ts';

describe('countWords', () => {
  it('counts prose words and skips frontmatter, imports and tags', () => {
    const src = `---\ntitle: Judul\n---\nimport X from './x';\n\n## Dua kata\n\nSatu <Count table="anggota" /> tiga, [empat](/a/).`;
    expect(countWords(src)).toBe(5);
  });
  it('keeps numbers written with Indonesian separators as one word', () => {
    expect(countWords('Rp 20.000.000 per tahun')).toBe(4);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes and never returns zero', () => {
    expect(readingMinutes('kata')).toBe(1);
    expect(readingMinutes(Array(500).fill('kata').join(' '))).toBe(3);
    expect(readingMinutes(Array(500).fill('kata').join(' '), 100)).toBe(5);
  });
});

describe('tocHeadings', () => {
  it('keeps levels 2 and 3 in order', () => {
    const h = [
      { depth: 1, slug: 'a', text: 'A' },
      { depth: 2, slug: 'b', text: 'B' },
      { depth: 4, slug: 'c', text: 'C' },
      { depth: 3, slug: 'd', text: 'D' },
    ];
    expect(tocHeadings(h).map((x) => x.slug)).toEqual(['b', 'd']);
  });
});
