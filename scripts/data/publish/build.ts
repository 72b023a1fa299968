/**
 * Writes the published files of a checked dataset into an output folder
 * and returns the metadata the site reads. Each table is streamed a second
 * time from its delivered CSV straight into the CSV, JSON, XLSX and SPSS
 * writers and the column summaries, so no table is ever held in memory.
 * That read trusts the check pass: it casts each row and checks nothing,
 * once it has made sure the file is the one checked (same size, time and
 * SHA-256).
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckedDataset } from '../check/dataset.ts';
import { FieldSummarizer, tableMeta } from './derive.ts';
import { IssueLog, formatIssues } from '../errors.ts';
import { readTable } from '../check/read.ts';
import { disclosureReport } from '../check/report.ts';
import {
  citation,
  dataPackage,
  fileNames,
  jsonBytes,
  licenseText,
  readme,
  sha256,
  sha256sums,
} from './outputs.ts';
import {
  CsvWriter,
  EXCEL_MAX_ROWS,
  ExcelCsvWriter,
  JsonWriter,
  XlsxWriter,
  hashFile,
  zipFiles,
  type SheetColumn,
  type Written,
} from './writers.ts';
import type { TableSpec } from '../check/codebook.ts';
import { SavWriter, type SavAbout } from './sav.ts';
import type { Value } from '../check/cast.ts';
import { locales, type Locale } from '../../../src/lib/i18n.ts';
import {
  SYNTHETIC_MARK,
  type DatasetFile,
  type DatasetMeta,
  type DatasetVersion,
  type FileFormat,
} from '../../../src/lib/schema/metadata.ts';

const mediaTypes: Record<FileFormat, string> = {
  csv: 'text/csv',
  'csv-excel': 'text/csv',
  'csv-labels': 'text/csv',
  'xlsx-labels': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  sav: 'application/x-spss-sav',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  datapackage: 'application/json',
  disclosure: 'application/json',
  zip: 'application/zip',
  ddi: 'application/xml',
};

/** Files of archived (older) versions, as published then: version -> file name -> path on disk. */
export type ArchivedVersions = Map<string, Map<string, string>>;

function formatOf(name: string, id: string): Pick<DatasetFile, 'format' | 'table' | 'language'> {
  if (name === 'datapackage.json') return { format: 'datapackage' };
  const stem =
    [`${id}-${SYNTHETIC_MARK}`, id].find((x) => name.startsWith(`${x}-`) || name.startsWith(`${x}.`)) ?? id;
  const rest = name.slice(stem.length);
  if (rest === '-disclosure.json') return { format: 'disclosure' };
  if (rest === '-ddi.xml') return { format: 'ddi' };
  const labels = /^(?:-(.+?))?\.labels-(id|en)\.(csv|xlsx)$/.exec(rest);
  if (labels)
    return {
      format: labels[3] === 'csv' ? 'csv-labels' : 'xlsx-labels',
      ...(labels[1] ? { table: labels[1] } : {}),
      language: labels[2] as Locale,
    };
  const table = /^-(.+?)(\.excel)?\.(csv|json|sav)$/.exec(rest);
  if (table) return { format: table[2] ? 'csv-excel' : (table[3] as FileFormat), table: table[1] };
  return { format: name.slice(name.lastIndexOf('.') + 1) as FileFormat };
}

function describe(id: string, version: string, name: string, file: Omit<Written, 'path'>): DatasetFile {
  return {
    ...formatOf(name, id),
    name,
    path: `data/${id}/${version}/${name}`,
    mediaType: mediaTypes[formatOf(name, id).format] ?? 'application/octet-stream',
    bytes: file.bytes,
    sha256: file.sha256,
  };
}

/** Writes small in-memory bytes as a published file. */
function writeBytes(file: string, bytes: Uint8Array): Written {
  writeFileSync(file, bytes);
  return { path: file, bytes: bytes.length, sha256: sha256(bytes) };
}

/**
 * Column widths of a data sheet, from the codebook (rows stream past after
 * the widths are written): the header or the longest category, or what the
 * type usually needs, within 10 to 50 characters.
 */
function sheetColumns(table: TableSpec, lang?: Locale): SheetColumn[] {
  const typical = { string: 24, integer: 12, number: 14, year: 6, date: 11, boolean: 7 } as const;
  return table.fields.map((f) => {
    const content = f.categories
      ? Math.max(...f.categories.map((c) => (lang ? c.label[lang] : c.value).length))
      : (f.constraints.maxLength ?? typical[f.type]);
    // At least 10: exceljs leaves out a column of width 9, taking it for the default.
    const width = Math.min(50, Math.max(10, f.name.length + 2, content + 2));
    return { width, kind: lang && f.categories ? 'string' : f.type };
  });
}

/**
 * The labelled edition of a row: each category's label in `lang` instead of
 * its code (for readers who open the data without the codebook); other
 * values as they are. Returns one reused array.
 */
function labeller(table: TableSpec, lang: Locale): (values: readonly Value[]) => Value[] {
  const maps = table.fields.map((f) =>
    f.categories ? new Map(f.categories.map((c) => [c.value, c.label[lang]])) : undefined,
  );
  const out: Value[] = [];
  return (values) => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const m = maps[i];
      out[i] = m && v !== null ? (m.get(String(v)) ?? v) : v;
    }
    out.length = values.length;
    return out;
  };
}

/** The mark of synthetic data in the sheets, the document properties and the README. */
export function syntheticNotice(synthetic: Exclude<DatasetMeta['synthetic'], false>): string {
  return `SYNTHETIC DATA / DATA SINTETIS: generated by ${synthetic.generator} (seed ${synthetic.seed}), not observations; no number in it is a finding. / Dibangkitkan, bukan hasil pengamatan.`;
}

/**
 * The SPSS file's label and documents: what the table is, from which
 * dataset and version, the synthetic mark (in the 64-byte label too, which
 * SPSS shows first), and the language of its labels.
 */
function savAbout(
  meta: Pick<DatasetMeta, 'id' | 'version' | 'title' | 'synthetic'>,
  table: TableSpec,
  notice: string | undefined,
): SavAbout {
  const label = `${meta.title.id}: ${table.label.id}`;
  return {
    fileLabel: notice ? `DATA SINTETIS / SYNTHETIC: ${label}` : label,
    documents: [
      `${meta.title.id} / ${meta.title.en}, versi ${meta.version}.`,
      `Tabel ${table.name}: ${table.label.id} / ${table.label.en}.`,
      ...(notice ? [notice] : []),
      'Label variabel dan label nilai dalam bahasa Indonesia; bahasa Inggris ada di datapackage.json.',
      'Variable and value labels are in Indonesian; the English text is in datapackage.json.',
    ].flatMap((line) => wrap(line, 80)),
  };
}

/** Text broken into lines of at most `width` characters at spaces (the document record's 80-byte lines). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && Buffer.byteLength(`${line} ${word}`) > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** The README sheet of the workbook: what the data is, its source, licence and citation. */
function readmeLines(
  meta: Omit<DatasetMeta, 'tables' | 'files' | 'versions' | 'disclosure'>,
  skipped: string[],
) {
  return [
    meta.title.en,
    meta.title.id,
    `Version ${meta.version}`,
    ...(meta.synthetic ? [syntheticNotice(meta.synthetic)] : []),
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
}

/**
 * Writes every published file of the dataset's current version under
 * `<out>/<id>/<version>/`, copies its archived versions beside it, and
 * writes `<out>/<id>/metadata.json`. `dir` is the dataset folder the
 * checked tables were read from; `extra` adds files made from the metadata.
 */
export async function writeDataset(
  checked: CheckedDataset,
  dir: string,
  out: string,
  archived: ArchivedVersions = new Map(),
  extra?: (meta: DatasetMeta) => Map<string, Uint8Array>,
): Promise<DatasetMeta> {
  const spec = checked.spec!;
  const id = spec.id;
  const names = fileNames(id, spec.synthetic !== false);
  const vdir = path.join(out, id, spec.version);
  mkdirSync(vdir, { recursive: true });
  const head = {
    id,
    version: spec.version,
    title: spec.label,
    description: spec.description,
    keywords: spec.keywords,
    synthetic: spec.synthetic,
    licenses: spec.licenses,
    sources: spec.sources,
    contributors: spec.contributors,
  };

  // The files of the bundle, in the order a reader meets them.
  const bundle = new Map<string, Written>();
  const csvs = new Map<string, { name: string; bytes: number; sha256: string }>();
  const skipped = checked.tables.filter((t) => t.rowCount > EXCEL_MAX_ROWS).map((t) => t.table.name);
  const notice = spec.synthetic ? syntheticNotice(spec.synthetic) : undefined;
  // Three workbooks written side by side as rows pass: the coded data, and
  // the labelled edition in Indonesian and in English.
  const books = [
    { name: names.xlsx, lang: undefined },
    ...locales.map((lang) => ({ name: names.labelsXlsx(lang), lang })),
  ].map(({ name, lang }) => {
    const xlsx = new XlsxWriter(path.join(vdir, name), id);
    const edition = lang ? ` (${lang === 'id' ? 'label kategori' : 'category labels'})` : '';
    xlsx.properties({
      title: `${spec.label.en}${edition}${notice ? ' (SYNTHETIC DATA / DATA SINTETIS)' : ''}`,
      subject: spec.label.id,
      keywords: notice ? 'synthetic data; data sintetis' : '',
      description: notice ?? spec.description.en,
    });
    const about = lang
      ? [
          '',
          lang === 'id'
            ? `Edisi berlabel: setiap kode kategori diganti labelnya dalam bahasa Indonesia. Data berkode ada di ${names.xlsx}.`
            : `Labelled edition: each category code is replaced by its English label. The coded data is in ${names.xlsx}.`,
        ]
      : [];
    xlsx.textSheet('README', [...readmeLines(head, skipped), ...about], 120);
    return { name, lang, xlsx };
  });
  const tables: DatasetMeta['tables'] = [];
  let suppressed = 0;
  for (const t of checked.tables) {
    const csv = new CsvWriter(path.join(vdir, names.csv(t.table.name)), t.table);
    const json = new JsonWriter(path.join(vdir, names.json(t.table.name)), t.table);
    const excelCsv = new ExcelCsvWriter(path.join(vdir, names.excelCsv(t.table.name)), t.table);
    const labelled = locales.map((lang) => ({
      lang,
      label: labeller(t.table, lang),
      csv: new CsvWriter(path.join(vdir, names.labelsCsv(t.table.name, lang)), t.table),
    }));
    const sav = new SavWriter(
      path.join(vdir, names.sav(t.table.name)),
      t.table,
      t.sav,
      savAbout(head, t.table, notice),
      t.rowCount,
    );
    const columns = t.table.fields.map((f) => new FieldSummarizer(f));
    const sheets = skipped.includes(t.table.name)
      ? []
      : books.map((b) => ({
          lang: b.lang,
          label: b.lang ? labeller(t.table, b.lang) : undefined,
          sheet: b.xlsx.sheet(
            t.table.name,
            t.table.fields.map((f) => f.name),
            { columns: sheetColumns(t.table, b.lang), title: notice },
          ),
        }));
    if (!t.source) throw new Error(`${t.file} was not read by the check pass`);
    const log = new IssueLog();
    // The check pass passed every row of these bytes: this read only casts
    // (no checks, keys or classes again), and refuses a file that changed.
    const again = await readTable(path.join(dir, t.table.path), t.file, t.table, log, {
      collect: false,
      referenced: [],
      checked: t.source,
      onRow(values) {
        csv.row(values);
        excelCsv.row(values);
        json.row(values);
        sav.row(values);
        for (let i = 0; i < columns.length; i++) columns[i]!.add(values[i]!);
        for (const l of labelled) l.csv.row(l.label(values));
        for (const x of sheets) x.sheet.row(x.label ? x.label(values) : values);
      },
      pace: () => {
        const waits = books.map((b) => b.xlsx.drained()).filter((w) => w !== undefined);
        return waits.length ? Promise.all(waits).then(() => undefined) : undefined;
      },
    });
    for (const x of sheets) x.sheet.end();
    if (!log.ok || again.rowCount !== t.rowCount)
      throw new Error(
        `${t.file} changed while the build was reading it${log.ok ? '' : `:\n${formatIssues(log)}`}`,
      );
    const c = csv.close();
    csvs.set(t.table.name, { name: names.csv(t.table.name), bytes: c.bytes, sha256: c.sha256 });
    bundle.set(names.csv(t.table.name), c);
    bundle.set(names.excelCsv(t.table.name), excelCsv.close());
    bundle.set(names.json(t.table.name), json.close());
    bundle.set(names.sav(t.table.name), sav.close());
    for (const l of labelled) bundle.set(names.labelsCsv(t.table.name, l.lang), l.csv.close());
    const m = tableMeta(spec, t.table, t.rowCount, columns);
    suppressed += m.suppressed;
    tables.push(m.meta);
  }
  const report = disclosureReport(spec, checked.tables, suppressed);
  const { id: _, version, ...about } = head;
  const meta: DatasetMeta = { id, version, versions: [], ...about, tables, files: [], disclosure: report };

  const codebookHeader = [
    'table',
    'variable',
    'type',
    'label_id',
    'label_en',
    'unit_id',
    'unit_en',
    'role',
    'categories_id',
    'categories_en',
    'question_id',
    'question_en',
  ];
  const wide = new Set([
    'label_id',
    'label_en',
    'categories_id',
    'categories_en',
    'question_id',
    'question_en',
  ]);
  const workbooks = new Map<string, Written>();
  for (const b of books) {
    const codebook = b.xlsx.sheet('codebook', codebookHeader, {
      columns: codebookHeader.map((h) => ({ width: wide.has(h) ? 40 : 16, kind: 'string' })),
      title: notice,
    });
    for (const t of meta.tables)
      for (const f of t.fields)
        codebook.row([
          t.name,
          f.name,
          f.type,
          f.label.id,
          f.label.en,
          f.unit?.id ?? '',
          f.unit?.en ?? '',
          f.role,
          f.categories?.map((c) => `${c.value} = ${c.label.id}`).join('; ') ?? '',
          f.categories?.map((c) => `${c.value} = ${c.label.en}`).join('; ') ?? '',
          f.question?.id ?? '',
          f.question?.en ?? '',
        ]);
    codebook.end();
    workbooks.set(b.name, await b.xlsx.close());
  }

  bundle.set(
    names.datapackage,
    writeBytes(path.join(vdir, names.datapackage), jsonBytes(dataPackage(spec, csvs))),
  );
  bundle.set(names.disclosure, writeBytes(path.join(vdir, names.disclosure), jsonBytes(report)));
  for (const [n, w] of workbooks) bundle.set(n, w);
  for (const [n, b] of extra?.(meta) ?? []) bundle.set(n, writeBytes(path.join(vdir, n), b));

  // The ZIP bundle: the files above plus README, LICENSE and SHA256SUMS,
  // inside one folder named after the dataset and version.
  const folder = `${names.stem}-${spec.version}/`;
  const side = path.join(out, `.${id}-bundle`);
  mkdirSync(side, { recursive: true });
  const sums = new Map([...bundle].map(([n, w]) => [n, w.sha256]));
  const addSide = (n: string, bytes: Uint8Array) => {
    const w = writeBytes(path.join(side, n), bytes);
    sums.set(n, w.sha256);
    return w;
  };
  const inZip = new Map([...bundle].map(([n, w]) => [n, w.path]));
  inZip.set(
    'README.md',
    addSide('README.md', readme(meta, [...bundle.keys(), 'LICENSE', 'SHA256SUMS'])).path,
  );
  inZip.set('LICENSE', addSide('LICENSE', licenseText(meta)).path);
  inZip.set('SHA256SUMS', addSide('SHA256SUMS', sha256sums(sums)).path);
  const zip = await zipFiles(
    path.join(vdir, names.zip),
    [...inZip.keys()].sort().map((n) => ({ name: folder + n, from: inZip.get(n)! })),
  );
  rmSync(side, { recursive: true, force: true });
  bundle.set(names.zip, zip);

  const current = [...bundle].map(([n, w]) => describe(id, spec.version, n, w));
  const changes = new Map(spec.changelog.map((c) => [c.version, c.changes]));
  const versions: DatasetVersion[] = [
    { version: spec.version, changes: changes.get(spec.version)!, files: current },
  ];
  for (const [version, files] of archived) {
    if (version === spec.version) continue;
    const list: DatasetFile[] = [];
    mkdirSync(path.join(out, id, version), { recursive: true });
    for (const n of [...files.keys()].sort()) {
      const copy = path.join(out, id, version, n);
      copyFileSync(files.get(n)!, copy);
      list.push(describe(id, version, n, await hashFile(copy)));
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
  writeFileSync(path.join(out, id, 'metadata.json'), jsonBytes(meta));
  return meta;
}
