/**
 * Reads a `_headers` file as Cloudflare Pages applies it, so the test server
 * can send what a static host would: every rule whose URL pattern matches
 * the path attaches its headers, in file order; `! Name` detaches a header
 * attached by an earlier rule; `*` matches any run of characters (slashes
 * included), `:name` one path segment. Written from Cloudflare's description
 * of the format (developers.cloudflare.com/pages/configuration/headers/),
 * independently of the code that writes the file.
 */

interface Rule {
  pattern: RegExp;
  ops: ({ set: string; value: string } | { detach: string })[];
}

function toRegExp(path: string): RegExp {
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** Parses `_headers` text into rules; throws on a line it cannot read. */
export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) return void rules.push({ pattern: toRegExp(line.trim()), ops: [] });
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers:${i + 1}: a header before any URL pattern`);
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach) return void rule.ops.push({ detach: detach[1]!.toLowerCase() });
    const header = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    if (!header) throw new Error(`_headers:${i + 1}: not "Name: value" nor "! Name": ${line}`);
    rule.ops.push({ set: header[1]!.toLowerCase(), value: header[2]! });
  });
  return rules;
}

/** The headers a request for `path` receives: name -> values (several values of one name are all sent). */
export function headersFor(rules: Rule[], path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const op of rule.ops)
      if ('detach' in op) out.delete(op.detach);
      else out.set(op.set, [...(out.get(op.set) ?? []), op.value]);
  }
  return out;
}
