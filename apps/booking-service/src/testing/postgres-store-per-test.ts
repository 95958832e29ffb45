import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createPostgresCentralStore } from '../storage/postgres/postgres-central-store.js';
import { createTestDatabase } from './test-postgres.js';

type PostgresStore = Awaited<ReturnType<typeof createPostgresCentralStore>>;

/**
 * For a describe block: each test gets a database of its own, the PostgreSQL store on it and a
 * plain client to look at the rows the store wrote (and its URL, for a second node); all three are gone after the test.
 */
export function postgresStorePerTest(poolSize: number): { readonly store: PostgresStore; readonly sql: pg.Client; readonly url: string } {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let store: PostgresStore | undefined;
  let sql: pg.Client | undefined;
  beforeEach(async () => {
    database = await createTestDatabase();
    store = await createPostgresCentralStore({ url: database.url, poolSize });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterEach(async () => {
    await sql?.end();
    await store?.close();
    await database?.drop();
  });
  return {
    get store() {
      return store!;
    },
    get sql() {
      return sql!;
    },
    get url() {
      return database!.url;
    },
  };
}
