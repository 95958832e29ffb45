import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The public booking page, built into dist/web and served by the central service at `/`. */
export default defineConfig({
  root: here('./web'),
  resolve: {
    alias: {
      '@talon/protocol': here('../../packages/protocol/src/index.ts'),
      '@talon/domain': here('../../packages/domain/src/index.ts'),
      '@talon/messages': here('../../packages/messages/src/index.ts'),
    },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    // The booking page and the quality department's page (quality.html, served at /quality).
    // and the ticket's phone page (phone.html, served at /p/<token>).
    rollupOptions: { input: { index: here('./web/index.html'), quality: here('./web/quality.html'), phone: here('./web/phone.html') } },
  },
});
