/**
 * SVG to PNG with resvg and the bundled DejaVu fonts (no system fonts, so a
 * PNG looks the same on every machine), for the figure downloads and the
 * link-preview images. Results are cached on disk under the SHA-256 of
 * everything that decides the pixels (the SVG, the fit, the resvg version,
 * the font files), so a second build (the sub-path build of `npm test`, or
 * a rebuild after a text change) renders only the images that changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(fontDir, f));

/** Where rendered images are kept: `RASTER_CACHE_DIR`, or npm's usual cache folder. */
export const rasterCacheDir =
  process.env.RASTER_CACHE_DIR ??
  join(dirname(require.resolve('@resvg/resvg-js/package.json')), '..', '..', '.cache', 'paseban-raster');

let inputsKey: string | undefined;
/** What besides the SVG and the fit decides the output: the renderer's version and the fonts. */
function rendererKey(): string {
  inputsKey ??= JSON.stringify([
    (require('@resvg/resvg-js/package.json') as { version: string }).version,
    fontFiles.map((f) => [f.slice(fontDir.length), statSync(f).size]),
  ]);
  return inputsKey;
}

/** PNG bytes of `svg`, scaled by `fitTo`. */
export function rasterize(svg: string, fitTo: NonNullable<ResvgRenderOptions['fitTo']>): Uint8Array {
  const key = createHash('sha256')
    .update(rendererKey())
    .update(JSON.stringify(fitTo))
    .update(svg)
    .digest('hex');
  const file = join(rasterCacheDir, key.slice(0, 2), `${key}.png`);
  try {
    return readFileSync(file);
  } catch {
    // Not rendered yet.
  }
  const png = new Resvg(svg, {
    fitTo,
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written under a temporary name and renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return png;
}
