/**
 * The data build. Reads every dataset folder under `data/`, checks it
 * (structure, values, keys, disclosure control) and, only if everything
 * passes, writes the published files to `.build/data/` and the row types to
 * `src/generated/datasets.ts`. Output goes to a temporary folder first and
 * replaces the previous output in one step at the end, so a failed build
 * leaves the previous output exactly as it was.
 *
 *   npm run data                        build everything
 *   npm run data -- --check data/<id>   check one dataset folder, write nothing
 *   npm run data -- --archive <id>      keep the current published version of <id>
 *                                       in data/<id>/versions/ before a new version
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import path from 'node:path';
import { checkDataset, codebookPath, type CheckedDataset } from './data/check/dataset.ts';
import { writeDataset, type ArchivedVersions } from './data/publish/build.ts';
import { formatIssues } from './data/errors.ts';
import { generateTypes } from './data/publish/types.ts';
import { ddiCodebook } from './data/publish/ddi.ts';
import { fileNames } from './data/publish/outputs.ts';
import type { DatasetSummary } from '../src/lib/schema/metadata.ts';

const root = path.resolve(import.meta.dirname, '..');
const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith('..') ? p : r;
};

const OPTIONS = ['--check', '--archive', '--data', '--out', '--types'];

/** A mistyped command line: said in one line with the usage, not as a stack trace. */
class UsageError extends Error {}

function args(argv: string[]) {
  // Every option takes a value; anything else (a typo such as --chek) is refused
  // rather than ignored, which would build everything instead of checking one folder.
  for (let i = 0; i < argv.length; i += 2)
    if (!OPTIONS.includes(argv[i]!))
      throw new UsageError(`unknown option "${argv[i]}"; the options are ${OPTIONS.join(', ')}`);
  const get = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  return {
    check: get('--check'),
    archive: get('--archive'),
    data: path.resolve(get('--data') ?? path.join(root, 'data')),
    out: path.resolve(get('--out') ?? path.join(root, '.build/data')),
    types: path.resolve(get('--types') ?? path.join(root, 'src/generated/datasets.ts')),
  };
}

/**
 * Dataset folders: every folder under data/ (but hidden ones). A folder
 * without a codebook is reported, not skipped, so a misnamed codebook never
 * leaves a dataset out silently.
 */
export function datasetFolders(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => path.join(dataDir, n))
    .filter((p) => statSync(p).isDirectory());
}

/** Archived versions of a dataset: data/<id>/versions/<version>/<files>, as paths. */
function readArchive(dir: string): ArchivedVersions {
  const out: ArchivedVersions = new Map();
  const base = path.join(dir, 'versions');
  if (!existsSync(base)) return out;
  for (const v of readdirSync(base).sort()) {
    const vdir = path.join(base, v);
    if (!statSync(vdir).isDirectory()) continue;
    out.set(
      v,
      new Map(
        readdirSync(vdir)
          .sort()
          .map((n) => [n, path.join(vdir, n)]),
      ),
    );
  }
  return out;
}

/** Whether a process with this id is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders of builds that were interrupted (their process is gone). */
function removeLeftovers(target: string): void {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return;
  const mine = new RegExp(
    `^${path.basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp|old)-(\\d+)$`,
  );
  for (const name of readdirSync(dir)) {
    const m = mine.exec(name);
    if (m && (Number(m[1]) === process.pid || !running(Number(m[1]))))
      rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Runs `write` on a fresh temporary folder beside `target`, then swaps it
 * into place; if `write` fails, the temporary folder is removed and the
 * previous output stays exactly as it was.
 */
async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  removeLeftovers(target);
  mkdirSync(tmp, { recursive: true });
  try {
    await write(tmp);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
}

async function check(folder: string): Promise<number> {
  const dir = path.resolve(folder);
  const checked = await checkDataset(dir, { collect: false, rel });
  if (!checked.log.ok) {
    console.error(formatIssues(checked.log));
    console.error(`\n${rel(dir)}: NOT publishable. Nothing was written.`);
    return 1;
  }
  const r = checked.report!;
  for (const t of r.tables)
    console.log(
      `${t.table}: ${t.rows} rows${t.kReached !== null ? `, k reached ${t.kReached} (required ${r.thresholds.k})` : ''}${Object.keys(t.lReached).length ? `, l reached ${JSON.stringify(t.lReached)}` : ''}`,
    );
  console.log(`\n${rel(dir)}: all checks passed (nothing written; run \`npm run data\` to build).`);
  return 0;
}

function archive(id: string, opts: ReturnType<typeof args>): number {
  if (!existsSync(path.join(opts.out, id, 'metadata.json'))) {
    console.error(
      `${rel(path.join(opts.out, id))}: nothing built for "${id}". Run \`npm run data\` first (the id is the dataset's folder name).`,
    );
    return 1;
  }
  const meta = JSON.parse(readFileSync(path.join(opts.out, id, 'metadata.json'), 'utf8')) as {
    version: string;
  };
  const from = path.join(opts.out, id, meta.version);
  const to = path.join(opts.data, id, 'versions', meta.version);
  if (existsSync(to)) {
    console.error(`${rel(to)} exists already: version ${meta.version} is archived.`);
    return 1;
  }
  cpSync(from, to, { recursive: true });
  console.log(
    `Archived ${id} ${meta.version} in ${rel(to)}. Now raise "version" in the codebook and add a changelog entry.`,
  );
  return 0;
}

async function build(opts: ReturnType<typeof args>): Promise<number> {
  const folders = datasetFolders(opts.data);
  const checked: CheckedDataset[] = [];
  let failed = false;
  for (const dir of folders) {
    const c = await checkDataset(dir, { collect: false, rel });
    const archived = readArchive(dir);
    for (const v of archived.keys())
      if (c.spec && !c.spec.changelog.some((e) => e.version === v))
        c.log.add({
          file: rel(codebookPath(dir)!),
          rule: 'codebook',
          message: `archived version ${v} (data/${c.spec.id}/versions/${v}) has no entry in paseban:changelog`,
          hint: 'Keep a changelog entry for every published version.',
        });
    if (!c.log.ok) {
      failed = true;
      console.error(formatIssues(c.log) + '\n');
    }
    checked.push(c);
  }
  if (failed) {
    console.error('The data build failed: nothing was written, the previous output is unchanged.');
    return 1;
  }
  // The row types are made first: if that failed, nothing would be published.
  const types = generateTypes(checked.map((c) => c.spec!));
  const index: DatasetSummary[] = [];
  let count = 0;
  try {
    await writeAtomically(opts.out, async (tmp) => {
      for (let i = 0; i < checked.length; i++) {
        const meta = await writeDataset(checked[i]!, folders[i]!, tmp, readArchive(folders[i]!), (m) => {
          return new Map([[fileNames(m.id, m.synthetic !== false).ddi, ddiCodebook(m)]]);
        });
        count += meta.versions.reduce((n, v) => n + v.files.length, 1);
        index.push({ id: meta.id, version: meta.version, title: meta.title, synthetic: meta.synthetic });
        console.log(
          `${meta.id} ${meta.version}: ${meta.tables.map((t) => `${t.name} (${t.rowCount})`).join(', ')}${meta.synthetic ? ' [synthetic]' : ''}`,
        );
      }
      writeFileSync(path.join(tmp, 'index.json'), JSON.stringify({ datasets: index }, null, 2) + '\n');
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n`);
    console.error(
      'The data build failed while writing: nothing was published, the previous output is unchanged.',
    );
    return 1;
  }
  mkdirSync(path.dirname(opts.types), { recursive: true });
  writeFileSync(`${opts.types}.tmp`, types);
  renameSync(`${opts.types}.tmp`, opts.types);
  console.log(`Wrote ${count + 1} files to ${rel(opts.out)} and row types to ${rel(opts.types)}.`);
  return 0;
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof args>;
  try {
    opts = args(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\nUsage: npm run data [-- --check data/<id> | --archive <id>]`);
    return 2;
  }
  if (opts.check) return check(opts.check);
  if (opts.archive) return archive(opts.archive, opts);
  return build(opts);
}

process.exitCode = await main();
