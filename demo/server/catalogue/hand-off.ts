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
 * A request is two files: `<id>.file` (the bytes) and `<id>.request.json`
 * (how to read them), the second written last under a temporary name and
 * renamed, so the backend never reads half of one. The backend claims a
 * request by renaming it (one process wins) and answers `<id>.outcome.json`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/index.js';
import { type ImportFormat, readImportFile } from './import-file.js';
import { importCatalogue, type ImportReport } from './import.js';
import type { NationalImportOptions } from './national/catalogue.js';
import { CatalogueError } from './model.js';

/** How to read the file handed over: as `npm run catalog -- import` was told. */
export interface HandedImport extends NationalImportOptions {
  /** The file's name as the operator gave it, for the messages. */
  name: string;
  format?: ImportFormat;
  allowRemovingMost: boolean;
}

/** What became of it: imported (with the reading's notes), or refused with the message naming the place at fault. */
export type HandOffOutcome = { report: ImportReport; notes: string[] } | { refused: string };

export const inboxOf = (dataDir: string): string => join(dataDir, 'catalogue-inbox');

const REQUEST = '.request.json';
const POLL_MS = 1000;

/** Writes `content` to `path` under a temporary name first, so that a reader finds all of it or nothing. */
async function writeWhole(path: string, content: string): Promise<void> {
  await writeFile(`${path}.tmp`, content);
  await rename(`${path}.tmp`, path);
}

/** The backend's side: imports one request of the inbox, answering its outcome. */
async function take(db: Database, inbox: string, request: string, log: (line: string) => void): Promise<void> {
  const id = request.slice(0, -REQUEST.length);
  const taken = join(inbox, `${id}.taken.json`);
  try {
    await rename(join(inbox, request), taken);
  } catch {
    return; // Another instance took it (or the command gave up waiting).
  }
  let outcome: HandOffOutcome;
  try {
    const { name, format, allowRemovingMost, ...national } = JSON.parse(await readFile(taken, 'utf8')) as HandedImport;
    const read = await readImportFile(await readFile(join(inbox, `${id}.file`)), name, {
      ...national,
      ...(format && { format }),
    });
    outcome = { report: await importCatalogue(db, read.catalogue, { allowRemovingMost }), notes: read.notes };
    const { added, changed, removed } = outcome.report.procedures;
    log(`catalogue import of ${name}: ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
  } catch (error) {
    if (!(error instanceof CatalogueError)) log(`catalogue import failed: ${String(error)}`);
    outcome = { refused: error instanceof Error ? error.message : String(error) };
  }
  await writeWhole(join(inbox, `${id}.outcome.json`), JSON.stringify(outcome));
  await rm(taken, { force: true });
  await rm(join(inbox, `${id}.file`), { force: true });
}

/**
 * Looks at the inbox of `dataDir` every second and imports what is handed
 * over, one at a time. Returns a function that stops it.
 */
export function watchInbox(db: Database, dataDir: string, log: (line: string) => void): () => void {
  const inbox = inboxOf(dataDir);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void readdir(inbox)
      .catch(() => [] as string[])
      .then(async (names) => {
        for (const name of names.filter((entry) => entry.endsWith(REQUEST)).sort()) await take(db, inbox, name, log);
      })
      .finally(() => (busy = false));
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The command's side: hands `bytes` to the backend running on `dataDir`
 * and waits for the outcome (at most `timeoutMs`; a large Excel export
 * takes tens of seconds). Throws when the backend does not take it.
 */
export async function handOff(
  dataDir: string,
  bytes: Uint8Array,
  request: HandedImport,
  timeoutMs = 10 * 60_000,
): Promise<HandOffOutcome> {
  const inbox = inboxOf(dataDir);
  await mkdir(inbox, { recursive: true });
  const id = `${Date.now()}-${randomUUID()}`;
  await writeFile(join(inbox, `${id}.file`), bytes);
  await writeWhole(join(inbox, `${id}${REQUEST}`), JSON.stringify(request));
  const outcome = join(inbox, `${id}.outcome.json`);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const answer = await readFile(outcome, 'utf8').catch(() => undefined);
    if (answer !== undefined) {
      await rm(outcome, { force: true });
      return JSON.parse(answer) as HandOffOutcome;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  // Withdrawn unless the backend took it meanwhile (then it is imported, and its outcome left for nobody).
  const withdrawn = await rm(join(inbox, `${id}${REQUEST}`)).then(
    () => true,
    () => false,
  );
  if (withdrawn) await rm(join(inbox, `${id}.file`), { force: true });
  throw new CatalogueError(
    withdrawn
      ? `the running backend did not take the import within ${timeoutMs / 1000} s (is it running on this DATA_DIR, and of this version?)`
      : `the running backend took the import but did not answer within ${timeoutMs / 1000} s; its log says how it ended`,
  );
}
