/**
 * Schema migrations: numbered `.sql` files in `./migrations/`, applied in
 * name order, each recorded in `schema_migrations` so a restart applies only
 * the new ones. All pending files run in one transaction, so a failure
 * leaves the schema as it was.
 *
 * Two processes starting at once (two replicas, or parallel test files) must
 * not both apply a file: the transaction first takes a PostgreSQL advisory
 * lock, which the second process waits on and then finds the work done.
 * PGlite accepts the same call, so there is a single code path.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './index.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^\d{3,}_[a-z0-9_]+\.sql$/;
/** Any fixed number works; it only has to be the same in every process of this app. */
const MIGRATION_LOCK_KEY = 71042025;

/**
 * Applies the migrations not yet recorded; returns the names of those it
 * applied. With `upgrade: false` (the operator's commands) a database that
 * some version already migrated is never changed: one that is behind or
 * ahead of this checkout is refused, since upgrading it under running
 * instances of another version would break them (a migration may replace a
 * function they call). A new, empty database is set up either way.
 */
export async function migrate(db: Database, { upgrade = true }: { upgrade?: boolean } = {}): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    const pending = files.filter((name) => !applied.has(name));
    const unknown = [...applied].filter((name) => !files.includes(name));
    if (!upgrade && applied.size > 0 && (pending.length > 0 || unknown.length > 0)) {
      throw new Error(
        `The database's schema is not this version's (${pending.length > 0 ? `missing ${pending.join(', ')}` : `ahead: ${unknown.join(', ')}`}). ` +
          "Upgrade by starting this version's backend (stop the older instances first), or run the command from the version the backend runs.",
      );
    }
    for (const name of pending) {
      await tx.exec(await readFile(new URL(name, MIGRATIONS_DIR), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [name]);
    }
    return pending;
  });
}
