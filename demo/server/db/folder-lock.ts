/**
 * One process per PGlite folder. PGlite is PostgreSQL in this process's
 * memory, writing its own files: a second process on the same folder
 * writes them too, and the two corrupt each other (a running site once
 * listed 61 procedures for 39 codes after a second backend was started on
 * its `.data/`). So the folder is claimed with a lock file holding the
 * process id; a second process is refused with a clear message, and a lock
 * left by a process that died is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Whether process `pid` runs (signal 0 tests for it without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of the live process holding the lock `path`, if one does. */
export function liveHolder(path: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(path, 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(holder) && holder > 0 && isRunning(holder) ? holder : undefined;
}

/** Claims `path` for this process; returns the release. Throws when a live process holds it. */
export function claimFolder(path: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = liveHolder(path);
      if (holder !== undefined) {
        throw new Error(
          `${what} is in use by ${holder === process.pid ? 'this process already' : `another process (pid ${holder})`}: PGlite serves one process only. ` +
            'Stop that one, or use PostgreSQL (DATABASE_URL) to run several.',
          { cause: error },
        );
      }
      // Left by a process that is gone: taken over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not claim ${path}`);
}
