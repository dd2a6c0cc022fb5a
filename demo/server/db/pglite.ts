/**
 * PGlite behind the {@link Database} interface: the default, so the demo
 * runs with nothing but `npm install`. `pg_trgm` is loaded here because PGlite
 * ships its extensions as separate bundles; the migration then enables it
 * exactly as on a real server.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable } from './index.js';

const wrap = (target: PGlite | Transaction): Queryable => ({
  async query<T>(sql: string, params: unknown[] = []) {
    return (await target.query<T>(sql, params)).rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  return {
    engine: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}
