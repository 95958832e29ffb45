import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Serves the built booking page: `/` and `/cancel` get index.html, `/assets/...` are files, nothing else. */
export function createStaticPage(root: string | undefined) {
  const available = root !== undefined && existsSync(join(root, 'index.html'));
  return {
    available,
    serve(pathname: string, response: ServerResponse): boolean {
      if (!available || !root) return false;
      const relative = pathname === '/' || pathname === '/cancel' ? 'index.html' : pathname.startsWith('/assets/') ? pathname.slice(1) : undefined;
      if (!relative) return false;
      const file = normalize(join(root, relative));
      if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      createReadStream(file).pipe(response);
      return true;
    },
  };
}
