import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { POSTGRES_CENTRAL_MIGRATIONS } from './migrations/index.js';

/** Epoch milliseconds fit a double; answer BIGINT and COUNT(*) as numbers, not strings. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresPoolOptions {
  url: string;
  /** Connections this node holds; see `postgres.poolSize` in the central config. */
  poolSize: number;
  /** How long a request waits for a free connection before it is refused as retryable. */
  connectionTimeoutMs?: number;
}

export function openPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    types,
    application_name: 'talon-central',
  });
  // An idle client whose server went away emits here; without a listener the process would die.
  pool.on('error', () => {});
  return pool;
}

export class PostgresMigrationError extends Error {
  override name = 'PostgresMigrationError';
}

/** Brings the database to this service's latest step, on a pool of its own it closes after. */
export async function migratePostgresCentral(url: string): Promise<string[]> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: openPostgresPool({ url, poolSize: 1 }) }) });
  try {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...POSTGRES_CENTRAL_MIGRATIONS }) },
      migrationTableName: 'talon_migrations',
      migrationLockTableName: 'talon_migrations_lock',
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw new PostgresMigrationError(`the central PostgreSQL database could not be migrated: ${(error as Error).message ?? String(error)}`);
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  } finally {
    await db.destroy();
  }
}
