/**
 * Reads a YAML document (or JSON, which YAML reads too) and checks it
 * against a schema, placing every problem at the line and column of the
 * node it concerns, so an author can go straight to it.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';

export type Path = (string | number)[];

/** Where a problem sits in the text: 1-based line and column. */
export interface Position {
  line?: number;
  column?: number;
}

/** One problem of a document: where, what, and what to change. */
export interface DocumentIssue extends Position {
  path: Path;
  message: string;
  hint?: string;
}

/** A parsed document: its value, its syntax errors, and the position of any path in it. */
export interface ParsedDocument {
  value: unknown;
  syntaxErrors: DocumentIssue[];
  /** The position of the node at `path`, or of its nearest parent when the node is absent. */
  locate(path: readonly PropertyKey[]): Position;
}

/** Parses YAML or JSON text, keeping each node's position. */
export function readDocument(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const syntaxErrors = doc.errors.map((e) => ({
    path: [],
    line: e.linePos?.[0].line,
    column: e.linePos?.[0].col,
    message: e.message.split('\n')[0]!,
  }));
  const locate = (path: readonly PropertyKey[]): Position => {
    for (let p = path.length; p >= 0; p--) {
      const node = doc.getIn(path.slice(0, p) as unknown[], true) as { range?: [number, number] } | undefined;
      if (node?.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return {};
  };
  return {
    value: syntaxErrors.length ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntaxErrors,
    locate,
  };
}

/**
 * Zod's own messages in the words the rest of the checks use; a schema's
 * specific message (its `error`) comes first.
 */
export const plainMessages: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return 'is required';
    const expected: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      array: 'a list',
      object: 'a mapping (key: value)',
    };
    return `must be ${expected[iss.expected] ?? iss.expected}`;
  }
  if (iss.code === 'too_small')
    return iss.origin === 'array'
      ? `must list at least ${String(iss.minimum)}`
      : `must be at least ${String(iss.minimum)}`;
  if (iss.code === 'too_big')
    return iss.origin === 'array'
      ? `must list at most ${String(iss.maximum)}`
      : `must be at most ${String(iss.maximum)}`;
  if (iss.code === 'invalid_value') return `must be one of ${iss.values.map(String).join(', ')}`;
  return undefined;
};

/**
 * Checks a parsed document against `schema`. Problems come in the order the
 * schema checks them (its properties in order, then the rules that relate
 * them), each with the hint its rule carries in `params.hint`.
 */
export function checkDocument<S extends z.ZodType>(
  schema: S,
  document: ParsedDocument,
): { data: z.output<S>; issues: [] } | { data?: undefined; issues: DocumentIssue[] } {
  const result = schema.safeParse(document.value, { error: plainMessages });
  if (result.success) return { data: result.data, issues: [] };
  return {
    issues: result.error.issues.map((i) => ({
      path: i.path as Path,
      ...document.locate(i.path),
      message: i.message,
      hint: (i as { params?: { hint?: string } }).params?.hint,
    })),
  };
}
