/**
 * The published metadata of a dataset, defined once: what the data build
 * writes (`.build/data/<id>/metadata.json`, `.build/data/index.json`) and
 * what `src/lib/datasets.ts` reads back, checking it against these schemas.
 * Everything here comes from the dataset's codebook (its atoms are the
 * codebook schema's) and its data.
 */
import { z } from 'astro/zod';
import { bilingual, contributor, disclosureRole, fieldType, license, source } from './codebook.ts';

export type { DisclosureRole, FieldType } from './codebook.ts';

export const categoryMeta = z.strictObject({
  value: z.string(),
  label: bilingual,
  /** Unit of a value measured for this category (long tables: the indicator's unit). */
  unit: bilingual.optional(),
  /** Rows with this value; `null` when withheld because it fell under the disclosure threshold k. */
  count: z.number().nullable(),
});

export const fieldSummary = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('categories'), n: z.number(), missing: z.number() }),
  z.strictObject({
    kind: z.literal('numeric'),
    n: z.number(),
    missing: z.number(),
    min: z.number(),
    median: z.number(),
    max: z.number(),
    mean: z.number(),
  }),
  z.strictObject({ kind: z.literal('text'), n: z.number(), missing: z.number(), distinct: z.number() }),
  z.strictObject({ kind: z.literal('empty'), n: z.literal(0), missing: z.number() }),
]);

/** What the codebook says about a variable in words: shared by the build's model and the site's metadata. */
export const fieldDescription = z.strictObject({
  name: z.string(),
  type: fieldType,
  format: z.string().optional(),
  label: bilingual,
  description: bilingual.optional(),
  /** The question as asked, where the variable comes from a questionnaire. */
  question: bilingual.optional(),
  unit: bilingual.optional(),
  role: disclosureRole,
});

export const fieldMeta = fieldDescription.extend({
  required: z.boolean(),
  /** Codes that mean "missing" in the delivered file (the published files leave such cells empty). */
  missingValues: z.array(z.string()),
  categories: z.array(categoryMeta).optional(),
  constraints: z.strictObject({
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    pattern: z.string().optional(),
    unique: z.boolean().optional(),
  }),
  summary: fieldSummary,
});

export const tableMeta = z.strictObject({
  name: z.string(),
  title: bilingual,
  description: bilingual.optional(),
  rowCount: z.number(),
  primaryKey: z.array(z.string()),
  foreignKeys: z.array(
    z.strictObject({
      fields: z.array(z.string()),
      reference: z.strictObject({ resource: z.string(), fields: z.array(z.string()) }),
    }),
  ),
  fields: z.array(fieldMeta),
});

/** What the file names of a synthetic dataset carry after the id, so a downloaded file tells so by its name alone. */
export const SYNTHETIC_MARK = 'sintetis';

/** The start of every download's file name: the dataset id, then `-sintetis` if the data is synthetic. */
export const fileStem = (id: string, synthetic: boolean): string =>
  synthetic ? `${id}-${SYNTHETIC_MARK}` : id;

export const fileFormat = z.enum([
  'csv',
  'csv-excel',
  'csv-labels',
  'json',
  'xlsx',
  'xlsx-labels',
  'sav',
  'datapackage',
  'disclosure',
  'zip',
  'ddi',
]);

export const datasetFile = z.strictObject({
  format: fileFormat,
  /** The table a per-table file holds. */
  table: z.string().optional(),
  /** The language of a labelled edition's category labels. */
  language: z.enum(['id', 'en']).optional(),
  /** File name, e.g. `survei-pokmas-anggota.csv`. */
  name: z.string(),
  /** Site path without base: `data/<id>/<version>/<name>`. */
  path: z.string(),
  mediaType: z.string(),
  bytes: z.number(),
  sha256: z.string(),
});

export const datasetVersion = z.strictObject({
  version: z.string(),
  changes: bilingual,
  files: z.array(datasetFile),
});

export const disclosureTableReport = z.strictObject({
  table: z.string(),
  rows: z.number(),
  cellsScanned: z.number(),
  directIdentifierColumns: z.array(z.string()),
  quasiIdentifiers: z.array(z.string()),
  sensitive: z.array(z.string()),
  equivalenceClasses: z.number().nullable(),
  kReached: z.number().nullable(),
  lReached: z.record(z.string(), z.number()),
});

export const disclosureReport = z.strictObject({
  dataset: z.string(),
  version: z.string(),
  thresholds: z.strictObject({ k: z.number(), l: z.number() }),
  checks: z.array(z.strictObject({ id: z.string(), description: z.string() })),
  tables: z.array(disclosureTableReport),
  suppressedCells: z.number(),
});

/** `false` for real data; the generator and seed for synthetic data. */
export const synthetic = z.union([
  z.literal(false),
  z.strictObject({ generator: z.string(), seed: z.number() }),
]);

export const datasetMeta = z.strictObject({
  id: z.string(),
  /** Current (latest) version. */
  version: z.string(),
  /** Every published version, newest first, each with its files. */
  versions: z.array(datasetVersion),
  title: bilingual,
  description: bilingual,
  keywords: z.array(z.string()),
  synthetic,
  licenses: z.array(license),
  sources: z.array(source),
  contributors: z.array(contributor),
  tables: z.array(tableMeta),
  /** Files of the current version. */
  files: z.array(datasetFile),
  disclosure: disclosureReport,
});

export const datasetSummary = z.strictObject({
  id: z.string(),
  version: z.string(),
  title: bilingual,
  synthetic,
});

/** `.build/data/index.json`: every published dataset, in id order. */
export const datasetIndex = z.strictObject({ datasets: z.array(datasetSummary) });

export type CategoryMeta = z.output<typeof categoryMeta>;
export type FieldSummary = z.output<typeof fieldSummary>;
export type FieldDescription = z.output<typeof fieldDescription>;
export type FieldMeta = z.output<typeof fieldMeta>;
export type TableMeta = z.output<typeof tableMeta>;
export type FileFormat = z.output<typeof fileFormat>;
export type DatasetFile = z.output<typeof datasetFile>;
export type DatasetVersion = z.output<typeof datasetVersion>;
export type DisclosureTableReport = z.output<typeof disclosureTableReport>;
export type DisclosureReport = z.output<typeof disclosureReport>;
export type DatasetMeta = z.output<typeof datasetMeta>;
export type DatasetSummary = z.output<typeof datasetSummary>;
