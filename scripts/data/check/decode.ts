/**
 * Turns the bytes of a delivered file into text. The byte order mark decides
 * (UTF-8, UTF-16 LE/BE); without one, the codebook's declared `encoding`
 * (UTF-8 when absent). Text that is not valid in that encoding is refused
 * with the byte offset of the first bad byte, never silently repaired.
 */

export type Detected = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | string; bomLength: number };

const aliases: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
};

/** The encodings a codebook may declare. */
export const supportedEncodings = Object.keys(aliases);

/** Picks the decoder for a file from its first bytes and the declared encoding. */
export function detectEncoding(
  head: Uint8Array,
  declared?: string,
): Detected | { error: string; hint: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const name = (declared ?? 'utf-8').toLowerCase();
  const encoding = aliases[name];
  if (!encoding)
    return {
      error: `the codebook declares encoding "${declared}", which the build does not read`,
      hint: `Use one of: ${supportedEncodings.join(', ')}.`,
    };
  return { encoding, bomLength: 0 };
}

/** Offset of the first byte that breaks UTF-8 in `bytes` (-1 when all valid, or only an unfinished sequence at the end). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) ((need = 1), (min = 0x80));
    else if (b >= 0xe0 && b <= 0xef) ((need = 2), (min = 0x800));
    else if (b >= 0xf0 && b <= 0xf4) ((need = 3), (min = 0x10000));
    else return i;
    if (i + need >= n) {
      for (let j = i + 1; j < n; j++) if ((bytes[j]! & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = b & (0x3f >> need);
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The first bytes of files that are often renamed to .csv by mistake. */
const signatures: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'it starts like an .xlsx (or another ZIP) file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'it starts like an old Excel .xls file'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'it starts like a PDF file'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'it is a PNG image'],
  [[0xff, 0xd8, 0xff], 'it is a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'it is a GIF image'],
];

/** Why the first bytes look like a binary file rather than text (a known signature, or NUL bytes outside UTF-16); undefined for text. */
export function binaryKind(head: Uint8Array, encoding: string): string | undefined {
  // A known signature names the file whatever encoding the codebook declares.
  for (const [bytes, what] of signatures) if (bytes.every((b, i) => head[i] === b)) return what;
  if (encoding.startsWith('utf-16')) return undefined;
  if (/^\s*<(?:!doctype html|html)[\s>]/i.test(new TextDecoder('latin1').decode(head.subarray(0, 64))))
    return 'it is a web page (HTML), perhaps an error page saved instead of the data';
  if (head.subarray(0, 8192).indexOf(0) >= 0) return 'it contains NUL bytes';
  return undefined;
}

/** `le`/`be` when the first bytes read as UTF-16 text without a byte order mark (every other byte NUL). */
export function utf16WithoutBom(head: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(head.length, 8192) & ~1;
  // Most files have no NUL byte at all: found natively, without the count.
  if (n < 4 || head.subarray(0, n).indexOf(0) < 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) i & 1 ? odd++ : even++;
  if (odd >= n / 3 && even === 0) return 'le';
  if (even >= n / 3 && odd === 0) return 'be';
  return undefined;
}

export class DecodeError extends Error {
  readonly offset: number | undefined;
  readonly hint: string;
  readonly rule: string;
  constructor(message: string, offset: number | undefined, hint: string, rule = 'encoding') {
    super(message);
    this.offset = offset;
    this.hint = hint;
    this.rule = rule;
  }
}

/**
 * Decodes a file's bytes chunk by chunk. Throws a DecodeError naming the
 * byte offset when the bytes are not valid in the encoding. `sawQuote`
 * tells whether any decoded text so far contained `quoteChar`: without
 * quotes no cell can hold a line break, which lets the reader skip counting
 * line breaks inside cells.
 */
export class StreamDecoder {
  sawQuote = false;
  private decoder: TextDecoder | undefined;
  private offset = 0;
  private encoding = '';
  private tail: Uint8Array = new Uint8Array(0);
  private readonly declared: string | undefined;
  private readonly quoteChar: string;
  constructor(declared: string | undefined, quoteChar = '"') {
    this.declared = declared;
    this.quoteChar = quoteChar;
  }
  push(raw: Uint8Array): string {
    let chunk = raw;
    if (!this.decoder) {
      const d = detectEncoding(chunk, this.declared);
      if ('error' in d) throw new DecodeError(d.error, undefined, d.hint);
      this.encoding = d.encoding;
      const utf16 = this.encoding.startsWith('utf-16') ? undefined : utf16WithoutBom(chunk);
      if (utf16)
        throw new DecodeError(
          'the file looks like UTF-16 text without a byte order mark',
          undefined,
          `Declare encoding: utf-16${utf16} for this table in the codebook, or save the file as "CSV UTF-8".`,
        );
      const binary = binaryKind(chunk, this.encoding);
      if (binary)
        throw new DecodeError(
          `the file is not text (${binary}); was another kind of file renamed to .csv?`,
          chunk.indexOf(0),
          'Save the sheet as CSV (UTF-8) from Excel or LibreOffice.',
          'not-text',
        );
      this.decoder = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
      chunk = chunk.subarray(d.bomLength);
      this.offset = d.bomLength;
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw badBytes(this.encoding, this.declared, this.offset, this.tail, chunk);
    }
    this.offset += chunk.length;
    this.tail = chunk.subarray(Math.max(0, chunk.length - 4));
    if (!this.sawQuote && text.includes(this.quoteChar)) this.sawQuote = true;
    return text;
  }
  end(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      throw new DecodeError(
        `the file ends in the middle of a ${this.encoding} character`,
        this.offset,
        'The file was cut short; export it again.',
      );
    }
  }
}

function badBytes(
  encoding: string,
  declared: string | undefined,
  offset: number,
  tail: Uint8Array,
  chunk: Uint8Array,
): DecodeError {
  let at: number | undefined;
  if (encoding === 'utf-8') {
    const joined = new Uint8Array(tail.length + chunk.length);
    joined.set(tail);
    joined.set(chunk, tail.length);
    // Start after the previous chunk's complete characters: step back to a lead byte.
    let start = 0;
    while (start < tail.length && (joined[start]! & 0xc0) === 0x80) start++;
    const bad = firstInvalidUtf8(joined.subarray(start));
    if (bad >= 0) at = offset - tail.length + start + bad;
  }
  const byte =
    at !== undefined ? (at - offset >= 0 ? chunk[at - offset] : tail[tail.length + at - offset]) : undefined;
  // A byte that is not UTF-8 but a letter or typographic sign in
  // windows-1252 (é, “, –) most likely comes from Excel's "CSV" on Windows.
  const as1252 = byte !== undefined && byte >= 0x80 ? windows1252(byte) : undefined;
  return new DecodeError(
    `the bytes are not valid ${encoding}${at !== undefined ? ` at byte offset ${at}${byte !== undefined ? ` (byte 0x${byte.toString(16).padStart(2, '0')}${as1252 && encoding === 'utf-8' ? `, "${as1252}" in windows-1252` : ''})` : ''}` : ''}`,
    at,
    as1252 && encoding === 'utf-8'
      ? `The file is probably windows-1252 (Excel's "CSV" on Windows): ${declared ? 'change encoding to windows-1252' : 'declare encoding: windows-1252'} for this table in the codebook, or save the file as "CSV UTF-8".`
      : declared
        ? `The codebook declares encoding "${declared}". Save the file in that encoding, or correct "encoding".`
        : 'Without a byte order mark the file is read as UTF-8. Save it as "CSV UTF-8", or declare its encoding in the codebook (e.g. encoding: windows-1252).',
  );
}

/** The character a byte stands for in windows-1252, when it is a printable one. */
function windows1252(byte: number): string | undefined {
  const c = new TextDecoder('windows-1252').decode(new Uint8Array([byte]));
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? c : undefined;
}
