/**
 * The one shape of every problem the data build reports, and the collector
 * that keeps all of them (up to a cap, with a total count) instead of
 * stopping at the first.
 */

export interface DataIssue {
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line in the file (a quoted cell may span lines: the line where its row starts). */
  line?: number;
  /** 1-based column: in the CSV header order for a data file, in the line for the codebook. */
  column?: number;
  /** The variable (column name) concerned. */
  variable?: string;
  /** Short rule id, e.g. `type`, `enum`, `header-missing`, `disclosure:nik`. */
  rule: string;
  message: string;
  hint?: string;
}

/** Problems of one kind (the same rule in the same column of the same file) kept in full; the rest are counted. */
export const KEPT_PER_KIND = 5;

/** One kind of problem: its first issue, how many there are and the line of the last. */
export interface IssueKind {
  first: DataIssue;
  count: number;
  lastLine?: number;
}

const kindOf = (i: DataIssue) => `${i.file}\u001f${i.rule}\u001f${i.variable ?? ''}\u001f${i.column ?? ''}`;

/**
 * Collects issues; keeps the first `cap` in full and counts the rest. Of one
 * kind (a wrong setting in the codebook repeats on every row) it keeps the
 * first KEPT_PER_KIND, so one kind cannot hide the others.
 */
export class IssueLog {
  readonly cap: number;
  readonly issues: DataIssue[] = [];
  readonly kinds = new Map<string, IssueKind>();
  count = 0;
  constructor(cap = 200) {
    this.cap = cap;
  }
  add(issue: DataIssue): void {
    this.count++;
    const key = kindOf(issue);
    let kind = this.kinds.get(key);
    if (!kind) this.kinds.set(key, (kind = { first: issue, count: 0 }));
    kind.count++;
    kind.lastLine = issue.line;
    if (this.issues.length < this.cap && kind.count <= KEPT_PER_KIND) this.issues.push(issue);
  }
  get ok(): boolean {
    return this.count === 0;
  }
}

/** `file:line:column [rule] variable: message (hint)` — one issue on one line, editor-clickable. */
export function formatIssue(i: DataIssue): string {
  const where = [i.file, i.line, i.line !== undefined ? i.column : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  const col = i.column !== undefined && i.line === undefined ? ` column ${i.column}` : '';
  const variable = i.variable !== undefined ? ` ${i.variable}:` : '';
  return `${where}${col} [${i.rule}]${variable} ${i.message}${i.hint ? `\n    hint: ${i.hint}` : ''}`;
}

/**
 * The whole report: every kept issue; for a kind with more than were kept,
 * one line with how many more and the line of the last; then the total.
 */
export function formatIssues(log: IssueLog): string {
  const lines = log.issues.map(formatIssue);
  const keptOf = new Map<string, number>();
  for (const i of log.issues) keptOf.set(kindOf(i), (keptOf.get(kindOf(i)) ?? 0) + 1);
  let listed = 0;
  for (const [key, kind] of log.kinds) {
    const kept = keptOf.get(key) ?? 0;
    if (kept === 0) continue;
    listed += kind.count;
    const { file, rule, variable } = kind.first;
    if (kind.count > kept)
      lines.push(
        `${file} [${rule}]${variable !== undefined ? ` ${variable}` : ''}: ${kind.count - kept} more like the above${kind.lastLine !== undefined ? `, the last on line ${kind.lastLine}` : ''}`,
      );
  }
  if (log.count > listed) lines.push(`… and ${log.count - listed} more (${log.count} problems in all)`);
  else lines.push(`${log.count} problem${log.count === 1 ? '' : 's'} found`);
  return lines.join('\n');
}

/**
 * Masks a suspected identifier so a report never repeats it in full:
 * keeps the first two and last two characters (`3171••••••••0001` -> `31••••••••••••01`).
 */
export function mask(value: string): string {
  const chars = [...value];
  if (chars.length <= 4) return '•'.repeat(chars.length);
  const keep = chars.length >= 8 ? 2 : 1;
  return chars.slice(0, keep).join('') + '•'.repeat(chars.length - 2 * keep) + chars.slice(-keep).join('');
}
