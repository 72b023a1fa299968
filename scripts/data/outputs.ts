/**
 * The published files of one dataset version, as bytes. Pure functions of
 * the checked data: the same input gives the same bytes (no timestamps,
 * fixed ZIP entry times, stable key order).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { DatasetSpec, TableSpec } from './codebook.ts';
import type { Value } from './cast.ts';
import type { DatasetMeta, TableMeta } from '../../src/lib/dataset-meta.ts';

/** Every ZIP entry (bundle and XLSX) carries this time, so rebuilding changes no byte. */
export const FIXED_TIME = new Date('1980-01-01T00:00:00Z');
/** Excel's sheet limit is 1,048,576 rows including the header. */
export const EXCEL_MAX_ROWS = 1_048_575;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** File names: one name carries through (dataset id, then table). */
export const fileNames = (id: string) => ({
  csv: (table: string) => `${id}-${table}.csv`,
  json: (table: string) => `${id}-${table}.json`,
  xlsx: `${id}.xlsx`,
  datapackage: 'datapackage.json',
  disclosure: `${id}-disclosure.json`,
  zip: `${id}.zip`,
  ddi: `${id}-ddi.xml`,
});

function csvCell(v: Value): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV: comma, CRLF, double quotes, UTF-8 without BOM (most tools
 * read it cleanly; Excel users have the XLSX). Numbers use "." and no
 * thousands separator. Missing values are empty cells. A text cell starting
 * with = + - @ is published as the data it is, unchanged: the CSV is data,
 * not a spreadsheet (the XLSX keeps such cells as text).
 */
export function toCsv(table: TableSpec, rows: Value[][]): Uint8Array {
  const parts = [table.fields.map((f) => csvCell(f.name)).join(',') + '\r\n'];
  for (const row of rows) parts.push(row.map(csvCell).join(',') + '\r\n');
  return Buffer.from(parts.join(''), 'utf8');
}

/** JSON: an array of row objects (keys in codebook order, null for missing), one row per line. */
export function toJson(table: TableSpec, rows: Value[][]): Uint8Array {
  const names = table.fields.map((f) => f.name);
  const lines = rows.map((row) =>
    JSON.stringify(Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]))),
  );
  return Buffer.from(`[\n${lines.join(',\n')}\n]\n`, 'utf8');
}

/** Stable JSON text: two-space indentation, trailing newline. */
export const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

const NS = 'paseban:';
/** Properties of a delivered field that describe its CSV spelling, not its meaning; the published CSV uses plain numbers. */
const spellingKeys = new Set(['decimalChar', 'groupChar', 'bareNumber', 'missingValues']);

/**
 * The published Data Package v2 descriptor: the codebook with the published
 * CSVs as resources (plain RFC 4180 spelling), each with bytes and sha256.
 */
export function dataPackage(
  spec: DatasetSpec,
  csvFiles: Map<string, { name: string; bytes: Uint8Array }>,
): Record<string, unknown> {
  const raw = spec.raw;
  const top: Record<string, unknown> = { $schema: 'https://datapackage.org/profiles/2.0/datapackage.json' };
  for (const [k, v] of Object.entries(raw)) if (k !== 'resources' && k !== '$schema') top[k] = v;
  top.resources = spec.tables.map((t) => {
    const file = csvFiles.get(t.name)!;
    const r: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t.raw))
      if (!['path', 'dialect', 'encoding', 'schema', 'format', 'mediatype', 'bytes', 'hash'].includes(k))
        r[k] = v;
    const schema = t.raw.schema as Record<string, unknown>;
    return {
      ...r,
      path: file.name,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: file.bytes.length,
      hash: `sha256:${sha256(file.bytes)}`,
      schema: {
        fields: (schema.fields as Record<string, unknown>[]).map((f) =>
          Object.fromEntries(Object.entries(f).filter(([k]) => !spellingKeys.has(k))),
        ),
        missingValues: [''],
        ...(t.primaryKey.length ? { primaryKey: t.primaryKey } : {}),
        ...(t.foreignKeys.length ? { foreignKeys: t.foreignKeys } : {}),
      },
    };
  });
  return top;
}

const lines = (...xs: (string | false | undefined)[]) =>
  xs.filter((x) => x !== false && x !== undefined).join('\n');

/** How to cite the dataset, from its metadata only. */
export function citation(
  meta: Pick<DatasetMeta, 'title' | 'version' | 'contributors' | 'sources' | 'licenses'>,
  lang: 'id' | 'en',
): string {
  const who = meta.contributors.find((c) => c.roles?.includes('publisher'))?.title;
  return `${who ? `${who}. ` : ''}${meta.title[lang]}, ${lang === 'id' ? 'versi' : 'version'} ${meta.version} [${lang === 'id' ? 'set data' : 'data set'}].`;
}

function describeField(f: TableMeta['fields'][number]): string {
  const bits = [`\`${f.name}\` (${f.type}${f.unit ? `, ${f.unit.en}` : ''}): ${f.label.en} / ${f.label.id}`];
  if (f.categories)
    bits.push(`    categories: ${f.categories.map((c) => `${c.value} = ${c.label.en}`).join('; ')}`);
  return '- ' + bits.join('\n');
}

/** README.md of the ZIP bundle: what, source, licence, how to cite, the variables. */
export function readme(meta: DatasetMeta, files: string[]): Uint8Array {
  const syn = meta.synthetic;
  const text = lines(
    `# ${meta.title.en}`,
    '',
    `*${meta.title.id}*`,
    '',
    `Version ${meta.version}.`,
    '',
    syn &&
      `**Synthetic data.** These values were generated by \`${syn.generator}\` (seed ${syn.seed}) to the study's design. They are not observations and no number in them is a finding. / **Data sintetis**: nilai-nilai ini dibangkitkan, bukan hasil pengamatan.`,
    syn && '',
    '## What it is',
    '',
    meta.description.en,
    '',
    meta.description.id,
    '',
    '## Source',
    '',
    ...meta.sources.map((s) => `- ${s.title}${s.path ? ` <${s.path}>` : ''}`),
    '',
    '## Licence',
    '',
    ...meta.licenses.map((l) => `- ${l.title ?? l.name}${l.path ? ` <${l.path}>` : ''}`),
    '',
    '## How to cite',
    '',
    citation(meta, 'en'),
    '',
    '## Files',
    '',
    ...files.map((f) => `- ${f}`),
    '',
    'CSV files: RFC 4180, UTF-8 without byte order mark, comma-separated, "." as decimal mark, empty cell = missing. `SHA256SUMS` lists the SHA-256 of every file (check with `sha256sum -c SHA256SUMS`).',
    '',
    '## Variables',
    '',
    ...meta.tables.flatMap((t) => [
      `### ${t.name}: ${t.title.en} (${t.rowCount} rows)`,
      '',
      ...(t.description ? [t.description.en, ''] : []),
      ...t.fields.map(describeField),
      '',
    ]),
  );
  return Buffer.from(text + '\n', 'utf8');
}

/** LICENSE of the bundle: the licence(s) named in the codebook. */
export function licenseText(meta: DatasetMeta): Uint8Array {
  const text = lines(
    `${meta.title.en}`,
    '',
    ...meta.licenses.map((l) =>
      l.name === 'CC-BY-4.0'
        ? `Licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0).\nYou may share and adapt the data for any purpose, giving appropriate credit.\nFull text: ${l.path ?? 'https://creativecommons.org/licenses/by/4.0/legalcode'}`
        : `${l.title ?? l.name}${l.path ? `\n${l.path}` : ''}`,
    ),
  );
  return Buffer.from(text + '\n', 'utf8');
}

/** `sha256sum`-compatible list, sorted by name. */
export function sha256sums(files: Map<string, Uint8Array>): Uint8Array {
  const names = [...files.keys()].sort();
  return Buffer.from(names.map((n) => `${sha256(files.get(n)!)}  ${n}\n`).join(''), 'utf8');
}

/** A ZIP with sorted entries, each stamped with FIXED_TIME. */
export function zipDeterministic(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort())
    entries[name] = [files.get(name)!, { mtime: FIXED_TIME, level: 6 }];
  return zipSync(entries, { mtime: FIXED_TIME });
}

/**
 * XLSX workbook: README sheet, one data sheet per table (typed cells: numbers
 * as numbers, text always as text, never a formula), a codebook sheet.
 * Tables above Excel's row limit are left out with a note. exceljs stamps
 * ZIP entries with the current time, so the package is re-zipped with fixed
 * times to keep builds byte-identical.
 */
export async function toXlsx(
  meta: DatasetMeta,
  tables: { spec: TableSpec; rows: Value[][] }[],
): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.id;
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  const skipped = tables.filter((t) => t.rows.length > EXCEL_MAX_ROWS).map((t) => t.spec.name);
  const readmeSheet = wb.addWorksheet('README');
  const readmeRows: string[] = [
    meta.title.en,
    meta.title.id,
    `Version ${meta.version}`,
    ...(meta.synthetic
      ? [
          `Synthetic data generated by ${meta.synthetic.generator} (seed ${meta.synthetic.seed}); not observations. / Data sintetis, bukan hasil pengamatan.`,
        ]
      : []),
    '',
    meta.description.en,
    '',
    ...meta.sources.map((s) => `Source: ${s.title}${s.path ? ` ${s.path}` : ''}`),
    ...meta.licenses.map((l) => `Licence: ${l.title ?? l.name}${l.path ? ` ${l.path}` : ''}`),
    `Cite as: ${citation(meta, 'en')}`,
    '',
    ...skipped.map(
      (s) =>
        `Table "${s}" has more rows than an Excel sheet holds and is not in this workbook; use the CSV file.`,
    ),
  ];
  readmeRows.forEach((text) => readmeSheet.addRow([text]));
  readmeSheet.getColumn(1).width = 120;
  for (const t of tables) {
    if (skipped.includes(t.spec.name)) continue;
    const ws = wb.addWorksheet(t.spec.name.slice(0, 31));
    ws.addRow(t.spec.fields.map((f) => f.name)).font = { bold: true };
    // Values go in as typed JS values: numbers become numeric cells, strings
    // shared strings (exceljs writes "=…" text as text, not a formula).
    for (const row of t.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const cb = wb.addWorksheet('codebook');
  cb.addRow([
    'table',
    'variable',
    'type',
    'label_id',
    'label_en',
    'unit_en',
    'role',
    'categories',
    'question_id',
    'question_en',
  ]).font = { bold: true };
  for (const t of meta.tables)
    for (const f of t.fields)
      cb.addRow([
        t.name,
        f.name,
        f.type,
        f.label.id,
        f.label.en,
        f.unit?.en ?? '',
        f.role,
        f.categories?.map((c) => `${c.value} = ${c.label.id} / ${c.label.en}`).join('; ') ?? '',
        f.question?.id ?? '',
        f.question?.en ?? '',
      ]);
  const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
  const entries = unzipSync(buffer);
  const files = new Map(Object.entries(entries));
  // [Content_Types].xml must stay first in an OOXML package.
  const ordered: Zippable = {};
  const names = [...files.keys()].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const n of names) ordered[n] = [files.get(n)!, { mtime: FIXED_TIME, level: 6 }];
  return { bytes: zipSync(ordered, { mtime: FIXED_TIME }), skipped };
}
