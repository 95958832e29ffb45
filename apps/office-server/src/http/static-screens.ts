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
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export const SCREEN_ROLES = ['kiosk', 'operator', 'board', 'dashboard', 'admin'] as const;

/** Serves the built screens: `/kiosk` → kiosk.html, `/assets/...` as files, nothing outside the folder. */
export function createStaticScreens(root: string | undefined) {
  const available = root !== undefined && existsSync(root);
  return {
    available,
    serve(pathname: string, response: ServerResponse): boolean {
      if (!available || !root) return false;
      const screen = SCREEN_ROLES.find((role) => pathname === `/${role}` || pathname === `/${role}/`);
      const relative = screen ? `${screen}.html` : pathname.startsWith('/assets/') ? pathname.slice(1) : undefined;
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
