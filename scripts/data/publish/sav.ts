/**
 * SPSS system files (`.sav`), one per table, for readers who work in SPSS,
 * PSPP, Stata, R (haven) or jamovi: the codebook's variable labels, value
 * labels and missing values travel inside the file.
 *
 * Written against GNU PSPP's description of the format, "System File
 * Format" (PSPP Developers Guide, chapter 1,
 * https://www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html):
 * uncompressed, little-endian, UTF-8 (no npm writer is maintained; the
 * files are checked by PSPP and the `sav-reader` package in the tests).
 *
 * Choices, each for a reason:
 * - Labels are the codebook's Indonesian text (its standard properties):
 *   the study's language; the English text is in datapackage.json and the
 *   DDI file.
 * - A category keeps its code (the value of the coded CSV) and gets the
 *   category's label as value label, strings included (long string value
 *   labels, record 7/21), so the cells equal the CSV's.
 * - Missing: an empty cell of the CSV is system-missing in a numeric
 *   variable, and blanks in a string variable, declared as its missing
 *   value (record 2, or 7/22 beyond 8 bytes).
 * - Dates are SPSS dates (seconds since 14 October 1582) shown as DATE11;
 *   booleans are 1/0 with value labels "ya"/"tidak".
 * - The header's creation date and time are fixed (FIXED_TIME) so a
 *   rebuild gives the same bytes.
 *
 * String widths and number formats must be in the dictionary before the
 * first case: `SavShape` measures them on the check pass, so the publish
 * pass writes each case as it passes and holds none.
 */
import type { TableSpec } from '../check/codebook.ts';
import type { Value } from '../check/cast.ts';
import { FileSink, FIXED_TIME, type Written } from './writers.ts';

/** Seconds between the SPSS epoch (1582-10-14, the Gregorian calendar's start) and 1970-01-01. */
const SPSS_EPOCH_OFFSET = 12219379200;
/** System-missing: the most negative double (PSPP's SYSMIS). */
const SYSMIS = -Number.MAX_VALUE;
/** The widest piece of a string a variable record holds; longer strings are split (very long strings). */
const SEGMENT = 255;
/** The widest string variable SPSS allows, in bytes. */
const STRING_MAX = 32767;
/** Value labels longer than this are cut (the limit SPSS documents). */
const VALUE_LABEL_MAX = 120;
/** Variable labels longer than this are cut. */
const VAR_LABEL_MAX = 255;
/** Format types of the variable record's print/write formats. */
const FMT = { A: 1, F: 5, DATE: 20 } as const;

/** An ISO date (`1995-04-05`) as an SPSS date: seconds since 1582-10-14 00:00. */
export const spssDate = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 1000 + SPSS_EPOCH_OFFSET;

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** `s` cut to at most `max` UTF-8 bytes, never inside a character. */
export function cutUtf8(s: string, max: number): Buffer {
  const b = utf8(s);
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

/**
 * Measures what the dictionary needs before the first case: the widest
 * value in UTF-8 bytes of each free-text field (a category field's width
 * comes from its codes, the only values it can hold), and the largest and
 * smallest number and most decimals of each numeric field (for its F
 * format). Fed every row on the check pass, so it does little per cell:
 * a text is measured only when it could be wider than the widest so far,
 * a number is only compared unless it has more decimals than seen.
 */
export class SavShape {
  readonly bytes: number[];
  readonly max: number[];
  readonly min: number[];
  readonly decimals: number[];
  private text: number[] = [];
  private numeric: number[] = [];
  private fractional: boolean[] = [];
  /** 10 to the power of each field's decimals so far. */
  private scale: number[];
  constructor(table: TableSpec) {
    const n = table.fields.length;
    this.bytes = new Array<number>(n).fill(0);
    this.max = new Array<number>(n).fill(0);
    this.min = new Array<number>(n).fill(0);
    this.decimals = new Array<number>(n).fill(0);
    this.scale = new Array<number>(n).fill(1);
    table.fields.forEach((f, i) => {
      if (f.type === 'string' && !f.categories?.length) this.text.push(i);
      else if (f.type === 'integer' || f.type === 'year' || f.type === 'number') this.numeric.push(i);
      this.fractional[i] = f.type === 'number';
    });
  }
  add(values: readonly Value[]): void {
    for (const i of this.text) {
      const v = values[i];
      // UTF-8 takes at most 3 bytes per UTF-16 unit: a short text cannot be wider.
      if (typeof v === 'string' && v.length * 3 > this.bytes[i]!) {
        const n = Buffer.byteLength(v, 'utf8');
        if (n > this.bytes[i]!) this.bytes[i] = n;
      }
    }
    for (const i of this.numeric) {
      const v = values[i];
      if (typeof v !== 'number') continue;
      if (v > this.max[i]!) this.max[i] = v;
      if (v < this.min[i]!) this.min[i] = v;
      if (this.fractional[i] && !Number.isInteger(v * this.scale[i]!) && this.decimals[i]! < 16) {
        const s = String(v);
        const e = s.indexOf('e');
        const dot = s.indexOf('.');
        const d = Math.min(16, e >= 0 ? 16 : dot < 0 ? 0 : s.length - dot - 1);
        if (d > this.decimals[i]!) {
          this.decimals[i] = d;
          this.scale[i] = 10 ** d;
        }
      }
    }
  }
  /** Digits before the decimal mark of the widest number (with its minus sign). */
  intDigits(i: number): number {
    const digits = (x: number) => String(Math.trunc(Math.abs(x))).length;
    return Math.max(digits(this.max[i]!), digits(this.min[i]!) + (this.min[i]! < 0 ? 1 : 0));
  }
}

/** A valid SPSS variable name for a CSV column: letters, digits and `._$#@`, a letter first, at most 64 bytes. */
export function savName(name: string): string {
  let n = name.replace(/[^\p{L}\p{N}._$#@]/gu, '_');
  if (!/^[\p{L}@#$]/u.test(n)) n = `v${n}`;
  n = n.replace(/[._]+$/, '') || 'v';
  const reserved = ['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH'];
  if (reserved.includes(n.toUpperCase())) n = `${n}_`;
  return cutUtf8(n, 64).toString('utf8');
}

interface Segment {
  short: string;
  width: number;
}
interface Variable {
  name: string;
  type: TableSpec['fields'][number]['type'];
  /** 0 for a numeric variable, else the string's width in bytes. */
  width: number;
  format: number;
  label: Buffer;
  segments: Segment[];
  /** Value labels: numbers for numeric variables, codes for strings. */
  labels: [number | string, string][];
  /** The first dictionary index (1-based) of the variable. */
  index: number;
}

/** Storage of a string segment in the case: its width rounded up to 8 bytes. */
const slots = (width: number) => (width === 0 ? 1 : Math.ceil(width / 8));

/** Builds the binary pieces of the dictionary, all little-endian. */
class Bytes {
  private parts: Buffer[] = [];
  i32(...xs: number[]): this {
    for (const x of xs) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(x);
      this.parts.push(b);
    }
    return this;
  }
  f64(...xs: number[]): this {
    for (const x of xs) {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(x);
      this.parts.push(b);
    }
    return this;
  }
  u8(x: number): this {
    this.parts.push(Buffer.from([x]));
    return this;
  }
  /** Bytes padded with spaces (or cut) to `n`. */
  text(s: string | Buffer, n?: number): this {
    const b = typeof s === 'string' ? utf8(s) : s;
    if (n === undefined) this.parts.push(b);
    else {
      const out = Buffer.alloc(n, 0x20);
      b.copy(out, 0, 0, Math.min(n, b.length));
      this.parts.push(out);
    }
    return this;
  }
  get length(): number {
    return this.parts.reduce((n, p) => n + p.length, 0);
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Unique 8-byte upper-case short names (SPSS's dictionary names), from the long names. */
function shortNames(): (long: string) => string {
  const taken = new Set<string>();
  return (long) => {
    // A name may not end in a period (cutting can leave one).
    const base = cutUtf8(long.toUpperCase(), 8).toString('utf8').replace(/\.+$/, '') || 'V';
    let n = base;
    for (let i = 1; taken.has(n); i++) {
      const suffix = `_${i}`;
      n = cutUtf8(base, 8 - suffix.length).toString('utf8') + suffix;
    }
    taken.add(n);
    return n;
  };
}

/** What the file says about itself: label and document lines. */
export interface SavAbout {
  /** At most 64 bytes are kept (the header's file label). */
  fileLabel: string;
  /** Lines of the document record, each cut to 80 bytes. */
  documents: string[];
}

/**
 * Writes one table as an SPSS system file: the dictionary from the codebook
 * and `shape`, then one uncompressed case per `row()`.
 */
export class SavWriter {
  private sink: FileSink;
  private vars: Variable[];
  private kinds: number[];
  private caseBytes: number;
  /** Cases gathered into about 64 KB before they are written. */
  private chunk: Buffer;
  private used = 0;
  private rows = 0;
  private readonly rowCount: number;
  constructor(path: string, table: TableSpec, shape: SavShape, about: SavAbout, rowCount: number) {
    this.rowCount = rowCount;
    const short = shortNames();
    const longTaken = new Set<string>();
    let index = 1;
    this.vars = table.fields.map((f, i) => {
      let name = savName(f.name);
      for (let k = 2; longTaken.has(name.toUpperCase()); k++) name = `${savName(f.name).slice(0, 60)}_${k}`;
      longTaken.add(name.toUpperCase());
      const codes = f.categories?.map((c) => c.value) ?? [];
      const numeric = f.type !== 'string';
      // SPSS strings hold at most 32,767 bytes: longer text is cut there (at a character's start).
      const width = numeric
        ? 0
        : Math.min(STRING_MAX, Math.max(1, shape.bytes[i]!, ...codes.map((c) => utf8(c).length)));
      const format =
        f.type === 'string'
          ? (FMT.A << 16) | (Math.min(width, SEGMENT) << 8)
          : f.type === 'date'
            ? (FMT.DATE << 16) | (11 << 8)
            : f.type === 'boolean'
              ? (FMT.F << 16) | (1 << 8)
              : (() => {
                  const d = f.type === 'number' ? shape.decimals[i]! : 0;
                  const w = Math.min(40, Math.max(8, shape.intDigits(i) + (d ? d + 1 : 0)));
                  return (FMT.F << 16) | (w << 8) | d;
                })();
      // A very long string is split into segments of 255 bytes of width
      // for every 252 of the string (the format's rule), the last taking the rest.
      const n = width > SEGMENT ? Math.ceil(width / 252) : 1;
      const segments: Segment[] = [];
      for (let s = 0; s < n; s++)
        segments.push({
          short: short(s ? `${name.slice(0, 5)}${s}` : name),
          width: n === 1 ? width : s < n - 1 ? SEGMENT : width - (n - 1) * 252,
        });
      const labels: Variable['labels'] =
        f.type === 'boolean'
          ? [
              [1, 'ya'],
              [0, 'tidak'],
            ]
          : (f.categories ?? []).map((c) => [numeric ? Number(c.value) : c.value, c.label.id]);
      const v: Variable = {
        name,
        type: f.type,
        width,
        format,
        label: cutUtf8(f.label.id, VAR_LABEL_MAX),
        segments,
        labels,
        index,
      };
      index += segments.reduce((k, s) => k + slots(s.width), 0);
      return v;
    });
    this.caseBytes = (index - 1) * 8;
    this.kinds = this.vars.map((v) =>
      v.type === 'string' ? 0 : v.type === 'date' ? 2 : v.type === 'boolean' ? 3 : 1,
    );
    this.chunk = Buffer.alloc(Math.max(1, Math.floor((1 << 16) / this.caseBytes)) * this.caseBytes);
    this.sink = new FileSink(path);
    this.sink.writeBytes(this.dictionary(about, rowCount));
  }

  /** The file header and every dictionary record, ending with record 999. */
  private dictionary(about: SavAbout, rowCount: number): Buffer {
    const out = new Bytes();
    const t = FIXED_TIME;
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    const two = (n: number) => String(n).padStart(2, '0');
    // Record 1, file header: magic, product, layout code 2, case size in
    // 8-byte units, no compression, no weight, case count, bias 100, fixed
    // creation date and time, file label.
    out
      .text('$FL2')
      .text('@(#) SPSS DATA FILE - paseban data build', 60)
      .i32(2, this.caseBytes / 8, 0, 0, rowCount)
      .f64(100)
      .text(`${two(t.getUTCDate())} ${months[t.getUTCMonth()]} ${two(t.getUTCFullYear() % 100)}`, 9)
      .text(`${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`, 8)
      .text(cutUtf8(about.fileLabel, 64), 64)
      .text(Buffer.alloc(3));
    // Record 2, one per variable (and per segment of a very long string),
    // then one continuation record per further 8 bytes of a string.
    for (const v of this.vars)
      v.segments.forEach((s, k) => {
        const first = k === 0;
        const shortBlank = v.type === 'string' && first && v.segments.length === 1 && v.width <= 8;
        const fmt = v.type === 'string' ? (FMT.A << 16) | (s.width << 8) : v.format;
        out.i32(2, s.width, first ? 1 : 0, shortBlank ? 1 : 0, fmt, fmt).text(s.short, 8);
        if (first) {
          out.i32(v.label.length).text(v.label, Math.ceil(v.label.length / 4) * 4);
        }
        if (shortBlank) out.text('', 8);
        for (let c = 1; c < slots(s.width); c++) out.i32(2, -1, 0, 0, 0, 0).text('', 8);
      });
    // Records 3 and 4: value labels of numeric and short string variables
    // (values as 8 bytes), each set followed by the variable it belongs to.
    for (const v of this.vars) {
      if (!v.labels.length || v.width > 8) continue;
      out.i32(3, v.labels.length);
      for (const [value, label] of v.labels) {
        if (typeof value === 'number') out.f64(value);
        else out.text(value, 8);
        const l = cutUtf8(label, VALUE_LABEL_MAX);
        out.u8(l.length).text(l, Math.ceil((l.length + 1) / 8) * 8 - 1);
      }
      out.i32(4, 1, v.index);
    }
    // Record 6, documents: lines of 80 bytes (what the file is, the synthetic mark).
    if (about.documents.length) {
      out.i32(6, about.documents.length);
      for (const line of about.documents) out.text(cutUtf8(line, 80), 80);
    }
    // Record 7/3, integer info: version 1.0.0, IEEE 754 doubles, little-endian, UTF-8 (code page 65001).
    out.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001);
    // Record 7/4, float info: the system-missing value and the bounds of missing-value ranges.
    const lowest = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff]).readDoubleLE();
    out.i32(7, 4, 8, 3).f64(SYSMIS, Number.MAX_VALUE, lowest);
    // Record 7/11, display: measurement level (nominal for text, categories
    // and yes/no; scale otherwise), column width, alignment; one per segment.
    const display = new Bytes();
    let displayCount = 0;
    for (const v of this.vars)
      for (const s of v.segments) {
        const nominal = v.type === 'string' || v.type === 'boolean' || v.labels.length > 0;
        display.i32(nominal ? 1 : 3, Math.max(8, Math.min(40, s.width || 8)), v.type === 'string' ? 0 : 1);
        displayCount += 3;
      }
    out.i32(7, 11, 4, displayCount).text(display.done());
    // Record 7/13, long variable names: the codebook's names beside the 8-byte ones.
    const names = utf8(this.vars.map((v) => `${v.segments[0]!.short}=${v.name}`).join('\t'));
    out.i32(7, 13, 1, names.length).text(names);
    // Record 7/14, very long strings: the full width of each string wider than 255 bytes.
    const long = this.vars.filter((v) => v.segments.length > 1);
    if (long.length) {
      const b = utf8(
        long.map((v) => `${v.segments[0]!.short}=${String(v.width).padStart(5, '0')}\0\t`).join(''),
      );
      out.i32(7, 14, 1, b.length).text(b);
    }
    // Record 7/20, character encoding of every text in the file.
    out.i32(7, 20, 1, 5).text('UTF-8');
    // Record 7/21, value labels of strings wider than 8 bytes, by long name.
    const wide = this.vars.filter((v) => v.labels.length && v.width > 8);
    if (wide.length) {
      const b = new Bytes();
      for (const v of wide) {
        b.i32(utf8(v.name).length).text(v.name).i32(v.width, v.labels.length);
        for (const [value, label] of v.labels) {
          const l = cutUtf8(label, VALUE_LABEL_MAX);
          b.i32(v.width).text(String(value), v.width).i32(l.length).text(l);
        }
      }
      out.i32(7, 21, 1, b.length).text(b.done());
    }
    // Record 7/22, missing values of strings wider than 8 bytes: blanks (an empty CSV cell).
    const blanks = this.vars.filter((v) => v.type === 'string' && v.width > 8);
    if (blanks.length) {
      const b = new Bytes();
      for (const v of blanks) b.i32(utf8(v.name).length).text(v.name).u8(1).i32(8).text('', 8);
      out.i32(7, 22, 1, b.length).text(b.done());
    }
    // Record 999 ends the dictionary; the cases follow.
    out.i32(999, 0);
    return out.done();
  }

  /** Writes one case: numbers as doubles (missing = system-missing), strings space-padded per segment. */
  row(values: readonly Value[]): void {
    if (this.used === this.chunk.length) this.flush();
    const buf = this.chunk;
    let at = this.used;
    for (let i = 0; i < this.vars.length; i++) {
      const v = this.vars[i]!;
      const x = values[i];
      const kind = this.kinds[i]!;
      if (kind !== 0) {
        const n =
          x === null || x === undefined
            ? SYSMIS
            : kind === 2
              ? spssDate(x as string)
              : kind === 3
                ? x
                  ? 1
                  : 0
                : (x as number);
        buf.writeDoubleLE(n, at);
        at += 8;
        continue;
      }
      if (v.segments.length === 1) {
        // Encoded in place; Buffer.write leaves out a character that does not fit whole.
        const room = slots(v.width) * 8;
        buf.fill(0x20, at, at + room);
        if (x !== null && x !== undefined) buf.write(String(x), at, v.width, 'utf8');
        at += room;
        continue;
      }
      let text: Buffer | undefined = x === null || x === undefined ? undefined : utf8(String(x));
      if (text && text.length > v.width) text = cutUtf8(String(x), v.width);
      let from = 0;
      for (const s of v.segments) {
        const room = slots(s.width) * 8;
        buf.fill(0x20, at, at + room);
        if (text && from < text.length) {
          const take = Math.min(s.width, text.length - from);
          text.copy(buf, at, from, from + take);
          from += take;
        }
        at += room;
      }
    }
    this.used = at;
    this.rows++;
  }

  private flush(): void {
    if (this.used) this.sink.writeBytes(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  /** Ends the file; the number of cases must be the one the header announced. */
  close(): Written {
    this.flush();
    const w = this.sink.close();
    if (this.rows !== this.rowCount)
      throw new Error(`${w.path}: ${this.rows} cases written, ${this.rowCount} announced in the header`);
    return w;
  }
}
