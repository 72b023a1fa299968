/**
 * The changelog of the site and its data, kept in one file
 * (`content/changelog.yaml`) for the About page and the feed.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'astro/zod';

const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) });

export const changelogEntry = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be written YYYY-MM-DD (in quotes)'),
  title: bilingual,
  text: bilingual,
  dataset: z.string().optional(),
  version: z.string().optional(),
});
export type ChangelogEntry = z.output<typeof changelogEntry>;

export const CHANGELOG_FILE = 'content/changelog.yaml';

/**
 * Parses the changelog, newest first. Errors name the file, line and column
 * (YAML syntax) or the entry and field (content).
 */
export function parseChangelog(source: string, file = CHANGELOG_FILE): ChangelogEntry[] {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [0, 0];
    throw new Error(`${file}:${line}:${col}: YAML syntax: ${e.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  const list = z.array(z.unknown()).safeParse(data);
  if (!list.success) throw new Error(`${file}: the file must be a list of entries`);
  const entries = list.data.map((raw, index) => {
    const parsed = changelogEntry.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const node = (doc.contents as { items?: { range?: [number, number] }[] })?.items?.[index];
      const line = node?.range ? source.slice(0, node.range[0]).split('\n').length : 0;
      throw new Error(
        `${file}:${line}: entry ${index + 1}, field "${issue.path.join('.')}": ${issue.message}`,
      );
    }
    return parsed.data;
  });
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

/** The project's changelog, read from disk at build time. */
export function loadChangelog(path = CHANGELOG_FILE): ChangelogEntry[] {
  return parseChangelog(readFileSync(path, 'utf8'), path);
}

/**
 * The release date of the publication as it stands: the newest entry about the
 * site as a whole (one without `dataset`). Pages, figures and the site's own
 * citation (CITATION.cff `date-released`) carry this date; a dataset version
 * carries the date of its own entry.
 */
export function publicationRelease(entries: ChangelogEntry[] = loadChangelog()): string {
  const entry = entries.find((e) => e.dataset === undefined);
  if (!entry)
    throw new Error(`${CHANGELOG_FILE}: no entry about the site as a whole (one without "dataset")`);
  return entry.date;
}
