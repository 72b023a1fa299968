/**
 * html-validate rules for the built pages (dist/). Strict presets; each rule
 * turned down below says why.
 */
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Every resource is served from the site's own host, where Subresource
    // Integrity adds nothing; anything cross-origin must still carry it (and
    // the crawl fails any request to another host anyway).
    'require-sri': ['error', { target: 'crossorigin' }],
    // Whitespace at the end of a line is content inside <pre> (an RIS record
    // ends with "ER  - "); source formatting is prettier's job, not the built HTML's.
    'no-trailing-whitespace': 'off',
  },
});
