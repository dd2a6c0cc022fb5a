/**
 * PostgreSQL (via a `pg` connection pool) behind the {@link Database}
 * interface, used when `DATABASE_URL` is set.
 */
import pg from 'pg';
import type { Database, Queryable } from './index.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
  async query<T>(sql: string, params: unknown[] = []) {
    return (await target.query(sql, params)).rows as T[];
  },
  async exec(sql: string) {
    await target.query(sql);
  },
});

/**
 * Connects to `url`. With `schema`, every connection of the pool gets
 * `search_path = <schema>, public`: our tables land in that schema while
 * extensions such as pg_trgm stay in `public`, shared by all schemas.
 */
export async function openPostgres(url: string, schema?: string): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL: idle connection failed: ${error.message}`));
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state (perhaps still in the transaction):
      // given back with the error, the pool closes it instead of lending it to the next query.
      let broken: Error | undefined;
      // A connection cut while lent out emits 'error' besides failing its query; unheard, that ends the process.
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
