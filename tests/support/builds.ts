/**
 * The two builds the test command makes and checks: the site at a domain root
 * and the same site under a sub-path, as on a host that serves it from a
 * folder. `astro.config.mjs` reads `BASE_PATH` and `OUT_DIR`.
 */
export interface SiteBuild {
  name: string;
  outDir: string;
  base: string;
}

export const rootBuild: SiteBuild = { name: 'root', outDir: 'dist', base: '/' };
export const subpathBuild: SiteBuild = { name: 'sub-path', outDir: 'dist-subpath', base: '/paseban/' };

/** The public address the pages are built for (canonical and hreflang URLs); same default as astro.config.mjs. */
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

/** Environment for `npm run build` of one build. */
export function buildEnv(build: SiteBuild): NodeJS.ProcessEnv {
  // A build started from inside vitest must not inherit what vitest puts in
  // process.env (VITEST*, NODE_ENV=test and import.meta.env's BASE_URL, MODE,
  // DEV, PROD, SSR): Astro would take BASE_URL=/ over the configured base.
  const vitestKeys = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !vitestKeys.has(key)),
  );
  return { ...env, BASE_PATH: build.base, OUT_DIR: build.outDir };
}
