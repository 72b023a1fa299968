/**
 * Turns a cell's text into a typed value, by the codebook only (never by
 * guessing: `"01"` stays a string unless its field says otherwise).
 */
import type { FieldSpec } from './codebook.ts';

export type Value = string | number | boolean | null;
export type CastResult =
  { ok: true; value: Value } | { ok: false; rule: string; message: string; hint: string };

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
  return (text) => {
    let t = text;
    if (!field.bareNumber) t = t.replace(/^[^\d+-]+|[^\d]+$/g, '');
    const m = re.exec(t);
    if (!m) return undefined;
    let body = m[2]!;
    if (groupRe) body = body.replace(groupRe, '');
    if (decimal !== '.') body = body.replace(decimal, '.');
    const value = Number(`${m[1]}${body}${m[3] !== undefined ? `e${m[3]}` : ''}`);
    return Number.isFinite(value) ? value : undefined;
  };
}

const describeNumber = (f: FieldSpec) =>
  `write numbers with "${f.decimalChar}" before decimals${f.groupChar ? ` and "${f.groupChar}" between thousands` : ' and no thousands separator'}, as the codebook says (decimalChar/groupChar)`;

/** Builds the caster of one field: text in, typed value or a typed failure out. */
export function makeCaster(field: FieldSpec): (text: string) => CastResult {
  const missing = new Set(field.missingValues);
  const ok = (value: Value): CastResult => ({ ok: true, value });
  let cast: (t: string) => CastResult;
  switch (field.type) {
    case 'integer':
    case 'number': {
      const read = numberReader(field);
      const kind = field.type === 'integer' ? 'a whole number' : 'a number';
      cast = (t) => {
        const v = read(t);
        return v === undefined
          ? { ok: false, rule: 'type', message: `"${t}" is not ${kind}`, hint: describeNumber(field) }
          : ok(v);
      };
      break;
    }
    case 'boolean': {
      const yes = new Set(field.trueValues);
      const no = new Set(field.falseValues);
      cast = (t) =>
        yes.has(t)
          ? ok(true)
          : no.has(t)
            ? ok(false)
            : {
                ok: false,
                rule: 'type',
                message: `"${t}" is not true/false`,
                hint: `use one of ${[...yes, ...no].join(', ')} (trueValues/falseValues)`,
              };
      break;
    }
    case 'year':
      cast = (t) =>
        /^\d{4}$/.test(t)
          ? ok(Number(t))
          : {
              ok: false,
              rule: 'type',
              message: `"${t}" is not a year`,
              hint: 'write four digits, e.g. 2014',
            };
      break;
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
        const parts: Record<string, number> = {};
        if (m) order.forEach((c, i) => (parts[c] = Number(m[i + 1])));
        const date = m ? new Date(Date.UTC(parts.Y!, parts.m! - 1, parts.d!)) : undefined;
        if (!date || date.getUTCDate() !== parts.d || date.getUTCMonth() !== parts.m! - 1)
          return {
            ok: false,
            rule: 'format',
            message: `"${t}" is not a date in the form ${fmt}`,
            hint: 'the codebook\'s "format" gives the date form (%d day, %m month, %Y year)',
          };
        return ok(date.toISOString().slice(0, 10));
      };
      break;
    }
    default: {
      const format = field.format;
      cast =
        format === 'email'
          ? (t) =>
              /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(t)
                ? ok(t)
                : { ok: false, rule: 'format', message: 'is not an e-mail address', hint: 'format: email' }
          : format === 'uri'
            ? (t) =>
                /^[a-z][a-z0-9+.-]*:\S+$/i.test(t)
                  ? ok(t)
                  : { ok: false, rule: 'format', message: `"${t}" is not a URI`, hint: 'format: uri' }
            : ok;
    }
  }
  // Spaces around a value carry no meaning in these exports ("Jagakarsa "):
  // they are removed before anything else, and the published value is trimmed.
  return (text) => {
    const t = text.trim();
    if (missing.has(t) || (t === '' && missing.has(text))) return { ok: true, value: null };
    return cast(t);
  };
}
