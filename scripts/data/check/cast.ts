/**
 * Turns a cell's text into a typed value, by the codebook only (never by
 * guessing: `"01"` stays a string unless its field says otherwise).
 */
import type { FieldSpec } from './codebook.ts';

export type Value = string | number | boolean | null;
/** Returned by a caster for text it cannot read; `Caster.explain` says why. */
export const INVALID: unique symbol = Symbol('invalid');
export interface CastFailure {
  rule: string;
  message: string;
  hint: string;
}
export interface Caster {
  /** The typed value, `null` for a missing value, or INVALID. Allocates nothing on the common path. */
  read(text: string): Value | typeof INVALID;
  /** Why `read` refused the text. */
  explain(text: string): CastFailure;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds the number reader of a field. Accepts the codebook's `decimalChar`
 * and `groupChar` (`1.234,5`), a zero fraction on integers (`14360.0`, as
 * some exports write counts) and, with `bareNumber: false`, text around the
 * number (`Rp 1.500`, `87%`).
 */
export function numberReader(
  field: Pick<FieldSpec, 'type' | 'decimalChar' | 'groupChar' | 'bareNumber'>,
): (text: string) => number | undefined {
  const d = escape(field.decimalChar);
  const g = field.groupChar ? escape(field.groupChar) : undefined;
  const intPart = g ? `(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)` : '\\d+';
  const re =
    field.type === 'integer'
      ? new RegExp(`^([+-]?)(${intPart})(?:${d}0+)?$`)
      : new RegExp(`^([+-]?)(${intPart}(?:${d}\\d*)?|${d}\\d+)(?:[eE]([+-]?\\d+))?$`);
  const groupRe = g ? new RegExp(g, 'g') : undefined;
  const decimal = field.decimalChar;
  const group = field.groupChar?.charCodeAt(0);
  const slow = (t: string): number | undefined => {
    const m = re.exec(t);
    if (!m) return undefined;
    let body = m[2]!;
    if (groupRe) body = body.replace(groupRe, '');
    if (decimal !== '.') body = body.replace(decimal, '.');
    const value = Number(`${m[1]}${body}${m[3] !== undefined ? `e${m[3]}` : ''}`);
    return Number.isFinite(value) ? value : undefined;
  };
  return (text) => {
    const t = field.bareNumber ? text : text.replace(/^[^\d+-]+|[^\d]+$/g, '');
    // Fast path for whole numbers, digits with well-placed group marks
    // (`1.500.000`): most cells of large tables; anything else takes the
    // regular expression.
    let value = 0;
    let digitsInGroup = 0;
    let grouped = false;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        digitsInGroup++;
      } else if (c === group && i > 0 && (grouped ? digitsInGroup === 3 : digitsInGroup <= 3)) {
        grouped = true;
        digitsInGroup = 0;
      } else return slow(t);
    }
    if (t.length === 0 || (grouped && digitsInGroup !== 3) || value > Number.MAX_SAFE_INTEGER) return slow(t);
    return value;
  };
}

/** The number form the codebook asks for, in words. */
function describeNumber(f: FieldSpec): string {
  // Whole numbers have no decimals to describe (a zero fraction aside).
  if (f.type === 'integer')
    return `write whole numbers${f.groupChar ? ` with "${f.groupChar}" between thousands` : ' without a thousands separator'}, as the codebook says (groupChar)`;
  if (f.groupChar === f.decimalChar)
    return `the codebook gives "${f.decimalChar}" both before decimals and between thousands: set decimalChar: ',' and groupChar: '.' for numbers written 1.234,5, or leave out groupChar for 1234.5`;
  return `write numbers with "${f.decimalChar}" before decimals${f.groupChar ? ` and "${f.groupChar}" between thousands` : ' and no thousands separator'}, as the codebook says (decimalChar/groupChar)`;
}

/** What to change when a cell is not a number: the likeliest cause first, then the codebook's number form. */
function numberHint(f: FieldSpec, t: string): string {
  const form = describeNumber(f);
  if (/^#(?:VALUE!|N\/A|REF!|DIV\/0!|NAME\?|NUM!|NULL!)$/i.test(t))
    return 'This is an Excel error value: correct the formula in the sheet (or replace it by the value) and export again.';
  if (!/\d/.test(t))
    return `If "${t}" means "no answer" or "not applicable", list it in the field's missingValues (e.g. missingValues: ['', '${t}']); otherwise ${form}.`;
  if (/^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t) && f.decimalChar !== ',')
    return `The file writes numbers as 1.234,5 (Indonesian Excel): set decimalChar: ',' and groupChar: '.' on this field.${f.type === 'integer' && /,\d*[1-9]/.test(t) ? ' The value also has a fraction, which an integer field refuses: make it type: number, or check the value.' : ''}`;
  if (/^[+-]?\d+(?:,\d+)+(?:\.\d+)?$/.test(t) && f.decimalChar !== ',' && f.groupChar !== ',')
    return `A comma in a number: if it separates thousands (1,234) set groupChar: ',' on this field; if it marks decimals (2,5) set decimalChar: ','.`;
  if (/\d[\u00a0\u202f]\d/.test(t))
    return `The number is grouped with a non-breaking space: set groupChar: "${t.includes('\u00a0') ? '\\u00a0' : '\\u202f'}" (in double quotes) on this field.`;
  if (/^\(\s*[\d.,]+\s*\)$/.test(t))
    return 'A number in brackets, as accounting formats write negative numbers: format the column as a plain number in Excel (-1.500) and export again.';
  if (/[^\d\s.,+eE-]/.test(t) && f.bareNumber)
    return `The cell has text around the number (a unit, "Rp" or "%"): set bareNumber: false on this field to read the number alone.`;
  if (f.type === 'integer' && new RegExp(`\\d${escape(f.decimalChar)}\\d*[1-9]`).test(t))
    return 'The field is an integer but the value has a fraction: make it type: number, or check the value.';
  return form;
}

/** Builds the caster of one field. */
export function makeCaster(field: FieldSpec): Caster {
  const missing = new Set(field.missingValues);
  let cast: (t: string) => Value | typeof INVALID;
  let why: (t: string) => CastFailure;
  switch (field.type) {
    case 'integer':
    case 'number': {
      const read = numberReader(field);
      const kind = field.type === 'integer' ? 'a whole number' : 'a number';
      cast = (t) => read(t) ?? INVALID;
      why = (t) => ({ rule: 'type', message: `"${t}" is not ${kind}`, hint: numberHint(field, t) });
      break;
    }
    case 'boolean': {
      const yes = new Set(field.trueValues);
      const no = new Set(field.falseValues);
      cast = (t) => (yes.has(t) ? true : no.has(t) ? false : INVALID);
      why = (t) => ({
        rule: 'type',
        message: `"${t}" is not true/false`,
        hint: `use one of ${[...yes, ...no].join(', ')} (trueValues/falseValues)`,
      });
      break;
    }
    case 'year': {
      // Exports may write a year as a count with a zero fraction (`2014.0`).
      const re = new RegExp(`^(\\d{4})(?:${escape(field.decimalChar)}0+)?$`);
      cast = (t) => {
        const m = re.exec(t);
        return m ? Number(m[1]) : INVALID;
      };
      why = (t) => ({
        rule: 'type',
        message: `"${t}" is not a year`,
        hint: `write four digits, e.g. 2014 (2014${field.decimalChar}0 is read as 2014)`,
      });
      break;
    }
    case 'date': {
      const fmt =
        field.format && field.format !== 'default' && field.format !== 'any' ? field.format : '%Y-%m-%d';
      const order: string[] = [];
      const re = new RegExp(
        '^' +
          escape(fmt).replace(/%([dmY])/g, (_, c: string) => {
            order.push(c);
            return c === 'Y' ? '(\\d{4})' : '(\\d{1,2})';
          }) +
          '$',
      );
      cast = (t) => {
        const m = re.exec(t);
        if (!m) return INVALID;
        const parts: Record<string, number> = {};
        order.forEach((c, i) => (parts[c] = Number(m[i + 1])));
        const date = new Date(Date.UTC(parts.Y!, parts.m! - 1, parts.d!));
        if (date.getUTCDate() !== parts.d || date.getUTCMonth() !== parts.m! - 1) return INVALID;
        return date.toISOString().slice(0, 10);
      };
      why = (t) => ({
        rule: 'format',
        message: `"${t}" is not a date in the form ${fmt}`,
        hint: /^\d{5}(?:[.,]\d+)?$/.test(t)
          ? 'A five-digit number is how Excel stores a date it has not formatted (days since 1900): format the column as a date in Excel and export again.'
          : /^\d{1,2}([/.-])\d{1,2}\1\d{4}$/.test(t) && !fmt.startsWith('%d')
            ? `The file writes dates day first: set format: '%d${t.match(/[/.-]/)![0]}%m${t.match(/[/.-]/)![0]}%Y' on this field.`
            : 'the codebook\'s "format" gives the date form (%d day, %m month, %Y year)',
      });
      break;
    }
    default: {
      const test =
        field.format === 'email'
          ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/
          : field.format === 'uri'
            ? /^[a-z][a-z0-9+.-]*:\S+$/i
            : undefined;
      cast = test ? (t) => (test.test(t) ? t : INVALID) : (t) => t;
      why = (t) => ({
        rule: 'format',
        message: field.format === 'email' ? 'is not an e-mail address' : `"${t}" is not a ${field.format}`,
        hint: `format: ${field.format}`,
      });
    }
  }
  // Spaces around a value carry no meaning in these exports ("Jagakarsa "):
  // they are removed before anything else, and the published value is trimmed.
  // Missing-value codes are few (often only ""): compared by length and
  // equality rather than hashing every cell for a Set lookup.
  const codes = [...missing];
  const isMissing =
    codes.length <= 8
      ? (t: string) => {
          for (let i = 0; i < codes.length; i++)
            if (codes[i]!.length === t.length && codes[i] === t) return true;
          return false;
        }
      : (t: string) => missing.has(t);
  return {
    read(text) {
      // A printable ASCII character (33-126) is never white space: with one
      // at each end, as most cells have, there is nothing to trim.
      const n = text.length;
      const first = n > 0 ? text.charCodeAt(0) : 0;
      const last = n > 0 ? text.charCodeAt(n - 1) : 0;
      const t = first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
      return isMissing(t) ? null : cast(t);
    },
    explain: (text) => why(text.trim()),
  };
}
