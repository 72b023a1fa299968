/**
 * A small static file server for a built site, as a plain static host would
 * serve it: files under the configured base path, `index.html` for folders,
 * a redirect for folders asked without the trailing slash, and `404.html`
 * (with status 404) for anything else.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersFor, parseHeadersFile } from './headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.cff': 'application/yaml; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Address of the site root, with the base path and a trailing slash: `http://127.0.0.1:PORT/paseban/`. */
  url: string;
  close(): Promise<void>;
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}
async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Serves `root` under `base` on 127.0.0.1 (a free port unless `port` is
 * given). With `headers`, also sends what the built `_headers` file asks
 * for, as a static host reading it would (tests/support/headers.ts).
 */
export async function serveStatic(
  root: string,
  base = '/',
  port = 0,
  options: { headers?: boolean } = {},
): Promise<StaticServer> {
  const absRoot = path.resolve(root);
  const prefix = base.replace(/\/?$/, '/').replace(/^\/?/, '/');
  const rules = options.headers ? parseHeadersFile(readFileSync(path.join(absRoot, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const send = (status: number, file: string) => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      res.writeHead(status, {
        ...Object.fromEntries(headersFor(rules, pathname)),
        'content-type': contentType(file),
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = path.join(absRoot, '404.html');
      if (await isFile(page)) send(404, page);
      else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      }
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { location: prefix });
      res.end();
      return;
    }
    if (!pathname.startsWith(prefix)) return notFound();
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return notFound();
    }
    const file = path.resolve(absRoot, rel);
    if (file !== absRoot && !file.startsWith(absRoot + path.sep)) return notFound();
    if (pathname.endsWith('/')) {
      const index = path.join(file, 'index.html');
      return (await isFile(index)) ? send(200, index) : notFound();
    }
    if (await isFile(file)) return send(200, file);
    if (await isDir(file)) {
      res.writeHead(301, { location: `${pathname}/` });
      res.end();
      return;
    }
    return notFound();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
