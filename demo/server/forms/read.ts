/**
 * The e-forms of a forms folder, from its files' contents: one JSON file per
 * form, its name (without `.json`) the form's id, in any subfolder but
 * `parts/`, which holds the reusable parts the forms reference (`expand.ts`).
 * The result is every form as a checked `FormDefinition`, or every problem
 * at once, each naming the file, the path inside it and what is wrong, so
 * that an operator who edits the folder can fix it from the message alone.
 *
 * Without file system access (`folder.ts` reads the folder), so that the
 * in-browser demo backend of the stories reads the very same files.
 */
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

/** One file of the folder: its path relative to the folder (with `/`) and its bytes or text. */
export interface FormsFile {
  file: string;
  content: Uint8Array | string;
}

export class FormsFolderError extends Error {
  override name = 'FormsFolderError';
  constructor(
    readonly folder: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Forms folder ${folder}: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n  ${problems.join('\n  ')}`,
    );
  }
}

export interface LoadedForms {
  /** The forms in the order of their files' paths. */
  definitions: readonly FormDefinition[];
  byId: ReadonlyMap<string, FormDefinition>;
  byProcedure: ReadonlyMap<string, readonly string[]>;
  /** Each form's file, relative to the folder, by form id. */
  files: ReadonlyMap<string, string>;
}

/** `sections[2].fields[4].options`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('') ||
  '(top level)';

/** Line and column (from 1) of character `offset` in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
}

/** The text of a file: UTF-8, a byte order mark allowed; undefined when it is not UTF-8. */
function textOf({ content }: FormsFile): string | undefined {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/** A file's JSON, or the problem that stops it being read. */
function readJson(source: FormsFile): { json: Json } | { problem: string } {
  const { file } = source;
  const text = textOf(source);
  if (text === undefined) return { problem: `${file}: not UTF-8 text; save it as UTF-8` };
  try {
    return { json: JSON.parse(text) as Json };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = lineAndColumn(text, position ? Number(position[1]) : text.length);
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
    const { params, body } = parts.get(name)!;
    for (const used of [...partsUsed(params), ...partsUsed(body)]) visit(used, [...trail, name]);
    if (!trail.length) done.add(name);
  };
  for (const name of [...parts.keys()].sort()) visit(name, []);
  return loops;
}

/** The outermost place of `origin`: where the form file references the part it is in. */
const outermost = (origin: Origin): Origin => (origin.usedAt ? outermost(origin.usedAt) : origin);

/** A problem in words, and the place in a form that used the part it is in (merged for the same problem). */
interface Described {
  text: string;
  usedAt?: string;
}

/** A problem at `origin` (`rest` below it) in words: the file and path to edit, and which form used the part. */
export function describeProblem(origin: Origin, rest: Path, message: string): Described {
  const text = `${origin.file}: ${formatPath([...origin.path, ...rest])}: ${message}`;
  if (origin.part) return { text: `${text} (part "${origin.part}" with the reference's properties over it)` };
  const form = outermost(origin);
  return form === origin ? { text } : { text, usedAt: `${form.file}: ${formatPath(form.path)}` };
}

/** The problems in words, each once: a problem inside a part lists every form place that uses it. */
function merged(problems: readonly Described[]): string[] {
  const uses = new Map<string, string[]>();
  for (const { text, usedAt } of problems) uses.set(text, [...(uses.get(text) ?? []), ...(usedAt ? [usedAt] : [])]);
  return [...uses].map(([text, places]) => (places.length ? `${text} (used at ${places.join('; ')})` : text));
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
  // A value of a part's object that the reference did not override: the part wrote it.
  const { inherited } = origin;
  if (inherited && inherited.keys.includes(String(rest[0]))) origin = inherited.origin;
  return { origin, rest };
}

/** One form file, expanded and checked: its definition, or its problems. */
function formOf(file: string, json: Json, parts: ReadonlyMap<string, Part>): FormDefinition | Described[] {
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
function readParts(files: readonly FormsFile[]): { parts: Map<string, Part>; problems: string[] } {
  const parts = new Map<string, Part>();
  const problems = checkNames(
    files.map(({ file }) => file),
    'part name',
  );
  for (const source of files) {
    const read = readJson(source);
    if ('problem' in read) problems.push(read.problem);
    else {
      const part = partOf(source.file, read.json);
      if (Array.isArray(part)) problems.push(...part);
      else parts.set(part.name, part);
    }
  }
  problems.push(...partLoops(parts));
  return { parts, problems };
}

/** The ids of each procedure's forms: one, or one per case (each case names its own, by id). */
function byProcedure(forms: ReadonlyMap<string, FormDefinition>) {
  const result = new Map<string, string[]>();
  for (const [id, form] of forms) result.set(form.procedure, [...(result.get(form.procedure) ?? []), id]);
  return result;
}

/** Reads and checks every form of a folder's files; throws {@link FormsFolderError} with every problem found. */
export function readForms(folder: string, files: readonly FormsFile[]): LoadedForms {
  const isPart = ({ file }: FormsFile) => file.startsWith(`${PARTS}/`);
  const formFiles = files.filter((file) => !isPart(file));
  const { parts, problems } = readParts(files.filter(isPart));
  problems.push(
    ...checkNames(
      formFiles.map(({ file }) => file),
      'form id',
    ),
  );
  if (!formFiles.length) problems.push(`no form file (*.json outside ${PARTS}/)`);
  const found: Described[] = problems.map((text) => ({ text }));
  const forms = new Map<string, FormDefinition>();
  const fileOf = new Map<string, string>();
  for (const source of formFiles) {
    const read = readJson(source);
    const form = 'problem' in read ? [{ text: read.problem }] : formOf(source.file, read.json, parts);
    const id = fileName(source.file);
    if (Array.isArray(form)) found.push(...form);
    else if (!forms.has(id)) {
      forms.set(id, form);
      fileOf.set(id, source.file);
    }
  }
  if (found.length) throw new FormsFolderError(folder, merged(found));
  return { definitions: [...forms.values()], byId: forms, byProcedure: byProcedure(forms), files: fileOf };
}
