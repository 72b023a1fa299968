/**
 * Reads a dataset's codebook into the model the rest of the build uses. The
 * format itself (what is required, what each property may hold, the
 * defaults) is the schema in src/lib/schema/codebook.ts; this module adds
 * what only the check knows: the folder the codebook sits in, the scan of
 * its published text for identifiers, and the codebook's file and line for
 * every problem.
 */
import { mask, type DataIssue } from '../errors.ts';
import { describeFinding, scanCell, type IdentifierKind } from './disclosure.ts';
import { codebook, toDatasetSpec, type DatasetSpec } from '../../../src/lib/schema/codebook.ts';
import { checkDocument, readDocument } from '../../../src/lib/schema/document.ts';

export type {
  CategorySpec,
  ChangelogEntry,
  Constraints,
  DatasetSpec,
  DisclosureRole as Role,
  FieldSpec,
  FieldType,
  ForeignKey,
  TableSpec,
} from '../../../src/lib/schema/codebook.ts';
export { NS, fieldTypes, roles } from '../../../src/lib/schema/codebook.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Properties whose text names the people and places behind the data by
 * design (contributors with their contact, sources, licences, file paths)
 * and are not scanned.
 */
const notScanned = new Set(['contributors', 'sources', 'licenses', 'path', '$schema', 'homepage', 'image']);

/** Scans every text of the codebook that describes the data for direct identifiers. */
function scanCodebookText(
  value: unknown,
  path: (string | number)[],
  report: (path: (string | number)[], kind: IdentifierKind, match: string) => void,
): void {
  if (typeof value === 'string') {
    const found = scanCell(value);
    if (found) report(path, found.kind, found.match);
  } else if (Array.isArray(value)) value.forEach((v, i) => scanCodebookText(v, [...path, i], report));
  else if (isObj(value))
    for (const [k, v] of Object.entries(value))
      if (!notScanned.has(k)) scanCodebookText(v, [...path, k], report);
}

/**
 * Parses codebook text into a dataset model, or returns the problems found
 * (each with the codebook file, line and column). `id` is the dataset folder name.
 */
export function readCodebook(
  text: string,
  file: string,
  id: string,
): { spec?: DatasetSpec; issues: DataIssue[] } {
  const doc = readDocument(text);
  if (doc.syntaxErrors.length)
    return {
      issues: doc.syntaxErrors.map((e) => ({
        file,
        line: e.line,
        column: e.column,
        rule: 'codebook',
        message: e.message,
        hint: 'The codebook must be valid YAML (or JSON).',
      })),
    };
  const d = doc.value;
  const issues: DataIssue[] = [];
  const problem = (path: (string | number)[], message: string, hint?: string) =>
    issues.push({
      file,
      ...doc.locate(path),
      rule: 'codebook',
      message: `${path.join('.') || '(top)'}: ${message}`,
      hint,
    });
  scanCodebookText(d, [], (path, kind, match) => {
    const found = describeFinding(kind);
    issues.push({
      file,
      ...doc.locate(path),
      rule: `disclosure:${kind}`,
      message: `${path.join('.')}: the text "${mask(match)}" ${found.message}`,
      hint: `The codebook is published with the data, so its titles, descriptions, questions and labels are checked like the cells. ${found.hint}`,
    });
  });
  // One name carries through: folder, codebook name, page URL and file names.
  const name = isObj(d) ? d.name : undefined;
  if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(id))
    problem(
      ['name'],
      `the folder name "${id}" cannot be a dataset id: use lower case letters and digits joined by "-" (e.g. survei-pokmas)`,
      'The id becomes the page address and the start of every file name: rename the folder and "name".',
    );
  else if (typeof name === 'string' && name !== id)
    problem(
      ['name'],
      `must equal the folder name "${id}"`,
      'One name carries through: folder, codebook name, page URL and file names.',
    );
  const checked = checkDocument(codebook, doc);
  for (const i of checked.issues) problem(i.path, i.message, i.hint);
  if (issues.length || !checked.data) return { issues };
  return { spec: toDatasetSpec(checked.data, d as Record<string, unknown>), issues };
}
