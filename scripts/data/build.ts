/**
 * Turns a checked dataset into its published files (as bytes, keyed by path
 * under the output folder) and the metadata the site reads. Pure apart from
 * the bytes of archived versions passed in by the caller.
 */
import type { CheckedDataset } from './dataset.ts';
import { tableMeta } from './derive.ts';
import { disclosureReport } from './report.ts';
import {
  dataPackage,
  fileNames,
  jsonBytes,
  licenseText,
  readme,
  sha256,
  sha256sums,
  toCsv,
  toJson,
  toXlsx,
  zipDeterministic,
} from './outputs.ts';
import type { DatasetFile, DatasetMeta, DatasetVersion, FileFormat } from '../../src/lib/dataset-meta.ts';

const mediaTypes: Record<FileFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  datapackage: 'application/json',
  disclosure: 'application/json',
  zip: 'application/zip',
  ddi: 'application/xml',
};

/** Files of an archived (older) version, as published then: name -> bytes. */
export type ArchivedVersions = Map<string, Map<string, Uint8Array>>;

function formatOf(name: string, id: string): { format: FileFormat; table?: string } {
  if (name === 'datapackage.json') return { format: 'datapackage' };
  if (name === `${id}-disclosure.json`) return { format: 'disclosure' };
  if (name === `${id}-ddi.xml`) return { format: 'ddi' };
  const ext = name.slice(name.lastIndexOf('.') + 1) as FileFormat;
  const table =
    name.startsWith(`${id}-`) && (ext === 'csv' || ext === 'json')
      ? name.slice(id.length + 1, -ext.length - 1)
      : undefined;
  return { format: ext, ...(table ? { table } : {}) };
}

function describe(id: string, version: string, name: string, bytes: Uint8Array): DatasetFile {
  return {
    ...formatOf(name, id),
    name,
    path: `data/${id}/${version}/${name}`,
    mediaType: mediaTypes[formatOf(name, id).format] ?? 'application/octet-stream',
    bytes: bytes.length,
    sha256: sha256(bytes),
  };
}

/**
 * Builds every published file of the dataset's current version, plus its
 * archived versions; returns them by path (`<id>/<version>/<file>`,
 * `<id>/metadata.json`) with the metadata.
 */
export async function buildDataset(
  checked: CheckedDataset,
  archived: ArchivedVersions = new Map(),
  extra?: (meta: DatasetMeta) => Map<string, Uint8Array>,
): Promise<{ files: Map<string, Uint8Array>; meta: DatasetMeta }> {
  const spec = checked.spec!;
  const id = spec.id;
  const names = fileNames(id);
  const raw = spec.raw as Record<string, unknown>;
  let suppressed = 0;
  const tables = checked.tables.map((t) => {
    const r = tableMeta(spec, t.table, t.rows);
    suppressed += r.suppressed;
    return r.meta;
  });
  const report = disclosureReport(spec, checked.tables, suppressed);
  const meta: DatasetMeta = {
    id,
    version: spec.version,
    versions: [],
    title: spec.label,
    description: spec.description,
    keywords: Array.isArray(raw.keywords) ? raw.keywords.map(String) : [],
    synthetic: spec.synthetic,
    licenses: (raw.licenses as DatasetMeta['licenses']) ?? [],
    sources: (raw.sources as DatasetMeta['sources']) ?? [],
    contributors: (raw.contributors as DatasetMeta['contributors']) ?? [],
    tables,
    files: [],
    disclosure: report,
  };

  // The files of the bundle, in the order a reader meets them.
  const bundle = new Map<string, Uint8Array>();
  const csvs = new Map<string, { name: string; bytes: Uint8Array }>();
  for (const t of checked.tables) {
    const csv = toCsv(t.table, t.rows);
    csvs.set(t.table.name, { name: names.csv(t.table.name), bytes: csv });
    bundle.set(names.csv(t.table.name), csv);
    bundle.set(names.json(t.table.name), toJson(t.table, t.rows));
  }
  bundle.set(names.datapackage, jsonBytes(dataPackage(spec, csvs)));
  bundle.set(names.disclosure, jsonBytes(report));
  const xlsx = await toXlsx(
    meta,
    checked.tables.map((t) => ({ spec: t.table, rows: t.rows })),
  );
  bundle.set(names.xlsx, xlsx.bytes);
  for (const [n, b] of extra?.(meta) ?? []) bundle.set(n, b);

  const inZip = new Map<string, Uint8Array>();
  const folder = `${id}-${spec.version}/`;
  for (const [n, b] of bundle) inZip.set(folder + n, b);
  inZip.set(folder + 'README.md', readme(meta, [...bundle.keys(), 'LICENSE', 'SHA256SUMS']));
  inZip.set(folder + 'LICENSE', licenseText(meta));
  const forSums = new Map([...inZip].map(([n, b]) => [n.slice(folder.length), b]));
  inZip.set(folder + 'SHA256SUMS', sha256sums(forSums));
  bundle.set(names.zip, zipDeterministic(inZip));

  const files = new Map<string, Uint8Array>();
  const current: DatasetFile[] = [];
  for (const [n, b] of bundle) {
    files.set(`${id}/${spec.version}/${n}`, b);
    current.push(describe(id, spec.version, n, b));
  }
  const changes = new Map(spec.changelog.map((c) => [c.version, c.changes]));
  const versions: DatasetVersion[] = [
    { version: spec.version, changes: changes.get(spec.version)!, files: current },
  ];
  for (const [version, archivedFiles] of archived) {
    if (version === spec.version) continue;
    const list: DatasetFile[] = [];
    for (const n of [...archivedFiles.keys()].sort()) {
      files.set(`${id}/${version}/${n}`, archivedFiles.get(n)!);
      list.push(describe(id, version, n, archivedFiles.get(n)!));
    }
    versions.push({ version, changes: changes.get(version) ?? { id: '', en: '' }, files: list });
  }
  const num = (v: string) => v.split('.').map(Number);
  versions.sort((a, b) => {
    const [x, y] = [num(a.version), num(b.version)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return 0;
  });
  meta.versions = versions;
  meta.files = current;
  files.set(`${id}/metadata.json`, jsonBytes(meta));
  return { files, meta };
}
