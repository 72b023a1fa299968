import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/></svg>`;

describe('rasterize', () => {
  let dir: string;
  let rasterize: typeof import('./raster.ts').rasterize;
  const cached = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.png'));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'raster-'));
    vi.stubEnv('RASTER_CACHE_DIR', dir);
    vi.resetModules();
    ({ rasterize } = await import('./raster.ts'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  test('gives the PNG resvg gives, at the size asked', () => {
    const png = rasterize(svg('#0b5cad'), { mode: 'zoom', value: 2 });
    const direct = new Resvg(svg('#0b5cad'), { fitTo: { mode: 'zoom', value: 2 } }).render().asPng();
    expect(Buffer.from(png).equals(direct)).toBe(true);
    expect(Buffer.from(png).readUInt32BE(16)).toBe(80);
  });

  test('keeps one file per distinct input and serves the second request from it', () => {
    const before = cached().length;
    rasterize(svg('#ff0000'), { mode: 'zoom', value: 2 });
    rasterize(svg('#ff0000'), { mode: 'width', value: 400 });
    expect(cached().length).toBe(before + 2);
    // A cache entry is what is served: overwrite it and the next call returns the stored bytes.
    const fake = Buffer.from('stored');
    for (const f of cached()) writeFileSync(path.join(dir, String(f)), fake);
    expect(Buffer.from(rasterize(svg('#ff0000'), { mode: 'zoom', value: 2 }))).toEqual(fake);
    expect(cached().length).toBe(before + 2);
  });
});
