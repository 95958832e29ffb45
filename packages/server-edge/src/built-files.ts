import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Streams one file of a Vite build. Hashed `assets/` are cached for a year; pages are revalidated
 * so an update reaches every screen on its next load. Nothing outside `root` is ever served.
 * Returns false, having written nothing, when there is no such file.
 */
export function serveBuiltFile(root: string, relative: string, response: ServerResponse): boolean {
  const base = normalize(root);
  const file = normalize(join(base, relative));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
  return true;
}

/** The part of a request path under `/assets/`, as a path relative to the build folder. */
export function assetPathOf(pathname: string): string | undefined {
  return pathname.startsWith('/assets/') ? pathname.slice(1) : undefined;
}
