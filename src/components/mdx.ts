/**
 * Components available in every study and case MDX file without an import:
 * pass this object to an entry's `<Content components={…} />`.
 */
import Cite from './narrative/InTextCite.astro';
import Figure from './Figure.astro';

/** `<Figure id="fig-…" level={3} />` places a figure of `src/charts/registry.ts` (ids on the figures page). */
export const mdxComponents = { Cite, Figure };
