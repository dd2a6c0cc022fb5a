/**
 * The PGlite engine on a worker thread of its own (started by pglite.ts).
 *
 * Why a thread: PGlite is PostgreSQL compiled to WebAssembly, and a live
 * instance in the server's own V8 isolate makes that isolate's garbage
 * collections dearer for everything else it runs. Measured on loopback,
 * with one idle PGlite beside a plain HTTP PUT of 20 MB: about half of the
 * PUTs took half as long again (35 ms instead of 22, the extra being CPU
 * spent in collections); with the same PGlite on a worker, 1 to 3 in 50.
 * In the upload benchmark, with the node settings of ../node-flags.ts, the
 * ratio of tus to a plain PUT was 0.76 to 1.00 (4 of 6 processes under
 * 0.9) with the engine in the server's thread; 0.82 to 0.96, median 0.93
 * (4 of 26 under 0.9), with it here.
 * The price is a message each way: a trivial query in sequence takes
 * 0.28 ms instead of 0.10. In exchange the engine's work no longer takes
 * the thread that reads the sockets, and runs while that thread goes on.
 *
 * Messages: {@link WorkerRequest} in, {@link WorkerReply} out, one reply per
 * request, matched by `id`. A transaction is opened by `begin`, whose reply
 * names it; its queries carry that name; `end` commits or rolls it back.
 * PGlite's own `query` and `exec` wait for an open transaction to end (its
 * transaction lock), so a query from outside one waits, as it did in-process.
 */
import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

/** An error as it crosses the thread: its message and PostgreSQL's fields (`code`, `detail`, `constraint`...). */
export type WorkerError = { message: string; fields: Record<string, string | number | boolean> };

export type WorkerReply = { id: number; result?: unknown; error?: WorkerError };

/** What `openPglite` passes as `workerData`. */
export interface WorkerOptions {
  dataDir: string;
}

/** A transaction held open until its `end`, and how to end it. */
interface OpenTransaction {
  tx: Transaction;
  commit(): void;
  rollback(): void;
  /** Settles when PGlite has committed or rolled back. */
  ended: Promise<unknown>;
}

const ROLLBACK = new Error('rolled back by the caller');

function asWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: WorkerError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { message: error.message, fields };
}

async function serve(): Promise<void> {
  const { dataDir } = workerData as WorkerOptions;
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const open = new Map<number, OpenTransaction>();
  const target = (tx: number | undefined) => {
    if (tx === undefined) return pglite;
    const transaction = open.get(tx);
    if (!transaction) throw new Error(`transaction ${tx} is not open`);
    return transaction.tx;
  };

  // The transaction stays open, its function waiting, until `end` settles it.
  const begin = (id: number) =>
    new Promise<number>((opened, failed) => {
      // PGlite calls the function once BEGIN has run, so `ended` is set by then.
      const ended: Promise<unknown> = pglite.transaction(
        (tx) =>
          new Promise<void>((commit, rollback) => {
            open.set(id, { tx, commit: () => commit(), rollback: () => rollback(ROLLBACK), ended });
            opened(id);
          }),
      );
      // A BEGIN that fails never reaches the function.
      ended.catch(failed);
    });

  async function end(tx: number, commit: boolean): Promise<void> {
    const transaction = open.get(tx);
    if (!transaction) throw new Error(`transaction ${tx} is not open`);
    open.delete(tx);
    if (commit) transaction.commit();
    else transaction.rollback();
    try {
      await transaction.ended;
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
  }

  async function answer(request: WorkerRequest): Promise<unknown> {
    switch (request.op) {
      case 'query':
        return (await target(request.tx).query(request.sql, request.params)).rows;
      case 'exec':
        await target(request.tx).exec(request.sql);
        return undefined;
      case 'begin':
        return begin(request.id);
      case 'end':
        return end(request.tx, request.commit);
      case 'close':
        await pglite.close();
        return undefined;
    }
  }

  parentPort!.on('message', (request: WorkerRequest) => {
    answer(request).then(
      (result) => parentPort!.postMessage({ id: request.id, result } satisfies WorkerReply),
      (error: unknown) =>
        parentPort!.postMessage({ id: request.id, error: asWorkerError(error) } satisfies WorkerReply),
    );
  });
  parentPort!.postMessage({ id: 0, result: 'ready' } satisfies WorkerReply);
}

serve().catch((error: unknown) =>
  parentPort!.postMessage({ id: 0, error: asWorkerError(error) } satisfies WorkerReply),
);
