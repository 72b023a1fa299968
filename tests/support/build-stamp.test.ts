import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildInputsDigest, stampBuild, unstampBuild, upToDate } from './build-stamp.ts';
import type { SiteBuild } from './builds.ts';

const build: SiteBuild = { name: 'fixture', outDir: 'dist', base: '/' };

describe('build stamps', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const digest = () => buildInputsDigest(build, dir);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stamp-'));
    spawnSync('git', ['init', '-q'], { cwd: dir });
    write('.gitignore', 'dist/\n.tmp/\n');
    write('src/page.astro', '<h1>Hallo</h1>');
    write('data/a.csv', 'x;y\n1;2\n');
    spawnSync('git', ['add', '.'], { cwd: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the digest follows the sources, new files among them, and not the tests or the ignored output', () => {
    const first = digest();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    write('data/a.csv', 'x;y\n1;3\n');
    const changed = digest();
    expect(changed).not.toBe(first);
    write('content/new.mdx', 'Baru');
    const added = digest();
    expect(added).not.toBe(changed);
    write('tests/page.test.ts', 'test');
    write('src/lib/x.test.ts', 'test');
    write('dist/index.html', '<p>built</p>');
    expect(digest()).toBe(added);
    expect(buildInputsDigest({ ...build, base: '/paseban/' }, dir)).not.toBe(added);
  });

  test('a build is reused only while its stamp matches the inputs and its output is there', () => {
    unstampBuild(build, dir);
    expect(upToDate(build, dir)).toBeUndefined();
    stampBuild(build, digest(), dir);
    expect(upToDate(build, dir)).toBe(digest());
    write('src/page.astro', '<h1>Halo</h1>');
    expect(upToDate(build, dir)).toBeUndefined();
    stampBuild(build, digest(), dir);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(upToDate(build, dir)).toBeUndefined();
  });

  test('without git nothing is reused', () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'stamp-plain-'));
    try {
      expect(buildInputsDigest(build, plain)).toBeUndefined();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
