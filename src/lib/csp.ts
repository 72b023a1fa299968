/**
 * The Content-Security-Policy of the site: everything from its own origin,
 * nothing inline except what Astro hashes, WebAssembly for the Pagefind
 * search. Used by astro.config.mjs
 * (meta tag) and src/integrations/csp-headers.ts (`_headers`).
 */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** `script-src` sources besides the hashes: Pagefind compiles its WebAssembly index reader. */
export const cspScriptResources = ["'self'", "'wasm-unsafe-eval'"];

export const cspStyleResources = ["'self'"];
