/**
 * The small published files of one dataset version (descriptor, README,
 * LICENSE, checksums), as bytes. Pure functions of the metadata: the same
 * input gives the same bytes (stable key order). The table files are
 * written by `writers.ts` as rows stream past.
 */
import { createHash } from 'node:crypto';
import type { DatasetSpec } from '../check/codebook.ts';
import {
  SYNTHETIC_MARK,
  fileStem,
  type DatasetMeta,
  type TableMeta,
} from '../../../src/lib/schema/metadata.ts';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * File names: one name carries through (dataset id, then table). A
 * synthetic dataset's files carry `-sintetis` after the id (the CSV and
 * JSON hold data only, so their name is where the mark can go without
 * breaking a parser); `datapackage.json` keeps the name tools look for and
 * says it in `paseban:synthetic`.
 */
export const fileNames = (id: string, synthetic: boolean) => {
  const stem = fileStem(id, synthetic);
  return {
    stem,
    csv: (table: string) => `${stem}-${table}.csv`,
    excelCsv: (table: string) => `${stem}-${table}.excel.csv`,
    labelsCsv: (table: string, lang: string) => `${stem}-${table}.labels-${lang}.csv`,
    labelsXlsx: (lang: string) => `${stem}.labels-${lang}.xlsx`,
    json: (table: string) => `${stem}-${table}.json`,
    sav: (table: string) => `${stem}-${table}.sav`,
    xlsx: `${stem}.xlsx`,
    datapackage: 'datapackage.json',
    disclosure: `${stem}-disclosure.json`,
    zip: `${stem}.zip`,
    ddi: `${stem}-ddi.xml`,
  };
};

/** Stable JSON text: two-space indentation, trailing newline. */
export const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

const NS = 'paseban:';
/**
 * Properties of a delivered field that describe how the delivered CSV spells
 * its values, not what they mean. The published CSV is normalised (plain
 * numbers with "." decimals, ISO dates, true/false, empty cell = missing),
 * which is Table Schema's default reading, so a reader given the published
 * descriptor must not apply the delivered spelling to it.
 */
const spellingKeys = new Set([
  'decimalChar',
  'groupChar',
  'bareNumber',
  'missingValues',
  'trueValues',
  'falseValues',
]);

/** A field as published: spelling properties dropped; a date's source pattern gives way to the default (ISO 8601). */
export function publishedField(f: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(f).filter(([k]) => !spellingKeys.has(k) && !(k === 'format' && f.type === 'date')),
  );
}

/**
 * The published Data Package v2 descriptor: the codebook with the published
 * CSVs as resources (plain RFC 4180 spelling), each with bytes and sha256.
 */
export function dataPackage(
  spec: DatasetSpec,
  csvFiles: Map<string, { name: string; bytes: number; sha256: string }>,
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
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      schema: {
        fields: (schema.fields as Record<string, unknown>[]).map(publishedField),
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
    bits.push(
      `    categories: ${f.categories.map((c) => `${c.value} = ${c.label.en} / ${c.label.id}`).join('; ')}`,
    );
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
      `**Synthetic data.** These values were generated by \`${syn.generator}\` (seed ${syn.seed}) to the study's design. They are not observations and no number in them is a finding. Every data file says so: its name carries \`-${SYNTHETIC_MARK}\`, each sheet of the XLSX starts with a notice row and its document properties name it, the SPSS files say it in their file label and documents, \`datapackage.json\` has \`paseban:synthetic\`. / **Data sintetis**: nilai-nilai ini dibangkitkan, bukan hasil pengamatan.`,
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
    'CSV files (`.csv`): RFC 4180, UTF-8 without byte order mark, comma-separated, "." as decimal mark, empty cell = missing. The `.excel.csv` files hold the same data for Excel in the Indonesian locale, opened by double-click: UTF-8 with a byte order mark, ";" between cells, "," as decimal mark, and an apostrophe before text that would start a formula. The `.labels-id` and `.labels-en` files (CSV and XLSX) are the labelled edition: each category\'s label, in Indonesian or English, in place of its code. The `.sav` files are SPSS system files, one per table (for SPSS, PSPP, Stata, R): the codes as in the CSV, with the Indonesian variable and value labels, dates as dates and an empty cell as missing. `SHA256SUMS` lists the SHA-256 of every file (check with `sha256sum -c SHA256SUMS`).',
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

/** `sha256sum`-compatible list (file name -> SHA-256 in hex), sorted by name. */
export function sha256sums(hashes: Map<string, string>): Uint8Array {
  const names = [...hashes.keys()].sort();
  return Buffer.from(names.map((n) => `${hashes.get(n)!}  ${n}\n`).join(''), 'utf8');
}
