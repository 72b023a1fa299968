/**
 * Disclosure control: what may not be published. Pure functions; the
 * validator calls them on every header and cell before anything is written.
 */
import type { FieldSpec } from './codebook.ts';

export type IdentifierKind = 'nik' | 'phone' | 'npwp' | 'email' | 'address';

export interface Finding {
  kind: IdentifierKind;
  /** The part of the cell that looks like an identifier (to be masked before display). */
  match: string;
}

const kindText: Record<IdentifierKind, { message: string; hint: string }> = {
  nik: {
    message: 'looks like a NIK or KK number (16 digits)',
    hint: 'Remove identity numbers from the file; if this is not one, store the code in a form that is not a 16-digit number.',
  },
  phone: {
    message: 'looks like an Indonesian phone number',
    hint: 'Remove phone numbers from the file before delivery.',
  },
  npwp: {
    message: 'looks like an NPWP (tax number)',
    hint: 'Remove tax numbers from the file before delivery.',
  },
  email: {
    message: 'looks like an e-mail address',
    hint: 'Remove e-mail addresses from the file before delivery.',
  },
  address: {
    message: 'looks like a street address (Jl./Gg./RT-RW)',
    hint: 'Remove addresses; publish at most the kelurahan. A place name in a category label is fine.',
  },
};
export const describeFinding = (kind: IdentifierKind) => kindText[kind];

// NIK/KK: 16 digits (optionally grouped by spaces/dots/dashes, also in fours
// when they read as a NIK: province code, birth day, month); also as Excel
// mangles them: `3,57808E+15` / `3.57808E+15` (15 significant digits kept,
// the rest shown in scientific notation) or as 16 digits ending in zeros.
const nikRe =
  /(?<!\d)\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{6}[ .-]?\d{4}(?!\d)|(?<!\d)(?:1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-6])\d{2}([ .-])\d{2}[0-7]\d\1(?:0[1-9]|1[0-2])\d{2}\1\d{4}(?!\d)/;
const sciRe = /(?<![\d,.])[1-9][.,]\d{1,14}[eE]\+?15(?!\d)/;
// Mobile numbers: 08…, +628…, 628…, or 8… when Excel dropped the leading 0;
// Jakarta landlines: (021) …, 021-…, +62 21 ….
const phoneRe =
  /(?<![\d])(?:(?:\+62|62|0)[ .-]?8[1-9](?:[ .-]?\d){7,11}|8[1-9]\d{7,10})(?!\d)|\(021\)[ .-]?\d{3,4}[ .-]?\d{3,4}|(?<!\d)021[ .-]?\d{3,4}[ .-]?\d{3,4}(?!\d)|\+62[ .-]?21[ .-]?\d{3,4}[ .-]?\d{3,4}/;
const npwpRe = /(?<!\d)\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}(?!\d)/;
const emailRe = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// Street addresses: an abbreviation with its dot (`Jl.`, `Jln.`, `Gg.`), a
// street word followed by a capitalised name (`Jalan Kramat`, `Gang Mawar`,
// `Blok C`), a street word with a house number, or `RT 03/RW 07`. A plain
// "gang" in a sentence ("pindah ke gang sebelah") is not an address.
const addressRe =
  /(?:^|[^\p{L}])(?:[Jj][Ll][Nn]?|[Gg][Gg])\.\s*\S|(?:^|[^\p{L}])(?:[Jj]alan|JALAN|[Gg]ang|GANG|[Bb]lok|BLOK|[Jj]l|JL|[Gg]g|GG)\s+(?:\p{Lu}|\d)|(?:^|[^\p{L}])(?:jalan|gang|jl|jln|gg)\s+\S+(?:\s+\S+)?\s+no\.?\s*\d|\b[Rr][Tt]\.?\s*0*\d{1,3}\s*\/?\s*[Rr][Ww]\.?\s*0*\d{1,3}\b/u;
// A cheap first look: most cells have none of these characters or words and
// skip the regular expressions (this keeps the scan within the speed budget).
const wordRe = /\b(?:jl|jln|jalan|gg|gang|blok|rt)\b/i;
function worthScanning(text: string): boolean {
  let digits = 0;
  let letters = 0;
  let plus = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 64)
      return true; // @
    else if (c === 43) plus = true;
    else if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
  }
  // Each word of wordRe has at least two letters: a code such as `A000123` needs no look.
  return digits >= 8 || (plus && /\d[eE]\+/.test(text)) || (letters >= 2 && wordRe.test(text));
}

/**
 * True when any cell this field's caster reads as a number is written with
 * digits, signs, the field's decimal and group marks and at most one
 * exponent letter, none of them `@`, `+` or a letter: a bare number field
 * or a year (which may end in a zero fraction) whose marks are not digits,
 * letters, "@" or "+". Such a cell needs the scan only when
 * `mayHoldIdentifier` says so.
 */
export function numberWithoutIdentifierCharacters(
  field: Pick<FieldSpec, 'type' | 'bareNumber' | 'decimalChar' | 'groupChar'>,
): boolean {
  const bare =
    field.type === 'year' || ((field.type === 'integer' || field.type === 'number') && field.bareNumber);
  return bare && !/[0-9A-Za-z@+]/.test(field.decimalChar + (field.groupChar ?? ''));
}

/**
 * For a cell read as a number by a field of `numberWithoutIdentifierCharacters`
 * (`exponent`: a `number` field, whose values may carry one): false when
 * `scanCell` cannot find anything in it. With fewer than eight digits and no
 * exponent letter, the cell has no `@`, no two letters and no scientific
 * notation, so `worthScanning` refuses it: every identifier the scan looks
 * for needs more (a NIK 16 digits, a phone number at least 9, an NPWP 15, a
 * NIK as Excel shows it an `E`, an e-mail `@`, an address letters). This
 * spares the scan on the short numbers that fill large tables.
 */
export function mayHoldIdentifier(text: string, exponent: boolean): boolean {
  // Without an exponent, fewer than eight characters hold fewer than eight digits.
  if (!exponent && text.length < 8) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c | 32) === 101) return true; // e or E
  }
  return digits >= 8;
}

/** Looks for a direct identifier inside one cell's text. */
export function scanCell(text: string): Finding | undefined {
  if (text.length < 5 || !worthScanning(text)) return undefined;
  let m: RegExpExecArray | null;
  if ((m = npwpRe.exec(text))) return { kind: 'npwp', match: m[0] };
  if ((m = nikRe.exec(text)) || (m = sciRe.exec(text))) return { kind: 'nik', match: m[0] };
  if ((m = phoneRe.exec(text))) return { kind: 'phone', match: m[0] };
  if ((m = emailRe.exec(text))) return { kind: 'email', match: m[0] };
  if ((m = addressRe.exec(text))) return { kind: 'address', match: m[0].trim() };
  return undefined;
}

// Column names that announce a direct identifier. Place names such as
// `nama_kelurahan` or counts such as `jumlah_kk` are not caught: only a bare
// name/identity/contact column or one qualified by a person.
const suspiciousNameRe =
  /^(?:nama|name|full_?name|nama_?(?:lengkap|responden|anggota|ketua|kepala_keluarga|ibu|ayah|suami|istri|pemilik|penerima)|alamat(?:_.*)?|address(?:_.*)?|nik|no_?nik|nomor_?nik|ktp|no_?ktp|nomor_?ktp|kk|no_?kk|nomor_?kk|hp|no_?hp|nomor_?hp|telp|telepon|no_?telp|no_?telepon|nomor_?telepon|phone(?:_?number)?|email|e_?mail|npwp|no_?npwp|tanggal_?lahir|tgl_?lahir|tempat_?lahir|birth_?date|date_?of_?birth)$/i;

// Words that announce an identifier wherever they stand in a column name
// (`no_telp_hp`, `email_responden`, `no_rekening`), and words after `nama`
// that make it a place or a thing rather than a person (`nama_kelurahan`).
const identifierWords = new Set([
  'nik',
  'ktp',
  'npwp',
  'email',
  'hp',
  'handphone',
  'telp',
  'telpon',
  'telepon',
  'phone',
  'wa',
  'whatsapp',
  'alamat',
  'address',
  'rekening',
  'kontak',
  'contact',
]);
const notAPerson = new Set([
  'provinsi',
  'kabupaten',
  'kota',
  'kecamatan',
  'kelurahan',
  'desa',
  'wilayah',
  'kelompok',
  'pokmas',
  'usaha',
  'program',
  'kegiatan',
  'lembaga',
  'instansi',
  'dinas',
  'sekolah',
  'bank',
  'produk',
  'barang',
  'variabel',
  'tabel',
  'indikator',
  'kategori',
]);

/** True when a column name announces a direct identifier (`nama`, `alamat`, `nik`, `no_hp`, …). */
export function isSuspiciousColumnName(name: string): boolean {
  const normal = name.trim().replace(/[\s.-]+/g, '_');
  if (suspiciousNameRe.test(normal)) return true;
  const words = normal
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some(
    (w, i) =>
      identifierWords.has(w) ||
      (w === 'kk' && (words.length === 1 || ['no', 'nomor', 'nmr'].includes(words[i - 1]!))) ||
      ((w === 'nama' || w === 'name') && !notAPerson.has(words[i + 1] ?? '')) ||
      (w === 'lahir' && ['tanggal', 'tgl', 'tempat'].includes(words[i - 1] ?? '')) ||
      w === 'birth',
  );
}

/** The fields of a table by disclosure role. */
export function rolesOf(fields: FieldSpec[]) {
  return {
    direct: fields.filter((f) => f.role === 'direct-identifier'),
    quasi: fields.filter((f) => f.role === 'quasi-identifier'),
    sensitive: fields.filter((f) => f.role === 'sensitive'),
  };
}

/** One equivalence class over the quasi-identifiers: its size and the sensitive values seen in it. */
export interface EquivalenceClass {
  key: string[];
  count: number;
  firstLine: number;
  /** Values of each sensitive variable (in `ClassCounter.sensitive` order) that are not categories. */
  sensitive: Set<string>[];
  /** Categories of each sensitive variable seen in the class, as bits of their index. */
  bits: Int32Array;
}

const popcount = (x: number) => {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
};

/** Number of distinct values of the j-th sensitive variable in a class. */
export const distinctSensitive = (c: EquivalenceClass, j: number) =>
  popcount(c.bits[j]!) + c.sensitive[j]!.size;

const RADIX = 1024;
const SEP = '\u001f';

/**
 * Accumulates the equivalence classes of a table (rows that share every
 * quasi-identifier value) as rows stream past; memory grows with the number
 * of classes, not rows. Each quasi-identifier value gets a small integer
 * code, so a class is found by a number rather than a joined string (this
 * keeps the check fast on a million rows).
 */
export class ClassCounter {
  classes = new Map<number | string, EquivalenceClass>();
  readonly quasi: string[];
  readonly sensitive: string[];
  private readonly codes: Map<string, number>[];
  private wide = false;
  /**
   * When every quasi-identifier has categories: the class of each
   * combination of category indexes, found by one small index (no key
   * arithmetic, no Map lookup) once the combination has been seen.
   */
  private direct: (EquivalenceClass | undefined)[] | undefined;
  private radices: number[] = [];
  /** `categoryCounts`: the number of categories of each quasi-identifier (0 for none). */
  constructor(quasi: string[], sensitive: string[], categoryCounts?: readonly number[]) {
    this.quasi = quasi;
    this.sensitive = sensitive;
    this.codes = quasi.map(() => new Map());
    if (
      categoryCounts &&
      quasi.length > 0 &&
      categoryCounts.length === quasi.length &&
      categoryCounts.every((c) => c > 0)
    ) {
      const size = categoryCounts.reduce((a, b) => a * b, 1);
      if (size <= 1 << 16) {
        this.radices = [...categoryCounts];
        this.direct = new Array<EquivalenceClass | undefined>(size).fill(undefined);
      }
    }
  }
  /**
   * Adds one row: `values` in field order, `qIdx`/`sIdx` the positions of the
   * quasi-identifiers and sensitive variables. `known` may hold, per field,
   * the index of the value among the field's categories (-1 when unknown):
   * a category index is used as the code directly, with no lookup.
   */
  add(
    values: readonly unknown[],
    qIdx: readonly number[],
    sIdx: readonly number[],
    line: number,
    known?: Int32Array,
  ): void {
    let cls: EquivalenceClass | undefined;
    let slot = -1;
    const direct = this.direct;
    if (direct && known) {
      const radices = this.radices;
      slot = 0;
      for (let i = 0; i < qIdx.length; i++) {
        const k = known[qIdx[i]!]!;
        if (k < 0 || k >= radices[i]!) {
          slot = -1;
          break;
        }
        slot = slot * radices[i]! + k;
      }
      if (slot >= 0) cls = direct[slot];
    }
    if (!cls) {
      cls = this.find(values, qIdx, sIdx, line, known);
      if (slot >= 0) direct![slot] = cls;
    }
    cls.count++;
    // Sensitive values that are categories are recorded as bits (no string
    // work per row); other values in the class's sets. A missing value is
    // not one of the values: it would make a class look diverse when every
    // known value in it is the same.
    for (let j = 0; j < sIdx.length; j++) {
      const k = known ? known[sIdx[j]!]! : -1;
      if (k >= 0 && k < 31) cls.bits[j]! |= 1 << k;
      else if (values[sIdx[j]!] !== null) cls.sensitive[j]!.add(String(values[sIdx[j]!] ?? ''));
    }
  }
  /** The class of a row by its key, created when new. */
  private find(
    values: readonly unknown[],
    qIdx: readonly number[],
    sIdx: readonly number[],
    line: number,
    known?: Int32Array,
  ): EquivalenceClass {
    let key: number | string = 0;
    for (let i = 0; i < qIdx.length; i++) {
      const k = known ? known[qIdx[i]!]! : -1;
      if (k >= 0 && !this.wide) {
        key = key * RADIX + k;
        continue;
      }
      const v = String(values[qIdx[i]!] ?? '');
      const m = this.codes[i]!;
      let c = m.get(v);
      if (c === undefined) {
        // Codes of values outside the categories start above them.
        c = RADIX / 2 + m.size;
        m.set(v, c);
        // Too many distinct values for numeric keys: switch to joined strings.
        if (c >= RADIX && !this.wide) this.widen();
      }
      key = key * RADIX + c;
    }
    if (this.wide) key = qIdx.map((i) => String(values[i] ?? '')).join(SEP);
    let cls = this.classes.get(key);
    if (!cls) {
      cls = {
        key: qIdx.map((i) => String(values[i] ?? '')),
        count: 0,
        firstLine: line,
        sensitive: sIdx.map(() => new Set<string>()),
        bits: new Int32Array(sIdx.length),
      };
      this.classes.set(key, cls);
    }
    return cls;
  }
  private widen(): void {
    this.wide = true;
    this.classes = new Map([...this.classes.values()].map((c) => [c.key.join(SEP), c]));
  }
  /** The smallest class size (k reached); Infinity when the table is empty. */
  kReached(): number {
    let k = Infinity;
    for (const c of this.classes.values()) k = Math.min(k, c.count);
    return k;
  }
  /** The smallest number of distinct values of each sensitive variable within a class (l reached). */
  lReached(): Record<string, number> {
    const out: Record<string, number> = {};
    this.sensitive.forEach((s, j) => {
      let l = Infinity;
      // A class where the value is missing on every row discloses nothing.
      for (const c of this.classes.values()) {
        const n = distinctSensitive(c, j);
        if (n > 0) l = Math.min(l, n);
      }
      out[s] = l;
    });
    return out;
  }
}
