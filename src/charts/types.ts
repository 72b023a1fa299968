/**
 * The shape every figure shares: what a chart module returns and what the
 * figure registry, the `Figure` component and the download endpoints read.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { Bilingual, Locale } from '../lib/i18n.ts';
import { isWithheld, type Withheld } from '../lib/stats.ts';

/** Where and how large a chart is drawn. */
export interface ChartContext {
  locale: Locale;
  width: number;
}

/** Category labels of one variable, from the codebook. */
export type CategoryLabels<K extends string = string> = Record<K, Bilingual>;

/** One cell of a figure's table: a number (formatted per locale), a text, or a number the disclosure rule withholds. */
export type Cell = number | string | Bilingual | Withheld;

export interface TableColumn {
  /** Machine name, used as the CSV header. */
  key: string;
  label: Bilingual;
  /** Decimals shown for a numeric column (the statistics layer's `displayDigits` of its unit). */
  digits?: number;
  /** A column of shares in 0..1, shown as percentages (`42%`; `42` in the CSV). */
  share?: boolean;
  /** A column of counts of people (or of their words): the disclosure rule applies to its cells. */
  count?: boolean;
}

/** Exactly the numbers a chart plots, ready for "view as table" and the CSV download. */
export interface FigureTable {
  columns: TableColumn[];
  /**
   * Rows carry a cell under each column key (keys starting with `_` are for
   * plotting only); `_stat` may give a cell's statistic key (see `BoundValue.key`).
   */
  rows: readonly object[];
}

/** The statistic key of a table cell, when the row names one. */
export function statKeyOf(row: object, key: string): string | undefined {
  return (row as { _stat?: Record<string, string> })._stat?.[key];
}

/** The cell of a table row under a column key; a missing cell is a programming error. */
export function cellOf(row: object, key: string): Cell {
  const value = (row as Record<string, unknown>)[key];
  if (
    typeof value === 'number' ||
    typeof value === 'string' ||
    isWithheld(value) ||
    (typeof value === 'object' && value !== null && 'id' in value && 'en' in value)
  ) {
    return value as Cell;
  }
  throw new Error(`figure table: row has no cell "${key}"`);
}

/** One pre-rendered view of a figure (an indicator, a measure), or the only one. */
export interface FigureVariant {
  /** `''` for a figure with one view; otherwise a kebab-case key. */
  key: string;
  label: Bilingual;
  takeaway: Bilingual;
  table: FigureTable;
  plot: (ctx: ChartContext) => PlotOptions;
}

/** A figure as the site publishes it. */
export interface FigureSpec {
  id: `fig-${string}`;
  number: number;
  title: Bilingual;
  /** A few words for page titles and lists (`Kondisi rumah tangga`). */
  shortTitle: Bilingual;
  /** What the figure shows, in a sentence or two (no numbers typed by hand). */
  caption: Bilingual;
  /** Where the numbers come from (dataset and table, publisher). */
  source: Bilingual;
  /** The dataset the numbers come from; its metadata decides the synthetic notice. */
  dataset: string;
  /** From the dataset's metadata: the numbers are synthetic (the label goes wherever they go). */
  synthetic: boolean;
  /** The dataset tables read. */
  tables: string[];
  /** Label of the variant selector (e.g. "Indicator"), when there is more than one variant. */
  variantLabel?: Bilingual;
  /** Groups a reader can highlight: CSS class suffix and label. */
  highlight?: { key: string; label: Bilingual }[];
  variants: FigureVariant[];
}
