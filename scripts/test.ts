/**
 * `npm test`: every check of the project in one command.
 *
 *   1. Chromium for the browser tests and xmllint for the DDI XML check
 *      (installed with apt-get when running as root on Debian and missing);
 *   2. formatting (`prettier --check .`);
 *   3. the site build (`npm run build`, which builds the data first);
 *   4. types (`astro check`);
 *   5. the same build under the sub-path base `/paseban/` (into dist-subpath/);
 *   6. vitest: the "unit" and "browser" projects (see vitest.config.ts).
 *
 * Each of steps 1–5 counts as one test, every vitest test as one. The last
 * line printed is `N passed, N failed`; the exit code is 1 if anything failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildEnv, rootBuild, subpathBuild } from '../tests/support/builds.ts';
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

function record(name: string, ok: boolean, why = ''): void {
  if (ok) passed += 1;
  else failures.push(why ? `${name}: ${why}` : name);
  console.log(
    `${ok ? '✔' : '✘'} ${name}${ok ? '' : ' FAILED'}${why && !ok ? ` (${why})` : ''} [${seconds(stepStart)}]\n`,
  );
}

let stepStart = performance.now();
const started = performance.now();
const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;

function heading(name: string): void {
  stepStart = performance.now();
  console.log(`\n━━ ${name} ━━`);
}

/** Runs a command with its output shown; resolves to its exit code. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`Could not run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function step(name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<boolean> {
  heading(name);
  const code = await run(cmd, args, env);
  record(name, code === 0, code === 0 ? '' : `exit code ${code}`);
  return code === 0;
}

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const canApt = () => process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get');

async function aptInstall(packages: string[]): Promise<boolean> {
  console.log(`Installing Debian packages: apt-get update && apt-get install -y ${packages.join(' ')}`);
  const env = { ...baseEnv, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    (await run('apt-get', ['update'], env)) === 0 &&
    (await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env)) === 0;
  if (!ok) console.error(`apt-get could not install ${packages.join(' ')}.`);
  return ok;
}

/**
 * Chromium for the browser tests, xmllint for the DDI XML check and PSPP
 * for reading the SPSS files back. When one
 * is missing and this is Linux with apt-get and root, the Debian package is
 * installed (and said so); otherwise the step fails, saying how to get it.
 */
async function ensureSystemTools(): Promise<void> {
  const name = 'System tools for the tests (Chromium, xmllint, PSPP)';
  heading(name);
  const browserFromEnv = Boolean(process.env.CHROME_PATH);
  const missing = (): string[] => [
    ...('error' in findChromium() && !browserFromEnv ? ['chromium'] : []),
    ...(hasCommand('xmllint') ? [] : ['libxml2-utils']),
    ...(hasCommand('pspp') && hasCommand('pspp-convert') ? [] : ['pspp']),
  ];
  const toInstall = missing();
  if (toInstall.length > 0 && canApt()) {
    console.log(`Not found: ${toInstall.join(', ')}.`);
    await aptInstall(toInstall);
  }
  const problems: string[] = [];
  const browser = findChromium();
  if ('error' in browser) problems.push(browser.error);
  else {
    console.log(`Chromium: ${browser.path}`);
    baseEnv.CHROME_PATH = browser.path;
  }
  if (hasCommand('xmllint')) console.log('xmllint: found');
  else {
    problems.push(
      'xmllint not found: install libxml2 (Debian/Ubuntu: `sudo apt-get install libxml2-utils`; macOS has it).',
    );
  }
  if (hasCommand('pspp') && hasCommand('pspp-convert')) console.log('pspp, pspp-convert: found');
  else {
    problems.push(
      'pspp not found: install GNU PSPP (Debian/Ubuntu: `sudo apt-get install pspp`; macOS: `brew install pspp`).',
    );
  }
  for (const p of problems) console.error(p);
  record(name, problems.length === 0, problems.length ? 'the tests that need them will fail' : '');
}

async function vitest(): Promise<void> {
  heading('vitest (unit and browser projects)');
  const out = path.join(root, '.tmp', 'vitest-results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const code = await run(
    path.join(bin, 'vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { ...baseEnv, TEST_NO_BUILD: '1' },
  );
  if (!existsSync(out)) {
    record('vitest', false, `no results written (exit code ${code})`);
    return;
  }
  const results = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  const summary = summarizeVitest(results, root, code);
  passed += summary.passed;
  failures.push(...summary.failures);
  console.log(
    `vitest: ${summary.passed} passed, ${summary.failures.length} failed [${seconds(stepStart)}]\n`,
  );
}

await ensureSystemTools();
await step('Formatting (prettier --check .)', path.join(bin, 'prettier'), ['--check', '.']);
for (const dir of [rootBuild.outDir, subpathBuild.outDir]) rmSync(dir, { recursive: true, force: true });
await step(`Build (npm run build → ${rootBuild.outDir}/)`, 'npm', ['run', 'build'], {
  ...baseEnv,
  ...buildEnv(rootBuild),
  PATH: baseEnv.PATH,
});
await step('Types (astro check)', path.join(bin, 'astro'), ['check']);
await step(
  `Build under the sub-path ${subpathBuild.base} (→ ${subpathBuild.outDir}/)`,
  'npm',
  ['run', 'build'],
  {
    ...baseEnv,
    ...buildEnv(subpathBuild),
    PATH: baseEnv.PATH,
  },
);
await vitest();

if (failures.length > 0) {
  console.log('Failed:');
  for (const f of failures) console.log(`  ✘ ${f}`);
  console.log('');
}
console.log(`Total time ${seconds(started)}.`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
