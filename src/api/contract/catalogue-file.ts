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
import { Agency, FieldOfActivity, Slug, ProcedureCase, ProcedureDetail } from './catalogue.js';
import { AgencyCode, Text } from './common.js';

/** The `format` every catalogue file names, so that a file of anything else is told apart at once. */
export const CATALOGUE_FORMAT = 'dvc-widgets/catalogue';

/**
 * The version this backend writes. Version 1 had no cases: a procedure held
 * the documents, fees and processing time of its one case itself, and said
 * `onlineSubmission` where version 2 names the case's e-form. The backend
 * still reads it (demo/server/catalogue/file.ts upgrades it).
 */
export const CATALOGUE_VERSION = 2;

/** Id of an e-form: its file's name in the forms folder (`FORMS_DIR`), e.g. `khai-sinh`. */
export const FormId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

const { onlineSubmission: _online, ...caseShape } = ProcedureCase.shape;

/**
 * A case as a catalogue file holds it: it names its e-form, and can be
 * filed online exactly when it has one. A case may list no documents (a
 * notice of stay asks for none, and a published list often gives none);
 * the import warns of it, and citizens are told to ask the desk.
 */
export const CatalogueCase = z.strictObject({ ...caseShape, form: z.optional(FormId) });

const {
  agency: _agency,
  field: _field,
  processingTime: _time,
  onlineSubmission: _onlineSubmission,
  cases: _cases,
  ...procedureShape
} = ProcedureDetail.shape;

/**
 * A procedure as a catalogue file holds it: agency and field by code, its
 * cases with their e-forms, and where its data came from. What a listing
 * shows of it is derived (the first case's time, online when a case is).
 */
export const CatalogueProcedure = z.strictObject({
  ...procedureShape,
  agency: AgencyCode,
  field: Slug,
  cases: z.array(CatalogueCase).check(z.minLength(1), z.maxLength(30)),
  /** Where the data came from, e.g. "CSDL quốc gia về TTHC, 2025-11-20" or "Quyết định 1234/QĐ-UBND". */
  source: z.optional(Text),
});

export const CatalogueFile = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  /** The version of this format; a later backend reads older versions. */
  version: z.literal(CATALOGUE_VERSION),
  /** Where the file as a whole came from. */
  source: z.optional(Text),
  agencies: z.array(Agency),
  fields: z.array(FieldOfActivity),
  procedures: z.array(CatalogueProcedure),
});

export type CatalogueCase = z.infer<typeof CatalogueCase>;
export type CatalogueProcedure = z.infer<typeof CatalogueProcedure>;
export type CatalogueFile = z.infer<typeof CatalogueFile>;
