/**
 * Codebook problems found by the schema (src/lib/schema/codebook.ts) carry
 * the line and column of the value concerned, in a YAML codebook and in the
 * same codebook written as JSON. The expected positions are looked up in
 * the text itself, independently of the code under test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse } from 'yaml';
import { readCodebook, type FieldSpec, type FieldType, type TableSpec } from './codebook.ts';
import type { CodebookInput } from '../../../src/lib/schema/codebook.ts';
import { DEFAULT_DISCLOSURE } from '../../../src/lib/disclosure.ts';

const fixture = path.join(import.meta.dirname, '../fixtures/base/datapackage.yaml');

/** The fixture codebook with three faults in three places: k under the default, a bad header row list, a wrong type. */
function faultyYaml(): string {
  const text = readFileSync(fixture, 'utf8');
  const faulty = text
    .replace('paseban:synthetic:', 'paseban:disclosure: { k: 2 }\npaseban:synthetic:')
    .replace("dialect: { delimiter: ';' }", "dialect: { delimiter: ';', headerRows: [3, 2] }")
    .replace(/(name: umur\n\s+type: )integer/, '$1bilangan');
  expect(faulty.match(/k: 2|headerRows|bilangan/g)).toHaveLength(3);
  return faulty;
}

/** 1-based line and column of `value`, the first after `after` in `text`. */
function positionOf(text: string, after: string, value: string): { line: number; column: number } {
  const at = text.indexOf(value, text.indexOf(after));
  expect(text.indexOf(after), `"${after}" is in the text`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function expectPositions(text: string, file: string, quote: (s: string) => string) {
  const r = readCodebook(text, file, 'base');
  expect(r.spec).toBeUndefined();
  const at = (after: string, value: string) => ({
    file,
    rule: 'codebook',
    ...positionOf(text, quote(after), value),
  });
  expect(r.issues).toHaveLength(3);
  expect(r.issues).toEqual(
    expect.arrayContaining([
      {
        ...at('paseban:disclosure', '2'),
        message: 'paseban:disclosure.k: k must be a whole number of at least 3',
        hint: 'A dataset may raise k, not lower it.',
      },
      expect.objectContaining({
        ...at('headerRows', '['),
        message: expect.stringMatching(
          /^resources\.0\.dialect\.headerRows: must list the rows of the header/,
        ),
      }),
      expect.objectContaining({
        ...at('umur', quote('bilangan')),
        message: expect.stringMatching(/^resources\.1\.schema\.fields\.3\.type: unknown type "bilangan"/),
      }),
    ]),
  );
}

describe('codebook problems carry the line and column of the value concerned', () => {
  it('in a YAML codebook', () => {
    expectPositions(faultyYaml(), 'datapackage.yaml', (s) => s);
  });

  it('in a JSON codebook', () => {
    expectPositions(JSON.stringify(parse(faultyYaml()), null, 2), 'datapackage.json', (s) => `"${s}"`);
  });
});

describe('the build model', () => {
  it('has the types the schema infers: optional where an author may leave a property out, filled in for the build', () => {
    expectTypeOf<CodebookInput['resources'][number]['schema']['fields'][number]['type']>().toEqualTypeOf<
      FieldType | undefined
    >();
    expectTypeOf<FieldSpec['type']>().toEqualTypeOf<FieldType>();
    expectTypeOf<TableSpec['fieldsMatch']>().toEqualTypeOf<'equal' | 'subset'>();
    expectTypeOf<FieldSpec['constraints']['minimum']>().toEqualTypeOf<number | undefined>();
  });

  it('fills in the defaults an author left out', () => {
    const { spec, issues } = readCodebook(readFileSync(fixture, 'utf8'), 'datapackage.yaml', 'base');
    expect(issues).toEqual([]);
    expect(spec!.disclosure).toEqual(DEFAULT_DISCLOSURE);
    const [kelompok, anggota] = spec!.tables;
    expect([kelompok!.fieldsMatch, kelompok!.headerJoin, kelompok!.quoteChar]).toEqual(['equal', ' ', '"']);
    expect(kelompok!.fields[0]).toMatchObject({ role: 'other', missingValues: [''], bareNumber: true });
    expect(anggota!.fields.find((f) => f.name === 'pendapatan')!.missingValues).toEqual(['', '-']);
  });
});
