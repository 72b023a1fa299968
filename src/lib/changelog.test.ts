import { describe, expect, it } from 'vitest';
import { loadChangelog, parseChangelog, publicationRelease } from './changelog.ts';

const entry = (date: string) =>
  `- date: '${date}'\n  title: { id: Judul, en: Title }\n  text: { id: Teks, en: Text }\n`;

describe('parseChangelog', () => {
  it('reads entries and sorts them newest first', () => {
    const list = parseChangelog(entry('2026-01-02') + entry('2026-03-04'));
    expect(list.map((e) => e.date)).toEqual(['2026-03-04', '2026-01-02']);
    expect(list[0]!.title.en).toBe('Title');
  });
  it('names file, line and field of an entry with a bad date', () => {
    expect(() => parseChangelog(entry('2026-01-02') + entry('2 March'), 'log.yaml')).toThrow(
      /^log\.yaml:4: entry 2, field "date": date must be written YYYY-MM-DD/,
    );
  });
  it('names line and column of a YAML syntax error', () => {
    expect(() => parseChangelog("- date: '2026-01-02'\n  title: [unclosed\n", 'log.yaml')).toThrow(
      /^log\.yaml:\d+:\d+: YAML syntax/,
    );
  });
  it('requires both languages', () => {
    expect(() =>
      parseChangelog(`- date: '2026-01-02'\n  title: { id: Judul }\n  text: { id: T, en: T }\n`),
    ).toThrow(/field "title.en"/);
  });
  it('parses the project changelog', () => {
    expect(loadChangelog().length).toBeGreaterThan(0);
  });
});

describe('publicationRelease', () => {
  const datasetEntry = (date: string) =>
    `- date: '${date}'\n  dataset: survei-pokmas\n  version: 1.1.0\n  title: { id: J, en: T }\n  text: { id: T, en: T }\n`;
  it('is the newest entry about the site as a whole, not a newer dataset release', () => {
    const list = parseChangelog(entry('2026-01-02') + entry('2026-03-04') + datasetEntry('2026-05-06'));
    expect(publicationRelease(list)).toBe('2026-03-04');
  });
  it('fails, naming the file, when only datasets have entries', () => {
    expect(() => publicationRelease(parseChangelog(datasetEntry('2026-05-06')))).toThrow(
      /content\/changelog\.yaml: no entry about the site as a whole/,
    );
  });
});
