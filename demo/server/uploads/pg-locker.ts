/**
 * The upload lock shared by every instance of the backend: PostgreSQL
 * advisory locks, taken on a connection of the locker's own.
 *
 * tus holds a lock on an upload while a request writes to it or reads its
 * offset. In one process its `MemoryLocker` is enough; behind a load
 * balancer a client that retries through another instance would otherwise
 * write the same upload twice at once, and two writers corrupt an S3
 * multipart upload. So the lock is held in the database all instances
 * share, on a session of its own (a pooled connection would carry the lock
 * off to another query), and:
 *
 * - a request that finds the upload locked asks the holder to let go,
 *   wherever it runs: `pg_notify` on {@link RELEASE_CHANNEL}, which every
 *   locker LISTENs to and answers by calling tus's `requestRelease` (tus
 *   then ends the stale request, as it does in one process), then tries
 *   again until tus's timeout;
 * - an instance that dies, or loses its connection, loses its locks with
 *   its session: PostgreSQL releases them, so another instance goes on. A
 *   locker that sees its connection fail asks all its holders to stop.
 *
 * Within one process, locks are first taken in memory: PostgreSQL's
 * session locks are re-entrant, so two requests of the same session would
 * both get one.
 */
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import pg from 'pg';
import { lockKey } from './repository.js';

/** The channel on which a request asks the holder of an upload's lock to release it. */
export const RELEASE_CHANNEL = 'dvc_upload_release';

/** Namespace of the upload locks (two-key advisory locks; the drafts use 71042026, filings 71042027). */
const UPLOAD_LOCK_NAMESPACE = 71042028;

/** How long a request waits for a lock before tus answers 423 (tus's own default). */
const ACQUIRE_TIMEOUT_MS = 30_000;

/** Waits between attempts: short, since the holder was just asked to let go. */
const RETRY_MS = 25;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });

export class PostgresLocker implements Locker {
  /** Uploads locked by this process, with how to ask their holder to let go. */
  private readonly held = new Map<string, RequestRelease>();
  private session: Promise<pg.Client>;

  constructor(
    private readonly url: string,
    private readonly log: (line: string) => void,
  ) {
    this.session = this.connect();
  }

  newLock(id: string): Lock {
    return {
      lock: (signal, requestRelease) => this.acquire(id, signal, requestRelease),
      unlock: () => this.release(id),
    };
  }

  /** Ends the locker's session (every lock it holds is released with it). */
  async close(): Promise<void> {
    const client = await this.session.catch(() => undefined);
    await client?.end();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', ({ channel, payload }) => {
      if (channel === RELEASE_CHANNEL && payload) void this.held.get(payload)?.();
    });
    client.on('error', (error) => {
      // The session, and with it every lock, is gone: the holders must stop writing, and a new session is made.
      this.log(`Upload locker: connection lost (${error.message}); uploads in progress are asked to stop`);
      for (const requestRelease of this.held.values()) void requestRelease();
      this.held.clear();
      this.session = this.connect();
    });
    await client.connect();
    await client.query(`LISTEN ${RELEASE_CHANNEL}`);
    return client;
  }

  private async acquire(id: string, stop: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
    while (!stop.aborted && Date.now() < deadline) {
      const local = this.held.get(id);
      if (local) {
        await local();
      } else {
        // Claimed here before the database is asked, so that a second request of this process waits for this one.
        this.held.set(id, requestRelease);
        if (await this.tryLock(id).catch(() => false)) return;
        this.held.delete(id);
        await (await this.session).query('SELECT pg_notify($1, $2)', [RELEASE_CHANNEL, id]).catch(() => undefined);
      }
      await sleep(RETRY_MS, stop);
    }
    throw ERRORS.ERR_LOCK_TIMEOUT;
  }

  private async tryLock(id: string): Promise<boolean> {
    const session = await this.session;
    const [row] = (
      await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        UPLOAD_LOCK_NAMESPACE,
        lockKey(id),
      ])
    ).rows;
    return row?.locked === true;
  }

  private async release(id: string): Promise<void> {
    if (!this.held.delete(id)) return;
    const session = await this.session;
    await session.query('SELECT pg_advisory_unlock($1, $2)', [UPLOAD_LOCK_NAMESPACE, lockKey(id)]);
  }
}
