import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { thesis } from './site.ts';
import { publicationRelease } from './changelog.ts';
import { readStandardJson } from '../../tests/support/standards.ts';

const root = new URL('../../', import.meta.url);
const cff = readFileSync(new URL('CITATION.cff', root), 'utf8');

describe('CITATION.cff', () => {
  it('is valid CFF 1.2.0 (official schema), loaded as plain YAML so dates stay strings', () => {
    const schema = readStandardJson('citation-cff-1.2.0.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const data = parse(cff);
    expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('cites the thesis as site.ts records it, with no year while the record has none', () => {
    const data = parse(cff);
    const pc = data['preferred-citation'];
    expect(pc.type).toBe('thesis');
    expect(pc.title).toBe(thesis.title);
    expect(pc.authors).toEqual([
      { 'family-names': thesis.author.family, 'given-names': thesis.author.given },
    ]);
    expect(pc.institution.name).toBe(thesis.institution);
    expect(pc.url).toBe(thesis.recordUrl);
    if (thesis.year === undefined) expect(pc.year).toBeUndefined();
    else expect(pc.year).toBe(thesis.year);
  });

  it('is released on the date of the changelog, where the pages take their date from', () => {
    expect(parse(cff)['date-released']).toBe(publicationRelease());
  });

  it('carries the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(parse(cff).version).toBe(pkg.version);
  });
});
