/**
 * Global setup of the "browser" test project: serves the built site (`dist/`
 * at the root, `dist-subpath/` under `/paseban/`) on free localhost ports and
 * hands their addresses to the tests (`inject('siteRoot')`,
 * `inject('subpathRoot')`). A build that is missing is made first, unless
 * TEST_NO_BUILD is set (the test command builds before it runs vitest).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildEnv, rootBuild, subpathBuild, type SiteBuild } from './builds.ts';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Served address of `dist/` (site root, trailing slash). */
    siteRoot: string;
    /** Served address of `dist-subpath/`, including the `/paseban/` base. */
    subpathRoot: string;
  }
}

function ensureBuilt(build: SiteBuild): void {
  if (existsSync(path.join(build.outDir, 'index.html'))) return;
  if (process.env.TEST_NO_BUILD) {
    throw new Error(`${build.outDir}/index.html is missing: the ${build.name} build failed (see above).`);
  }
  console.log(`Building the site into ${build.outDir}/ (base ${build.base}) for the browser tests…`);
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: buildEnv(build) });
  if (result.status !== 0)
    throw new Error(`npm run build failed for ${build.outDir}/ (exit ${result.status})`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBuilt(rootBuild);
  ensureBuilt(subpathBuild);
  const root = await serveStatic(rootBuild.outDir, rootBuild.base);
  const sub = await serveStatic(subpathBuild.outDir, subpathBuild.base);
  project.provide('siteRoot', root.url);
  project.provide('subpathRoot', sub.url);
  return async () => {
    await Promise.all([root.close(), sub.close()]);
  };
}
