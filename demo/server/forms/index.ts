/**
 * The electronic forms (tờ khai điện tử) of the procedures this backend
 * accepts online: JSON files in the forms folder (`FORMS_DIR`, default
 * `demo/server/forms/data/`; `folder.ts` reads and checks it, `expand.ts`
 * puts in the parts the forms share). A case of a procedure is filed online
 * exactly when the catalogue names its form by id ({@link formById}: the
 * form file's name); the import refuses a case whose form does not exist or
 * was written for another procedure, so the search never offers to file a
 * case that has no form.
 *
 * The folder is read when this module loads; `main.ts` calls
 * {@link loadForms} first thing, so a broken folder stops the start with the
 * folder's problems. Afterwards every look-up notices a changed folder (at
 * most one check a second) and reads it again: `formDefinitions` is a live
 * binding, always the forms in use.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { FormsFolder } from './folder.js';
import { FormsFolderError, type LoadedForms } from './read.js';

/** The forms folder: `FORMS_DIR` (relative to the working directory), or the demo's own. */
export const FORMS_DIR = process.env.FORMS_DIR
  ? resolve(process.env.FORMS_DIR)
  : fileURLToPath(new URL('./data/', import.meta.url));

const folder = new FormsFolder(FORMS_DIR);

/** Every form in use, in the order of their files. Empty when the folder did not read at start (see `loadForms`). */
export let formDefinitions: readonly FormDefinition[] = [];

/** The forms in use, read again when the folder changed; throws {@link FormsFolderError} when it never read. */
function forms(): LoadedForms {
  const loaded = folder.current();
  formDefinitions = loaded.definitions;
  return loaded;
}

/** Reads the forms folder (at start-up); throws {@link FormsFolderError} with every problem of a broken one. */
export function loadForms(): LoadedForms {
  const loaded = folder.load();
  formDefinitions = loaded.definitions;
  return loaded;
}

try {
  loadForms();
} catch (error) {
  // Reported by main.ts's own call, as a message rather than a failed import.
  if (!(error instanceof FormsFolderError)) throw error;
}

/** The form whose file is `<id>.json`, as a catalogue case names it. */
export const formById = (id: string): FormDefinition | undefined => forms().byId.get(id);

/** The ids of the forms written for procedure `code` (a catalogue file of version 1 meant its only one by "filed online"). */
export const formIdsFor = (code: string): readonly string[] => forms().byProcedure.get(code) ?? [];

export { FormsFolderError };
