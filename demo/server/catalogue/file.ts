/**
 * Reading and writing catalogue files (src/api/contract/catalogue-file.ts):
 * the bytes an operator hands to `npm run catalog -- import` become a
 * checked catalogue, or an error that names the place at fault (file, line
 * and column for broken JSON; the path inside the document and the
 * procedure's code for a value that breaks the contract); and the catalogue
 * the database holds becomes a file again, in one canonical order (entries
 * by code, keys in the schema's order), so that an export, imported and
 * exported again, comes out byte for byte the same.
 *
 * Encodings: UTF-8, with or without a byte order mark (Notepad writes one).
 * Anything else (a file saved as Windows-1258 by an old Vietnamese editor)
 * is refused with the offset of the first byte that is not UTF-8, rather
 * than imported as mojibake that citizens would then search for.
 */
import * as z from 'zod/mini';
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  CatalogueFile,
  type CatalogueProcedure,
} from '../../../src/api/contract/catalogue-file.js';
import type { CatalogueEntry } from './cases.js';
import { type Catalogue, CatalogueError, fieldsOfActivity } from './model.js';

/**
 * The ids of the e-forms written for a procedure (`formIdsFor`,
 * forms/index.ts): a file of version 1 meant its only one by "filed
 * online". Passed in, so that this module reads no forms folder and runs in
 * a browser too (Storybook's seed).
 */
export type FormIdsFor = (procedure: string) => readonly string[];

export { CatalogueError };

const BOM = [0xef, 0xbb, 0xbf];

/** The text of `bytes`, UTF-8 with or without a BOM; refuses any other encoding, naming the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  const body = BOM.every((byte, i) => bytes[i] === byte) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw new CatalogueError(
      `${name}: not UTF-8 (byte ${at} is 0x${body[at]!.toString(16).padStart(2, '0')}). ` +
        'Save the file as UTF-8; a file from an old Vietnamese editor is often Windows-1258 ' +
        '(convert it with: iconv -f CP1258 -t UTF-8 file > file.utf8.json).',
    );
  }
}

/** The offset of the first byte of `bytes` that does not continue valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (a prefix may end inside a character: allow 3 more bytes).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, middle), { stream: true });
      decoder.decode();
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return Math.min(low, bytes.length - 1);
}

/** Line and column (from 1) of character `offset` in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** The JSON in `text`, or an error naming the line and column where it breaks. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : 'somewhere';
    const html = /^\s*</.test(text) ? ' (this looks like an HTML page, not JSON)' : '';
    throw new CatalogueError(`${name}: not JSON at ${where}${html}: ${message}`);
  }
}

/** `procedures[3].documents[0].name`, with the procedure's code where there is one. */
function describePath(path: readonly PropertyKey[], document: unknown): string {
  let text = '';
  let node: unknown = document;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    const code = (node as { code?: unknown } | undefined)?.code;
    if (typeof key === 'number' && typeof code === 'string') text += ` (${code})`;
  }
  return text || '(the document)';
}

/** The checked catalogue file in `bytes`, or a {@link CatalogueError} naming every place at fault (at most 20). */
export const readCatalogueFile = (bytes: Uint8Array, name: string, formIdsFor?: FormIdsFor): CatalogueFile =>
  checkedCatalogueFile(parseJson(decodeUtf8(bytes, name), name), name, formIdsFor);

/**
 * `document` (parsed JSON) as a checked catalogue file, or a
 * {@link CatalogueError} naming the places at fault. A file of version 1
 * that files procedures online needs `formIdsFor`.
 */
export function checkedCatalogueFile(document: unknown, name: string, formIdsFor?: FormIdsFor): CatalogueFile {
  const format = (document as { format?: unknown } | null)?.format;
  if (format !== CATALOGUE_FORMAT) {
    throw new CatalogueError(
      `${name}: not a catalogue file ("format" is ${JSON.stringify(format)}, expected "${CATALOGUE_FORMAT}").`,
    );
  }
  // zod/mini words no messages of its own: English ones for this parse only (the operator reads them).
  const result = CatalogueFile.safeParse(upgraded(document, name, formIdsFor), { error: z.locales.en().localeError });
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 20)
      .map((issue) => `  ${describePath(issue.path, document)}: ${issue.message}`);
    throw new CatalogueError(`${name}: ${result.error.issues.length} problem(s)\n${problems.join('\n')}`);
  }
  checkReferences(result.data, name);
  return result.data;
}

type Json = Record<string, unknown>;

/**
 * A file of version 1 as version 2 says it: each procedure's documents,
 * fees and processing time become its one case (named as the procedure,
 * so nothing new shows), and `onlineSubmission` names the e-form written
 * for it. Anything else is left for the schema to judge.
 */
function upgraded(document: unknown, name: string, formIdsFor: FormIdsFor | undefined): unknown {
  const file = document as Json;
  if (file.version !== 1 || !Array.isArray(file.procedures)) return document;
  const procedures = file.procedures.map((entry: unknown) => {
    if (entry === null || typeof entry !== 'object') return entry;
    const { documents, fees, processingTime, onlineSubmission, ...procedure } = entry as Json;
    const online = onlineSubmission === true && typeof procedure.code === 'string';
    if (online && !formIdsFor)
      throw new CatalogueError(`${name}: a file of version 1 that files procedures online is read by the backend only`);
    const form = online ? onlyForm(name, procedure.code as string, formIdsFor!) : undefined;
    const only = { code: 'chung', name: procedure.name, documents, fees, processingTime, ...(form && { form }) };
    return { ...procedure, cases: [only] };
  });
  return { ...file, version: CATALOGUE_VERSION, procedures };
}

/** The e-form a file of version 1 meant for `code`: its only one; with one per case, the file cannot say. */
function onlyForm(name: string, code: string, formIdsFor: FormIdsFor): string | undefined {
  const ids = formIdsFor(code);
  if (ids.length > 1)
    throw new CatalogueError(
      `${name}: procedure ${code} has an e-form per case (${ids.join(', ')}), and a file of version 1 cannot say ` +
        'which case each is for: write the file in version 2, naming each case\'s "form"',
    );
  return ids[0];
}

/** Codes appear once; every procedure's agency and field are in the file's lists. */
function checkReferences(file: CatalogueFile, name: string): void {
  const problems: string[] = [];
  const once = (list: 'agencies' | 'fields' | 'procedures') => {
    const seen = new Map<string, number>();
    file[list].forEach(({ code }, i) => {
      if (seen.has(code))
        problems.push(`${list}[${i}] (${code}): the code appears twice (first at ${list}[${seen.get(code)}])`);
      else seen.set(code, i);
    });
    return seen;
  };
  const agencies = once('agencies');
  const fields = once('fields');
  once('procedures');
  file.procedures.forEach(({ code, agency, field }, i) => {
    if (!agencies.has(agency)) problems.push(`procedures[${i}] (${code}).agency: "${agency}" is not in "agencies"`);
    if (!fields.has(field)) problems.push(`procedures[${i}] (${code}).field: "${field}" is not in "fields"`);
  });
  if (problems.length > 0) {
    throw new CatalogueError(
      `${name}: ${problems.length} problem(s)\n${problems
        .slice(0, 20)
        .map((p) => `  ${p}`)
        .join('\n')}`,
    );
  }
}

/** The catalogue a file describes, procedures with their agency and field whole, as the database is written. */
export function catalogueOf(file: CatalogueFile): Catalogue {
  const agencies = new Map(file.agencies.map((agency) => [agency.code, agency]));
  const fields = new Map(file.fields.map((field) => [field.code, field]));
  return {
    agencies: file.agencies,
    fields: file.fields,
    procedures: file.procedures.map((procedure) => ({
      ...procedure,
      agency: agencies.get(procedure.agency)!,
      field: fields.get(procedure.field)!,
    })),
  };
}

const byCode = <T extends { code: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The canonical file of `catalogue`: entries by code, keys in the schema's order, absent optionals left out. */
export function catalogueFileOf(catalogue: Catalogue, source?: string): CatalogueFile {
  const procedures = catalogue.procedures.map(({ agency, field, ...rest }: CatalogueEntry): CatalogueProcedure => ({
    ...rest,
    agency: agency.code,
    field: field.code,
  }));
  return z.parse(CatalogueFile, {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    ...(source && { source }),
    agencies: byCode(catalogue.agencies),
    fields: byCode(fieldsOfActivity(catalogue)),
    procedures: byCode(procedures),
  });
}

/** The file's bytes: two-space JSON and a final newline, as editors and diffs like it. */
export const catalogueFileText = (file: CatalogueFile): string => `${JSON.stringify(file, null, 2)}\n`;
