/**
 * The site's only way to read datasets. Everything comes from the data build
 * (`npm run data`), which writes `.build/data/` and the row types in
 * `src/generated/datasets.ts`; call these at build time (frontmatter,
 * `getStaticPaths`, endpoints), never in client code.
 *
 * Files on disk (paths relative to the project root):
 * - `.build/data/index.json`                      `{ datasets: DatasetSummary[] }`
 * - `.build/data/<id>/metadata.json`              `DatasetMeta` (what `loadDataset` returns)
 *   Both are checked against their schemas in `src/lib/schema/metadata.ts` when read.
 * - `.build/data/<id>/<version>/<file>`           the downloads, listed in `DatasetMeta.files`
 *   (and, per version, in `DatasetMeta.versions[].files`); publish each at its `path`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetId, DatasetTables } from '../generated/datasets.ts';
import type { z } from 'astro/zod';
import {
  datasetIndex,
  datasetMeta,
  fileStem,
  type DatasetMeta,
  type DatasetSummary,
  type FieldMeta,
  type TableMeta,
} from './schema/metadata.ts';
import type { Locale } from './i18n.ts';

export type * from './schema/metadata.ts';
export type { DatasetId, DatasetTables } from '../generated/datasets.ts';
export { datasetIds } from '../generated/datasets.ts';

/** Table names of a dataset. */
export type TableName<D extends DatasetId> = keyof DatasetTables[D] & string;
/** The typed row of one table. */
export type Row<D extends DatasetId, T extends TableName<D>> = DatasetTables[D][T];

/**
 * Folder of the built data. Resolved from the working directory (the project
 * root under `npm run …` and `astro build`), not from this module's location,
 * because Astro bundles page code into chunks elsewhere. `PASEBAN_DATA_DIR`
 * overrides it (tests).
 */
export function dataDir(): string {
  return path.resolve(process.env.PASEBAN_DATA_DIR ?? path.join(process.cwd(), '.build', 'data'));
}

const cache = new Map<string, unknown>();
/**
 * Reads one JSON file of the built data, once per build. With a schema, the
 * file is checked against it, so output of an older data build (or a file
 * edited by hand) stops the site build with the file and the property that
 * differ instead of rendering wrong pages.
 */
function readJson<T>(parts: string[], schema?: z.ZodType<T>): T {
  const file = path.join(dataDir(), ...parts);
  let value = cache.get(file);
  if (value === undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${file} is missing: run \`npm run data\` before building the site.`);
    }
    value = JSON.parse(text);
    if (schema) {
      const checked = schema.safeParse(value);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new Error(
          `${file} does not match the published metadata (src/lib/schema/metadata.ts) at ${issue.path.join('.') || '(top)'}: ${issue.message}. Run \`npm run data\` to build the data again.`,
        );
      }
    }
    cache.set(file, value);
  }
  return value as T;
}

/** All published datasets (id, current version, title, synthetic flag), in id order. */
export function listDatasets(): (DatasetSummary & { id: DatasetId })[] {
  return readJson(['index.json'], datasetIndex).datasets as (DatasetSummary & { id: DatasetId })[];
}

/** A dataset's metadata: texts, licences, sources, tables with their fields, files of every version, disclosure report. */
export function loadDataset(id: DatasetId): DatasetMeta {
  return readJson([id, 'metadata.json'], datasetMeta);
}

/** The typed rows of one table (current version); missing values are `null`. */
export function loadTable<D extends DatasetId, T extends TableName<D>>(id: D, table: T): Row<D, T>[] {
  const meta = loadDataset(id);
  return readJson<Row<D, T>[]>([id, meta.version, `${fileStem(id, meta.synthetic !== false)}-${table}.json`]);
}

/** The metadata of one table of a dataset. */
export function tableMeta<D extends DatasetId>(id: D, table: TableName<D>): TableMeta {
  const t = loadDataset(id).tables.find((x) => x.name === table);
  if (!t) throw new Error(`dataset ${id} has no table ${table}`);
  return t;
}

/** The metadata of one variable (column) of a table. */
export function fieldMeta<D extends DatasetId, T extends TableName<D>>(
  id: D,
  table: T,
  field: keyof Row<D, T> & string,
): FieldMeta {
  const f = tableMeta(id, table).fields.find((x) => x.name === field);
  if (!f) throw new Error(`table ${id}/${table} has no field ${field}`);
  return f;
}

/** The label of a category value in one language (the value itself when it has no label). */
export function categoryLabel<
  D extends DatasetId,
  T extends TableName<D>,
  F extends keyof Row<D, T> & string,
>(id: D, table: T, field: F, value: Row<D, T>[F], locale: Locale): string {
  const c = fieldMeta(id, table, field).categories?.find((x) => x.value === String(value));
  return c ? c.label[locale] : String(value);
}
