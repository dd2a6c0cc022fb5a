/**
 * The catalogue file: how an operator loads a commune's or a province's
 * procedures into the backend without touching code (`npm run catalog --
 * import|export`, demo/server/catalogue/file.ts). One JSON document holding
 * the agencies, the fields of activity and the procedures, each procedure
 * naming its agency and field by code instead of repeating them; its JSON
 * Schema is generated from this module and published with the build
 * (`dist/catalogue.schema.json`), so an editor can check a file as it is
 * written.
 *
 * Backend only: no widget imports it.
 */
import * as z from 'zod/mini';
import { Agency, Field, FieldCode, ProcedureDetail } from './catalogue.js';
import { AgencyCode, Text } from './common.js';

/** The `format` every catalogue file names, so that a file of anything else is told apart at once. */
export const CATALOGUE_FORMAT = 'dvc-widgets/catalogue';

const { agency: _agency, field: _field, ...procedureShape } = ProcedureDetail.shape;

/** A procedure as a catalogue file holds it: agency and field by code, and where its data came from. */
export const CatalogueProcedure = z.strictObject({
  ...procedureShape,
  agency: AgencyCode,
  field: FieldCode,
  /** Where the data came from, e.g. "CSDL quốc gia về TTHC, 2025-11-20" or "Quyết định 1234/QĐ-UBND". */
  source: z.optional(Text),
});

export const CatalogueFile = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  /** The version of this format; a later backend reads older versions. */
  version: z.literal(1),
  /** Where the file as a whole came from. */
  source: z.optional(Text),
  agencies: z.array(Agency),
  fields: z.array(Field),
  procedures: z.array(CatalogueProcedure),
});

export type CatalogueProcedure = z.infer<typeof CatalogueProcedure>;
export type CatalogueFile = z.infer<typeof CatalogueFile>;
