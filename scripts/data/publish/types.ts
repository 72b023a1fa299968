/**
 * Generates the TypeScript row types of every dataset from the codebooks,
 * so a page naming a variable or category that does not exist fails
 * `astro check`.
 */
import type { DatasetSpec, FieldSpec } from '../check/codebook.ts';

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function tsType(f: FieldSpec): string {
  let t: string;
  if (f.categories && (f.type === 'string' || f.type === 'date'))
    t = f.categories.map((c) => JSON.stringify(c.value)).join(' | ');
  else if (f.type === 'integer' || f.type === 'number' || f.type === 'year') t = 'number';
  else if (f.type === 'boolean') t = 'boolean';
  else t = 'string';
  return f.constraints.required ? t : `${t} | null`;
}

/** The source text of `src/generated/datasets.ts`. */
export function generateTypes(specs: DatasetSpec[]): string {
  const out: string[] = [
    '// Row types of the published datasets, written by `npm run data` from the codebooks in data/*/.',
    '// Do not edit: change the codebook and run `npm run data` again.',
    '',
  ];
  for (const spec of specs) {
    for (const t of spec.tables) {
      out.push(`/** ${spec.id} / ${t.name}: ${t.label.en.replace(/\*\//g, '*\\/')} */`);
      out.push(`export interface ${pascal(spec.id)}${pascal(t.name)} {`);
      for (const f of t.fields) {
        out.push(`  /** ${f.label.en.replace(/\*\//g, '*\\/')}${f.unit ? ` (${f.unit.en})` : ''} */`);
        out.push(`  ${key(f.name)}: ${tsType(f)};`);
      }
      out.push('}', '');
    }
  }
  out.push('/** Every dataset id and, per dataset, its tables with their row types. */');
  out.push('export interface DatasetTables {');
  for (const spec of specs) {
    out.push(`  ${JSON.stringify(spec.id)}: {`);
    for (const t of spec.tables)
      out.push(`    ${JSON.stringify(t.name)}: ${pascal(spec.id)}${pascal(t.name)};`);
    out.push('  };');
  }
  out.push('}', '');
  out.push('export type DatasetId = keyof DatasetTables;', '');
  out.push(
    `export const datasetIds = ${JSON.stringify(specs.map((s) => s.id))} as const satisfies readonly DatasetId[];`,
    '',
  );
  return out.join('\n');
}
