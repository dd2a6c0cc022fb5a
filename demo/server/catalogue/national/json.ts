/**
 * The national procedure database's JSON answers (UPSTREAMS.md §2) as an
 * operator saves them, or as `npm run catalog -- sync` fetches them:
 *
 * - a search answer alone: `[{ID, PROCEDURE_CODE, PROCEDURE_NAME,
 *   FIELD_NAME, IMPLEMENTATION_AGENCY, …}, …]`;
 * - or a bundle with the per-procedure answers keyed by the item's ID:
 *   `{ "search": [...], "steps": {"<ID>": [{CONTENT}, …]},
 *      "requires": {"<ID>": [{REQUIRE_NAME}, …]} }`.
 *
 * Keys we do not use (AMOUNT, ROW_STT, …) are ignored; a key we need that
 * is missing, or a value of the wrong kind, is refused with its JSON path.
 */
import { CatalogueError } from '../seed/index.js';
import type { NationalProcedure } from './procedure.js';
import { convertAll, plainText, procedureCode, requiredText, TEXT_LIMIT } from './values.js';

/** A search item, steps and required documents as the gateway answers them (only the keys we read). */
export interface NationalBundle {
  search: unknown[];
  steps?: Record<string, unknown>;
  requires?: Record<string, unknown>;
}

type Item = Record<string, unknown>;

const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `document` (parsed JSON) looks like national answers rather than something else. */
export const isNationalJson = (document: unknown): boolean =>
  Array.isArray(document) || (isObject(document) && Array.isArray(document.search));

/** `document` as a bundle, or an error saying what it is instead. */
export function nationalBundle(document: unknown, name: string): NationalBundle {
  if (Array.isArray(document)) return { search: document };
  if (!isObject(document) || !Array.isArray(document.search)) {
    throw new CatalogueError(
      `${name}: not national answers (expected a JSON array of search items, or {"search": [...], "steps": {...}, "requires": {...}})`,
    );
  }
  for (const key of ['steps', 'requires'] as const) {
    if (document[key] !== undefined && !isObject(document[key])) {
      throw new CatalogueError(`${name}: ${key}: expected an object keyed by the search items' ID`);
    }
  }
  return document as unknown as NationalBundle;
}

/** The texts under `key` of the answer for procedure `id` in `answers` (steps or requires), in order. */
function answerTexts(answers: Record<string, unknown> | undefined, list: string, id: string, key: string): string[] {
  const answer = answers?.[id];
  if (answer === undefined) return [];
  const path = `${list}["${id}"]`;
  if (!Array.isArray(answer)) throw new CatalogueError(`${path}: expected a JSON array`);
  return answer.flatMap((entry: unknown, i) => {
    if (!isObject(entry)) throw new CatalogueError(`${path}[${i}]: expected an object`);
    const text = plainText(entry[key], `${path}[${i}].${key}`, TEXT_LIMIT);
    return text ? [text] : [];
  });
}

/** The national procedures of `bundle`; every problem named by its JSON path. */
export function nationalProceduresOfJson(bundle: NationalBundle, name: string): NationalProcedure[] {
  return convertAll(name, bundle.search, (item, index): NationalProcedure => {
    const place = `search[${index}]`;
    if (!isObject(item)) throw new CatalogueError(`${place}: expected an object, found ${JSON.stringify(item)}`);
    const id = plainText(item.ID, `${place}.ID`, 40);
    const { code, agencyCode } = procedureCode(item.PROCEDURE_CODE, `${place}.PROCEDURE_CODE`);
    const agencyName = plainText(item.IMPLEMENTATION_AGENCY, `${place}.IMPLEMENTATION_AGENCY`);
    const published = plainText(item.PUBLISHED_AGENCY, `${place}.PUBLISHED_AGENCY`);
    return {
      place,
      code,
      ...(agencyCode && { agencyCode }),
      name: requiredText(item.PROCEDURE_NAME, `${place}.PROCEDURE_NAME`),
      field: requiredText(item.FIELD_NAME, `${place}.FIELD_NAME`),
      ...((agencyName ?? published) && { agencyName: agencyName ?? published }),
      steps: id ? answerTexts(bundle.steps, 'steps', id, 'CONTENT') : [],
      documents: id ? answerTexts(bundle.requires, 'requires', id, 'REQUIRE_NAME') : [],
    };
  });
}
