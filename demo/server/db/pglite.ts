/**
 * PGlite behind the {@link Database} interface: the default, so the demo
 * runs with nothing but `npm install`. The engine runs on a worker thread
 * (pglite-worker.ts says why); this side turns each call into a message.
 * `pg_trgm` is loaded there because PGlite ships its extensions as separate
 * bundles; the migration then enables it exactly as on a real server.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { claimFolder } from './folder-lock.js';
import type { Database, Queryable } from './index.js';
import type { WorkerError, WorkerOptions, WorkerReply, WorkerRequest } from './pglite-worker.js';

/** Distributes over the union, so that each operation keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The worker's first lines: TypeScript's loader, then the worker module. A
 * worker does not inherit the loader that `tsx` (or `--import tsx`)
 * installed in this thread, so it installs its own. Both are addressed by
 * file URL, resolved here: code run by `eval` would look for `tsx` from the
 * current directory, which need not be the project's.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href)});
});`;

/** A call waiting for its reply; `trace` is where it was made. */
interface PendingCall {
  resolve(result: unknown): void;
  reject(error: Error): void;
  trace: Error;
}

/**
 * The worker's error as an Error of this thread: its message, PostgreSQL's
 * fields on it as on PGlite's, and the stack of the call that failed (the
 * worker's own frames say nothing about which query of ours it was).
 */
function asError({ message, fields }: WorkerError, trace: Error): Error {
  const error = Object.assign(new Error(message), fields);
  const frames = trace.stack ?? '';
  error.stack = `Error: ${message}${frames.slice(frames.indexOf('\n'))}`;
  return error;
}

/** Claims a file-backed database's folder for this process (`<dataDir>.lock`), until it is closed or the process ends. */
function claimDataDir(dataDir: string): () => void {
  if (dataDir.startsWith('memory://')) return () => {};
  const folder = resolve(dataDir);
  mkdirSync(dirname(folder), { recursive: true });
  const release = claimFolder(`${folder}.lock`, `The database folder ${folder}`);
  process.once('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<Database> {
  const release = claimDataDir(dataDir);
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { dataDir } satisfies WorkerOptions });
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let stopped: Error | undefined;

  // Like the engine in this thread, an idle worker does not keep the process alive; one with calls to answer does.
  const expect = (id: number, call: PendingCall) => {
    if (pending.size === 0) worker.ref();
    pending.set(id, call);
  };
  /** Takes call `id` off the list; undefined for one `stop` has already failed (its answer came after a close). */
  const take = (id: number): PendingCall | undefined => {
    const call = pending.get(id);
    if (!call) return undefined;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return call;
  };
  const settle = ({ id, result, error }: WorkerReply) => {
    const call = take(id);
    if (error) call?.reject(asError(error, call.trace));
    else call?.resolve(result);
  };
  const stop = (error: Error) => {
    stopped ??= error;
    for (const call of pending.values()) call.reject(stopped);
    pending.clear();
  };
  worker.on('message', settle);
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`The PGlite worker stopped (exit code ${code})`)));

  const call = <T>(request: WithoutId<WorkerRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      expect(id, { resolve: resolve as (result: unknown) => void, reject, trace: new Error() });
      try {
        worker.postMessage({ ...request, id });
      } catch (error) {
        // A parameter that cannot cross the thread (a function, or an object holding one).
        take(id);
        reject(error as Error);
      }
    });

  const queryable = (tx?: number): Queryable => ({
    query: <T>(sql: string, params: unknown[] = []) =>
      call<T[]>({ op: 'query', sql, params, ...(tx !== undefined && { tx }) }),
    exec: (sql: string) => call<void>({ op: 'exec', sql, ...(tx !== undefined && { tx }) }),
  });

  // Id 0 is the worker's first word: ready, or why it could not open the database.
  await new Promise((resolve, reject) => expect(0, { resolve, reject, trace: new Error() })).catch(
    async (error: unknown) => {
      await worker.terminate();
      release();
      throw error;
    },
  );
  return {
    engine: 'pglite',
    ...queryable(),
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn(queryable(tx));
      } catch (error) {
        // The caller's error is the answer; a rollback that fails too (the worker gone) adds nothing to it.
        await call({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      await call({ op: 'close' });
      stop(new Error('The PGlite database was closed'));
      await worker.terminate();
      release();
    },
  };
}
