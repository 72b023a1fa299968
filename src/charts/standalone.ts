/**
 * Figures as files for download: a self-contained SVG (light-theme colours
 * resolved, title above, source and notice below) and a PNG rasterised from
 * it with resvg and the DejaVu fonts, so both look the same everywhere.
 */
import { rasterize } from '../lib/raster.ts';
import { resolveVars, themeTokens } from './theme.ts';

export interface StandaloneText {
  /** "Gambar 1. …" / "Figure 1. …" */
  title: string;
  /** Source line, with the synthetic notice when it applies. */
  footer: string[];
}

const fontFamily = 'DejaVu Sans, Verdana, sans-serif';

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Breaks a text into lines of at most `max` characters at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps the inline SVG of a figure into a standalone file with its title and source. */
export function standaloneSvg(inlineSvg: string, text: StandaloneText): string {
  const tokens = themeTokens().light;
  const width = Number(inlineSvg.match(/\swidth="([\d.]+)"/)?.[1]);
  const height = Number(inlineSvg.match(/\sheight="([\d.]+)"/)?.[1]);
  if (!width || !height) throw new Error('standaloneSvg: the chart SVG has no width/height');
  const pad = 16;
  const titleSize = 17;
  const footSize = 12;
  const titleLines = wrapText(text.title, Math.floor((width - 2 * pad) / (titleSize * 0.6)));
  const footLines = text.footer.flatMap((l) =>
    wrapText(l, Math.floor((width - 2 * pad) / (footSize * 0.58))),
  );
  const top = pad + titleLines.length * titleSize * 1.3 + 8;
  const total = Math.ceil(top + height + 8 + footLines.length * footSize * 1.4 + pad);
  const inner = inlineSvg
    .replace(/\s(data-tip|data-row)="[^"]*"/g, '')
    // HTML leaves < and > in attribute values (a withheld mark, `< 3`); XML readers need them escaped.
    .replace(
      /="([^"]*)"/g,
      (_, value: string) => `="${value.replaceAll('<', '&lt;').replaceAll('>', '&gt;')}"`,
    )
    .replace(/^<svg\s/, `<svg x="0" y="${top}" `)
    .replace(/font-family="[^"]*"/, `font-family="${fontFamily}"`);
  const titleSvg = titleLines
    .map(
      (l, i) =>
        `<text x="${pad}" y="${pad + (i + 0.8) * titleSize * 1.3}" font-size="${titleSize}" font-weight="bold">${escapeXml(l)}</text>`,
    )
    .join('');
  const footSvg = footLines
    .map(
      (l, i) =>
        `<text x="${pad}" y="${top + height + 8 + (i + 0.8) * footSize * 1.4}" font-size="${footSize}">${escapeXml(l)}</text>`,
    )
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" ` +
    `font-family="${fontFamily}" color="var(--color-text)" fill="var(--color-text)">` +
    `<rect width="100%" height="100%" fill="var(--color-bg)"/>${titleSvg}${inner}${footSvg}</svg>`;
  return resolveVars(svg, tokens);
}

/** Rasterises a standalone SVG to PNG at twice its size. */
export function svgToPng(svg: string): Uint8Array {
  return rasterize(svg, { mode: 'zoom', value: 2 });
}
