/**
 * Numbers in the narrative, computed from a dataset at build time: each
 * function checks the names it is given against the dataset's codebook
 * (failing the build with a message naming the unknown variable or
 * category), applies disclosure control, formats the value for the page's
 * language, and reports whether the dataset is synthetic (from its metadata).
 */
import {
  change,
  filterRows,
  numbersOf,
  share,
  statistic,
  type NumericField,
  type ShareResult,
  type Statistic,
  type Where,
} from './bind.ts';
import {
  loadDataset,
  loadTable,
  type DatasetId,
  type DatasetMeta,
  type Row,
  type TableName,
} from './datasets.ts';
import type { Locale } from './i18n.ts';
import { changeKey, shareKey } from './stat-keys.ts';
import {
  DEFAULT_K,
  formatAbsoluteChange,
  formatCount,
  formatRelativeChange,
  formatShare,
  formatValue,
  isSuppressed,
  withheldExplanation,
  withheldMark,
} from './stats.ts';

/** A value ready to print. */
export interface BoundValue {
  /** The number, or `null` when withheld or undefined (no rows). */
  value: number | null;
  /** What the page shows. */
  text: string;
  /** Longer wording for screen readers and the tooltip, when the text alone would be unclear (withheld values). */
  explanation?: string;
  suppressed: boolean;
  /** From the dataset's metadata: the value comes from synthetic data. */
  synthetic: boolean;
  dataset: string;
  /**
   * The statistic's identity (dataset, table, variable, groups, statistic):
   * a figure cell showing the same statistic carries the same key, so a test
   * of the built site can compare every surface that shows it.
   */
  key?: string;
}

export interface Query<D extends DatasetId, T extends TableName<D>> {
  dataset: D;
  table: T;
  where?: Where<Row<D, T>> | undefined;
  locale: Locale;
}

function describeQuery(kind: string, q: { dataset: string; table: string }): string {
  return `<${kind} dataset="${q.dataset}" table="${q.table}">`;
}

/**
 * Throws when the table, a column or a category value named by a component
 * does not exist in the codebook. Pages written in MDX are not type-checked,
 * so this is what catches a misspelt name there.
 */
export function checkNames(
  meta: DatasetMeta,
  context: string,
  table: string,
  columns: Record<string, unknown>,
): void {
  const t = meta.tables.find((x) => x.name === table);
  if (!t)
    throw new Error(
      `${context}: dataset ${meta.id} has no table "${table}" (tables: ${meta.tables.map((x) => x.name).join(', ')})`,
    );
  for (const [name, value] of Object.entries(columns)) {
    const f = t.fields.find((x) => x.name === name);
    if (!f)
      throw new Error(
        `${context}: table ${meta.id}/${table} has no variable "${name}" (variables: ${t.fields.map((x) => x.name).join(', ')})`,
      );
    if (value === undefined || !f.categories) continue;
    const allowed = f.categories.map((c) => c.value);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (!allowed.includes(String(v)))
        throw new Error(
          `${context}: "${String(v)}" is not a category of ${table}.${name} (categories: ${allowed.join(', ')})`,
        );
    }
  }
}

/**
 * Whether a table's rows describe people: it has quasi-identifiers or
 * sensitive variables, or points by a foreign key to a table that does.
 * Counts and statistics over fewer than k such rows are withheld.
 */
export function isPersonLevel(meta: DatasetMeta, table: string): boolean {
  const direct = (name: string) =>
    meta.tables
      .find((t) => t.name === name)
      ?.fields.some((f) => f.role === 'quasi-identifier' || f.role === 'sensitive') ?? false;
  const t = meta.tables.find((x) => x.name === table);
  return direct(table) || (t?.foreignKeys.some((fk) => direct(fk.reference.resource)) ?? false);
}

function thresholdOf(meta: DatasetMeta): number {
  return meta.disclosure?.thresholds?.k ?? DEFAULT_K;
}

function result(
  meta: DatasetMeta,
  value: number | null,
  text: string,
  suppressed = false,
  explanation?: string,
): BoundValue {
  return {
    value,
    text,
    ...(explanation ? { explanation } : {}),
    suppressed,
    synthetic: meta.synthetic !== false,
    dataset: meta.id,
  };
}

function withheld(meta: DatasetMeta, locale: Locale, asCount: boolean): BoundValue {
  const k = thresholdOf(meta);
  return result(
    meta,
    null,
    withheldMark(asCount ? 'count' : 'value', k, locale),
    true,
    withheldExplanation(k, locale),
  );
}

function undefinedValue(meta: DatasetMeta, locale: Locale): BoundValue {
  return result(meta, null, '—', false, { id: 'tidak ada data', en: 'no data' }[locale]);
}

/** The number of rows matching `where`. */
export function boundCount<D extends DatasetId, T extends TableName<D>>(q: Query<D, T>): BoundValue {
  const meta = loadDataset(q.dataset);
  checkNames(meta, describeQuery('Count', q), q.table, q.where ?? {});
  const n = filterRows(loadTable(q.dataset, q.table), q.where).length;
  if (isPersonLevel(meta, q.table) && isSuppressed(n, thresholdOf(meta)))
    return withheld(meta, q.locale, true);
  return result(meta, n, formatCount(n, q.locale));
}

/** The share (percent) of the rows matching `where` that also match `of`. */
export function boundShare<D extends DatasetId, T extends TableName<D>>(
  q: Query<D, T> & { of: Where<Row<D, T>> },
): BoundValue {
  const meta = loadDataset(q.dataset);
  const context = describeQuery('Share', q);
  checkNames(meta, context, q.table, { ...(q.where ?? {}), ...q.of });
  const r = share(loadTable(q.dataset, q.table), q.of, q.where);
  const key = shareKey(q.dataset, q.table, q.of, q.where ?? {});
  return { ...shareValue(meta, r, isPersonLevel(meta, q.table), q.locale), key };
}

/** A summary statistic (median by default) of a numeric variable over the rows matching `where`. */
export function boundStat<D extends DatasetId, T extends TableName<D>>(
  q: Query<D, T> & {
    field: NumericField<Row<D, T>>;
    stat?: Statistic | undefined;
  },
): BoundValue {
  const meta = loadDataset(q.dataset);
  const stat = q.stat ?? 'median';
  checkNames(meta, describeQuery(stat, q), q.table, { ...(q.where ?? {}), [q.field]: undefined });
  const matched = filterRows(loadTable(q.dataset, q.table), q.where);
  // A statistic over no rows at all is a mistake in the page (a misspelt name in `where`), not a result.
  if (matched.length === 0)
    throw new Error(`${describeQuery(stat, q)}: no rows match where=${JSON.stringify(q.where ?? {})}`);
  const values = numbersOf(matched, q.field);
  if (isPersonLevel(meta, q.table) && isSuppressed(values.length, thresholdOf(meta)))
    return withheld(meta, q.locale, false);
  const v = statistic(values, stat);
  if (v === null) return undefinedValue(meta, q.locale);
  const field = meta.tables.find((t) => t.name === q.table)!.fields.find((f) => f.name === q.field)!;
  return result(meta, v, formatValue(v, field.unit, q.locale));
}

/** The survey, its metadata, and the member codes of one group (checked against the codebook). */
function surveyGroup(context: string, group: Group): { meta: DatasetMeta; members: Set<string> } {
  const meta = loadDataset('survei-pokmas');
  checkNames(meta, context, 'anggota', { kelompok: group });
  const members = new Set(
    filterRows(loadTable('survei-pokmas', 'anggota'), { kelompok: group }).map((m) => m.id_anggota),
  );
  return { meta, members };
}

/** A share as a bound value: withheld when it rests on fewer than k people, else a percentage. */
function shareValue(meta: DatasetMeta, r: ShareResult, personLevel: boolean, locale: Locale): BoundValue {
  const k = thresholdOf(meta);
  // A share of a small base, or a small count within it, points at individuals as much as the count would.
  if (personLevel && (isSuppressed(r.numerator, k) || isSuppressed(r.denominator, k)))
    return withheld(meta, locale, false);
  if (r.share === null) return undefinedValue(meta, locale);
  return result(meta, r.share, formatShare(r.share, locale));
}

export type Group = Row<'survei-pokmas', 'anggota'>['kelompok'];
export type Indicator = Row<'survei-pokmas', 'kondisi'>['indikator'];
export type ChangeShow = 'before' | 'after' | 'absolute' | 'relative';

/**
 * A household indicator of one group before and after the programme: the
 * statistic (median by default) over the group's members in each period, and
 * the change between them. Members are joined from `anggota` to `kondisi`.
 */
export function boundChange(q: {
  group: Group;
  indicator: Indicator;
  show: ChangeShow;
  stat?: Statistic | undefined;
  locale: Locale;
}): BoundValue {
  const context = `<Change group="${q.group}" indicator="${q.indicator}">`;
  const { meta, members } = surveyGroup(context, q.group);
  checkNames(meta, context, 'kondisi', { indikator: q.indicator });
  const rows = loadTable('survei-pokmas', 'kondisi').filter(
    (r) => members.has(r.id_anggota) && r.indikator === q.indicator,
  );
  const valuesIn = (periode: 'sebelum' | 'sesudah') => numbersOf(filterRows(rows, { periode }), 'nilai');
  const before = valuesIn('sebelum');
  const after = valuesIn('sesudah');
  const k = thresholdOf(meta);
  if (isSuppressed(before.length, k) || isSuppressed(after.length, k)) return withheld(meta, q.locale, false);
  const stat = q.stat ?? 'median';
  const b = statistic(before, stat);
  const a = statistic(after, stat);
  if (b === null || a === null) return undefinedValue(meta, q.locale);
  const unit = meta.tables
    .find((t) => t.name === 'kondisi')!
    .fields.find((f) => f.name === 'indikator')!
    .categories!.find((c) => c.value === q.indicator)!.unit;
  const c = change(b, a);
  const key = (what: string) => changeKey(q.indicator, q.group, what, stat);
  switch (q.show) {
    case 'before':
      return { ...result(meta, b, formatValue(b, unit, q.locale)), key: key('sebelum') };
    case 'after':
      return { ...result(meta, a, formatValue(a, unit, q.locale)), key: key('sesudah') };
    case 'absolute':
      return {
        ...result(meta, c.absolute, formatAbsoluteChange(c.absolute, unit, q.locale)),
        key: key('absolute'),
      };
    case 'relative': {
      if (c.relative === null) return undefinedValue(meta, q.locale);
      return {
        ...result(meta, c.relative, formatRelativeChange(c.relative, q.locale)),
        key: key('relative'),
      };
    }
  }
}

export type Theme = Row<'survei-pokmas', 'wawancara'>['tema'];
export type Stance = Row<'survei-pokmas', 'wawancara'>['sikap'];

/**
 * The share of one group's coded interview passages on a theme that take a
 * given stance (members are joined from `anggota` to `wawancara`).
 */
export function boundTheme(q: {
  group: Group;
  theme: Theme;
  stance: Stance | readonly Stance[];
  locale: Locale;
}): BoundValue {
  const context = `<Theme group="${q.group}" theme="${q.theme}">`;
  const { meta, members } = surveyGroup(context, q.group);
  checkNames(meta, context, 'wawancara', { tema: q.theme, sikap: q.stance });
  const rows = loadTable('survei-pokmas', 'wawancara').filter((r) => members.has(r.id_anggota));
  // Interview passages are the words of people: the share is person-level.
  return shareValue(meta, share(rows, { sikap: q.stance }, { tema: q.theme }), true, q.locale);
}

/**
 * A number computed by a page from a dataset's rows (for computations the
 * components above do not cover, such as a table), formatted and carrying
 * the dataset's synthetic flag like every other bound value.
 */
export function boundNumber(dataset: DatasetId, value: number, locale: Locale): BoundValue {
  return result(loadDataset(dataset), value, formatCount(value, locale));
}
