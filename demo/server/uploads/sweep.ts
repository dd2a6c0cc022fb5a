/**
 * Expiry: an upload that no dossier took within `ttlHours` of its creation
 * is removed, file and row. Creation, not completion, is the clock, the
 * same one as the `Upload-Expires` header tus announces (and after which
 * it already refuses the upload with 410).
 *
 * The sweep reads only the table (every stored file has a row: the row is
 * written first). It marks the expired rows first, so that no filing can
 * take one while its file goes (migration 008), and removes a row only once
 * its file is gone, so a store that fails (S3 down) leaves the row, marked,
 * for the next sweep instead of an orphan file nobody would find again. A
 * cancellation whose removal never finished is left the same way and
 * finished here.
 *
 * Every instance runs the sweeper, and one sweeps at a time: on PostgreSQL
 * a run holds an advisory lock, tried without waiting, and an instance that
 * finds it taken skips its turn (the holder is doing the work). The lock is
 * transaction-level, on a connection of the pool that stays with the run
 * and is released with the transaction's end or the connection's loss:
 * a session lock on a pooled connection could outlive a failed unlock and
 * block every later sweep. The transaction holds nothing else: the marks
 * and removals are committed one statement at a time outside it, so a
 * filing never waits for the sweep. PGlite serves one process (its folder
 * is locked), where a run simply never overlaps the previous one.
 */
import { ERRORS } from '@tus/utils';
import type { Database } from '../db/index.js';
import { forgetUploads, markedBefore, markExpired } from './repository.js';
import type { UploadStore } from './store.js';

export interface SweepOptions {
  db: Database;
  store: UploadStore;
  ttlHours: number;
  log: (line: string) => void;
}

/** How often the running server sweeps. */
const SWEEP_INTERVAL_MS = 15 * 60_000;

/** A mark older than this whose row is still there is a removal that did not finish (a cancellation takes milliseconds). */
const UNFINISHED_REMOVAL_MS = 15 * 60_000;

const alreadyGone = (error: unknown): boolean =>
  error === ERRORS.FILE_NOT_FOUND || error === ERRORS.FILE_NO_LONGER_EXISTS;

/** The sweep's lock: a two-key advisory lock (drafts 71042026, filings 71042027, upload locks 71042028, client addresses 71042030; one-key: migrations, seed). */
const SWEEP_LOCK = [71042031, 1] as const;

/** Runs `sweep` unless another instance is sweeping (then resolves with undefined). */
async function asTheOnlySweeper<T>(db: Database, sweep: () => Promise<T>): Promise<T | undefined> {
  if (db.engine !== 'postgres') return sweep();
  return db.transaction(async (tx) => {
    const [{ locked }] = (await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS locked', [
      ...SWEEP_LOCK,
    ])) as [{ locked: boolean }];
    return locked ? sweep() : undefined;
  });
}

/**
 * Removes the uploads expired at `now`; returns how many, or undefined when
 * another instance was sweeping (and this one left it the work).
 */
export const sweepExpiredUploads = (options: SweepOptions, now = new Date()): Promise<number | undefined> =>
  asTheOnlySweeper(options.db, () => sweep(options, now));

async function sweep({ db, store, ttlHours, log }: SweepOptions, now: Date): Promise<number> {
  const expired = await markExpired(db, new Date(now.getTime() - ttlHours * 3_600_000));
  const unfinished = await markedBefore(db, new Date(now.getTime() - UNFINISHED_REMOVAL_MS));
  const removed: string[] = [];
  for (const id of new Set([...expired, ...unfinished])) {
    try {
      await store.remove(id);
      removed.push(id);
    } catch (error) {
      if (alreadyGone(error)) removed.push(id);
      else
        log(
          `Upload sweep: could not remove an upload, will retry: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
        );
    }
  }
  await forgetUploads(db, removed);
  return removed.length;
}

/** Sweeps now and then every 15 minutes, without keeping the process alive; returns a stop function. */
export function startUploadSweeper(options: SweepOptions): () => void {
  let running = false;
  const sweepNow = () => {
    // A run slower than the interval (a slow store) is not joined by the next one.
    if (running) return;
    running = true;
    sweepExpiredUploads(options)
      .then((count) => count && options.log(`Upload sweep: removed ${count} expired upload(s)`))
      .catch((error: unknown) =>
        options.log(`Upload sweep failed: ${error instanceof Error ? error.stack : String(error)}`),
      )
      .finally(() => (running = false));
  };
  sweepNow();
  const timer = setInterval(sweepNow, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
