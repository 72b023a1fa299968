/**
 * The streaming writers: exact bytes of CSV and JSON, ZIP entry times fixed
 * in place, an XLSX that reads back typed and carries no time, and the
 * backlog signal that keeps memory flat while a long table is written.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FieldSpec, TableSpec } from '../check/codebook.ts';
import { FieldSummarizer } from './derive.ts';
import { CsvWriter, FIXED_TIME, JsonWriter, XlsxWriter, setZipTimes, zipFiles } from './writers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'writers-'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const table = { fields: [{ name: 'kode' }, { name: 'catatan' }, { name: 'nilai' }] } as unknown as TableSpec;
const rows = [
  ['A01', 'koma, "kutip"\r\nbaris baru', 1.5],
  ['A02', '=1+1', null],
  ['A03', null, 14360],
];

/** Every ZIP entry's MS-DOS date and time, from the central directory. */
function entryTimes(bytes: Buffer): { name: string; time: number; date: number }[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  const out = [];
  for (let i = 0, p = bytes.readUInt32LE(eocd + 16); i < count; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    out.push({ name, time: bytes.readUInt16LE(p + 12), date: bytes.readUInt16LE(p + 14) });
    // The local header must say the same.
    out.push({
      name: `${name} (local)`,
      time: bytes.readUInt16LE(local + 10),
      date: bytes.readUInt16LE(local + 12),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}
const FIXED_DATE = ((1980 - 1980) << 9) | (1 << 5) | 1;

describe('CsvWriter and JsonWriter', () => {
  it('write RFC 4180 CSV and one JSON object per line, and report the bytes and hash written', () => {
    const csv = new CsvWriter(path.join(dir, 't.csv'), table);
    const json = new JsonWriter(path.join(dir, 't.json'), table);
    for (const r of rows) {
      csv.row(r);
      json.row(r);
    }
    const c = csv.close();
    const j = json.close();
    const csvBytes = readFileSync(c.path);
    expect(csvBytes.toString('utf8')).toBe(
      'kode,catatan,nilai\r\nA01,"koma, ""kutip""\r\nbaris baru",1.5\r\nA02,=1+1,\r\nA03,,14360\r\n',
    );
    expect(c.bytes).toBe(csvBytes.length);
    expect(c.sha256).toBe(sha(csvBytes));
    const jsonBytes = readFileSync(j.path);
    expect(JSON.parse(jsonBytes.toString('utf8'))).toEqual(
      rows.map(([kode, catatan, nilai]) => ({ kode, catatan, nilai })),
    );
    expect(jsonBytes.toString('utf8').split('\n')).toHaveLength(rows.length + 3);
    expect(j.sha256).toBe(sha(jsonBytes));
  });

  it('writes a file larger than its buffer whole', () => {
    const csv = new CsvWriter(path.join(dir, 'long.csv'), table);
    for (let i = 0; i < 20_000; i++) csv.row([`A${i}`, 'x'.repeat(20), i]);
    const text = readFileSync(csv.close().path, 'utf8');
    expect(text.split('\r\n')).toHaveLength(20_002);
    expect(text.endsWith('A19999,xxxxxxxxxxxxxxxxxxxx,19999\r\n')).toBe(true);
  });
});

describe('setZipTimes', () => {
  it('stamps every entry, in the directory and in its local header', () => {
    const file = path.join(dir, 'times.zip');
    const when = new Date('2024-06-15T13:45:30Z');
    writeFileSync(
      file,
      zipSync({
        'a.txt': [Buffer.from('a'), { mtime: when }],
        'b/c.txt': [Buffer.from('c'), { mtime: when }],
      }),
    );
    expect(entryTimes(readFileSync(file)).every((e) => e.date === FIXED_DATE)).toBe(false);
    setZipTimes(file, FIXED_TIME);
    const times = entryTimes(readFileSync(file));
    expect(times).toHaveLength(4);
    for (const e of times) expect([e.name, e.date, e.time]).toEqual([e.name, FIXED_DATE, 0]);
    expect(new TextDecoder().decode(unzipSync(readFileSync(file))['b/c.txt'])).toBe('c');
  });

  it('refuses a file that is not a ZIP', () => {
    const file = path.join(dir, 'not.zip');
    writeFileSync(file, 'id;nama\n');
    expect(() => setZipTimes(file, FIXED_TIME)).toThrow(/not a ZIP file/);
  });
});

describe('zipFiles', () => {
  it('zips files from disk in the given order, each entry at FIXED_TIME', async () => {
    writeFileSync(path.join(dir, 'one.txt'), 'satu');
    writeFileSync(path.join(dir, 'two.bin'), Buffer.alloc(3 << 20, 7));
    const w = await zipFiles(path.join(dir, 'bundle.zip'), [
      { name: 'x/one.txt', from: path.join(dir, 'one.txt') },
      { name: 'x/two.bin', from: path.join(dir, 'two.bin') },
    ]);
    const bytes = readFileSync(w.path);
    expect(w.sha256).toBe(sha(bytes));
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['x/one.txt', 'x/two.bin']);
    expect(files['x/two.bin']!.length).toBe(3 << 20);
    expect(files['x/two.bin']!.every((b) => b === 7)).toBe(true);
    for (const e of entryTimes(bytes)) expect(e.date, e.name).toBe(FIXED_DATE);
  });
});

describe('XlsxWriter', () => {
  it('writes typed cells, keeps formula-like text as text, and stamps no time', async () => {
    const x = new XlsxWriter(path.join(dir, 'book.xlsx'), 'test');
    x.textSheet('README', ['Judul'], 80);
    const sheet = x.sheet('tabel', ['kode', 'catatan', 'nilai']);
    for (const r of rows) sheet.row(r);
    sheet.end();
    const w = await x.close();
    const bytes = readFileSync(w.path);
    expect(w.sha256).toBe(sha(bytes));
    for (const e of entryTimes(bytes)) expect(e.date, e.name).toBe(FIXED_DATE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = wb.getWorksheet('tabel')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('C2').value).toBe(1.5);
    expect(ws.getCell('B3').value).toBe('=1+1');
    expect(ws.getCell('B3').formula).toBeUndefined();
    expect(ws.getCell('C4').value).toBe(14360);
    expect(ws.getCell('C3').value).toBeNull();
  });

  it('gives every sheet a distinct name Excel accepts', async () => {
    const x = new XlsxWriter(path.join(dir, 'names.xlsx'), 'test');
    x.textSheet('README', ['Judul'], 80);
    const long = 'jumlah-penduduk-menurut-kelurahan-dan-jenis-kelamin';
    for (const name of ['readme', `${long}-2013`, `${long}-2014`, 'codebook']) x.sheet(name, ['a']).end();
    x.sheet('codebook', ['table']).end();
    const bytes = readFileSync((await x.close()).path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'README',
      'readme~2',
      long.slice(0, 31),
      `${long.slice(0, 29)}~2`,
      'codebook',
      'codebook~2',
    ]);
  });

  // 30,000 rows through exceljs: seconds on a loaded machine.
  it(
    'reports a backlog when rows come faster than they are compressed, and none once drained',
    { timeout: 30_000 },
    async () => {
      const x = new XlsxWriter(path.join(dir, 'long.xlsx'), 'test');
      const sheet = x.sheet('tabel', ['kode', 'catatan', 'nilai']);
      for (let i = 0; i < 30_000; i++) sheet.row([`A${i}`, 'teks yang agak panjang '.repeat(3), i]);
      const wait = x.drained();
      expect(wait).toBeInstanceOf(Promise);
      await wait;
      expect(x.drained()).toBeUndefined();
      sheet.end();
      await x.close();
    },
  );
});

describe('FieldSummarizer', () => {
  const field = (f: Partial<FieldSpec>) =>
    ({ name: 'v', type: 'string', constraints: {}, ...f }) as FieldSpec;
  it('summarises numbers (median of the sorted values), categories, text and missing values', () => {
    const num = new FieldSummarizer(field({ type: 'integer' }));
    for (const v of [5, null, 1, 3, 1000, 2]) num.add(v);
    expect(num.summary()).toEqual({
      kind: 'numeric',
      n: 5,
      missing: 1,
      min: 1,
      median: 3,
      max: 1000,
      mean: 202.2,
    });
    const many = new FieldSummarizer(field({ type: 'number' }));
    for (let i = 3000; i >= 1; i--) many.add(i / 2);
    expect(many.summary()).toMatchObject({ n: 3000, min: 0.5, max: 1500, median: 750.25 });
    const cat = new FieldSummarizer(
      field({ categories: [{ value: 'L' }, { value: 'P' }] as FieldSpec['categories'] }),
    );
    for (const v of ['L', 'P', 'P', null]) cat.add(v);
    expect(cat.summary()).toEqual({ kind: 'categories', n: 3, missing: 1 });
    expect([...cat.counts]).toEqual([
      ['L', 1],
      ['P', 2],
    ]);
    const text = new FieldSummarizer(field({}));
    for (const v of ['a', 'b', 'a', null, null]) text.add(v);
    expect(text.summary()).toEqual({ kind: 'text', n: 3, missing: 2, distinct: 2 });
    expect(new FieldSummarizer(field({})).summary()).toEqual({ kind: 'empty', n: 0, missing: 0 });
    const codes = new FieldSummarizer(field({ constraints: { unique: true } }));
    for (const v of ['A1', 'A2', null, 'A3']) codes.add(v);
    expect(codes.summary()).toEqual({ kind: 'text', n: 3, missing: 1, distinct: 3 });
  });
});
