import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { changelogAtom } from './feed.ts';
import type { ChangelogEntry } from './changelog.ts';

const ctx = {
  locale: 'en' as const,
  title: 'Site: Changelog',
  feedUrl: 'https://example.org/en/feed.xml',
  pageUrl: 'https://example.org/en/tentang/',
  author: 'Site',
  datasetUrl: (d: string, v: string) => `https://example.org/en/data/${d}/${v}/`,
};
const entries: ChangelogEntry[] = [
  { date: '2026-11-20', title: { id: 'a', en: 'Older' }, text: { id: 'a', en: 'Older text' } },
  {
    date: '2026-11-27',
    title: { id: 'b', en: '<script>alert(1)</script> & "quoted"' },
    text: { id: 'b', en: 'New version' },
    dataset: 'survei-pokmas',
    version: '1.1.0',
  },
];

describe('changelog Atom feed', () => {
  const xml = changelogAtom(entries, ctx);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');

  it('is well-formed Atom with the newest entry first and updated at its date', () => {
    const feed = doc.querySelector('feed')!;
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(doc.querySelector('feed > updated')!.textContent).toBe('2026-11-27T00:00:00Z');
    const titles = [...doc.querySelectorAll('entry > title')].map((t) => t.textContent);
    expect(titles).toEqual(['<script>alert(1)</script> & "quoted"', 'Older']);
    const ids = [...doc.querySelectorAll('entry > id')].map((t) => t.textContent);
    expect(new Set(ids).size).toBe(2);
  });

  it('links an entry about a dataset version to that version page, others to the changelog page', () => {
    const links = [...doc.querySelectorAll('entry > link')].map((l) => l.getAttribute('href'));
    expect(links).toEqual(['https://example.org/en/data/survei-pokmas/1.1.0/', ctx.pageUrl]);
  });

  it('escapes markup from the changelog', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
  });
});
