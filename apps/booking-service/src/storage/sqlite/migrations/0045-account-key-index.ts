import type { CentralMigration } from './central-migration.js';

/** The hourly forgetting of account keys past the repeat window reads only rows that still hold one. */
export const accountKeyIndex: CentralMigration = {
  version: 45,
  name: 'account-key-index',
  up: (db) => {
    db.exec(`CREATE INDEX tickets_with_account_key ON tickets (issued_at) WHERE account_key IS NOT NULL;`);
  },
};
