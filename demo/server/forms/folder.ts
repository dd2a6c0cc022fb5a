/**
 * The forms folder (`FORMS_DIR`) on disk: its JSON files, read and checked
 * by `read.ts`. The backend refuses to start on a broken folder, and
 * `npm run forms -- check` says the same before a deploy.
 *
 * A running backend re-reads the folder when its files change
 * ({@link FormsFolder}): an edit reaches citizens without a restart, and an
 * edit that breaks the folder is logged and ignored (the forms read last stay).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FormsFolderError, type LoadedForms, readForms } from './read.js';

/** The `.json` files under `folder`, relative to it with `/`, in a stable order. */
export function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** What changes when any file of the folder does: each file's path, size and modification time. */
export function folderStamp(folder: string): string {
  return jsonFiles(folder)
    .map((file) => {
      const { size, mtimeMs } = statSync(join(folder, file));
      return `${file}:${size}:${mtimeMs}`;
    })
    .join('\n');
}

/** Reads and checks every form of `folder`; throws {@link FormsFolderError} with every problem found. */
export function readFormsFolder(folder: string): LoadedForms {
  let files: string[];
  try {
    files = jsonFiles(folder);
  } catch (error) {
    throw new FormsFolderError(folder, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  return readForms(
    folder,
    files.map((file) => ({ file, content: readFileSync(join(folder, file)) })),
  );
}

/**
 * The forms of a folder as a running backend needs them: read once, then
 * read again when a file changed (checked at most every `recheckMs`, on the
 * next request that asks for a form: no watcher to leak or to miss events
 * on a network volume). A changed folder that no longer reads is logged once
 * and the forms read before stay.
 */
export class FormsFolder {
  private loaded?: LoadedForms;
  private stamp = '';
  private checkedAt = 0;
  private refusedStamp = '';

  constructor(
    readonly folder: string,
    private readonly options: { recheckMs?: number; log?: (message: string) => void } = {},
  ) {}

  /** Reads the folder now; throws {@link FormsFolderError} when it is broken. */
  load(): LoadedForms {
    const stamp = folderStamp(this.folder);
    this.loaded = readFormsFolder(this.folder);
    [this.stamp, this.checkedAt] = [stamp, Date.now()];
    return this.loaded;
  }

  /** The forms, read again first when a file of the folder changed since. */
  current(): LoadedForms {
    if (!this.loaded) return this.load();
    const now = Date.now();
    if (now - this.checkedAt < (this.options.recheckMs ?? 1000)) return this.loaded;
    this.checkedAt = now;
    const stamp = this.stampOrOld();
    if (stamp === this.stamp || stamp === this.refusedStamp) return this.loaded;
    try {
      return this.load();
    } catch (error) {
      if (!(error instanceof FormsFolderError)) throw error;
      this.refusedStamp = stamp;
      (this.options.log ?? console.error)(`${error.message}\n  The forms read before stay in use.`);
      return this.loaded;
    }
  }

  private stampOrOld(): string {
    try {
      return folderStamp(this.folder);
    } catch {
      return this.stamp;
    }
  }
}
