import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Each screen is its own page, so a hall board never downloads the admin screen's code. */
export const SCREEN_PAGES = ['kiosk', 'operator', 'board', 'dashboard', 'admin'] as const;

/**
 * Our packages are pure by design (ARCHITECTURE.md): nothing runs on import but definitions. Saying
 * so lets Rollup drop a module nothing uses, so a page that only needs `NAMESPACES` or a type does
 * not carry every zod schema of the protocol (the board's JS: 126 KB gzipped without, 98 KB with;
 * `node bench/screens-size/run.js`).
 */
const PURE_WORKSPACE_SOURCES = /[\\/]packages[\\/](protocol|domain|messages)[\\/]src[\\/]/;

export default defineConfig({
  plugins: [
    {
      name: 'talon-pure-workspace-packages',
      transform(code, id) {
        return PURE_WORKSPACE_SOURCES.test(id) ? { code, map: null, moduleSideEffects: false } : null;
      },
    },
  ],
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
