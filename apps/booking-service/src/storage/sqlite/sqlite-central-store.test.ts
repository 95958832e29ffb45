import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCentralStore } from '../central-store.contract.js';
import { createSqliteCentralStore } from './sqlite-central-store.js';

describeCentralStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-central-store-'));
  const store = createSqliteCentralStore(join(dir, 'central.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
