/**
 * The one database interface of the reference backend, small enough that
 * PGlite (PostgreSQL compiled to WebAssembly, in-process, no install) and a
 * real PostgreSQL server can both sit behind it. Everything above this layer
 * writes plain PostgreSQL with `$1` parameters and runs unchanged on both.
 */
import { migrate } from './migrate.js';

/** What a query can run against: the database itself or an open transaction. */
export interface Queryable {
  /** One parameterised statement; returns its rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** One or more statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Which engine answers, for the start-up log. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use that server. Without it, PGlite is used. */
  url?: string;
  /**
   * PostgreSQL only: keep every table in this schema (created if missing).
   * Lets test runs share one database without seeing each other's rows.
   */
  schema?: string;
  /** PGlite only: its data directory, or `memory://` for a throw-away database. */
  dataDir?: string;
  /** False for the operator's commands: never migrate a database some version already set up (migrate.ts). */
  upgrade?: boolean;
}

/** Opens the database the options name and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = options.url
    ? await (await import('./postgres.js')).openPostgres(options.url, options.schema)
    : await (await import('./pglite.js')).openPglite(options.dataDir ?? 'memory://');
  try {
    await migrate(db, { upgrade: options.upgrade ?? true });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
