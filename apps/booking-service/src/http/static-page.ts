import { assetPathOf, serveBuiltFile } from '@talon/server-edge';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

/**
 * Serves the built pages: `/` and `/cancel` get index.html, `/quality` quality.html, `/p/<token>`
 * (the ticket's QR) phone.html and its service worker `/phone-sw.js` (web push), `/assets/...` are files, nothing else.
 */
export function createStaticPage(root: string | undefined) {
  const available = root !== undefined && existsSync(join(root, 'index.html'));
  return {
    available,
    serve(pathname: string, response: ServerResponse): boolean {
      if (!available || !root) return false;
      const relative =
        pathname === '/' || pathname === '/cancel' ? 'index.html' : pathname === '/quality'
            ? 'quality.html'
            : /^\/p\/[A-Za-z0-9_.-]{1,200}$/.test(pathname)
            ? 'phone.html'
            : pathname === '/phone-sw.js'
              ? 'phone-sw.js'
              : assetPathOf(pathname);
      return relative !== undefined && serveBuiltFile(root, relative, response);
    },
  };
}
