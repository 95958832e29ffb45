import type pg from 'pg';

/** Deadlock and serialization failures are PostgreSQL asking for the same work again. */
const RETRY_CODES = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

export const isRetryable = (error: unknown): boolean => RETRY_CODES.has((error as { code?: string } | undefined)?.code ?? '');

/** Runs `work` in one transaction on one pooled connection; rolls back on any throw. `begin` may ask for REPEATABLE READ. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      // A connection that could not even roll back is dropped, not handed to the next request.
      client.release(broken);
    }
  }
}
