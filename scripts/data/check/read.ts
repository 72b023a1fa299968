/**
 * The input edge of the build: reads a delivered CSV from disk in pieces
 * through the decoder and papaparse's parser into a TableValidator, tracking
 * the line each row starts on (quoted cells may contain line breaks), and
 * records what it read (size, time, SHA-256) so the publish pass can tell
 * the file is unchanged.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import type { TableSpec } from './codebook.ts';
import { DecodeError, StreamDecoder } from './decode.ts';
import { IssueLog } from '../errors.ts';
import { TableValidator, type TableResult } from './validate.ts';
import type { Value } from './cast.ts';

const NEWLINES = /\r\n|\r|\n/g;
const countNewlines = (s: string) =>
  s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? 0 : (s.match(NEWLINES)?.length ?? 0);

/** A row with nothing in it: an empty line, or only delimiters and spaces (`;;;;`, as Excel leaves below a sheet's data). */
function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/** True when the cells of a row hold line breaks of another kind than the first line's. */
function mixedEndings(cells: string[], firstEol: string | undefined): boolean {
  const other =
    firstEol === '\r\n'
      ? /\r(?!\n)|(?<!\r)\n/
      : firstEol === '\n'
        ? /\r/
        : firstEol === '\r'
          ? /\n/
          : undefined;
  return other !== undefined && cells.some((c) => other.test(c));
}

/**
 * The header of a file whose header spans several rows: per column, the
 * rows' cells that are not empty, joined (`35-39` above `Laki-Laki` gives
 * `35-39 Laki-Laki`).
 */
export function joinHeaderRows(rows: string[][], join: string): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) =>
    rows
      .map((r) => (r[c] ?? '').replace(/^\uFEFF/, '').trim())
      .filter((part) => part !== '')
      .join(join),
  );
}

/**
 * The line (as an editor counts them) and the cell (1 = first) of the byte
 * at `offset` of a file: a bad byte is reported where the reader can find it.
 * Runs only on the way to an error, reading the file up to that byte.
 */
export function locateByte(
  path: string,
  offset: number,
  delimiter: string,
  quoteChar: string,
): { line: number; column: number } {
  const d = delimiter.charCodeAt(0);
  const q = quoteChar.charCodeAt(0);
  let line = 1;
  let column = 1;
  let quoted = false;
  let prev = 0;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    for (let pos = 0; pos < offset;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === 0x0a ? prev !== 0x0d : b === 0x0d) {
          line++;
          if (!quoted) column = 1;
        } else if (b === q) quoted = !quoted;
        else if (b === d && !quoted) column++;
        prev = b;
      }
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return { line, column };
}

export interface ReadOptions {
  /** Keep the typed rows (the build needs them; a check or benchmark does not). */
  collect: boolean;
  /** Field lists of this table that other tables reference. */
  referenced: string[][];
  /** Receives each row's typed values (a reused array unless `collect`). */
  onRow?: (values: readonly Value[]) => void;
  /** Asked before each piece of the file is parsed: a promise holds reading back until it resolves. */
  pace?: () => Promise<void> | undefined;
  /** A second read for repeated primary keys: filled with the line each first appears on. */
  firstLines?: Map<string, number>;
  /**
   * The publish pass: the file as the check pass read it. Rows are only
   * cast (the checks passed on these bytes); a file whose size or time
   * differs is refused before reading, one whose bytes differ after.
   */
  checked?: Fingerprint;
}

/** What a pass read of a file. */
export interface Fingerprint {
  bytes: number;
  mtimeMs: number;
  sha256: string;
}

/** The file is not the one the check pass read. */
export class ChangedError extends Error {}

/** Bytes read at a time; the first piece is also what encodings and line endings are told from. */
const PIECE = 1 << 16;

/** papaparse's parser of one input given in pieces (what its stream reader drives; `Papa.ParserHandle`). */
interface ParserHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}
const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ParserHandle };

/**
 * Reads a file piece by piece, decodes it and hands papaparse's rows to
 * `rows`, as papaparse's own stream reader does (the unfinished last row
 * of a piece is parsed again with the next) but without a stream between:
 * fewer copies, and the bytes are hashed on the way. `text` sees each
 * decoded piece. Returns what was read.
 */
async function parseFile(
  path: string,
  label: string,
  decoder: StreamDecoder,
  table: TableSpec,
  opts: ReadOptions,
  rows: (results: Papa.ParseResult<string[]>) => void,
  text: (piece: string) => void,
  fast?: { ready: () => boolean; row: (input: string, start: number, end: number) => void },
): Promise<Fingerprint> {
  const before = statSync(path);
  const checked = opts.checked;
  const changed = () =>
    new ChangedError(
      `${label} changed after it was checked (${checked!.bytes} bytes then); run the build again`,
    );
  if (checked && (before.size !== checked.bytes || before.mtimeMs !== checked.mtimeMs)) throw changed();
  const handle = new ParserHandle({
    delimiter: table.delimiter,
    quoteChar: table.quoteChar,
    escapeChar: table.quoteChar,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const hash = createHash('sha256');
  let bytes = 0;
  let partial = '';
  let base = 0;
  /** The line break papaparse found in the first piece. */
  let newline = '';
  const fd = openSync(path, 'r');
  try {
    for (let done = false; !done;) {
      // A fresh buffer per piece: the decoder keeps the last bytes of the previous one.
      const buf = Buffer.allocUnsafe(PIECE);
      const n = readSync(fd, buf, 0, PIECE, bytes);
      let piece: string;
      if (n > 0) {
        const chunk = buf.subarray(0, n);
        hash.update(chunk);
        bytes += n;
        piece = decoder.push(chunk);
        if (piece === '') continue;
        text(piece);
      } else {
        piece = decoder.end();
        done = true;
      }
      const wait = opts.pace?.();
      if (wait) await wait;
      const input = partial + piece;
      // Without quotes in the file so far, papaparse splits rows at line
      // breaks and cells at delimiters, nothing more: the rows are found here
      // and checked where they stand, with no string cut for each cell.
      if (fast && newline && !done && !decoder.sawQuote && fast.ready()) {
        let from = 0;
        for (let at = input.indexOf(newline); at >= 0; at = input.indexOf(newline, from)) {
          fast.row(input, from, at);
          from = at + newline.length;
        }
        partial = input.substring(from);
        base += from;
        continue;
      }
      const results = handle.parse(input, base, !done);
      if (!newline) newline = results.meta.linebreak;
      if (!done) {
        partial = input.substring(results.meta.cursor - base);
        base = results.meta.cursor;
      }
      rows(results);
    }
  } finally {
    closeSync(fd);
  }
  const read = { bytes, mtimeMs: before.mtimeMs, sha256: hash.digest('hex') };
  if (checked && (read.bytes !== checked.bytes || read.sha256 !== checked.sha256)) throw changed();
  return read;
}

/** Streams one CSV file through the checks; problems go to `log`. */
export async function readTable(
  path: string,
  label: string,
  table: TableSpec,
  log: IssueLog,
  opts: ReadOptions,
): Promise<TableResult> {
  const v = new TableValidator(table, label, log, opts.referenced, opts.collect, opts.onRow, {
    firstLines: opts.firstLines,
    cast: !!opts.checked,
  });
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    // File names are case-sensitive on the server that builds the site.
    let near: string | undefined;
    try {
      near = readdirSync(dirname(path)).find((n) => n.toLowerCase() === table.path.toLowerCase());
    } catch {
      near = undefined;
    }
    log.add({
      file: label,
      rule: 'file-missing',
      message: `the file named in the codebook (path: ${table.path}) does not exist`,
      hint: near
        ? `The folder has "${near}": file names must match exactly, capitals included. Rename the file or correct "path".`
        : 'Put the CSV in the dataset folder under that name, or correct "path" in the codebook.',
    });
    return v.finish();
  }
  if (size === 0) {
    log.add({
      file: label,
      rule: 'empty-file',
      message: 'the file is empty',
      hint: 'Export the sheet again.',
    });
    return v.result;
  }
  const decoder = new StreamDecoder(table.encoding, table.quoteChar);
  /** How the first line ends (to tell a quote error from line endings that change midway). */
  let firstEol: string | undefined;
  let line = 1;
  let sawHeader = false;
  /** Rows of the file read so far, empty ones included (what `dialect.headerRows` counts). */
  let rowNumber = 0;
  const headerRows = table.headerRows;
  const headerParts: string[][] = [];
  let headerLine = 0;
  /** Handles the rows papaparse made of one piece of text; false once reading is to stop. */
  const rowsOf = (results: Papa.ParseResult<string[]>): void => {
    const quoteErrors = new Map<number, string>();
    for (const e of results.errors)
      if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row, e.code);
    const rows = results.data;
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      const start = line;
      rowNumber++;
      let extra = 0;
      if (decoder.sawQuote) for (let c = 0; c < cells.length; c++) extra += countNewlines(cells[c]!);
      line += 1 + extra;
      const q = quoteErrors.size ? quoteErrors.get(i) : undefined;
      if (q) {
        log.add({
          file: label,
          line: start,
          rule: q === 'MissingQuotes' ? 'unclosed-quote' : 'quotes',
          message:
            (q === 'MissingQuotes'
              ? 'a quoted cell opens here and is never closed'
              : 'a quote inside a quoted cell is not doubled') +
            (mixedEndings(cells, firstEol)
              ? ', or the file mixes line endings from here on (lines ending in LF or CR after lines ending in CRLF, or the reverse): then save it again from Excel or LibreOffice'
              : ''),
          hint: 'Inside quotes, write a quote as "" (two quotes); every opening quote needs a closing one.',
        });
        if (q === 'MissingQuotes') return;
        continue;
      }
      if (headerRows && !sawHeader) {
        // Rows above the header (a title) and between its rows are not data.
        if (!headerRows.includes(rowNumber)) continue;
        if (headerParts.length === 0) headerLine = start;
        headerParts.push(cells);
        if (rowNumber === headerRows[headerRows.length - 1]) {
          sawHeader = true;
          v.header(joinHeaderRows(headerParts, table.headerJoin), headerLine);
        }
        continue;
      }
      if (isBlank(cells)) continue; // an empty line, or one of only delimiters (`;;;;`)
      // Excel may start a CSV with a `sep=;` line naming the delimiter.
      if (!sawHeader && start === 1 && /^sep=.$/i.test(cells.join(table.delimiter).trim())) continue;
      if (!sawHeader) {
        sawHeader = true;
        v.header(cells, start);
        continue;
      }
      v.row(cells, start);
    }
  };
  try {
    v.result.source = await parseFile(
      path,
      label,
      decoder,
      table,
      opts,
      rowsOf,
      (s) => {
        if (firstEol === undefined) firstEol = /\r\n|\r|\n/.exec(s)?.[0];
      },
      {
        ready: () => sawHeader,
        // A data row, as `rowsOf` takes it once the header is read.
        row: (input, from, to) => {
          const start = line++;
          rowNumber++;
          if (v.rowAt(input, from, to, start)) return;
          const cells = input.slice(from, to).split(table.delimiter);
          if (!isBlank(cells)) v.row(cells, start);
        },
      },
    );
  } catch (err) {
    if (err instanceof DecodeError)
      log.add({
        file: label,
        ...(err.rule === 'encoding' && err.offset !== undefined && !/^utf-16/i.test(table.encoding ?? '')
          ? locateByte(path, err.offset, table.delimiter, table.quoteChar)
          : {}),
        rule: err.rule,
        message: err.message,
        hint: err.hint,
      });
    else if (err instanceof ChangedError) throw err;
    else
      log.add({
        file: label,
        rule: 'read',
        message: (err as Error).message,
        hint: 'The file could not be read.',
      });
  }
  if (!sawHeader && log.count === 0)
    log.add({
      file: label,
      rule: 'empty-file',
      ...(headerRows
        ? {
            message: `the file has ${rowNumber} rows; the header is to be on row${headerRows.length > 1 ? 's' : ''} ${headerRows.join(', ')} (dialect.headerRows)`,
            hint: 'Correct dialect.headerRows in the codebook, or export the sheet again.',
          }
        : {
            message: 'the file has no header row (it holds only empty lines)',
            hint: 'Export the sheet again.',
          }),
    });
  if (!sawHeader) return v.result;
  // Where each repeated key first appeared: the key set keeps no lines, so
  // the file is read once more (only when a key repeats).
  const repeated = v.repeatedKeys;
  if (repeated.length === 0 || opts.firstLines) return v.finish();
  const firstLines = new Map(repeated.map((k) => [k, 0]));
  await readTable(path, label, table, new IssueLog(), { collect: false, referenced: [], firstLines });
  return v.finish(firstLines);
}
