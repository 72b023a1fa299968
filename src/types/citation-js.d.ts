/** The parts of citation-js 0.8 this project uses (the package ships no types). */
declare module '@citation-js/core' {
  export interface FormatOptions {
    format?: 'text' | 'html';
    template?: string;
    lang?: string;
    entry?: string | string[];
    citationsPre?: unknown[];
    citationsPost?: unknown[];
  }
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(kind: 'bibliography' | 'citation' | 'bibtex' | 'ris' | 'data', options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        locales: { add(name: string, xml: string): void; has(name: string): boolean };
        templates: { add(name: string, xml: string): void; has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
