/**
 * The paths of the contract, version 1, without their schemas: one export
 * per endpoint, named as in the endpoints table (`endpoints.ts`), which adds
 * the method and the schemas for the reference backend's router and the
 * OpenAPI document. The REST client (`rest-adapter.ts`) reads the paths
 * alone, so its requests follow the same table without the schemas of every
 * endpoint in a widget's chunk (a widget carries only the schemas of the
 * answers it checks), and a bundler keeps only the paths a widget calls.
 * Paths are below the API base; `{name}` is a parameter.
 */

export const listAgencies = '/agencies';
export const listFieldsOfActivity = '/fields';
export const listLifeEvents = '/life-events';
export const searchProcedures = '/procedures';
export const getProcedure = '/procedures/{code}';
export const getService = '/service';
export const listProvinces = '/units/provinces';
export const listCommunes = '/units/provinces/{province}/communes';
export const getForm = '/procedures/{code}/form';
export const submitDossier = '/dossiers';
export const lookupDossier = '/dossiers/lookup';
export const officerAction = '/officer/dossiers/{code}/actions';
export const listDossierAttachments = '/officer/dossiers/{code}/attachments';

/** Path of the tus endpoint, relative to the API base (`/api/v1/uploads` on the reference backend). */
export const UPLOADS_PATH = '/uploads';

/** The names of a path's `{…}` parameters. */
export type RouteParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | RouteParams<Rest>
  : never;
