/**
 * Files as governments publish them (fixtures/portal/, rows of a real
 * Jakarta open-data portal file): columns without a name in the middle of
 * the header, a header of several rows under a title line, and a codebook
 * that describes only some of the columns. Both passes (check, publish) read
 * the same described columns.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeDataset } from '../publish/build.ts';
import { checkDataset } from './dataset.ts';
import { formatIssues } from '../errors.ts';

const fixture = path.join(import.meta.dirname, '../fixtures', 'portal');

type Codebook = { resources: { dialect?: Record<string, unknown>; schema: Record<string, unknown> }[] };

/** Checks a copy of the portal fixture, its codebook first changed by `patch`. */
async function checkPortal(patch?: (d: Codebook) => void, collect = false) {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'portal-')), 'portal');
  cpSync(fixture, dir, { recursive: true });
  if (patch) {
    const d = parse(readFileSync(path.join(dir, 'datapackage.yaml'), 'utf8')) as Codebook;
    patch(d);
    writeFileSync(path.join(dir, 'datapackage.yaml'), stringify(d));
  }
  return { dir, checked: await checkDataset(dir, { collect, rel: (p) => path.relative(dir, p) }) };
}

describe('a portal file with columns without a name, described in part', { timeout: 60_000 }, () => {
  it('passes from the codebook alone and reads only the described columns', async () => {
    const { checked } = await checkPortal(undefined, true);
    expect(formatIssues(checked.log)).toBe('0 problems found');
    expect(checked.tables[0]!.rows.find((r) => r[2] === 'PASEBAN')).toEqual([
      2013,
      'SENEN',
      'PASEBAN',
      0.71,
      38400,
    ]);
  });

  it('reads a header of two rows under a title line, the rows joined per column', async () => {
    const { checked } = await checkPortal(undefined, true);
    expect(checked.tables[1]!.rows).toEqual([
      ['SENEN', 398, 428],
      ['KENARI', 456, 447],
      ['PASEBAN', 1266, 1232],
      ['KRAMAT', 1552, 1479],
      ['KWITANG', 908, 793],
      ['BUNGUR', 1046, 993],
    ]);
  });

  it('publishes only the described columns, under their codebook names, from the same reader', async () => {
    const { dir, checked } = await checkPortal();
    const out = mkdtempSync(path.join(tmpdir(), 'portal-out-'));
    await writeDataset(checked, dir, out);
    const csv = readFileSync(path.join(out, 'portal/1.0.0/portal-kepadatan.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('TAHUN,NAMA KECAMATAN,NAMA KELURAHAN,LUAS WILAYAH (KM2),kepadatan');
    expect(csv).toContain('2013,SENEN,PASEBAN,0.71,38400');
    const two = readFileSync(path.join(out, 'portal/1.0.0/portal-kepadatan-dua-baris.csv'), 'utf8');
    expect(two.split('\r\n').slice(0, 2)).toEqual([
      'NAMA KELURAHAN,35-39 Laki-Laki,35-39 Perempuan',
      'SENEN,398,428',
    ]);
    // How the delivered file was read is not part of the published descriptor.
    const descriptor = readFileSync(path.join(out, 'portal/1.0.0/datapackage.json'), 'utf8');
    expect(descriptor).not.toContain('paseban:column');
    expect(descriptor).not.toContain('headerRows');
  });

  it('without fieldsMatch: subset, names each undescribed column once and not the empty ones without a name', async () => {
    const { checked } = await checkPortal((d) => delete d.resources[0]!.schema.fieldsMatch);
    const problems = checked.log.issues.filter((i) => i.file === 'kepadatan-kelurahan-2013.csv');
    expect(problems.map((i) => i.rule)).not.toContain('header-duplicate');
    // NAMA PROVINSI, NAMA KABUPATEN/KOTA and the eighteen age columns from 35-39 on.
    const named = [2, 3, ...Array.from({ length: 18 }, (_, i) => 20 + i)];
    expect(problems.map((i) => [i.rule, i.line, i.column])).toEqual(
      named.map((column) => ['header-extra', 1, column]),
    );
    expect(problems[0]!.hint).toContain('schema.fieldsMatch: subset');
  });

  it('names a header row beyond the end of the file', async () => {
    const { checked } = await checkPortal((d) => (d.resources[1]!.dialect = { headerRows: [2, 30] }));
    expect(checked.log.issues).toMatchObject([
      {
        file: 'kepadatan-dua-baris.csv',
        rule: 'empty-file',
        message: 'the file has 9 rows; the header is to be on rows 2, 30 (dialect.headerRows)',
      },
    ]);
  });
});
