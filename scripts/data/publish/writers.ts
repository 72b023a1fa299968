/**
 * Writers of the published files that take rows as they stream past and
 * hold none of them, so memory stays flat however long a table is: each
 * file is written in pieces and hashed on the way. Same input, same bytes:
 * no timestamps, fixed ZIP entry times.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate } from 'fflate';
import type { TableSpec } from '../check/codebook.ts';
import type { Value } from '../check/cast.ts';

/** Every ZIP entry (bundle and XLSX) carries this time, so rebuilding changes no byte. */
export const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

/** A written file: its size and SHA-256, as the descriptor and the SHA256SUMS list give them. */
export interface Written {
  path: string;
  bytes: number;
  sha256: string;
}

/** A file written in pieces of about 1 MB, hashed as it goes. */
export class FileSink {
  readonly path: string;
  private fd: number;
  private hash: Hash = createHash('sha256');
  private parts: string[] = [];
  private pending = 0;
  private bytes = 0;
  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending > 1 << 16) this.flush();
  }
  writeBytes(chunk: Uint8Array): void {
    this.flush();
    this.put(chunk);
  }
  private put(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    writeSync(this.fd, chunk);
  }
  private flush(): void {
    if (!this.parts.length) return;
    this.put(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.pending = 0;
  }
  close(): Written {
    this.flush();
    closeSync(this.fd);
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

function csvCell(v: Value): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A cell of the edition for Excel in the Indonesian locale: `;` between
 * cells, "," before decimals (Excel reads `2.5` there as text or a date).
 * Text that Excel would run as a formula (starting with = + - @, tab or
 * CR) gets a leading apostrophe, as OWASP's CSV-injection advice says:
 * this file is made to be opened by double-click.
 */
function excelCell(v: Value): string {
  if (v === null) return '';
  let s: string;
  if (typeof v === 'number') s = String(v).replace('.', ',');
  else if (typeof v === 'string') s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  else s = String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * RFC 4180 CSV: comma, CRLF, double quotes, UTF-8 without BOM (most tools
 * read it cleanly; Excel users have the XLSX). Numbers use "." and no
 * thousands separator. Missing values are empty cells. A text cell starting
 * with = + - @ is published as the data it is, unchanged: the CSV is data,
 * not a spreadsheet (the XLSX keeps such cells as text).
 */
export class CsvWriter {
  private sink: FileSink;
  private readonly separator: string;
  private readonly cell: (v: Value) => string;
  constructor(path: string, table: TableSpec, separator = ',', cell = csvCell, start = '') {
    this.separator = separator;
    this.cell = cell;
    this.sink = new FileSink(path);
    this.sink.write(start + table.fields.map((f) => cell(f.name)).join(separator) + '\r\n');
  }
  row(values: readonly Value[]): void {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? this.separator : '') + this.cell(values[i]!);
    this.sink.write(line + '\r\n');
  }
  close(): Written {
    return this.sink.close();
  }
}

/**
 * The CSV edition for Excel in the Indonesian locale, opened by
 * double-click: UTF-8 with a byte order mark (without it Excel reads the
 * bytes as Windows-1252), `;` between cells (the locale's list separator),
 * "," before decimals, CRLF. See `excelCell` for formulas.
 */
export class ExcelCsvWriter extends CsvWriter {
  constructor(path: string, table: TableSpec) {
    super(path, table, ';', excelCell, '\ufeff');
  }
}

/** JSON: an array of row objects (keys in codebook order, null for missing), one row per line. */
export class JsonWriter {
  private sink: FileSink;
  private keys: string[];
  private first = true;
  constructor(path: string, table: TableSpec) {
    this.sink = new FileSink(path);
    // Each key as JSON text once, with its colon: rows are written by joining.
    this.keys = table.fields.map((f) => JSON.stringify(f.name) + ':');
    this.sink.write('[\n');
  }
  row(values: readonly Value[]): void {
    let line = this.first ? '{' : ',\n{';
    this.first = false;
    for (let i = 0; i < this.keys.length; i++)
      line += (i ? ',' : '') + this.keys[i] + JSON.stringify(values[i] ?? null);
    this.sink.write(line + '}');
  }
  close(): Written {
    this.sink.write('\n]\n');
    return this.sink.close();
  }
}

/** Excel's sheet limit is 1,048,576 rows including the header. */
export const EXCEL_MAX_ROWS = 1_048_575;

/** Characters XML 1.0 cannot carry (and DEL, which exceljs drops), and text that reads as an escape. */
const XML_UNSAFE = /_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;

/**
 * Text as an XLSX cell holds it. exceljs drops control characters (a
 * vertical tab from a pasted Word text) silently; they are written as the
 * `_xHHHH_` escapes of Office Open XML (ECMA-376 Part 1, ST_Xstring), which
 * spreadsheet programs turn back into the character, and text that already
 * looks like such an escape gets its underscore escaped (`_x005F_`), so no
 * character is lost or changed.
 */
export function xlsxText(s: string): string {
  return s.replace(XML_UNSAFE, (m) =>
    m.length > 1 ? `_x005F${m}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** How a column's cells are typed and shown in the XLSX: its codebook type. */
export type ColumnKind = 'string' | 'integer' | 'number' | 'year' | 'date' | 'boolean';

/** A data sheet's column: its width in characters and kind. */
export interface SheetColumn {
  width: number;
  kind: ColumnKind;
}

/**
 * Number formats as Excel stores them: "," groups thousands and "." marks
 * decimals in the file, and Excel shows both in the reader's locale
 * (1.250.000,5 in Indonesian). A date uses built-in format 14, which Excel
 * shows as the reader's short date. A number column shows whole values
 * without a decimal mark, so they get the integer format cell by cell.
 */
const numFmt: Partial<Record<ColumnKind, string>> = {
  integer: '#,##0',
  number: '#,##0.##########',
  year: '0',
  date: 'mm-dd-yy',
};

/** A published ISO date (`1995-04-05`) as the Date exceljs writes as an Excel date serial. */
const isoDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** What exceljs's sheet stream holds: its own buffers and the streams it pipes into. */
type Backlogged = {
  buffers?: { length?: number }[];
  pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[];
};

/** Size and SHA-256 of a file on disk, read in pieces. */
export async function hashFile(path: string): Promise<Written> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

/** `time` as an MS-DOS time and date, the form ZIP headers store. */
function dosTime(time: Date): [number, number] {
  return [
    (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | (time.getUTCSeconds() >> 1),
    ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate(),
  ];
}

/**
 * Sets the modification time of every entry of a ZIP file, in place: in the
 * central directory and in each entry's local header. Reads only the
 * directory at the end of the file and writes four bytes per header.
 */
export function setZipTimes(path: string, time: Date): void {
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${path}: not a ZIP file (no end of central directory)`);
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff) throw new Error(`${path}: ZIP64 archives are not handled`);
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    const stamp = Buffer.alloc(4);
    const [t, d] = dosTime(time);
    stamp.writeUInt16LE(t, 0);
    stamp.writeUInt16LE(d, 2);
    for (let i = 0, p = 0; i < entries; i++) {
      if (dir.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: damaged central directory`);
      writeSync(fd, stamp, 0, 4, dirOffset + p + 12);
      writeSync(fd, stamp, 0, 4, dir.readUInt32LE(p + 42) + 10);
      p += 46 + dir.readUInt16LE(p + 28) + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * An XLSX workbook written sheet by sheet with exceljs's streaming writer:
 * rows are committed as they come, text goes in as inline text (never a
 * formula, and no shared-strings table growing with the rows). exceljs
 * stamps each ZIP entry with the current time; they are set to FIXED_TIME
 * afterwards so builds stay byte-identical.
 */
export class XlsxWriter {
  private wb: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly path: string;
  constructor(path: string, creator: string) {
    this.path = path;
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    this.wb.creator = creator;
    this.wb.lastModifiedBy = creator;
    this.wb.created = FIXED_TIME;
    this.wb.modified = FIXED_TIME;
  }
  private taken = new Set<string>();
  /**
   * A sheet name Excel accepts: at most 31 characters and unlike every other
   * sheet's, ignoring case (a table named "readme" or "codebook" meets the
   * workbook's own sheets; long table names may share their first 31).
   */
  private sheetName(name: string): string {
    let n = name.slice(0, 31);
    for (let i = 2; this.taken.has(n.toLowerCase()); i++)
      n = `${name.slice(0, 31 - String(i).length - 1)}~${i}`;
    this.taken.add(n.toLowerCase());
    return n;
  }
  /** Document properties (File > Properties), e.g. the synthetic mark in title, subject and keywords. */
  properties(props: { title: string; subject: string; keywords: string; description: string }): void {
    Object.assign(this.wb, props);
  }
  /** A sheet of one text column (README). */
  textSheet(name: string, lines: string[], width: number): void {
    const ws = this.wb.addWorksheet(this.sheetName(name));
    ws.getColumn(1).width = width;
    for (const line of lines) ws.addRow([xlsxText(line)]).commit();
    ws.commit();
  }
  /**
   * A sheet with a bold, frozen header row (below a bold title row when
   * `title` is given); rows are added with the returned function. Columns
   * carry their widths and number formats; text is written by `xlsxText`.
   */
  sheet(
    name: string,
    header: string[],
    options: { columns?: SheetColumn[]; title?: string } = {},
  ): { row: (values: readonly Value[]) => void; end: () => void } {
    const top = options.title ? 2 : 1;
    const ws = this.wb.addWorksheet(this.sheetName(name), { views: [{ state: 'frozen', ySplit: top }] });
    const columns = options.columns ?? header.map(() => ({ width: 16, kind: 'string' as const }));
    columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      const fmt = numFmt[c.kind];
      if (fmt) col.numFmt = fmt;
    });
    if (options.title) {
      const title = ws.addRow([xlsxText(options.title)]);
      title.font = { bold: true, color: { argb: 'FF9C2B00' } };
      title.commit();
    }
    const head = ws.addRow(header.map(xlsxText));
    head.font = { bold: true };
    head.commit();
    this.current = ws;
    const kinds = columns.map((c) => c.kind);
    const cells: (Value | Date)[] = [];
    return {
      // Values go in as typed JS values: numbers become numeric cells,
      // booleans boolean cells, dates date serials, strings inline text.
      row: (values) => {
        let whole = -1;
        for (let i = 0; i < values.length; i++) {
          const v = values[i]!;
          const kind = kinds[i];
          if (typeof v === 'string') cells[i] = kind === 'date' ? isoDate(v) : xlsxText(v);
          else {
            cells[i] = v;
            if (kind === 'number' && typeof v === 'number' && Number.isInteger(v)) whole = i;
          }
        }
        cells.length = values.length;
        const r = ws.addRow(cells);
        if (whole >= 0)
          for (let i = 0; i < values.length; i++)
            if (kinds[i] === 'number' && Number.isInteger(values[i])) r.getCell(i + 1).numFmt = '#,##0';
        r.commit();
      },
      end: () => {
        ws.commit();
        this.current = undefined;
      },
    };
  }
  private current: ExcelJS.Worksheet | undefined;
  /**
   * Sheet XML that exceljs has produced but not yet compressed and written.
   * exceljs takes rows without pushing back, so a table read faster than it
   * can be deflated would pile up in memory; `drained` lets the reader wait.
   * (Read from exceljs's stream internals; 0 if they are not there.)
   */
  private backlog(): number {
    const stream = (this.current as unknown as { _stream?: Backlogged } | undefined)?._stream;
    if (!stream) return 0;
    let n = 0;
    for (const b of stream.buffers ?? []) n += b.length ?? 0;
    for (const p of stream.pipes ?? [])
      n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
    return n;
  }
  /** Resolves once the sheet being written has less than `limit` bytes waiting (at once if it has). */
  drained(limit = 1 << 20): Promise<void> | undefined {
    if (this.backlog() < limit) return undefined;
    return new Promise((resolve) => {
      const wait = () => (this.backlog() < limit ? resolve() : setTimeout(wait, 2));
      setTimeout(wait, 2);
    });
  }
  async close(): Promise<Written> {
    await this.wb.commit();
    setZipTimes(this.path, FIXED_TIME);
    return hashFile(this.path);
  }
}

/**
 * A ZIP of files already on disk, entries in the given order, each stamped
 * with FIXED_TIME and deflated at level 6; read and written in pieces.
 */
export async function zipFiles(path: string, entries: { name: string; from: string }[]): Promise<Written> {
  const sink = new FileSink(path);
  let failed: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else sink.writeBytes(chunk);
  });
  for (const e of entries) {
    const file = new ZipDeflate(e.name, { level: 6 });
    file.mtime = FIXED_TIME;
    zip.add(file);
    let last: Buffer | undefined;
    for await (const chunk of createReadStream(e.from, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (last) file.push(last);
      last = chunk;
    }
    file.push(last ?? new Uint8Array(0), true);
  }
  zip.end();
  if (failed) throw failed;
  return sink.close();
}
