import { describe, expect, it } from 'vitest';
import { loadChangelog, parseChangelog } from './changelog.ts';

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
