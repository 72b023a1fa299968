import { beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { assertKnown, bibliography, inTextCitation, references } from './references.ts';
import { readStandardJson } from '../../tests/support/standards.ts';

describe('references.json', () => {
  it('validates against the official CSL-JSON schema', () => {
    const schema = readStandardJson('csl-data.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(references);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

// The first formatting call builds citeproc engines for both locales: seconds on a busy machine.
beforeAll(() => {
  bibliography('en');
  bibliography('id');
}, 60_000);

describe('bibliography', () => {
  it('formats every entry in APA 7, alphabetically', () => {
    const en = bibliography('en');
    expect(en).toHaveLength(references.length);
    const friedmann = en.find((e) => e.id === 'friedmann1992')!;
    expect(friedmann.html).toBe(
      'Friedmann, J. (1992). <i>Empowerment: The politics of alternative development</i>. Blackwell.',
    );
    expect(en.findIndex((e) => e.id === 'coleman1988')).toBeLessThan(
      en.findIndex((e) => e.id === 'putnam1993'),
    );
  });
  it('writes the missing year of the thesis as n.d. / t.t.', () => {
    expect(bibliography('en').find((e) => e.id === 'sasanti-thesis')!.html).toContain('(n.d.)');
    expect(bibliography('id').find((e) => e.id === 'sasanti-thesis')!.html).toContain('(t.t.)');
  });
  it('uses Indonesian month names on Indonesian pages', () => {
    expect(bibliography('id').find((e) => e.id === 'jakartapost1998')!.html).toContain('Juli');
    expect(bibliography('en').find((e) => e.id === 'jakartapost1998')!.html).toContain('July');
  });
  it('drops a "Retrieved" that has no date after it', () => {
    const html = bibliography('en').find((e) => e.id === 'datajakarta-portal')!.html;
    expect(html).not.toContain('Retrieved');
    expect(html).toContain('https://data.jakarta.go.id');
  });
});

describe('inTextCitation', () => {
  it('gives author and year', () => {
    expect(inTextCitation(['friedmann1992'], 'en')).toBe('(Friedmann, 1992)');
    expect(inTextCitation(['putnam1993'], 'id')).toBe('(Putnam dkk., 1993)');
    expect(inTextCitation(['putnam1993'], 'en')).toBe('(Putnam et al., 1993)');
  });
  it('rejects an unknown key with the list of known keys', () => {
    expect(() => assertKnown(['nobody2000'])).toThrow(/unknown reference key "nobody2000".*friedmann1992/);
  });
});
