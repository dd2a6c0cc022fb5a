/**
 * What the operator's commands (`npm run officer`, `npm run catalog`) share:
 * the backend's own database, opened as the backend opens it (DATABASE_URL,
 * or the embedded one in DATA_DIR, which a running backend holds: its
 * folder lock then says to stop it first), and a clean exit on failure. A
 * command never upgrades a database's schema under running instances of
 * another version: it refuses one that is behind or ahead (db/migrate.ts).
 */
import { join } from 'node:path';
import { type Database, openDatabase } from '../server/db/index.js';

/** Prints `message` and ends the command with status 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Runs `work` on the backend's own database, closed afterwards. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(
    process.env.DATABASE_URL
      ? { url: process.env.DATABASE_URL, upgrade: false }
      : { dataDir: join(process.env.DATA_DIR ?? '.data/', 'pglite'), upgrade: false },
  ).catch((error: unknown) => fail(`Cannot open the database: ${error instanceof Error ? error.message : error}`));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
