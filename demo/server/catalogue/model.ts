/**
 * The catalogue as the backend writes it (agencies, fields of activity,
 * procedures with their cases) and the error that names what is wrong with
 * one. Pure, with no database and no forms folder, so that the catalogue
 * file's reader and the Storybook previews can use it in a browser too.
 */
import type { Agency, FieldOfActivity } from '../../../src/api/contract/index.js';
import type { CatalogueEntry } from './cases.js';

/** A catalogue that cannot be imported; the message names the place at fault. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

export interface Catalogue {
  agencies: Agency[];
  /** The fields of activity; default: those the procedures name. */
  fields?: FieldOfActivity[];
  /** Each with its cases and where its data came from, when known. */
  procedures: CatalogueEntry[];
}

/** The catalogue's fields of activity: those it lists, or else those its procedures name, each once. */
export const fieldsOfActivity = (catalogue: Catalogue): FieldOfActivity[] =>
  catalogue.fields ?? [...new Map(catalogue.procedures.map(({ field }) => [field.code, field])).values()];
