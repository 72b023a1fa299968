/** Reading-time estimate and heading outline helpers for the narrative pages. */

/** Words a reader gets through per minute; a common estimate for prose on screen. */
export const WORDS_PER_MINUTE = 200;

/**
 * Words of an MDX source a reader actually reads: code, JSX tags, import
 * lines and markup punctuation are left out.
 */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`|-]+/g, ' ');
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes to read an MDX source, at least one. */
export function readingMinutes(mdx: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(countWords(mdx) / wordsPerMinute));
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** Headings for a table of contents: levels 2 and 3 only, in document order. */
export function tocHeadings(headings: readonly Heading[]): Heading[] {
  return headings.filter((h) => h.depth === 2 || h.depth === 3);
}
