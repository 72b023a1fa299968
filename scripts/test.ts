/**
 * `npm test`: every check of the project in one command.
 *
 *   1. Chromium for the browser tests and xmllint for the DDI XML check
 *      (installed with apt-get when running as root on Debian and missing);
 *   2. the data build (`npm run data`): datasets and generated row types;
 *   3. the site build into dist/ (`astro build`; reused when made from the
 *      same inputs, by content hash), beside vitest's "unit" and
 *      "astro" projects (they need the data build, not the site);
 *   4. the same site built under the sub-path base `/paseban/` into
 *      dist-subpath/ (the same data build; its images come from the raster
 *      cache the first build filled), beside formatting (`prettier --check .`);
 *   5. vitest's "browser" project against both builds, beside types
 *      (`astro check`).
 *
 * Steps on one line run at the same time: on two cores, a single-threaded
 * build leaves a core for the other. Each of the non-vitest steps counts as
 * one test, every vitest test as one. The summary lists each step's time;
 * the last line printed is `N passed, N failed`; the exit code is 1 if
 * anything failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildInputsDigest, stampBuild, unstampBuild, upToDate } from '../tests/support/build-stamp.ts';
import { buildEnv, rootBuild, subpathBuild, type SiteBuild } from '../tests/support/builds.ts';
import { findChromium } from '../tests/support/chromium.ts';
import { summarizeVitest, type VitestJson } from './test-summary.ts';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const bin = path.join(root, 'node_modules', '.bin');
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
};

let passed = 0;
const failures: string[] = [];
const timings: { name: string; seconds: number; ok: boolean }[] = [];
const started = performance.now();
const secondsSince = (t: number) => Math.round((performance.now() - t) / 1000);

interface Outcome {
  ok: boolean;
  why?: string;
  /** Tests counted (vitest); a plain step counts as one. */
  passed?: number;
  failures?: string[];
}

/**
 * Runs one step, its output shown live (`live`) or held and printed in one
 * piece when it ends (steps that run beside another), and records it.
 */
async function step(name: string, body: (out: Output) => Promise<Outcome>, live = false): Promise<boolean> {
  const t = performance.now();
  const out = new Output(live);
  if (live) console.log(`\n━━ ${name} ━━`);
  const outcome = await body(out);
  const seconds = secondsSince(t);
  if (!live) console.log(`\n━━ ${name} ━━\n${out.text()}`);
  if (outcome.failures) {
    passed += outcome.passed ?? 0;
    failures.push(...outcome.failures);
  } else if (outcome.ok) passed += 1;
  else failures.push(outcome.why ? `${name}: ${outcome.why}` : name);
  timings.push({ name, seconds, ok: outcome.ok });
  const mark = outcome.ok ? '✔' : '✘';
  console.log(
    `${mark} ${name}${outcome.ok ? '' : ` FAILED${outcome.why ? ` (${outcome.why})` : ''}`} [${seconds} s]\n`,
  );
  return outcome.ok;
}

/** Where a step's output goes: straight through, or kept until the step ends. */
class Output {
  private chunks: Buffer[] = [];
  readonly live: boolean;
  constructor(live: boolean) {
    this.live = live;
  }
  write(chunk: Buffer | string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    if (this.live) process[stream].write(chunk);
    else this.chunks.push(Buffer.from(chunk));
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8').replace(/\n*$/, '');
  }
}

/** Runs a command; resolves to its exit code. */
function run(cmd: string, args: string[], out: Output, env: NodeJS.ProcessEnv = baseEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.on('data', (c: Buffer) => out.write(c, 'stdout'));
    child.stderr.on('data', (c: Buffer) => out.write(c, 'stderr'));
    child.on('error', (err) => {
      out.write(`Could not run ${cmd}: ${err.message}\n`, 'stderr');
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** A step that is one command: passes when it exits 0. */
function command(name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv, live = false) {
  return step(
    name,
    async (out) => {
      const code = await run(cmd, args, out, env);
      return code === 0 ? { ok: true } : { ok: false, why: `exit code ${code}` };
    },
    live,
  );
}

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const canApt = () => process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get');

async function aptInstall(packages: string[], out: Output): Promise<boolean> {
  out.write(`Installing Debian packages: apt-get update && apt-get install -y ${packages.join(' ')}\n`);
  const env = { ...baseEnv, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    (await run('apt-get', ['update'], out, env)) === 0 &&
    (await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], out, env)) === 0;
  if (!ok) out.write(`apt-get could not install ${packages.join(' ')}.\n`, 'stderr');
  return ok;
}

/**
 * Chromium for the browser tests, xmllint for the DDI XML check and PSPP
 * for reading the SPSS files back. When one
 * is missing and this is Linux with apt-get and root, the Debian package is
 * installed (and said so); otherwise the step fails, saying how to get it.
 */
function ensureSystemTools(): Promise<boolean> {
  return step(
    'System tools for the tests (Chromium, xmllint, PSPP)',
    async (out) => {
      const browserFromEnv = Boolean(process.env.CHROME_PATH);
      const missing = (): string[] => [
        ...('error' in findChromium() && !browserFromEnv ? ['chromium'] : []),
        ...(hasCommand('xmllint') ? [] : ['libxml2-utils']),
        ...(hasCommand('pspp') && hasCommand('pspp-convert') ? [] : ['pspp']),
      ];
      const toInstall = missing();
      if (toInstall.length > 0 && canApt()) {
        out.write(`Not found: ${toInstall.join(', ')}.\n`);
        await aptInstall(toInstall, out);
      }
      const problems: string[] = [];
      const browser = findChromium();
      if ('error' in browser) problems.push(browser.error);
      else {
        out.write(`Chromium: ${browser.path}\n`);
        baseEnv.CHROME_PATH = browser.path;
      }
      if (hasCommand('xmllint')) out.write('xmllint: found\n');
      else {
        problems.push(
          'xmllint not found: install libxml2 (Debian/Ubuntu: `sudo apt-get install libxml2-utils`; macOS has it).',
        );
      }
      if (hasCommand('pspp') && hasCommand('pspp-convert')) out.write('pspp, pspp-convert: found\n');
      else {
        problems.push(
          'pspp not found: install GNU PSPP (Debian/Ubuntu: `sudo apt-get install pspp`; macOS: `brew install pspp`).',
        );
      }
      for (const p of problems) out.write(`${p}\n`, 'stderr');
      return problems.length === 0 ? { ok: true } : { ok: false, why: 'the tests that need them will fail' };
    },
    true,
  );
}

/** One vitest run of the given projects, its tests counted one by one. */
function vitest(projects: string[], live: boolean): Promise<boolean> {
  const name = `vitest: ${projects.join(' and ')} project${projects.length > 1 ? 's' : ''}`;
  return step(
    name,
    async (out) => {
      const file = path.join(root, '.tmp', `vitest-${projects.join('-')}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      rmSync(file, { force: true });
      const code = await run(
        path.join(bin, 'vitest'),
        [
          'run',
          ...projects.flatMap((p) => ['--project', p]),
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${file}`,
        ],
        out,
        { ...baseEnv, TEST_NO_BUILD: '1' },
      );
      if (!existsSync(file)) return { ok: false, why: `no results written (exit code ${code})` };
      const summary = summarizeVitest(JSON.parse(readFileSync(file, 'utf8')) as VitestJson, root, code);
      out.write(`${name}: ${summary.passed} passed, ${summary.failures.length} failed\n`);
      return { ok: summary.failures.length === 0, ...summary };
    },
    live,
  );
}

/**
 * `astro build` of one site build, skipped when the build in its folder was
 * made from the same inputs (content hash of the working tree, see
 * tests/support/build-stamp.ts): a fresh clone always builds.
 */
function siteBuild(build: SiteBuild): Promise<boolean> {
  const name = `Site build (astro build → ${build.outDir}/, base ${build.base})`;
  const reusable = upToDate(build);
  if (reusable) {
    return step(name, async (out) => {
      out.write(
        `${build.outDir}/ was built from these very inputs (SHA-256 ${reusable.slice(0, 12)}…): reused. ` +
          `Delete .tmp/build-${build.name}.sha256 to build it anyway.\n`,
      );
      return { ok: true };
    });
  }
  const digest = buildInputsDigest(build);
  unstampBuild(build);
  rmSync(build.outDir, { recursive: true, force: true });
  return step(name, async (out) => {
    const env = { ...baseEnv, ...buildEnv(build), PATH: baseEnv.PATH };
    const code = await run(path.join(bin, 'astro'), ['build'], out, env);
    if (code !== 0) return { ok: false, why: `exit code ${code}` };
    stampBuild(build, digest);
    return { ok: true };
  });
}

await ensureSystemTools();
if (await command('Data build (npm run data)', 'npm', ['run', 'data'], baseEnv, true)) {
  await Promise.all([siteBuild(rootBuild), vitest(['unit', 'astro'], false)]);
  await Promise.all([
    siteBuild(subpathBuild),
    command('Formatting (prettier --check .)', path.join(bin, 'prettier'), ['--check', '.']),
  ]);
  // Beside the browser tests, which do not touch Astro's generated types (a build would rewrite them
  // under the checker): the builds before have synced them, so the checker need not.
  await Promise.all([
    vitest(['browser'], true),
    command('Types (astro check)', path.join(bin, 'astro'), ['check', '--noSync']),
  ]);
} else {
  await command('Formatting (prettier --check .)', path.join(bin, 'prettier'), ['--check', '.']);
  failures.push('site builds, types and vitest: not run, the data build failed');
}

console.log('Time per step:');
for (const t of timings) console.log(`  ${t.ok ? '✔' : '✘'} ${String(t.seconds).padStart(4)} s  ${t.name}`);
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✘ ${f}`);
}
console.log(`\nTotal time ${secondsSince(started)} s.`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
