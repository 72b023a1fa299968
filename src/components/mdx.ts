/**
 * Components available in every study and case MDX file without an import:
 * pass this object to an entry's `<Content components={…} />`.
 */
import Cite from './narrative/InTextCite.astro';

export const mdxComponents = { Cite };
