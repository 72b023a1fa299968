/**
 * The Paseban locator map: the DKI Jakarta province outline and one point,
 * drawn as an SVG string at build time (no map library, no tiles, no script).
 */

export type Position = [number, number];
export interface ProvinceGeoJson {
  type: 'FeatureCollection';
  features: {
    geometry:
      { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: 'Polygon'; coordinates: Position[][] };
  }[];
}

export interface LocatorMapOptions {
  /** Width of the SVG's coordinate system in px; the height follows the map's proportions. */
  width: number;
  point: { lon: number; lat: number; label: string };
  /** Accessible name and longer description of the map. */
  title: string;
  description: string;
  /** Text shown beside the north arrow. */
  north: string;
  /** Id prefix for the `<title>`/`<desc>` ids, unique per page. */
  idPrefix?: string;
}

/** All outer-and-inner rings of a feature collection's (multi)polygons. */
export function polygonsOf(geo: ProvinceGeoJson): Position[][][] {
  return geo.features.flatMap((f) =>
    f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates],
  );
}

/** Shoelace area of a ring in squared degrees (only used to rank rings). */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(sum / 2);
}

/** Even-odd ray casting: whether a point lies inside a ring. */
export function pointInRing([x, y]: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Renders the map. The view is fitted to the largest polygon (mainland
 * Jakarta), because the Kepulauan Seribu islands far to the north would
 * shrink the mainland to a speck; polygons outside the view are left out.
 */
export function locatorMapSvg(geo: ProvinceGeoJson, o: LocatorMapOptions): string {
  const polygons = polygonsOf(geo);
  if (polygons.length === 0) throw new Error('locator map: the province file has no polygon');
  const main = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const xs = main[0]!.map((p) => p[0]);
  const ys = main[0]!.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Equirectangular projection, x shrunk by cos(latitude) so shapes keep their proportions near the equator.
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const pad = 16;
  const scale = (o.width - 2 * pad) / ((maxX - minX) * kx);
  const height = Math.round((maxY - minY) * scale + 2 * pad);
  const project = ([lon, lat]: Position): Position => [
    pad + (lon - minX) * kx * scale,
    pad + (maxY - lat) * scale,
  ];
  const inView = (ring: Position[]) =>
    ring.every(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY);
  const r = (n: number) => Math.round(n * 10) / 10;
  const path = polygons
    .filter((poly) => inView(poly[0]!))
    .map((poly) =>
      poly.map((ring) => 'M' + ring.map((p) => project(p).map(r).join(',')).join('L') + 'Z').join(''),
    )
    .join('');
  const [px, py] = project([o.point.lon, o.point.lat]).map(r) as Position;
  if (px < 0 || px > o.width || py < 0 || py > height)
    throw new Error('locator map: the point lies outside the map');
  const id = o.idPrefix ?? 'locator';
  // Put the label on the side where it fits (about 11 px per character at the map's 16 px label size).
  const labelLeft = px + 12 + o.point.label.length * 11 > o.width;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${height}" width="${o.width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="locator-map">`,
    `<title id="${id}-title">${escapeXml(o.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(o.description)}</desc>`,
    `<path class="province" d="${path}" fill-rule="evenodd"/>`,
    `<circle class="point" cx="${px}" cy="${py}" r="7"/>`,
    `<circle class="point-centre" cx="${px}" cy="${py}" r="2.5"/>`,
    `<text class="label" x="${labelLeft ? px - 12 : px + 12}" y="${py + 5}" text-anchor="${labelLeft ? 'end' : 'start'}">${escapeXml(o.point.label)}</text>`,
    `<g class="north" aria-hidden="true"><path d="M${o.width - 28},${pad + 34}L${o.width - 20},${pad + 10}L${o.width - 12},${pad + 34}L${o.width - 20},${pad + 28}Z"/>`,
    `<text x="${o.width - 20}" y="${pad + 52}" text-anchor="middle">${escapeXml(o.north)}</text></g>`,
    `</svg>`,
  ].join('');
}

/**
 * Reads the name and coordinates from the point excerpt as delivered (a
 * JavaScript object literal, not JSON, so it is matched rather than parsed).
 */
export function parsePointExcerpt(source: string, file: string): { name: string; lon: number; lat: number } {
  const name = source.match(/NAMOBJ:\s*"([^"]+)"/)?.[1];
  const coords = source.match(/coordinates:\s*\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]/);
  if (!name || !coords) throw new Error(`${file}: expected NAMOBJ and geometry coordinates [lon, lat]`);
  return { name, lon: Number(coords[1]), lat: Number(coords[2]) };
}
