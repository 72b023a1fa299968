/**
 * Derives what the site and the downloads describe from a checked dataset:
 * field metadata with category counts and summaries. Pure functions.
 */
import type { DatasetSpec, FieldSpec, TableSpec } from './codebook.ts';
import type { Value } from './cast.ts';
import type { FieldMeta, FieldSummary, TableMeta } from '../../src/lib/dataset-meta.ts';
import { isSuppressed } from '../../src/lib/disclosure.ts';

function median(sorted: Float64Array): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Summary of one column: counts for categories, min/median/max/mean for numbers, distinct values for text. */
export function summarize(field: FieldSpec, values: Value[]): FieldSummary {
  const present = values.filter((v) => v !== null);
  const missing = values.length - present.length;
  if (present.length === 0) return { kind: 'empty', n: 0, missing };
  if (field.categories) return { kind: 'categories', n: present.length, missing };
  if (field.type === 'integer' || field.type === 'number' || field.type === 'year') {
    const sorted = Float64Array.from(present as number[]).sort();
    const sum = sorted.reduce((s, x) => s + x, 0);
    return {
      kind: 'numeric',
      n: sorted.length,
      missing,
      min: sorted[0]!,
      median: round(median(sorted)),
      max: sorted[sorted.length - 1]!,
      mean: round(sum / sorted.length),
    };
  }
  return { kind: 'text', n: present.length, missing, distinct: new Set(present.map(String)).size };
}

/**
 * Field metadata for the site's variables table. Category counts of
 * quasi-identifiers under k are withheld (null): a published count of one
 * or two people could point at them. Returns the number of withheld counts.
 */
export function fieldMeta(
  field: FieldSpec,
  values: Value[],
  k: number,
): { meta: FieldMeta; suppressed: number } {
  let suppressed = 0;
  const counts = new Map<string, number>();
  if (field.categories)
    for (const v of values) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const categories = field.categories?.map((c) => {
    const n = counts.get(c.value) ?? 0;
    const hide = field.role === 'quasi-identifier' && isSuppressed(n, k);
    if (hide) suppressed++;
    return { value: c.value, label: c.label, ...(c.unit ? { unit: c.unit } : {}), count: hide ? null : n };
  });
  const k2 = field.constraints;
  const meta: FieldMeta = {
    name: field.name,
    type: field.type,
    ...(field.format ? { format: field.format } : {}),
    label: field.label,
    ...(field.description ? { description: field.description } : {}),
    ...(field.question ? { question: field.question } : {}),
    ...(field.unit ? { unit: field.unit } : {}),
    role: field.role,
    required: k2.required === true,
    missingValues: field.missingValues,
    ...(categories ? { categories } : {}),
    constraints: {
      ...(k2.minimum !== undefined ? { minimum: k2.minimum } : {}),
      ...(k2.maximum !== undefined ? { maximum: k2.maximum } : {}),
      ...(k2.pattern !== undefined ? { pattern: k2.pattern } : {}),
      ...(k2.unique !== undefined ? { unique: k2.unique } : {}),
    },
    summary: summarize(field, values),
  };
  return { meta, suppressed };
}

/** Table metadata from its spec and typed rows. */
export function tableMeta(
  spec: DatasetSpec,
  table: TableSpec,
  rows: Value[][],
): { meta: TableMeta; suppressed: number } {
  let suppressed = 0;
  const fields = table.fields.map((f, i) => {
    const r = fieldMeta(
      f,
      rows.map((row) => row[i]!),
      spec.disclosure.k,
    );
    suppressed += r.suppressed;
    return r.meta;
  });
  return {
    meta: {
      name: table.name,
      title: table.label,
      ...(table.description ? { description: table.description } : {}),
      rowCount: rows.length,
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys,
      fields,
    },
    suppressed,
  };
}
