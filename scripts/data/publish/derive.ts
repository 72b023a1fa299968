/**
 * Derives what the site and the downloads describe from a checked dataset:
 * field metadata with category counts and summaries, accumulated as rows
 * stream past.
 */
import type { DatasetSpec, FieldSpec, TableSpec } from '../check/codebook.ts';
import type { Value } from '../check/cast.ts';
import type { FieldMeta, FieldSummary, TableMeta } from '../../../src/lib/schema/metadata.ts';
import { isSuppressed } from '../../../src/lib/disclosure.ts';
import { medianOfSorted } from '../../../src/lib/stats.ts';
import { StringSet } from '../string-set.ts';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Summarises one column as its rows stream past, holding no row: counts
 * per category, the numbers in one growing typed array (8 bytes a value,
 * for the median), distinct texts in a compact StringSet.
 */
export class FieldSummarizer {
  readonly field: FieldSpec;
  private n = 0;
  private missing = 0;
  readonly counts = new Map<string, number>();
  private numbers: Float64Array | undefined;
  private distinct: StringSet | undefined;
  constructor(field: FieldSpec) {
    this.field = field;
    if (field.categories) return;
    if (field.type === 'integer' || field.type === 'number' || field.type === 'year')
      this.numbers = new Float64Array(1024);
    // A unique column has as many distinct values as values (the check saw to it).
    else if (!field.constraints.unique) this.distinct = new StringSet();
  }
  add(v: Value): void {
    if (v === null) {
      this.missing++;
      return;
    }
    if (this.field.categories) {
      const s = String(v);
      this.counts.set(s, (this.counts.get(s) ?? 0) + 1);
    } else if (this.numbers) {
      if (this.n === this.numbers.length) {
        const bigger = new Float64Array(this.n * 2);
        bigger.set(this.numbers);
        this.numbers = bigger;
      }
      this.numbers[this.n] = v as number;
    } else this.distinct?.add(String(v));
    this.n++;
  }
  summary(): FieldSummary {
    const { n, missing } = this;
    if (n === 0) return { kind: 'empty', n: 0, missing };
    if (this.field.categories) return { kind: 'categories', n, missing };
    if (this.numbers) {
      const sorted = this.numbers.subarray(0, n).sort();
      let sum = 0;
      for (let i = 0; i < n; i++) sum += sorted[i]!;
      return {
        kind: 'numeric',
        n,
        missing,
        min: sorted[0]!,
        median: round(medianOfSorted(sorted)!),
        max: sorted[n - 1]!,
        mean: round(sum / n),
      };
    }
    return { kind: 'text', n, missing, distinct: this.distinct?.size ?? n };
  }
}

/**
 * Field metadata for the site's variables table. Category counts of
 * quasi-identifiers under k are withheld (null): a published count of one
 * or two people could point at them. Returns the number of withheld counts.
 */
export function fieldMeta(column: FieldSummarizer, k: number): { meta: FieldMeta; suppressed: number } {
  const { field, counts } = column;
  let suppressed = 0;
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
    summary: column.summary(),
  };
  return { meta, suppressed };
}

/** Table metadata from its spec and the summaries of its columns. */
export function tableMeta(
  spec: DatasetSpec,
  table: TableSpec,
  rowCount: number,
  columns: FieldSummarizer[],
): { meta: TableMeta; suppressed: number } {
  let suppressed = 0;
  const fields = columns.map((c) => {
    const r = fieldMeta(c, spec.disclosure.k);
    suppressed += r.suppressed;
    return r.meta;
  });
  return {
    meta: {
      name: table.name,
      title: table.label,
      ...(table.description ? { description: table.description } : {}),
      rowCount,
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys,
      fields,
    },
    suppressed,
  };
}
