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
  /** 1-based column number in the CSV header order. */
  column?: number;
  /** The variable (column name) concerned. */
  variable?: string;
  /** Short rule id, e.g. `type`, `enum`, `header-missing`, `disclosure:nik`. */
  rule: string;
  message: string;
  hint?: string;
}

/** Collects issues; keeps the first `cap` in full and counts the rest. */
export class IssueLog {
  readonly cap: number;
  readonly issues: DataIssue[] = [];
  count = 0;
  constructor(cap = 200) {
    this.cap = cap;
  }
  add(issue: DataIssue): void {
    this.count++;
    if (this.issues.length < this.cap) this.issues.push(issue);
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

/** The whole report: every kept issue, then how many were left out. */
export function formatIssues(log: IssueLog): string {
  const lines = log.issues.map(formatIssue);
  if (log.count > log.issues.length)
    lines.push(`… and ${log.count - log.issues.length} more (${log.count} problems in all)`);
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
