import { assetPathOf, serveBuiltFile } from '@talon/server-edge';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

export const SCREEN_ROLES = ['kiosk', 'operator', 'board', 'dashboard', 'admin'] as const;

/** Serves the built screens: `/kiosk` → kiosk.html, `/assets/...` as files, nothing outside the folder. */
export function createStaticScreens(root: string | undefined) {
  const available = root !== undefined && existsSync(root);
  return {
    available,
    serve(pathname: string, response: ServerResponse): boolean {
      if (!available || !root) return false;
      const screen = SCREEN_ROLES.find((role) => pathname === `/${role}` || pathname === `/${role}/`);
      const relative = screen ? `${screen}.html` : assetPathOf(pathname);
      return relative !== undefined && serveBuiltFile(root, relative, response);
    },
  };
}
