/**
 * The forms folder (`FORMS_DIR`): one JSON file per e-form, its name (without
 * `.json`) the form's id, in any subfolder but `parts/`, which holds the
 * reusable parts the forms reference (`expand.ts`). Reading it yields every
 * form as a checked `FormDefinition`, or every problem at once, each naming
 * the file, the path inside it and what is wrong, so that an operator who
 * edits the folder can fix it from the message alone: the backend refuses
 * to start on a broken folder, and `npm run forms -- check` says the same
 * before a deploy.
 *
 * A running backend re-reads the folder when its files change
 * ({@link FormsFolder}): an edit reaches citizens without a restart, and an
 * edit that breaks the folder is logged and ignored (the forms read last stay).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { definitionIssues } from './check.js';
import {
  Expansion,
  isObject,
  type Json,
  type JsonObject,
  NOTE_KEYS,
  type Origin,
  type Part,
  partsUsed,
  type Path,
} from './expand.js';

/** The folder of reusable parts, inside the forms folder. */
export const PARTS = 'parts';
/** A form id or a part name: what a file may be called (a catalogue case names its form by it). */
const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class FormsFolderError extends Error {
  override name = 'FormsFolderError';
  constructor(
    readonly folder: string,
    readonly problems: readonly string[],
  ) {
    super(`Forms folder ${folder}: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n  ${problems.join('\n  ')}`);
  }
}

export interface LoadedForms {
  /** The forms in the order of their files' paths. */
  definitions: readonly FormDefinition[];
  byId: ReadonlyMap<string, FormDefinition>;
  byProcedure: ReadonlyMap<string, FormDefinition>;
  /** Each form's file, relative to the folder, by form id. */
  files: ReadonlyMap<string, string>;
}

/** `sections[2].fields[4].options`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('') ||
  '(top level)';

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

/** Line and column (from 1) of character `offset` in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/** A file's JSON (UTF-8, a byte order mark allowed), or the problem that stops it being read. */
function readJson(folder: string, file: string): { json: Json } | { problem: string } {
  const bytes = readFileSync(join(folder, file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: `${file}: not UTF-8 text; save it as UTF-8` };
  }
  try {
    return { json: JSON.parse(text) as Json };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : 'the end';
    return { problem: `${file}: not JSON at ${where}: ${message}` };
  }
}

/** `ho-tich/khai-sinh.json` → `khai-sinh`: a form's id, a part's name. */
const fileName = (file: string): string => file.slice(file.lastIndexOf('/') + 1, -'.json'.length);

function checkNames(files: readonly string[], what: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = fileName(file);
    if (!NAME.test(name)) problems.push(`${file}: "${name}" cannot be a ${what}: use a-z, 0-9 and "-" (at most 64)`);
    const other = seen.get(name);
    if (other) problems.push(`${file}: the ${what} "${name}" is already that of ${other}`);
    seen.set(name, file);
  }
  return problems;
}

/** A part file's `params` and `body`, or the problems of its shape. */
function partOf(file: string, json: Json): Part | string[] {
  if (!isObject(json)) return [`${file}: (top level): a part file is an object with "params" and "body"`];
  const { params = {}, body, ...rest } = json;
  const problems = Object.keys(rest)
    .filter((key) => !NOTE_KEYS.has(key))
    .map((key) => `${file}: ${key}: unknown property (a part file has "params" and "body")`);
  if (!isObject(params)) problems.push(`${file}: params: must be an object of parameters and their defaults`);
  if (body === undefined) problems.push(`${file}: body: missing (the value the part stands for)`);
  if (problems.length) return problems;
  return { name: fileName(file), file, params: params as JsonObject, body: body! };
}

/** Each loop of parts referencing each other, as `a → b → a` with their files. */
function partLoops(parts: ReadonlyMap<string, Part>): string[] {
  const loops: string[] = [];
  const done = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (trail.includes(name)) {
      const loop = [...trail.slice(trail.indexOf(name)), name];
      if (loop[0] === [...loop].sort()[0]) {
        loops.push(`${parts.get(name)!.file}: parts used in a loop: ${loop.join(' → ')}`);
      }
      return;
    }
    if (done.has(name) || !parts.has(name)) return;
    for (const used of partsUsed(parts.get(name)!.body)) visit(used, [...trail, name]);
    if (!trail.length) done.add(name);
  };
  for (const name of [...parts.keys()].sort()) visit(name, []);
  return loops;
}

/** The outermost place of `origin`: where the form file references the part it is in. */
const outermost = (origin: Origin): Origin => (origin.usedAt ? outermost(origin.usedAt) : origin);

/** A problem at `origin` (`rest` below it) in words: the form file and path first, the part's place after. */
export function describeProblem(origin: Origin, rest: Path, message: string): string {
  const form = outermost(origin);
  if (form === origin) {
    const merged = origin.part ? ` (part "${origin.part}" with the reference's properties over it)` : '';
    return `${origin.file}: ${formatPath([...origin.path, ...rest])}: ${message}${merged}`;
  }
  return `${form.file}: ${formatPath(form.path)}: ${message} (in ${origin.file}: ${formatPath([...origin.path, ...rest])})`;
}

/** The place where the value at `path` of an expanded document was written. */
function locate(expansion: Expansion, document: Json, file: string, path: readonly PropertyKey[]) {
  let origin: Origin = expansion.origins.get(document as object) ?? { file, path: [] };
  let rest: Path = [];
  let node: unknown = document;
  for (const key of path) {
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    rest.push(key as string | number);
    const known = typeof node === 'object' && node !== null ? expansion.origins.get(node) : undefined;
    if (known) [origin, rest] = [known, []];
  }
  return { origin, rest };
}

/** One form file, expanded and checked: its definition, or its problems. */
function formOf(file: string, json: Json, parts: ReadonlyMap<string, Part>): FormDefinition | string[] {
  const expansion = new Expansion(parts);
  const document = expansion.document(file, json);
  const problems = expansion.problems.map(({ origin, message }) => describeProblem(origin, [], message));
  if (problems.length) return problems;
  const issues = definitionIssues(document);
  if (!issues.length) return document as unknown as FormDefinition;
  return issues.map(({ path, message }) => {
    const { origin, rest } = locate(expansion, document, file, path);
    return describeProblem(origin, rest, message);
  });
}

/** The parts of the folder by name, with the problems of their files. */
function readParts(folder: string, files: readonly string[]): { parts: Map<string, Part>; problems: string[] } {
  const parts = new Map<string, Part>();
  const problems = checkNames(files, 'part name');
  for (const file of files) {
    const read = readJson(folder, file);
    if ('problem' in read) problems.push(read.problem);
    else {
      const part = partOf(file, read.json);
      if (Array.isArray(part)) problems.push(...part);
      else parts.set(part.name, part);
    }
  }
  problems.push(...partLoops(parts));
  return { parts, problems };
}

/** The `.json` files of `folder`, or the problem that it cannot be listed. */
function listFolder(folder: string): string[] {
  try {
    return jsonFiles(folder);
  } catch (error) {
    throw new FormsFolderError(folder, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
}

/** Each form by procedure; a second form of a procedure is a problem (which form would `formFor` answer?). */
function byProcedure(forms: ReadonlyMap<string, FormDefinition>, files: ReadonlyMap<string, string>, problems: string[]) {
  const result = new Map<string, FormDefinition>();
  const fileOf = new Map<string, string>();
  for (const [id, form] of forms) {
    const other = fileOf.get(form.procedure);
    if (other) problems.push(`${files.get(id)}: procedure ${form.procedure} already has a form, ${other}`);
    else [result.set(form.procedure, form), fileOf.set(form.procedure, files.get(id)!)];
  }
  return result;
}

/** Reads and checks every form of `folder`; throws {@link FormsFolderError} with every problem found. */
export function readFormsFolder(folder: string): LoadedForms {
  const files = listFolder(folder);
  const formFiles = files.filter((file) => !file.startsWith(`${PARTS}/`));
  const { parts, problems } = readParts(
    folder,
    files.filter((file) => file.startsWith(`${PARTS}/`)),
  );
  problems.push(...checkNames(formFiles, 'form id'));
  if (!formFiles.length) problems.push(`no form file (*.json outside ${PARTS}/)`);
  const forms = new Map<string, FormDefinition>();
  const fileOf = new Map<string, string>();
  for (const file of formFiles) {
    const read = readJson(folder, file);
    const form = 'problem' in read ? [read.problem] : formOf(file, read.json, parts);
    if (Array.isArray(form)) problems.push(...form);
    else if (!forms.has(fileName(file))) {
      forms.set(fileName(file), form);
      fileOf.set(fileName(file), file);
    }
  }
  const procedures = byProcedure(forms, fileOf, problems);
  if (problems.length) throw new FormsFolderError(folder, problems);
  return { definitions: [...forms.values()], byId: forms, byProcedure: procedures, files: fileOf };
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
