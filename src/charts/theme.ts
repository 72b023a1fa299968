/**
 * The design tokens as values, read from `src/styles/tokens.css` (the one
 * source of the palette): downloaded SVG/PNG files cannot use the page's CSS
 * custom properties, so they get the light theme's values resolved.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Read from the project root: both the site build and the tests run there. */
export const tokensPath = 'src/styles/tokens.css';

let cached: string | undefined;
function tokensCss(): string {
  cached ??= readFileSync(resolve(tokensPath), 'utf8');
  return cached;
}

export type Tokens = Record<string, string>;

function declarations(block: string): Tokens {
  const out: Tokens = {};
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

/** Custom properties of the light theme and of the dark theme (light values overridden). */
export function themeTokens(css: string = tokensCss()): { light: Tokens; dark: Tokens } {
  const dark = css.match(
    /@media\s*(?:screen\s+and\s*)?\(prefers-color-scheme:\s*dark\)\s*\{([\s\S]*?\})\s*\}/,
  );
  const lightCss = dark ? css.replace(dark[0], '') : css;
  const light = declarations(lightCss);
  return { light, dark: { ...light, ...declarations(dark?.[1] ?? '') } };
}

/** The chart font size in pixels (`--chart-font-size`). */
export function chartFontSize(tokens: Tokens = themeTokens().light): number {
  const value = tokens['--chart-font-size'];
  const px = value?.match(/^([\d.]+)px$/);
  if (!px)
    throw new Error(
      `src/styles/tokens.css: --chart-font-size must be set in px (found ${value ?? 'nothing'})`,
    );
  return Number(px[1]);
}

/** Replaces every `var(--name)` in a text by its value in the given tokens. */
export function resolveVars(text: string, tokens: Tokens): string {
  return text.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`resolveVars: ${name} is not defined in src/styles/tokens.css`);
    return value;
  });
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = hex.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!m) throw new Error(`luminance: not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
