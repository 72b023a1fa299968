import { describe, expect, it } from 'vitest';
import { alignClass, alignClassPlugin } from './align-class.ts';

describe('table alignment as classes', () => {
  it('maps alignment styles to classes and leaves other styles alone', () => {
    expect(alignClass('text-align: right')).toBe('num');
    expect(alignClass('text-align:center;')).toBe('align-center');
    expect(alignClass('text-align: left')).toBeUndefined();
    expect(alignClass('color: red')).toBeNull();
    expect(alignClass(undefined)).toBeNull();
  });

  it('removes the style attribute and keeps existing classes', () => {
    const node = { properties: { style: 'text-align: right', className: ['x'] } as Record<string, unknown> };
    const ctx = {
      setProperty: (n: typeof node, key: string, value: unknown) => {
        if (value === undefined) delete n.properties[key];
        else n.properties[key] = value;
      },
    };
    const visitor = alignClassPlugin.element as { visit: (n: unknown, c: unknown) => void };
    visitor.visit(node, ctx);
    expect(node.properties).toEqual({ className: ['x', 'num'] });
  });
});
