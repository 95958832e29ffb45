import Database from 'better-sqlite3';
import type pg from 'pg';
import { inTransaction } from './in-transaction.js';
import { migratePostgresCentral, openPostgresPool } from './open-postgres-pool.js';

export interface TableCopy {
  table: string;
  sqlite: number;
  postgres: number;
}

export class MigrateCentralError extends Error {
  override name = 'MigrateCentralError';
}

/** PostgreSQL's limit is 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/**
 * Copies a SQLite central (its file, with the service stopped) into an empty PostgreSQL database:
 * every table both have, the columns both have, in one transaction, then compares row counts.
 * Booking versions become per-office counters starting at each office's highest version, so the
 * offsets offices hold stay valid.
 */
export async function copySqliteCentralToPostgres(sqliteFile: string, url: string): Promise<TableCopy[]> {
  await migratePostgresCentral(url);
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pool = openPostgresPool({ url, poolSize: 1 });
  try {
    const sqliteTables = new Set((source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));
    const pgTables = (await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
      AND table_name NOT LIKE 'talon_migrations%' AND table_name <> 'booking_versions' ORDER BY table_name`)).rows.map((r: { table_name: string }) => r.table_name);
    const tables = pgTables.filter((t) => sqliteTables.has(t));
    await inTransaction(pool, async (c) => {
      for (const table of tables) {
        const held = (await c.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n as number;
        if (held > 0) throw new MigrateCentralError(`PostgreSQL table ${table} already holds ${held} rows: migrate into an empty database`);
      }
      for (const table of tables) await copyTable(source, c, table);
      await c.query(`INSERT INTO booking_versions (office_id, value) SELECT office_id, MAX(version) FROM bookings GROUP BY office_id`);
    });
    const copies: TableCopy[] = [];
    for (const table of tables) {
      copies.push({
        table,
        sqlite: source.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number,
        postgres: (await pool.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n as number,
      });
    }
    const differ = copies.filter((c) => c.sqlite !== c.postgres);
    if (differ.length > 0) throw new MigrateCentralError(`row counts differ: ${differ.map((d) => `${d.table} ${d.sqlite} -> ${d.postgres}`).join(', ')}`);
    return copies;
  } finally {
    source.close();
    await pool.end();
  }
}

async function copyTable(source: Database.Database, c: pg.PoolClient, table: string): Promise<void> {
  const pgColumns = new Set((await c.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [table]))
    .rows.map((r: { column_name: string }) => r.column_name));
  const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((name) => pgColumns.has(name));
  const perBatch = Math.max(1, Math.min(1_000, Math.floor(MAX_PARAMS / columns.length)));
  const insert = (rows: unknown[][]) => {
    const values = rows.map((_, r) => `(${columns.map((__, i) => `$${r * columns.length + i + 1}`).join(', ')})`).join(', ');
    return c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, rows.flat());
  };
  let batch: unknown[][] = [];
  // Rows are read lazily: a year of events does not have to fit in memory at once.
  for (const row of source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === perBatch) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insert(batch);
}
