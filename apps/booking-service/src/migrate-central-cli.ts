#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { copySqliteCentralToPostgres, MigrateCentralError } from './storage/postgres/copy-sqlite-to-postgres.js';

const HELP = `Moves a SQLite central to PostgreSQL: copies every table, then checks row counts.
Stop the central service first; the SQLite file is only read.

Usage: migrate-central --from <data>/central.db --to postgres://user@host/db
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help || !values.from || !values.to) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const copies = await copySqliteCentralToPostgres(values.from, values.to);
  for (const c of copies) process.stdout.write(`${c.table.padEnd(20)} ${String(c.sqlite).padStart(10)} -> ${String(c.postgres).padStart(10)}\n`);
  process.stdout.write('counts match; start the service with --database-url\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate-central: ${error instanceof MigrateCentralError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
