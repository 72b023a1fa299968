/**
 * The data build end to end: two builds give identical bytes; the published
 * files validate against the official schemas; a failing build leaves the
 * previous output untouched.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { DatasetMeta } from '../src/lib/schema/metadata.ts';
import { readStandardJson, standardPath } from '../tests/support/standards.ts';

const root = path.resolve(import.meta.dirname, '..');

function build(out: string, dataDir = path.join(root, 'data')) {
  return spawnSync(
    process.execPath,
    ['scripts/build-data.ts', '--data', dataDir, '--out', out, '--types', path.join(out, '..', 'types.ts')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(path.join(dir, n)).isDirectory()
        ? listFiles(path.join(dir, n), `${prefix}${n}/`)
        : [`${prefix}${n}`],
    );
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let outA: string;
let outB: string;
const meta = (id: string) =>
  JSON.parse(readFileSync(path.join(outA, id, 'metadata.json'), 'utf8')) as DatasetMeta;

beforeAll(() => {
  outA = path.join(mkdtempSync(path.join(tmpdir(), 'data-a-')), 'data');
  outB = path.join(mkdtempSync(path.join(tmpdir(), 'data-b-')), 'data');
  for (const out of [outA, outB]) {
    const r = build(out);
    expect(r.status, r.stderr).toBe(0);
  }
}, 120_000);

describe('npm run data', { timeout: 60_000 }, () => {
  it('is byte-for-byte deterministic', () => {
    const a = listFiles(outA);
    expect(a).toEqual(listFiles(outB));
    expect(a).toContain('survei-pokmas/1.0.0/survei-pokmas-sintetis.xlsx');
    for (const f of a)
      expect(sha(readFileSync(path.join(outA, f))), f).toBe(sha(readFileSync(path.join(outB, f))));
  });

  it('stamps every ZIP entry (bundle and XLSX) with the fixed time 1980-01-01 00:00', () => {
    for (const f of [
      'survei-pokmas/1.0.0/survei-pokmas-sintetis.xlsx',
      'survei-pokmas/1.0.0/survei-pokmas-sintetis.zip',
    ]) {
      const b = readFileSync(path.join(outA, f));
      let entries = 0;
      for (let i = b.indexOf('PK\x03\x04'); i >= 0; i = b.indexOf('PK\x03\x04', i + 4)) {
        entries++;
        expect([b.readUInt16LE(i + 10), b.readUInt16LE(i + 12)], f).toEqual([0, 0x21]);
      }
      expect(entries).toBeGreaterThan(3);
    }
  });

  it('writes datapackage.json files that validate against the Data Package 2.0 schema, with true bytes and sha256', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('textarea', true);
    const validate = ajv.compile(readStandardJson('datapackage-2.0.json'));
    for (const id of ['survei-pokmas', 'konteks-paseban']) {
      const dir = path.join(outA, id, '1.0.0');
      const dp = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
      expect(validate(dp), JSON.stringify(validate.errors)).toBe(true);
      expect(dp.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
      for (const r of dp.resources) {
        const bytes = readFileSync(path.join(dir, r.path));
        expect(r.bytes).toBe(bytes.length);
        expect(r.hash).toBe(`sha256:${sha(bytes)}`);
      }
    }
  });

  it('lists every file in the metadata with its url path, size and hash', () => {
    const m = meta('survei-pokmas');
    expect(m.synthetic).toEqual({ generator: 'scripts/generate-survey.ts', seed: 19940401 });
    expect(meta('konteks-paseban').synthetic).toBe(false);
    expect(m.files.map((f) => f.name).sort()).toEqual(
      readdirSync(path.join(outA, 'survei-pokmas/1.0.0')).sort(),
    );
    for (const f of m.files) {
      expect(f.path).toBe(`data/survei-pokmas/1.0.0/${f.name}`);
      expect(f.sha256).toBe(sha(readFileSync(path.join(outA, 'survei-pokmas/1.0.0', f.name))));
    }
    const sex = m.tables.find((t) => t.name === 'anggota')!.fields.find((f) => f.name === 'jenis_kelamin')!;
    expect(sex.categories!.reduce((s, c) => s + (c.count ?? 0), 0)).toBe(
      m.tables.find((t) => t.name === 'anggota')!.rowCount,
    );
    expect(m.disclosure.tables.find((t) => t.table === 'anggota')!.kReached).toBeGreaterThanOrEqual(3);
  });

  it('publishes RFC 4180 CSV (UTF-8 without BOM, comma, CRLF, plain numbers)', () => {
    const csv = readFileSync(
      path.join(outA, 'survei-pokmas/1.0.0/survei-pokmas-sintetis-kegiatan.csv'),
      'utf8',
    );
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'kelompok,bulan,pertemuan,kehadiran_persen,angsuran_terkumpul,kunjungan_pendamping',
    );
    expect(lines[1]).toMatch(/^A,1,\d+,\d+(\.\d+)?,\d+,\d+$/);
    const real = readFileSync(
      path.join(outA, 'konteks-paseban/1.0.0/konteks-paseban-wilayah-2013.csv'),
      'utf8',
    );
    expect(real).toContain('\r\n2013,Jakarta Pusat,Senen,6,48,515,38973\r\n');
  });

  it('writes an XLSX with typed cells, a codebook and a README sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(path.join(outA, 'survei-pokmas/1.0.0/survei-pokmas-sintetis.xlsx'));
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'README',
      'kelompok',
      'anggota',
      'kondisi',
      'kegiatan',
      'wawancara',
      'codebook',
    ]);
    const row = wb.getWorksheet('anggota')!.getRow(3);
    expect(typeof row.getCell(7).value).toBe('number');
    expect(typeof row.getCell(1).value).toBe('string');
    expect(String(wb.getWorksheet('README')!.getCell('A4').value)).toMatch(/SYNTHETIC DATA/);
  });

  it('bundles a ZIP with README, LICENSE and SHA256SUMS that match the files', () => {
    const zip = unzipSync(readFileSync(path.join(outA, 'survei-pokmas/1.0.0/survei-pokmas-sintetis.zip')));
    const names = Object.keys(zip);
    expect(names).toContain('survei-pokmas-sintetis-1.0.0/README.md');
    expect(names).toContain('survei-pokmas-sintetis-1.0.0/LICENSE');
    const sums = new TextDecoder().decode(zip['survei-pokmas-sintetis-1.0.0/SHA256SUMS']);
    const listed = sums
      .trim()
      .split('\n')
      .map((l) => l.split('  '));
    expect(listed.length).toBe(names.length - 1);
    for (const [hash, name] of listed)
      expect(sha(zip[`survei-pokmas-sintetis-1.0.0/${name}`]!), name).toBe(hash);
    const readme = new TextDecoder().decode(zip['survei-pokmas-sintetis-1.0.0/README.md']);
    expect(readme).toMatch(/## How to cite/);
    expect(readme).toMatch(/`status_angsuran`/);
  });

  it('writes DDI Codebook 2.5 that validates against its XSD', () => {
    for (const id of ['survei-pokmas', 'konteks-paseban']) {
      const r = spawnSync(
        'xmllint',
        [
          '--noout',
          '--schema',
          standardPath('ddi-codebook-2.5/codebook.xsd'),
          path.join(outA, id, '1.0.0', meta(id).files.find((f) => f.format === 'ddi')!.name),
        ],
        { encoding: 'utf8' },
      );
      expect(r.error, 'xmllint (Debian package libxml2-utils) is needed for this test').toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('generates row types with category unions', () => {
    const types = readFileSync(path.join(outA, '..', 'types.ts'), 'utf8');
    expect(types).toContain('status_angsuran: "lancar" | "tersendat" | "macet";');
    expect(types).toContain('"laki-laki_wna": number | null;');
  });

  it('leaves the previous output exactly as it was when a dataset fails', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'bad-data-'));
    cpSync(path.join(root, 'data'), data, { recursive: true });
    const csv = path.join(data, 'survei-pokmas/anggota.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('A02;A;P;35-49', 'A02;A;P;35-49x'));
    const before = listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))]);
    const r = build(outB, data);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /survei-pokmas\/anggota\.csv:3:4 \[enum\] kelompok_umur: "35-49x" is not one of the categories/,
    );
    expect(r.stderr).toMatch(/previous output is unchanged/);
    expect(listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))])).toEqual(before);
    expect(existsSync(`${outB}.tmp-${r.pid}`)).toBe(false);
  });

  it('leaves the previous output as it was when writing fails half-way, and removes its temporary folder', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'bad-archive-'));
    cpSync(path.join(root, 'data'), data, { recursive: true });
    // An archived version is copied while writing: a folder where a file should be stops the copy.
    mkdirSync(path.join(data, 'konteks-paseban/versions/0.9.0/stray-folder'), { recursive: true });
    const codebook = path.join(data, 'konteks-paseban/datapackage.yaml');
    writeFileSync(
      codebook,
      readFileSync(codebook, 'utf8').replace(
        'paseban:changelog:',
        "paseban:changelog:\n  - version: 0.9.0\n    changes: { id: 'Versi awal.', en: 'First version.' }",
      ),
    );
    const before = listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))]);
    const r = build(outB, data);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toMatch(/stray-folder/);
    expect(r.stderr).toMatch(/failed while writing: nothing was published, the previous output is unchanged/);
    expect(listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))])).toEqual(before);
    expect(existsSync(`${outB}.tmp-${r.pid}`)).toBe(false);
  });

  it('removes the temporary folders an interrupted build left behind', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'leftover-')), 'data');
    // Process ids above the kernel's maximum (4194304) belong to no process.
    for (const left of [`${out}.tmp-4194999`, `${out}.old-4194998`]) mkdirSync(left, { recursive: true });
    const r = build(out);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['data', 'types.ts']);
  });

  it('refuses a folder under data/ without a codebook instead of leaving it out silently', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'no-codebook-'));
    cpSync(path.join(root, 'data/konteks-paseban'), path.join(data, 'konteks-paseban'), { recursive: true });
    cpSync(path.join(root, 'data/survei-pokmas'), path.join(data, 'survei-baru'), { recursive: true });
    renameSync(path.join(data, 'survei-baru/datapackage.yaml'), path.join(data, 'survei-baru/codebook.yaml'));
    const before = listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))]);
    const r = build(outB, data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('survei-baru [codebook] no codebook in this folder');
    expect(r.stderr).toContain('found: codebook.yaml; rename it');
    expect(listFiles(outB).map((f) => [f, sha(readFileSync(path.join(outB, f)))])).toEqual(before);
  });

  it('keeps an archived version downloadable beside a new one', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'versions-'));
    cpSync(path.join(root, 'data/konteks-paseban'), path.join(data, 'konteks-paseban'), { recursive: true });
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'versions-out-')), 'data');
    expect(build(out, data).status).toBe(0);
    const archive = spawnSync(
      process.execPath,
      ['scripts/build-data.ts', '--archive', 'konteks-paseban', '--data', data, '--out', out],
      { cwd: root, encoding: 'utf8' },
    );
    expect(archive.status, archive.stderr).toBe(0);
    const codebook = path.join(data, 'konteks-paseban/datapackage.yaml');
    writeFileSync(
      codebook,
      readFileSync(codebook, 'utf8')
        .replace('version: 1.0.0', 'version: 1.1.0')
        .replace(
          'paseban:changelog:\n',
          'paseban:changelog:\n  - version: 1.1.0\n    changes: { id: Judul diperbaiki., en: Title corrected. }\n',
        ),
    );
    const r = build(out, data);
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(
      readFileSync(path.join(out, 'konteks-paseban/metadata.json'), 'utf8'),
    ) as DatasetMeta;
    expect(m.versions.map((v) => [v.version, v.changes.en])).toEqual([
      ['1.1.0', 'Title corrected.'],
      ['1.0.0', "First release; the portal's files repackaged without changing their values."],
    ]);
    const old = m.versions[1]!.files.find((f) => f.format === 'zip')!;
    expect(old.path).toBe('data/konteks-paseban/1.0.0/konteks-paseban.zip');
    expect(sha(readFileSync(path.join(out, 'konteks-paseban/1.0.0/konteks-paseban.zip')))).toBe(old.sha256);
    expect(sha(readFileSync(path.join(out, 'konteks-paseban/1.0.0/konteks-paseban.zip')))).toBe(
      sha(readFileSync(path.join(outA, 'konteks-paseban/1.0.0/konteks-paseban.zip'))),
    );
  });

  it('checks one folder with --check and writes nothing', () => {
    const r = spawnSync(process.execPath, ['scripts/build-data.ts', '--check', 'data/konteks-paseban'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/penduduk-2014: 267 rows/);
    expect(r.stdout).toMatch(/all checks passed/);
  });

  it('refuses a mistyped option with the usage instead of building everything', () => {
    const r = spawnSync(process.execPath, ['scripts/build-data.ts', '--chek', 'data/konteks-paseban'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option "--chek"');
    expect(r.stderr).toContain('Usage: npm run data');
    expect(r.stdout).toBe('');
  });

  it('says so when the folder given to --check does not exist', () => {
    const r = spawnSync(process.execPath, ['scripts/build-data.ts', '--check', 'data/survei-pokmaz'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data/survei-pokmaz [codebook] this folder does not exist');
  });
});
