/**
 * The checks, one fixture CSV per fault (scripts/data/fixtures/csv/): each is
 * checked as `anggota.csv` of the fixture dataset in fixtures/base/, and the
 * test asserts the reported file, line, column, variable and rule.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkDataset } from './dataset.ts';
import { formatIssues, IssueLog, type DataIssue } from '../errors.ts';
import { TableValidator } from './validate.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures');

type Descriptor = { resources: { schema: { fields: Record<string, unknown>[] } }[] } & Record<
  string,
  unknown
>;

/**
 * Checks a fixture CSV as the dataset's member table; `patch` edits the
 * codebook first. `setup` may change the folder further (another group
 * table, extra files) before the check.
 */
async function check(
  csv: string | Buffer,
  patch?: (d: Descriptor) => void,
  collect = false,
  setup?: (dir: string) => void,
) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'check-')), 'base');
  mkdirSync(dir);
  const codebook = readFileSync(path.join(fixtures, 'base/datapackage.yaml'), 'utf8');
  const d = parse(codebook) as Descriptor;
  patch?.(d);
  writeFileSync(path.join(dir, 'datapackage.yaml'), patch ? stringify(d) : codebook);
  copyFileSync(path.join(fixtures, 'base/kelompok.csv'), path.join(dir, 'kelompok.csv'));
  if (typeof csv === 'string') copyFileSync(path.join(fixtures, 'csv', csv), path.join(dir, 'anggota.csv'));
  else writeFileSync(path.join(dir, 'anggota.csv'), csv);
  setup?.(dir);
  return checkDataset(dir, { collect, rel: (p) => path.relative(dir, p) });
}

const field = (d: Descriptor, name: string) => d.resources[1]!.schema.fields.find((f) => f.name === name)!;

describe('valid files in the shapes real exports take', { timeout: 30_000 }, () => {
  const expected = [
    ['R001', 'A', 'L', 34, 1250000.5, '1995-02-01', 'lancar', 'usaha lancar'],
    ['R002', 'A', 'L', 41, 850000, '1995-03-15', 'macet', null],
    ['R003', 'A', 'L', 29, null, '1995-03-20', 'lancar', 'pindah ke gang sebelah'],
    ['R004', 'B', 'P', 52, 700000, '1995-04-02', 'macet', 'kata "ketua": rapat; sekali sebulan'],
    ['R005', 'B', 'P', 47, null, '1995-04-03', 'lancar', null],
    ['R006', 'B', 'P', 38, 920000.75, '1995-04-05', 'macet', null],
  ];
  it.each([
    'ok-excel.csv',
    'ok-cr-only.csv',
    'ok-utf16.csv',
    'ok-trailing-spaces.csv',
    'ok-empty-lines.csv',
    'ok-excel-sep-line.csv',
    'ok-trailing-empty-columns.csv',
    'ok-blank-rows.csv',
    'ok-rows-end-in-delimiter.csv',
  ])('%s passes and casts by the codebook', async (name) => {
    const r = await check(name, undefined, true);
    expect(formatIssues(r.log)).toBe('0 problems found');
    expect(r.tables[1]!.rows).toEqual(expected);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted cells', async () => {
    const r = await check('ok-quoted-newline.csv', undefined, true);
    expect(r.log.count).toBe(0);
    expect(r.tables[1]!.rows[3]![7]).toBe('baris satu\r\nbaris dua; "kutip"');
  });

  it('counts lines inside quoted cells, CRLF and CR-only alike', async () => {
    const max40 = (d: Descriptor) => ((field(d, 'umur').constraints as Record<string, number>).maximum = 40);
    for (const [name, lines] of [
      ['ok-quoted-newline.csv', [3, 5, 7]],
      ['ok-cr-only.csv', [3, 5, 6]],
    ] as const) {
      const r = await check(name, max40);
      expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual(
        lines.map((l) => ['maximum', l, 4]),
      );
    }
  });

  it('reads a year written as a count with a zero fraction (1995.0)', async () => {
    const r = await check(
      'ok-year-float.csv',
      (d) => {
        Object.assign(field(d, 'tanggal'), { type: 'year' });
        delete field(d, 'tanggal').format;
      },
      true,
    );
    expect(formatIssues(r.log)).toBe('0 problems found');
    expect(r.tables[1]!.rows.map((row) => row[5])).toEqual([1995, 1995, 1995, 1995, 1995, 1995]);
  });

  it('reads Windows-1252 when the codebook declares it, and refuses it otherwise with the byte offset', async () => {
    const bytes = readFileSync(path.join(fixtures, 'csv/windows-1252.csv'));
    const refused = await check('windows-1252.csv');
    expect(refused.log.issues[0]).toMatchObject({ file: 'anggota.csv', rule: 'encoding' });
    expect(refused.log.issues[0]!.message).toContain(`byte offset ${bytes.indexOf(0xe9)}`);
    const r = await check(
      'windows-1252.csv',
      (d) => ((d.resources[1] as Record<string, unknown>).encoding = 'windows-1252'),
      true,
    );
    expect(r.log.count).toBe(0);
    expect(r.tables[1]!.rows[2]![7]).toBe('café “baru”');
  });
});

describe('one fault per fixture: file, line, column, variable and rule', { timeout: 30_000 }, () => {
  const cases: [file: string, expected: Partial<DataIssue>][] = [
    ['header-missing.csv', { rule: 'header-missing', line: 1, variable: 'catatan' }],
    ['header-extra.csv', { rule: 'header-extra', line: 1, column: 9, variable: 'kecamatan' }],
    ['header-renamed.csv', { rule: 'header-renamed', line: 1, column: 3, variable: 'jeniskelamin' }],
    ['header-duplicate.csv', { rule: 'header-duplicate', line: 1, column: 8, variable: 'umur' }],
    ['ragged-row.csv', { rule: 'ragged-row', line: 4, column: 9 }],
    ['line-endings.csv', { rule: 'line-endings', line: 6, column: 8 }],
    ['header-extra-unnamed.csv', { rule: 'header-extra', line: 4, column: 9 }],
    ['delimiter.csv', { rule: 'delimiter', line: 1, column: 1 }],
    ['unclosed-quote.csv', { rule: 'unclosed-quote', line: 6 }],
    ['empty-file.csv', { rule: 'empty-file' }],
    ['empty-blank-rows.csv', { rule: 'empty-file' }],
    ['not-text-pdf.csv', { rule: 'not-text' }],
    ['not-text-html.csv', { rule: 'not-text' }],
    ['encoding-utf16-no-bom.csv', { rule: 'encoding' }],
    ['type-missing-code.csv', { rule: 'type', line: 3, column: 5, variable: 'pendapatan' }],
    ['format-excel-serial.csv', { rule: 'format', line: 3, column: 6, variable: 'tanggal' }],
    ['header-only.csv', { rule: 'header-only', line: 2 }],
    ['not-text.csv', { rule: 'not-text' }],
    ['encoding.csv', { rule: 'encoding' }],
    ['type.csv', { rule: 'type', line: 3, column: 5, variable: 'pendapatan' }],
    ['format.csv', { rule: 'format', line: 3, column: 6, variable: 'tanggal' }],
    ['required.csv', { rule: 'required', line: 3, column: 7, variable: 'status' }],
    ['primary-key.csv', { rule: 'primary-key', line: 6, column: 1, variable: 'id' }],
    ['enum.csv', { rule: 'enum', line: 3, column: 3, variable: 'jenis_kelamin' }],
    ['minimum.csv', { rule: 'minimum', line: 3, column: 4, variable: 'umur' }],
    ['maximum.csv', { rule: 'maximum', line: 3, column: 4, variable: 'umur' }],
    ['pattern.csv', { rule: 'pattern', line: 3, column: 1, variable: 'id' }],
    ['foreign-key.csv', { rule: 'foreign-key', line: 8, column: 2, variable: 'kelompok' }],
    ['disclosure-nik.csv', { rule: 'disclosure:nik', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-nik-excel.csv', { rule: 'disclosure:nik', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-phone.csv', { rule: 'disclosure:phone', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-phone-lost-zero.csv', { rule: 'disclosure:phone', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-npwp.csv', { rule: 'disclosure:npwp', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-email.csv', { rule: 'disclosure:email', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-address.csv', { rule: 'disclosure:address', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-rt-rw.csv', { rule: 'disclosure:address', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-column-name.csv', { rule: 'disclosure:column-name', line: 1, column: 9, variable: 'no_hp' }],
    [
      'disclosure-column-name-compound.csv',
      { rule: 'disclosure:column-name', line: 1, column: 9, variable: 'no_telp_hp' },
    ],
    ['disclosure-nik-grouped.csv', { rule: 'disclosure:nik', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-landline.csv', { rule: 'disclosure:phone', line: 3, column: 8, variable: 'catatan' }],
    ['disclosure-nik-quasi.csv', { rule: 'disclosure:nik', line: 3, column: 3, variable: 'jenis_kelamin' }],
    [
      'disclosure-address-quasi.csv',
      { rule: 'disclosure:address', line: 3, column: 3, variable: 'jenis_kelamin' },
    ],
    ['k-anonymity.csv', { rule: 'disclosure:k-anonymity', line: 8, variable: 'kelompok, jenis_kelamin' }],
    ['l-diversity.csv', { rule: 'disclosure:l-diversity', line: 5, variable: 'status' }],
  ];
  it.each(cases)('%s', async (name, expected) => {
    const r = await check(name);
    expect(r.log.count).toBeGreaterThan(0);
    const issue = r.log.issues.find((i) => i.rule === expected.rule);
    expect(issue, formatIssues(r.log)).toMatchObject({ file: 'anggota.csv', ...expected });
    expect(issue!.message.length).toBeGreaterThan(10);
    expect(issue!.hint).toBeTruthy();
  });

  it('refuses text longer than an Excel cell holds, naming the file, line and column', async () => {
    const long = 'catatan panjang '.repeat(2100).trim();
    expect(long.length).toBeGreaterThan(32_767);
    const r = await check(
      Buffer.from(
        [
          'id;kelompok;jenis_kelamin;umur;pendapatan;tanggal;status;catatan',
          'R001;A;L;34;1;01/02/1995;lancar;',
          'R002;A;L;41;1;01/02/1995;macet;',
          `R003;A;L;29;1;01/02/1995;lancar;${long}`,
          'R004;B;P;52;1;01/02/1995;macet;',
          'R005;B;P;47;1;01/02/1995;lancar;',
          'R006;B;P;38;1;01/02/1995;macet;',
          '',
        ].join('\r\n'),
      ),
    );
    expect(r.log.issues.map((i) => [i.file, i.line, i.column, i.variable, i.rule])).toEqual([
      ['anggota.csv', 4, 8, 'catatan', 'cell-too-long'],
    ]);
    expect(r.log.issues[0]!.message).toContain(`${long.length} characters`);
  });

  it('still checks the rows when the header has an unknown column, scanning its cells too', async () => {
    const r = await check(
      Buffer.from(
        [
          'id;kelompok;jenis_kelamin;umur;pendapatan;tanggal;status;catatan;keterangan',
          'R001;A;L;34;1;01/02/1995;lancar;;siti@example.com',
          'R002;A;L;41;1;01/02/1995;macet;;',
          'R003;A;L;29;1;01/02/1995;lancar;;',
          'R004;B;P;52;1;01/02/1995;macet;;',
          'R005;B;Q;47;1;01/02/1995;lancar;;',
          'R006;B;P;38;1;01/02/1995;macet;;',
          '',
        ].join('\r\n'),
      ),
    );
    expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual([
      ['header-extra', 1, 9],
      ['disclosure:email', 2, 9],
      ['enum', 6, 3],
      ['disclosure:k-anonymity', 5, undefined],
      ['disclosure:l-diversity', 5, undefined],
      ['disclosure:k-anonymity', 6, undefined],
      ['disclosure:l-diversity', 6, undefined],
    ]);
  });

  it('reports an identifier in a number column as disclosure, masked, though it reads as a number', async () => {
    const r = await check(
      Buffer.from(
        [
          'id;kelompok;jenis_kelamin;umur;pendapatan;tanggal;status;catatan',
          'R001;A;L;3171044501900001;1;01/02/1995;lancar;',
          'R002;A;L;41;3,17104E+15;01/02/1995;macet;',
          'R003;A;L;81234567890;1;01/02/1995;lancar;',
          'R004;B;P;52;12345;01/02/1995;macet;',
          'R005;B;P;47;1.250.000,5;01/02/1995;lancar;',
          'R006;B;P;38;1;01/02/1995;macet;',
          '',
        ].join('\r\n'),
      ),
    );
    expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual([
      ['disclosure:nik', 2, 4],
      ['disclosure:nik', 3, 5],
      ['disclosure:phone', 4, 4],
    ]);
    const text = formatIssues(r.log);
    for (const secret of ['3171044501900001', '3,17104E+15', '81234567890'])
      expect(text).not.toContain(secret);
  });

  it('counts a category written with spaces around it in the same equivalence class', async () => {
    const csv = readFileSync(path.join(fixtures, 'csv/ok-excel.csv'), 'utf8').replace(
      'R003;A;L;',
      'R003;A;L ;',
    );
    const r = await check(Buffer.from(csv, 'utf8'), undefined, true);
    expect(r.log.issues).toEqual([]);
    expect(r.tables[1]!.rows[2]![2]).toBe('L');
    expect(r.report!.tables[1]!.kReached).toBe(3);
  });

  it('reports rows run together by mixed line endings once, without k-anonymity noise from the rows left out', async () => {
    const r = await check('line-endings.csv');
    expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual([['line-endings', 6, 8]]);
    // Where quoted cells follow, the parser sees a quote error: its message names the line endings too.
    const quoted = readFileSync(path.join(fixtures, 'csv/ok-excel.csv'), 'latin1').split('\r\n');
    const q = await check(
      Buffer.from(`${quoted.slice(0, 3).join('\r\n')}\r\n${quoted.slice(3).join('\n')}`, 'latin1'),
    );
    expect(q.log.issues[0]).toMatchObject({ rule: 'unclosed-quote', line: 4 });
    expect(q.log.issues[0]!.message).toContain('or the file mixes line endings from here on');
    const ragged = await check('ragged-row.csv');
    expect(ragged.log.issues.map((i) => i.rule)).toEqual(['ragged-row']);
  });

  it('reports a wrong delimiter once, with the delimiter the file seems to use', async () => {
    const r = await check('delimiter.csv');
    expect(r.log.count).toBe(1);
    expect(r.log.issues[0]!.message).toContain('seems to separate cells with ","');
  });

  it('names the byte offset of an invalid UTF-8 byte', async () => {
    const bytes = readFileSync(path.join(fixtures, 'csv/encoding.csv'));
    const r = await check('encoding.csv');
    expect(r.log.issues[0]!.message).toBe(
      `the bytes are not valid utf-8 at byte offset ${bytes.indexOf(0xe9)} (byte 0xe9, "é" in windows-1252)`,
    );
  });

  it('never repeats a suspected identifier in full', async () => {
    for (const [name, secret] of [
      ['disclosure-nik.csv', '3171044501900001'],
      ['disclosure-nik-excel.csv', '3,17104E+15'],
      ['disclosure-phone.csv', '0812-3456-7890'],
      ['disclosure-email.csv', 'siti.aminah@example.com'],
      ['disclosure-npwp.csv', '01.234.567.8-901.000'],
      ['disclosure-nik-grouped.csv', '3171 0445 0190 0001'],
      ['disclosure-landline.csv', '021-3904567'],
      // A quasi-identifier holding a NIK also breaks k-anonymity: that message masks it too.
      ['disclosure-nik-quasi.csv', '3171044501900001'],
      ['disclosure-address-quasi.csv', 'Kramat Raya'],
    ]) {
      const text = formatIssues((await check(name!)).log);
      expect(text).toContain('•');
      expect(text).not.toContain(secret);
    }
  });

  it('hints at the likely cause: a missing-value code, an Excel date serial, a PDF or web page renamed, UTF-16 without BOM', async () => {
    const hint = async (name: string) => (await check(name)).log.issues[0]!;
    expect((await hint('type-missing-code.csv')).hint).toContain("missingValues: ['', 'NA']");
    expect((await hint('format-excel-serial.csv')).hint).toContain('how Excel stores a date');
    expect((await hint('not-text-pdf.csv')).message).toContain('PDF');
    expect((await hint('not-text-html.csv')).message).toContain('web page (HTML)');
    expect((await hint('encoding-utf16-no-bom.csv')).hint).toContain('encoding: utf-16le');
  });

  it('hints that Excel dropped a leading zero when the value is a category or matches the pattern with it', async () => {
    const asCodes = (extra: Record<string, unknown>) => (d: Descriptor) =>
      Object.assign(field(d, 'umur'), { type: 'string', constraints: {}, ...extra });
    const viaCategories = await check(
      'ok-excel.csv',
      asCodes({ categories: ['034', '041', '029', '052', '047', '038'] }),
    );
    expect(viaCategories.log.issues[0]).toMatchObject({ rule: 'enum', line: 2, column: 4, variable: 'umur' });
    expect(viaCategories.log.issues[0]!.hint).toContain('Was it "034"? Excel drops leading zeros');
    const viaPattern = await check('ok-excel.csv', asCodes({ constraints: { pattern: '0[0-9]{2}' } }));
    expect(viaPattern.log.issues[0]).toMatchObject({ rule: 'pattern', line: 2, column: 4 });
    expect(viaPattern.log.issues[0]!.hint).toContain('"034" would match');
  });

  it('hints that a code with a leading zero needs quotes in the YAML codebook', async () => {
    const csv = readFileSync(path.join(fixtures, 'csv/ok-excel.csv'), 'latin1')
      .replaceAll(';L;', ';01;')
      .replaceAll(';P;', ';02;');
    const r = await check(Buffer.from(csv, 'latin1'), (d) => (field(d, 'jenis_kelamin').categories = [1, 2]));
    expect(r.log.issues[0]).toMatchObject({ rule: 'enum', line: 2, column: 3, variable: 'jenis_kelamin' });
    expect(r.log.issues[0]!.hint).toContain("write codes with leading zeros in quotes there (value: '01')");
  });

  it('reports a faulty row of a referenced table once, not again as missing foreign keys', async () => {
    const r = await check('ok-excel.csv', undefined, false, (dir) =>
      copyFileSync(path.join(fixtures, 'csv/kelompok-ragged.csv'), path.join(dir, 'kelompok.csv')),
    );
    expect(r.log.issues.map((i) => [i.file, i.rule, i.line])).toEqual([['kelompok.csv', 'ragged-row', 3]]);
  });

  it('refuses a data file in the folder that the codebook does not name', async () => {
    const r = await check('ok-excel.csv', undefined, false, (dir) =>
      writeFileSync(path.join(dir, 'catatan-lapangan.csv'), 'nama;no_hp\r\n'),
    );
    expect(r.log.issues).toEqual([
      expect.objectContaining({ file: 'catatan-lapangan.csv', rule: 'file-unlisted' }),
    ]);
  });

  it('names a file that differs from "path" only in capitals', async () => {
    const r = await check('ok-excel.csv', undefined, false, (dir) =>
      renameSync(path.join(dir, 'anggota.csv'), path.join(dir, 'Anggota.csv')),
    );
    expect(r.log.issues).toEqual([expect.objectContaining({ file: 'anggota.csv', rule: 'file-missing' })]);
    expect(r.log.issues[0]!.hint).toContain('"Anggota.csv"');
  });

  it('refuses a column marked direct-identifier', async () => {
    const r = await check('ok-excel.csv', (d) => (field(d, 'catatan')['paseban:role'] = 'direct-identifier'));
    expect(r.log.issues).toEqual([
      expect.objectContaining({
        rule: 'disclosure:direct-identifier',
        line: 1,
        column: 8,
        variable: 'catatan',
      }),
    ]);
  });

  it('does not count a missing sensitive value as a different value (l-diversity)', async () => {
    const optional = (d: Descriptor) => (field(d, 'status').constraints = {});
    const r = await check('l-diversity-missing.csv', optional);
    expect(r.log.issues).toEqual([
      expect.objectContaining({ rule: 'disclosure:l-diversity', line: 5, variable: 'status' }),
    ]);
    expect(r.log.issues[0]!.message).toContain('have the same status wherever it is known');
  });

  it('applies a raised k from the codebook', async () => {
    const r = await check('ok-excel.csv', (d) => (d['paseban:disclosure'] = { k: 4 }));
    expect(r.log.issues.map((i) => i.rule)).toEqual(['disclosure:k-anonymity', 'disclosure:k-anonymity']);
    expect(r.log.issues[0]!.message).toContain('at least k = 4');
  });

  it('collects every problem; a kind repeated on every row does not hide the others', async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `R${String(i).padStart(3, '0')};A;X;${i === 299 ? 200 : 30};1;01/01/1995;${i % 2 ? 'lancar' : 'macet'};`,
    );
    const r = await check(
      Buffer.from(
        ['id;kelompok;jenis_kelamin;umur;pendapatan;tanggal;status;catatan', ...rows, ''].join('\n'),
      ),
    );
    expect(r.log.count).toBe(301);
    expect(r.log.issues.map((i) => [i.rule, i.line])).toEqual([
      ['enum', 2],
      ['enum', 3],
      ['enum', 4],
      ['enum', 5],
      ['enum', 6],
      ['maximum', 301],
    ]);
    const report = formatIssues(r.log).split('\n');
    expect(report).toContain(
      'anggota.csv [enum] jenis_kelamin: 295 more like the above, the last on line 301',
    );
    expect(report.at(-1)).toBe('301 problems found');
  });

  it('keeps at most `cap` problems in full and counts the rest', () => {
    const log = new IssueLog(3);
    for (const rule of ['a', 'b', 'c', 'd', 'e']) log.add({ file: 'x.csv', line: 2, rule, message: 'm' });
    expect(log.issues).toHaveLength(3);
    expect(formatIssues(log).split('\n').at(-1)).toBe('… and 2 more (5 problems in all)');
  });
});

describe('codebook problems name the codebook line', { timeout: 30_000 }, () => {
  it('reports invalid YAML with its line', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'check-')), 'base');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'datapackage.yaml'), 'name: base\nversion: 1.0.0\ntitle: [unclosed\n');
    const r = await checkDataset(dir, { collect: false, rel: (p) => path.relative(dir, p) });
    expect(r.log.issues[0]).toMatchObject({ file: 'datapackage.yaml', rule: 'codebook' });
    expect(r.log.issues[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a folder name that cannot be a dataset id (capitals, spaces)', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'check-')), 'Survei Baru');
    mkdirSync(dir);
    const d = parse(readFileSync(path.join(fixtures, 'base/datapackage.yaml'), 'utf8')) as Descriptor;
    d.name = 'Survei Baru';
    writeFileSync(path.join(dir, 'datapackage.yaml'), stringify(d));
    const r = await checkDataset(dir, { collect: false, rel: (p) => path.relative(dir, p) });
    expect(r.log.issues[0]).toMatchObject({ file: 'datapackage.yaml', rule: 'codebook', line: 2 });
    expect(r.log.issues[0]!.message).toContain('the folder name "Survei Baru" cannot be a dataset id');
  });

  it('scans the codebook text that is published (titles, descriptions, labels) for identifiers, masked', async () => {
    const r = await check('ok-excel.csv', (d) => {
      const sex = field(d, 'jenis_kelamin') as { categories: { label: string }[]; description?: string };
      sex.categories[1]!.label = 'Perempuan (hubungi 081234567890)';
      Object.assign(field(d, 'umur'), {
        description: 'Ditanyakan di rumah, Jl. Kramat Raya 12',
        'paseban:descriptionEn': 'Asked at home',
      });
      // A contact for the data set is a contributor's, published by design.
      d.contributors = [{ title: 'Tim Peneliti', email: 'tim.peneliti@ui.ac.id', roles: ['publisher'] }];
    });
    expect(r.log.issues.map((i) => [i.rule, i.file, i.line])).toEqual([
      ['disclosure:phone', 'datapackage.yaml', expect.any(Number)],
      ['disclosure:address', 'datapackage.yaml', expect.any(Number)],
    ]);
    const [phone, address] = r.log.issues;
    expect(phone!.message).toMatch(
      /^resources\.1\.schema\.fields\.2\.categories\.1\.label: the text "08•+90" looks like an Indonesian phone number/,
    );
    expect(phone!.message).not.toContain('081234567890');
    expect(address!.message).toMatch(/fields\.3\.description: .*street address/);
    expect(address!.hint).toMatch(/codebook is published with the data/);
    expect(phone!.line).toBeLessThan(address!.line!);
  });

  it('refuses a codebook that is not UTF-8, naming its line and byte offset', async () => {
    const r = await check('ok-excel.csv', undefined, false, (dir) => {
      const file = path.join(dir, 'datapackage.yaml');
      const text = readFileSync(file, 'utf8').replace('title: Data uji', 'title: Data uji café');
      writeFileSync(file, Buffer.from(text, 'latin1'));
    });
    expect(r.log.issues).toEqual([
      expect.objectContaining({ file: 'datapackage.yaml', rule: 'encoding', line: 6 }),
    ]);
    expect(r.log.issues[0]!.message).toMatch(/not valid UTF-8 at byte offset \d+ \(byte 0xe9\)/);
  });

  it('refuses a dataset description too short for the dataset page (50 to 5000 characters)', async () => {
    const r = await check('ok-excel.csv', (d) => (d.description = 'Data uji.'));
    expect(r.log.issues).toEqual([expect.objectContaining({ file: 'datapackage.yaml', rule: 'codebook' })]);
    expect(r.log.issues[0]!.message).toBe(
      'description: has 9 characters; a dataset description needs 50 to 5000',
    );
    expect(r.log.issues[0]!.line).toBeGreaterThan(0);
  });

  it('refuses a second codebook beside the first', async () => {
    const r = await check('ok-excel.csv', undefined, false, (dir) =>
      copyFileSync(path.join(dir, 'datapackage.yaml'), path.join(dir, 'datapackage.json')),
    );
    expect(r.log.issues).toEqual([expect.objectContaining({ file: 'datapackage.json', rule: 'codebook' })]);
  });

  it('reports an unknown type and a foreign key to a missing table', async () => {
    const r = await check('ok-excel.csv', (d) => {
      field(d, 'umur').type = 'int';
      (d.resources[1]!.schema as Record<string, unknown>).foreignKeys = [
        { fields: ['kelompok'], reference: { resource: 'grup', fields: ['kode'] } },
      ];
    });
    const messages = r.log.issues.map((i) => `${i.file} ${i.rule} ${i.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^datapackage\.yaml codebook resources\.1\.schema\.fields\.3\.type: unknown type "int"/,
      ),
      expect.stringMatching(/^datapackage\.yaml codebook .*points at table "grup"/),
    ]);
    expect(r.log.issues.every((i) => typeof i.line === 'number')).toBe(true);
  });
});

describe('the quick check of clean rows agrees with the full checks', { timeout: 60_000 }, () => {
  // Rows drawn from clean values and from every kind of fault, checked once
  // as the build does and once with the quick path refused (every row then
  // takes the full checks): problems, typed rows and the disclosure report
  // must be the same.
  const pick = <T>(random: () => number, xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const cells: Record<string, { clean: string[]; faulty: string[] }> = {
    id: { clean: [], faulty: ['R12', 'X001', ' R001 ', '', 'R0001', '3171044501900001', 'r@contoh.id'] },
    kelompok: { clean: ['A', 'B'], faulty: ['C', ' A', '', 'a', 'A '] },
    jenis_kelamin: { clean: ['L', 'P'], faulty: ['L ', 'Q', '', 'l'] },
    umur: {
      clean: ['15', '34', '41', '99', '52'],
      faulty: ['14', '100', '', '-', ' 34', '34.0', '3171044501900001', '81234567890', 'abc', '1e3', 'NA'],
    },
    pendapatan: {
      clean: ['1.250.000,5', '850.000', '-', '', '700000', '12,25'],
      faulty: ['3,17104E+15', '12345678', '1,5e3', 'x', '1.2.3', ' 850.000 ', '-5'],
    },
    tanggal: { clean: ['01/02/1995', '15/03/1995'], faulty: ['31/02/1995', '', 'x'] },
    status: { clean: ['lancar', 'macet'], faulty: ['lancar ', 'tersendat', ''] },
    catatan: {
      clean: ['', 'usaha lancar', 'rapat sebulan sekali'],
      faulty: ['NIK 3171044501900001', 'Jl. Kramat 5', 'hubungi 0812-3456-7890', 'ani@contoh.id', 'x'],
    },
  };
  const every = Object.keys(cells);
  function table(seed: number, rows: number, columns = every): Buffer {
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const lines = [columns.join(';')];
    for (let i = 0; i < rows; i++)
      lines.push(
        columns
          .map((c) => {
            const { clean, faulty } = cells[c]!;
            if (random() < 0.04) return pick(random, faulty);
            // Member codes in order, now and then one repeated.
            if (c === 'id') return `R${String(random() < 0.02 ? i - 1 : i).padStart(4, '0')}`;
            return pick(random, clean);
          })
          .join(';'),
      );
    return Buffer.from(lines.join('\r\n') + '\r\n');
  }
  const stricter = (d: Descriptor) => {
    field(d, 'catatan').constraints = { minLength: 2, maxLength: 20, pattern: '[^@]*' };
    field(d, 'pendapatan').constraints = { minimum: 0, maximum: 2000000, required: true };
    field(d, 'umur').missingValues = ['', 'NA'];
    field(d, 'kelompok').categories = ['A', 'B'];
  };
  // Without the date column every field has a quick check, and rows after
  // the file's first piece (64 KiB) are checked where they stand (`rowAt`).
  const undated = (d: Descriptor) => {
    const schema = d.resources[1]!.schema;
    schema.fields = schema.fields.filter((f) => f.name !== 'tanggal');
  };
  // Member codes of four digits, for tables of more than 999 rows.
  const fourDigits = (patch?: (d: Descriptor) => void) => (d: Descriptor) => {
    field(d, 'id').constraints = { required: true, pattern: 'R[0-9]{4}' };
    patch?.(d);
  };
  const proto = TableValidator.prototype as unknown as {
    accept: () => number;
    rowAt: (...args: unknown[]) => boolean;
  };
  it.each([
    [1, undefined, every],
    [2, undefined, every],
    [3, stricter, every],
    [4, stricter, every],
    [5, undated, every.filter((c) => c !== 'tanggal')],
    [6, (d: Descriptor) => (stricter(d), undated(d)), every.filter((c) => c !== 'tanggal')],
  ] as const)('seed %i', async (seed, patch, columns) => {
    const csv = table(seed, 2500, columns);
    const { accept, rowAt } = proto;
    let inPlace = 0;
    proto.rowAt = function (this: unknown, ...args: unknown[]) {
      const ok = rowAt.apply(this, args);
      if (ok) inPlace++;
      return ok;
    };
    let quick: Awaited<ReturnType<typeof check>>;
    try {
      quick = await check(csv, fourDigits(patch), true);
    } finally {
      proto.rowAt = rowAt;
    }
    expect(inPlace > 100).toBe(columns !== every);
    proto.accept = () => -1;
    proto.rowAt = () => false;
    let full: Awaited<ReturnType<typeof check>>;
    try {
      full = await check(csv, fourDigits(patch), true);
    } finally {
      proto.accept = accept;
      proto.rowAt = rowAt;
    }
    expect(quick.log.count).toBeGreaterThan(10);
    expect(quick.log.issues).toEqual(full.log.issues);
    expect(quick.log.count).toBe(full.log.count);
    expect(quick.tables.map((t) => [t.rowCount, t.cellsScanned, t.rows])).toEqual(
      full.tables.map((t) => [t.rowCount, t.cellsScanned, t.rows]),
    );
    expect(quick.report).toEqual(full.report);
  });
});

describe('columns without a name, columns left out, headers of several rows', { timeout: 30_000 }, () => {
  const expected = [
    ['R001', 'A', 'L', 34, 1250000.5, '1995-02-01', 'lancar', 'usaha lancar'],
    ['R002', 'A', 'L', 41, 850000, '1995-03-15', 'macet', null],
  ];
  /** ok-excel.csv's first three lines with the header (and rows) changed by `edit`. */
  const excel = (edit: (line: string, i: number) => string) =>
    Buffer.from(
      readFileSync(path.join(fixtures, 'csv/ok-excel.csv'), 'utf8')
        .split('\r\n')
        .slice(0, 3)
        .map(edit)
        .join('\r\n') + '\r\n',
      'utf8',
    );
  // Only two rows: the k-anonymity of the fixture's six rows is not at stake here.
  const loose = (d: Descriptor) => {
    for (const f of d.resources[1]!.schema.fields) delete f['paseban:role'];
    (d.resources[1] as Record<string, unknown>).schema = {
      ...d.resources[1]!.schema,
      foreignKeys: [],
    };
  };

  it('reads a column without a name by its position (paseban:column)', async () => {
    const csv = excel((l, i) => (i === 0 ? l.replace(';jenis_kelamin;', ';;') : l));
    const r = await check(
      csv,
      (d) => {
        loose(d);
        field(d, 'jenis_kelamin')['paseban:column'] = 3;
      },
      true,
    );
    expect(formatIssues(r.log)).toBe('0 problems found');
    expect(r.tables[1]!.rows).toEqual(expected);
  });

  it('refuses a value in a column without a name, naming its position and both ways out', async () => {
    const csv = excel((l, i) => l.replace(/;/, i === 0 ? ';;' : i === 1 ? ';x;' : ';;'));
    const r = await check(csv, loose);
    expect(r.log.issues).toMatchObject([{ rule: 'header-extra', line: 2, column: 2 }]);
    expect(r.log.issues[0]!.message).toBe('a value stands in column 2, which has no name in the header');
    expect(r.log.issues[0]!.hint).toContain('paseban:column: 2');
    expect(r.log.issues[0]!.hint).toContain('schema.fieldsMatch: subset');
  });

  it('leaves out columns the codebook does not describe with fieldsMatch: subset, scanning them still', async () => {
    const csv = excel((l, i) =>
      l.replace(/;/, i === 0 ? ';;kecamatan;' : i === 1 ? ';x;Senen;' : ';siti@example.com;Senen;'),
    );
    const subset = (d: Descriptor) => {
      loose(d);
      d.resources[1]!.schema = { ...d.resources[1]!.schema, fieldsMatch: 'subset' } as never;
    };
    const r = await check(csv, subset, true);
    expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual([['disclosure:email', 3, 2]]);
    const clean = await check(
      excel((l, i) => l.replace(/;/, i === 0 ? ';;kecamatan;' : ';x;Senen;')),
      subset,
      true,
    );
    expect(formatIssues(clean.log)).toBe('0 problems found');
    expect(clean.tables[1]!.rows).toEqual(expected);
  });

  it('with fieldsMatch: subset, also leaves out a column without a name at the right edge', async () => {
    const csv = excel((l, i) => (i === 0 ? `${l};` : i === 1 ? `${l};x` : `${l};0812-3456-7890`));
    const r = await check(csv, (d) => {
      loose(d);
      d.resources[1]!.schema = { ...d.resources[1]!.schema, fieldsMatch: 'subset' } as never;
    });
    expect(r.log.issues.map((i) => [i.rule, i.line, i.column])).toEqual([['disclosure:phone', 3, 9]]);
    const strict = await check(csv, loose);
    expect(strict.log.issues[0]).toMatchObject({ rule: 'header-extra', line: 2, column: 9 });
  });

  it('joins a header of two rows per column (dialect.headerRows, headerJoin)', async () => {
    const csv = excel((l, i) =>
      i === 0
        ? `Anggota pokmas\r\n${l.replace('jenis_kelamin', 'jenis').replace(';umur', ';')}\r\n;;kelamin;umur`
        : l,
    );
    const r = await check(
      csv,
      (d) => {
        loose(d);
        (d.resources[1] as Record<string, unknown>).dialect = {
          delimiter: ';',
          headerRows: [2, 3],
          headerJoin: '_',
        };
      },
      true,
    );
    expect(formatIssues(r.log)).toBe('0 problems found');
    expect(r.tables[1]!.rows).toEqual(expected);
  });

  it('refuses codebook settings it cannot read, with their line', async () => {
    const r = await check('ok-excel.csv', (d) => {
      (d.resources[1] as Record<string, unknown>).dialect = {
        delimiter: ';',
        header: false,
        headerRows: [2, 1],
      };
      d.resources[1]!.schema = { ...d.resources[1]!.schema, fieldsMatch: 'exact' } as never;
      field(d, 'umur')['paseban:column'] = 0;
      field(d, 'status')['paseban:column'] = 2;
      field(d, 'catatan')['paseban:column'] = 2;
    });
    expect(r.log.issues.map((i) => i.message.split(':')[0])).toEqual([
      'resources.1.dialect.header',
      'resources.1.dialect.headerRows',
      'resources.1.schema.fieldsMatch',
      'resources.1.schema.fields.3.paseban',
      'resources.1.schema.fields.7.paseban',
    ]);
    for (const i of r.log.issues) expect(i).toMatchObject({ file: 'datapackage.yaml', rule: 'codebook' });
    for (const i of r.log.issues) expect(i.line).toBeGreaterThan(1);
  });
});

describe('messages say what to change', { timeout: 30_000 }, () => {
  it('describes an integer with groupChar "." by its thousands, not by decimals written "." too', async () => {
    const r = await check('type-integer-grouped.csv', (d) => (field(d, 'umur').groupChar = '.'));
    const issue = r.log.issues.find((i) => i.rule === 'type')!;
    expect(issue).toMatchObject({ line: 3, column: 4, variable: 'umur' });
    expect(issue.hint).toContain('write whole numbers with "." between thousands');
    expect(issue.hint).not.toContain('before decimals');
  });

  it('gives an undeclared windows-1252 file the line and column of the byte and names the likely encoding', async () => {
    const r = await check('windows-1252.csv');
    expect(r.log.issues).toMatchObject([{ file: 'anggota.csv', rule: 'encoding', line: 4, column: 8 }]);
    expect(r.log.issues[0]!.message).toContain('(byte 0xe9, "é" in windows-1252)');
    expect(r.log.issues[0]!.hint).toContain('probably windows-1252');
    const declared = await check('windows-1252.csv', (d) => {
      (d.resources[1] as Record<string, unknown>).encoding = 'utf-8';
    });
    expect(declared.log.issues[0]!.hint).toContain('change encoding to windows-1252');
  });

  it('names a PNG renamed to .csv as an image, whatever encoding the codebook declares', async () => {
    for (const encoding of [undefined, 'utf-16']) {
      const r = await check('not-text-png.csv', (d) => {
        if (encoding) (d.resources[1] as Record<string, unknown>).encoding = encoding;
      });
      expect(r.log.issues).toMatchObject([{ file: 'anggota.csv', rule: 'not-text' }]);
      expect(r.log.issues[0]!.message).toContain('PNG image');
    }
  });

  it('names the line where a repeated key first appeared', async () => {
    const r = await check('primary-key.csv');
    expect(r.log.issues).toMatchObject([
      {
        rule: 'primary-key',
        line: 6,
        column: 1,
        variable: 'id',
        message: 'the key (R004) appears more than once: first on line 5, again here',
      },
    ]);
  });

  it('counts every repeated key and names the first five in full', async () => {
    const rows = Array.from(
      { length: 9 },
      (_, i) => `R00${i < 3 ? 1 : 2};A;L;34;1;01/02/1995;lancar;`, // R001 x3, then R002 x6
    );
    const r = await check(
      Buffer.from(
        ['id;kelompok;jenis_kelamin;umur;pendapatan;tanggal;status;catatan', ...rows, ''].join('\r\n'),
      ),
    );
    const keys = r.log.issues.filter((i) => i.rule === 'primary-key');
    expect(keys.map((i) => [i.line, i.message])).toEqual([
      [3, 'the key (R001) appears more than once: first on line 2, again here'],
      [4, 'the key (R001) appears more than once: first on line 2, again here'],
      [6, 'the key (R002) appears more than once: first on line 5, again here'],
      [7, 'the key (R002) appears more than once: first on line 5, again here'],
      [8, 'the key (R002) appears more than once: first on line 5, again here'],
    ]);
    expect(r.log.kinds.get(['anggota.csv', 'primary-key', 'id', '1'].join('\u001f'))).toMatchObject({
      count: 7,
      lastLine: 10,
    });
  });

  it('shows in a k-anonymity message only values that are categories of the codebook, masking the others', async () => {
    const r = await check('k-anonymity.csv', (d) => (field(d, 'umur')['paseban:role'] = 'quasi-identifier'));
    const messages = r.log.issues.filter((i) => i.rule === 'disclosure:k-anonymity').map((i) => i.message);
    expect(messages).toHaveLength(5); // seven classes of one row, five listed in full
    expect(messages[0]).toContain('jenis_kelamin=L, umur=••');
    for (const age of ['34', '41', '29', '52', '47', '38', '30'])
      for (const m of messages) expect(m).not.toContain(`umur=${age}`);
  });
});
