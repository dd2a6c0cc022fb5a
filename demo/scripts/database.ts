/**
 * What the operator's commands (`npm run officer`, `npm run catalog`) share:
 * the backend's own database, opened as the backend opens it (DATABASE_URL,
 * or the embedded one in DATA_DIR, which a running backend holds: its
 * folder lock then says to stop it first), and a clean exit on failure. A
 * command never upgrades a database's schema under running instances of
 * another version: it refuses one that is behind or ahead (db/migrate.ts).
 */
import { join, resolve } from 'node:path';
import { liveHolder } from '../server/db/folder-lock.js';
import { type Database, openDatabase } from '../server/db/index.js';

/** The backend's data folder (DATA_DIR, default `.data/`). */
export const dataDir = (): string => process.env.DATA_DIR ?? '.data/';

/** Whether a running backend holds the embedded database (no DATABASE_URL): the command cannot open it then. */
export const embeddedDatabaseInUse = (): boolean =>
  !process.env.DATABASE_URL && liveHolder(`${resolve(join(dataDir(), 'pglite'))}.lock`) !== undefined;

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
      : { dataDir: join(dataDir(), 'pglite'), upgrade: false },
  ).catch((error: unknown) => fail(`Cannot open the database: ${error instanceof Error ? error.message : error}`));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
