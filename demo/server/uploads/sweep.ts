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

/** Removes the uploads expired at `now`; returns how many. */
export async function sweepExpiredUploads(
  { db, store, ttlHours, log }: SweepOptions,
  now = new Date(),
): Promise<number> {
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
  const sweep = () => {
    sweepExpiredUploads(options)
      .then((count) => count > 0 && options.log(`Upload sweep: removed ${count} expired upload(s)`))
      .catch((error: unknown) =>
        options.log(`Upload sweep failed: ${error instanceof Error ? error.stack : String(error)}`),
      );
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
