/**
 * Finds a Chromium or Chrome for the browser tests: `CHROME_PATH` first, then
 * the usual install locations.
 */
import { existsSync } from 'node:fs';

export const chromiumPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const howToGetChromium =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
  'macOS/Windows: install Google Chrome) or set CHROME_PATH to its executable. ' +
  `Looked for: CHROME_PATH, ${chromiumPaths.join(', ')}.`;

/** The browser executable, or an error message saying why there is none. */
export function findChromium(): { path: string } | { error: string } {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { error: `CHROME_PATH is set to ${fromEnv}, which does not exist. ${howToGetChromium}` };
  }
  const found = chromiumPaths.find((p) => existsSync(p));
  return found ? { path: found } : { error: howToGetChromium };
}

/**
 * Flags for headless runs in containers and CI (no sandbox, no GPU, no
 * background traffic). No host but this machine resolves: a page's request to
 * another host fails at once (and `visit` reports it) instead of going out.
 * One renderer serves a page and its frames (no site isolation, which
 * protects nothing for local test pages) and features a test never meets are
 * off: about a tenth less CPU for the crawls. Policies such as
 * `frame-ancestors` are enforced all the same.
 */
export const chromiumArgs = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=site-per-process,IsolateOrigins,PaintHolding,BackForwardCache,Translate,OptimizationHints,MediaRouter',
  '--disable-site-isolation-trials',
  '--disable-dev-shm-usage',
];
