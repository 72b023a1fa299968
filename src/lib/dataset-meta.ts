/**
 * The shape of a published dataset's metadata, as the data build writes it
 * (`.build/data/<id>/metadata.json`) and `src/lib/datasets.ts` returns it.
 * Everything here comes from the dataset's codebook and its data.
 */
import type { Bilingual } from './i18n.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'year';
/** Disclosure role declared in the codebook (`paseban:role`). */
export type DisclosureRole = 'direct-identifier' | 'quasi-identifier' | 'sensitive' | 'other';

export interface CategoryMeta {
  value: string;
  label: Bilingual;
  /** Unit of a value measured for this category (long tables: the indicator's unit). */
  unit?: Bilingual;
  /** Rows with this value; `null` when withheld because it fell under the disclosure threshold k. */
  count: number | null;
}

export type FieldSummary =
  | { kind: 'categories'; n: number; missing: number }
  | { kind: 'numeric'; n: number; missing: number; min: number; median: number; max: number; mean: number }
  | { kind: 'text'; n: number; missing: number; distinct: number }
  | { kind: 'empty'; n: 0; missing: number };

/** What the codebook says about a variable in words: shared by the build's model and the site's metadata. */
export interface FieldDescription {
  name: string;
  type: FieldType;
  format?: string;
  label: Bilingual;
  description?: Bilingual;
  /** The question as asked, where the variable comes from a questionnaire. */
  question?: Bilingual;
  unit?: Bilingual;
  role: DisclosureRole;
}

export interface FieldMeta extends FieldDescription {
  required: boolean;
  /** Codes that mean "missing" in the delivered file (the published files leave such cells empty). */
  missingValues: string[];
  categories?: CategoryMeta[];
  constraints: { minimum?: number; maximum?: number; pattern?: string; unique?: boolean };
  summary: FieldSummary;
}

export interface TableMeta {
  name: string;
  title: Bilingual;
  description?: Bilingual;
  rowCount: number;
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  fields: FieldMeta[];
}

/** What the file names of a synthetic dataset carry after the id, so a downloaded file tells so by its name alone. */
export const SYNTHETIC_MARK = 'sintetis';

/** The start of every download's file name: the dataset id, then `-sintetis` if the data is synthetic. */
export const fileStem = (id: string, synthetic: boolean): string =>
  synthetic ? `${id}-${SYNTHETIC_MARK}` : id;

export type FileFormat =
  | 'csv'
  | 'csv-excel'
  | 'csv-labels'
  | 'json'
  | 'xlsx'
  | 'xlsx-labels'
  | 'sav'
  | 'datapackage'
  | 'disclosure'
  | 'zip'
  | 'ddi';

export interface DatasetFile {
  format: FileFormat;
  /** The table a per-table file holds. */
  table?: string;
  /** The language of a labelled edition's category labels. */
  language?: 'id' | 'en';
  /** File name, e.g. `survei-pokmas-anggota.csv`. */
  name: string;
  /** Site path without base: `data/<id>/<version>/<name>`. */
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

export interface DatasetVersion {
  version: string;
  changes: Bilingual;
  files: DatasetFile[];
}

export interface DisclosureTableReport {
  table: string;
  rows: number;
  cellsScanned: number;
  directIdentifierColumns: string[];
  quasiIdentifiers: string[];
  sensitive: string[];
  equivalenceClasses: number | null;
  kReached: number | null;
  lReached: Record<string, number>;
}

export interface DisclosureReport {
  dataset: string;
  version: string;
  thresholds: { k: number; l: number };
  checks: { id: string; description: string }[];
  tables: DisclosureTableReport[];
  suppressedCells: number;
}

export interface DatasetMeta {
  id: string;
  /** Current (latest) version. */
  version: string;
  /** Every published version, newest first, each with its files. */
  versions: DatasetVersion[];
  title: Bilingual;
  description: Bilingual;
  keywords: string[];
  /** `false` for real data; the generator and seed for synthetic data. */
  synthetic: false | { generator: string; seed: number };
  licenses: { name?: string; path?: string; title?: string }[];
  sources: { title: string; path?: string }[];
  contributors: { title: string; roles?: string[]; path?: string }[];
  tables: TableMeta[];
  /** Files of the current version. */
  files: DatasetFile[];
  disclosure: DisclosureReport;
}

export interface DatasetSummary {
  id: string;
  version: string;
  title: Bilingual;
  synthetic: DatasetMeta['synthetic'];
}
