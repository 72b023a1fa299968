/**
 * Whether a site build is up to date, by content hash: the SHA-256 of every
 * file git sees (tracked, or new and not ignored; tests excluded, since they
 * do not change the site) and of the settings the build reads from the
 * environment. A successful build leaves the digest in `.tmp/`; the build is
 * reused while the digest of the working tree is the same. Without git (an
 * export of the sources), nothing is ever reused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteUrl, type SiteBuild } from './builds.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Files that do not change what a build produces. */
const notInputs = (file: string) => file.startsWith('tests/') || /\.test(-d)?\.ts$/.test(file);

/** Digest of everything the build of `build` reads; undefined where git cannot list the files. */
export function buildInputsDigest(build: SiteBuild, dir = root): string | undefined {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (listed.status !== 0) return undefined;
  const hash = createHash('sha256');
  hash.update(JSON.stringify([siteUrl, build.base, build.outDir]));
  const files = listed.stdout.split('\0').filter((f) => f && !notInputs(f));
  for (const file of [...new Set(files)].sort()) {
    const full = path.join(dir, file);
    // A tracked file deleted in the working tree counts as missing.
    hash.update(`\0${file}\0`);
    if (existsSync(full)) hash.update(readFileSync(full));
  }
  return hash.digest('hex');
}

const stampFile = (build: SiteBuild, dir: string) => path.join(dir, '.tmp', `build-${build.name}.sha256`);

/** The digest, when the build in `build.outDir` was made from exactly these inputs. */
export function upToDate(build: SiteBuild, dir = root): string | undefined {
  const digest = buildInputsDigest(build, dir);
  const file = stampFile(build, dir);
  if (!digest || !existsSync(file) || !existsSync(path.join(dir, build.outDir, 'index.html')))
    return undefined;
  return readFileSync(file, 'utf8').trim() === digest ? digest : undefined;
}

/** Records that `build.outDir` was built from `digest` (taken before the build started). */
export function stampBuild(build: SiteBuild, digest: string | undefined, dir = root): void {
  const file = stampFile(build, dir);
  if (!digest) return rmSync(file, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${digest}\n`);
}

/** Forgets the build (before building it anew, so a failed build is never taken for a finished one). */
export function unstampBuild(build: SiteBuild, dir = root): void {
  rmSync(stampFile(build, dir), { force: true });
}
