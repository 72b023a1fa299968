/**
 * Markdown tables mark column alignment with `style="text-align:…"`, which
 * the Content-Security-Policy refuses (no inline styles). This step of the
 * Markdown/MDX processor (a Sätteri hast plugin) turns it into classes:
 * right-aligned cells get `num` (right-aligned by global.css, as numbers
 * are), centred ones `align-center`; left is the default and needs none.
 */
import { defineHastPlugin } from 'satteri';

/** The class for a cell's alignment style; `null` when the style is not a bare alignment. */
export function alignClass(style: unknown): string | undefined | null {
  if (typeof style !== 'string') return null;
  const match = /^\s*text-align:\s*(left|right|center)\s*;?\s*$/.exec(style);
  if (!match) return null;
  return match[1] === 'right' ? 'num' : match[1] === 'center' ? 'align-center' : undefined;
}

/** The Sätteri hast plugin. */
export const alignClassPlugin = defineHastPlugin({
  name: 'align-class',
  element: {
    filter: ['td', 'th'],
    visit(node, ctx) {
      const cls = alignClass(node.properties?.style);
      if (cls === null) return;
      ctx.setProperty(node, 'style', undefined);
      if (cls) {
        const existing = node.properties?.className;
        ctx.setProperty(node, 'className', [...(Array.isArray(existing) ? existing : []), cls]);
      }
    },
  },
});
