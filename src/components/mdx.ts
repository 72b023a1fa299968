/**
 * Components available in every study and case MDX file without an import:
 * pass this object to an entry's `<Content components={…} />`.
 * Numbers about the data are written only through the data components.
 * `<Figure id="fig-…" level={3} />` places a figure of `src/charts/registry.ts`
 * (ids on the figures page).
 */
import Cite from './narrative/InTextCite.astro';
import Count from './data/Count.astro';
import Share from './data/Share.astro';
import Stat from './data/Stat.astro';
import Change from './data/Change.astro';
import Theme from './data/Theme.astro';
import ScrollTable from './narrative/ScrollTable.astro';
import Figure from './Figure.astro';

export const mdxComponents = {
  Cite,
  Count,
  Share,
  Stat,
  Median: Stat,
  Change,
  Theme,
  Figure,
  table: ScrollTable,
};
