import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  locatorMapSvg,
  parsePointExcerpt,
  pointInRing,
  polygonsOf,
  ringArea,
  type ProvinceGeoJson,
} from './locator-map.ts';

const province = JSON.parse(
  readFileSync(new URL('../assets/geo/dki_jakarta_province_extract.geojson', import.meta.url), 'utf8'),
) as ProvinceGeoJson;
const paseban = { lon: 106.853914, lat: -6.191611, label: 'Kantor Lurah Paseban' };
const options = { width: 400, point: paseban, title: 'Peta', description: 'Keterangan <peta>', north: 'U' };

describe('geometry helpers', () => {
  it('finds the office point inside mainland Jakarta', () => {
    const main = polygonsOf(province).reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
    expect(pointInRing([paseban.lon, paseban.lat], main[0]!)).toBe(true);
    expect(pointInRing([106.5, -5.5], main[0]!)).toBe(false);
  });
});

describe('locatorMapSvg', () => {
  const svg = locatorMapSvg(province, options);
  it('has an accessible name and escaped description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="locator-title locator-desc"/);
    expect(svg).toContain('<desc id="locator-desc">Keterangan &lt;peta&gt;</desc>');
  });
  it('places the point inside the drawing', () => {
    const [, w, h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number);
    const [, cx, cy] = svg.match(/class="point" cx="([\d.]+)" cy="([\d.]+)"/)!.map(Number);
    expect(w).toBe(400);
    expect(cx).toBeGreaterThan(0);
    expect(cx).toBeLessThan(w!);
    expect(cy).toBeGreaterThan(0);
    expect(cy).toBeLessThan(h!);
  });
  it('moves the point when its coordinates change', () => {
    const east = locatorMapSvg(province, { ...options, point: { ...paseban, lon: paseban.lon + 0.05 } });
    const cx = (s: string) => Number(s.match(/class="point" cx="([\d.]+)"/)![1]);
    expect(cx(east)).toBeGreaterThan(cx(svg));
  });
  it('rejects a point outside the map', () => {
    expect(() => locatorMapSvg(province, { ...options, point: { ...paseban, lat: -5.5 } })).toThrow(
      /outside the map/,
    );
  });
});

describe('parsePointExcerpt', () => {
  it('reads the delivered excerpt', () => {
    const src = readFileSync(
      new URL('../assets/geo/kantor_lurah_paseban_feature_excerpt.js.txt', import.meta.url),
      'utf8',
    );
    const p = parsePointExcerpt(src, 'x');
    expect(p.name).toBe('KANTOR LURAH PASEBAN');
    expect(p.lon).toBeCloseTo(106.853914, 5);
    expect(p.lat).toBeCloseTo(-6.191611, 5);
  });
  it('names the file when the excerpt has no coordinates', () => {
    expect(() => parsePointExcerpt('NAMOBJ: "X"', 'point.js.txt')).toThrow(/^point\.js\.txt: expected/);
  });
});

describe('label placement', () => {
  it('puts the label left of a point near the right edge so it stays inside the map', () => {
    const svg = locatorMapSvg(province, { ...options, point: { ...paseban, lon: 106.95, lat: -6.2 } });
    expect(svg).toMatch(/<text class="label" [^>]*text-anchor="end"/);
    const left = locatorMapSvg(province, { ...options, point: { ...paseban, lon: 106.72, lat: -6.2 } });
    expect(left).toMatch(/<text class="label" [^>]*text-anchor="start"/);
  });
});
