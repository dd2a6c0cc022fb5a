/**
 * An import handed to the running backend. PGlite serves one process: while
 * the backend runs on its embedded database, `npm run catalog -- import`
 * cannot open it (db/folder-lock.ts), and stopping the commune's site to
 * load a catalogue is what the catalogue-as-data work set out to avoid. So
 * the command leaves the file in the backend's inbox (`DATA_DIR/catalogue-inbox/`)
 * and waits; the backend looks at the inbox every second, imports the file
 * in its own process (the same reading, checks and single transaction as
 * the command's), and writes the outcome beside it for the command to
 * print. Citizens see the new catalogue on their next request, without a
 * restart. On PostgreSQL the command opens the database itself.
 *
 * The backend owns the inbox: it makes it (for its own user only) and says
 * it is watching by rewriting `watcher.json` on every look; a command hands
 * over only to a fresh watcher, and stops waiting when the watcher goes
 * quiet (a backend stopped or killed: its import's transaction was never
 * committed, or was whole). A request is two files: `<id>.file` (the bytes)
 * and `<id>.request.json` (how to read them, and the command's process id),
 * the second written last under a temporary name and renamed, so the backend
 * never reads half of one. The backend claims a request by renaming it (one
 * process wins), drops one whose command is gone (an import cancelled with
 * Ctrl-C must not land later, over a newer one), and answers
 * `<id>.outcome.json`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Database } from '../db/index.js';
import { isRunning } from '../db/folder-lock.js';
import { IMPORT_FORMATS, readImportFile } from './import-file.js';
import { importCatalogue, type ImportReport } from './import.js';
import { CatalogueError } from './model.js';

/** How to read the file handed over, as `npm run catalog -- import` was told, and who waits for it. */
const HandedImport = z.object({
  /** The file's name as the operator gave it, for the messages. */
  name: z.string(),
  format: z.optional(z.enum(IMPORT_FORMATS)),
  agency: z.optional(z.string()),
  agencyName: z.optional(z.string()),
  allowRemovingMost: z.boolean(),
  /** The waiting command's process id. */
  pid: z.int(),
});
export type HandedImport = Omit<z.infer<typeof HandedImport>, 'pid'>;

/** What became of it: imported (with the reading's notes), or refused with the message naming the place at fault. */
export type HandOffOutcome = { report: ImportReport; notes: string[] } | { refused: string };

export const inboxOf = (dataDir: string): string => join(dataDir, 'catalogue-inbox');

const REQUEST = '.request.json';
const TAKEN = '.taken.json';
const OUTCOME = '.outcome.json';
const WATCHER = 'watcher.json';
const LOOK_MS = 1000;
/** A watcher silent this long is gone (reading a province's file may hold the process for seconds). */
const QUIET_MS = 60_000;
/** Outcomes no command came for (it was killed) are removed after an hour. */
const OUTCOME_KEPT_MS = 3600_000;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes `content` to `path` under a temporary name first, so that a reader finds all of it or nothing. */
async function writeWhole(path: string, content: string): Promise<void> {
  await writeFile(`${path}.tmp`, content);
  await rename(`${path}.tmp`, path);
}

// ---- The backend's side ----

/** Imports the request `id` (claimed already), as the command would have. */
async function importRequest(db: Database, inbox: string, id: string, log: (line: string) => void) {
  const request = HandedImport.parse(JSON.parse(await readFile(join(inbox, `${id}${TAKEN}`), 'utf8')));
  if (!isRunning(request.pid)) return log(`catalogue import of ${request.name}: dropped, its command has ended`);
  const { name, format, allowRemovingMost, pid: _pid, ...national } = request;
  let outcome: HandOffOutcome;
  try {
    const read = await readImportFile(await readFile(join(inbox, `${id}.file`)), name, {
      ...national,
      ...(format && { format }),
    });
    outcome = { report: await importCatalogue(db, read.catalogue, { allowRemovingMost }), notes: read.notes };
    const { added, changed, removed } = outcome.report.procedures;
    log(`catalogue import of ${name}: ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
  } catch (error) {
    if (!(error instanceof CatalogueError)) log(`catalogue import of ${name} failed: ${String(error)}`);
    outcome = { refused: error instanceof Error ? error.message : String(error) };
  }
  await writeWhole(join(inbox, `${id}${OUTCOME}`), JSON.stringify(outcome));
}

/** Claims and imports the request `id`, then removes its files; another instance may have claimed it first. */
async function take(db: Database, inbox: string, id: string, log: (line: string) => void): Promise<void> {
  try {
    await rename(join(inbox, `${id}${REQUEST}`), join(inbox, `${id}${TAKEN}`));
  } catch (error) {
    if (!isMissing(error)) log(`catalogue inbox: cannot take ${id}: ${String(error)}`);
    return;
  }
  try {
    await importRequest(db, inbox, id, log);
  } catch (error) {
    log(`catalogue inbox: request ${id} refused: ${String(error)}`);
  } finally {
    await rm(join(inbox, `${id}${TAKEN}`), { force: true });
    await rm(join(inbox, `${id}.file`), { force: true });
  }
}

/** What an earlier process left: claimed requests it never finished (answered as such), old outcomes (removed). */
async function tidy(inbox: string, names: string[], atStart: boolean): Promise<void> {
  for (const name of names) {
    const path = join(inbox, name);
    if (atStart && name.endsWith(TAKEN)) {
      const id = name.slice(0, -TAKEN.length);
      const refused =
        'the backend stopped during the import; an import is one transaction, so nothing of it was applied';
      await writeWhole(join(inbox, `${id}${OUTCOME}`), JSON.stringify({ refused }));
      await rm(path, { force: true });
      await rm(join(inbox, `${id}.file`), { force: true });
    } else if (name.endsWith(OUTCOME)) {
      const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > OUTCOME_KEPT_MS) await rm(path, { force: true });
    }
  }
}

/**
 * Looks at the inbox of `dataDir` every second and imports what is handed
 * over, one at a time. Returns a function that stops it, resolved once an
 * import under way has ended (before the database closes).
 */
export async function watchInbox(
  db: Database,
  dataDir: string,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const inbox = inboxOf(dataDir);
  await mkdir(inbox, { recursive: true, mode: 0o700 });
  let atStart = true;
  let look: Promise<void> | undefined;
  const lookOnce = async () => {
    const names = (await readdir(inbox)).sort();
    await tidy(inbox, names, atStart);
    atStart = false;
    for (const name of names.filter((entry) => entry.endsWith(REQUEST))) {
      await take(db, inbox, name.slice(0, -REQUEST.length), log);
    }
  };
  const fail = (error: unknown) => log(`catalogue inbox: ${String(error)}`);
  // Alive, even while an import takes longer than a look: the waiting command goes by this.
  const alive = () => writeWhole(join(inbox, WATCHER), JSON.stringify({ pid: process.pid, at: Date.now() }));
  await alive();
  const timer = setInterval(() => {
    alive().catch(fail);
    look ??= lookOnce()
      .catch(fail)
      .finally(() => (look = undefined));
  }, LOOK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await look;
    await rm(join(inbox, WATCHER), { force: true });
  };
}

// ---- The command's side ----

/** Whether a backend watches the inbox of `dataDir` now. */
export async function watched(dataDir: string): Promise<boolean> {
  const text = await readFile(join(inboxOf(dataDir), WATCHER), 'utf8').catch(() => undefined);
  if (!text) return false;
  const { pid, at } = JSON.parse(text) as { pid: number; at: number };
  return Date.now() - at < QUIET_MS && isRunning(pid);
}

/**
 * The command's side: hands `bytes` to the backend watching the inbox of
 * `dataDir` and waits for the outcome (at most `timeoutMs`: a large Excel
 * export takes tens of seconds). Ctrl-C withdraws the request unless the
 * backend has taken it. Throws when the backend does not answer.
 */
export async function handOff(
  dataDir: string,
  bytes: Uint8Array,
  request: HandedImport,
  timeoutMs = 10 * 60_000,
): Promise<HandOffOutcome> {
  const inbox = inboxOf(dataDir);
  const id = `${Date.now()}-${randomUUID()}`;
  const requestPath = join(inbox, `${id}${REQUEST}`);
  try {
    await writeFile(join(inbox, `${id}.file`), bytes);
    await writeWhole(requestPath, JSON.stringify({ ...request, pid: process.pid }));
  } catch (error) {
    throw new CatalogueError(
      `cannot write to the backend's inbox ${inbox} (run the command as the backend's user): ${error}`,
    );
  }
  const withdraw = () =>
    rm(requestPath).then(
      () => rm(join(inbox, `${id}.file`), { force: true }).then(() => true),
      () => false,
    );
  const interrupted = () =>
    void withdraw().then((withdrawn) => {
      console.error(withdrawn ? 'Withdrawn: nothing imported.' : 'The backend has taken the import; it goes on.');
      process.exit(130);
    });
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    return await outcomeOf(dataDir, id, timeoutMs, withdraw);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

/** Waits for the outcome of request `id`; gives up when the backend goes quiet or `timeoutMs` has passed. */
async function outcomeOf(
  dataDir: string,
  id: string,
  timeoutMs: number,
  withdraw: () => Promise<boolean>,
): Promise<HandOffOutcome> {
  const outcome = join(inboxOf(dataDir), `${id}${OUTCOME}`);
  for (const deadline = Date.now() + timeoutMs; ;) {
    const answer = await readFile(outcome, 'utf8').catch(() => undefined);
    if (answer !== undefined) {
      await rm(outcome, { force: true });
      return JSON.parse(answer) as HandOffOutcome;
    }
    const quiet = !(await watched(dataDir));
    if (quiet || Date.now() > deadline) {
      const withdrawn = await withdraw();
      throw new CatalogueError(
        withdrawn
          ? `the running backend did not take the import${quiet ? ' (it stopped watching its inbox)' : ` within ${timeoutMs / 1000} s`}; nothing imported`
          : 'the running backend took the import but stopped before answering; an import is one transaction, ' +
              'so it was applied whole or not at all: see with `npm run catalog -- export` once it runs again',
      );
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}
