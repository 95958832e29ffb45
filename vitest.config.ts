import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against sources, not dist, so a change is tested without a build step.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const workspaceAliases = {
  '@talon/messages': source('./packages/messages/src/index.ts'),
  '@talon/domain': source('./packages/domain/src/index.ts'),
  '@talon/protocol': source('./packages/protocol/src/index.ts'),
  '@talon/ticket-printer': source('./packages/ticket-printer/src/index.ts'),
  '@talon/rating-button': source('./packages/rating-button/src/index.ts'),
  '@talon/device-agent': source('./packages/device-agent/src/index.ts'),
  // Before the package itself: an alias matches by prefix, and the first match wins.
  '@talon/server-edge/testing': source('./packages/server-edge/src/testing/index.ts'),
  '@talon/server-edge': source('./packages/server-edge/src/index.ts'),
};

// Offices run in their own zones; tests pin the process zone so nothing passes by accident.
process.env.TZ = 'UTC';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
