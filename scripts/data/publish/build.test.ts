/**
 * The publish pass trusts the check pass: it reads each table again only to
 * cast and write it, so it must refuse a file that is not the one checked.
 */
import { cpSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../check/dataset.ts';
import { writeDataset } from './build.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** The shipped survey, copied and checked; `anggota.csv` is its member table. */
async function checked(prepare?: (csv: string) => void) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'publish-'));
  const dir = path.join(tmp, 'survei-pokmas');
  cpSync(path.join(root, 'data/survei-pokmas'), dir, { recursive: true });
  prepare?.(path.join(dir, 'anggota.csv'));
  const result = await checkDataset(dir, { collect: false });
  expect(result.log.issues).toEqual([]);
  return { dir, out: path.join(tmp, 'out'), result, csv: path.join(dir, 'anggota.csv') };
}

describe('the publish pass reads only the files the check pass read', { timeout: 60_000 }, () => {
  it('refuses a table whose bytes changed though its size and time did not', async () => {
    // A time in whole seconds, which can be set again exactly.
    const mtime = new Date('2026-01-02T03:04:05Z');
    const { dir, out, result, csv } = await checked((file) => utimesSync(file, mtime, mtime));
    const text = readFileSync(csv, 'latin1');
    const at = text.indexOf(';L;');
    expect(at).toBeGreaterThan(0);
    writeFileSync(csv, `${text.slice(0, at)};P;${text.slice(at + 3)}`, 'latin1');
    utimesSync(csv, mtime, mtime);
    const source = result.tables.find((t) => t.table.name === 'anggota')!.source!;
    expect([statSync(csv).size, statSync(csv).mtimeMs]).toEqual([source.bytes, source.mtimeMs]);
    await expect(writeDataset(result, dir, out)).rejects.toThrow(
      /anggota\.csv changed after it was checked \(\d+ bytes then\); run the build again/,
    );
  });

  it('refuses a table that grew, before reading it', async () => {
    const { dir, out, result, csv } = await checked();
    writeFileSync(csv, readFileSync(csv, 'utf8') + readFileSync(csv, 'utf8').split('\n')[1] + '\n');
    await expect(writeDataset(result, dir, out)).rejects.toThrow(/anggota\.csv changed after it was checked/);
  });

  it('checks nothing again: it casts the rows of the bytes it is told were checked', async () => {
    const { dir, out, result, csv } = await checked();
    // A sex the checks refuse (not one of the codebook's categories), in a
    // file presented as the one checked: the publish pass writes it as it is.
    const text = readFileSync(csv, 'latin1');
    const at = text.indexOf(';L;');
    writeFileSync(csv, `${text.slice(0, at)};X;${text.slice(at + 3)}`, 'latin1');
    const again = await checkDataset(dir, { collect: false });
    expect(again.log.issues.map((i) => i.rule)).toContain('enum');
    const table = result.tables.find((t) => t.table.name === 'anggota')!;
    table.source = again.tables.find((t) => t.table.name === 'anggota')!.source;
    const meta = await writeDataset(result, dir, out);
    const published = meta.files.find((f) => f.format === 'csv' && f.table === 'anggota')!;
    expect(readFileSync(path.join(out, 'survei-pokmas', meta.version, published.name), 'utf8')).toMatch(
      /,X,/,
    );
  });
});
