import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Each screen is its own page, so a hall board never downloads the admin screen's code. */
export const SCREEN_PAGES = ['kiosk', 'operator', 'board', 'dashboard', 'admin'] as const;

export default defineConfig({
  // Screens are built against the workspace packages' sources: one build, no stale dist.
  resolve: {
    alias: {
      '@talon/protocol': here('../../packages/protocol/src/index.ts'),
      '@talon/domain': here('../../packages/domain/src/index.ts'),
      '@talon/messages': here('../../packages/messages/src/index.ts'),
    },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    rollupOptions: {
      input: Object.fromEntries(SCREEN_PAGES.map((page) => [page, here(`./${page}.html`)])),
    },
  },
});
