/**
 * The routes of the contract, version 1, without their schemas: the method
 * and path of each endpoint, one export each. The endpoints table
 * (`endpoints.ts`) adds the schemas to these for the reference backend's
 * router and the OpenAPI document; the REST client (`rest-adapter.ts`)
 * reads them alone, so its requests follow the same table without the
 * schemas of every endpoint in a widget's chunk (a widget carries only the
 * schemas of the answers it checks), and a bundler keeps only the routes a
 * widget calls. Paths are below the API base; `{name}` is a parameter.
 */

export interface Route {
  method: 'GET' | 'POST';
  path: string;
}

export const listAgencies = { method: 'GET', path: '/agencies' } as const satisfies Route;
export const listFields = { method: 'GET', path: '/fields' } as const satisfies Route;
export const searchProcedures = { method: 'GET', path: '/procedures' } as const satisfies Route;
export const getProcedure = { method: 'GET', path: '/procedures/{code}' } as const satisfies Route;
export const getService = { method: 'GET', path: '/service' } as const satisfies Route;
export const listProvinces = { method: 'GET', path: '/units/provinces' } as const satisfies Route;
export const listCommunes = { method: 'GET', path: '/units/provinces/{province}/communes' } as const satisfies Route;
export const getForm = { method: 'GET', path: '/procedures/{code}/form' } as const satisfies Route;
export const submitDossier = { method: 'POST', path: '/dossiers' } as const satisfies Route;
export const lookupDossier = { method: 'POST', path: '/dossiers/lookup' } as const satisfies Route;
export const officerAction = { method: 'POST', path: '/officer/dossiers/{code}/actions' } as const satisfies Route;
export const listDossierAttachments = {
  method: 'GET',
  path: '/officer/dossiers/{code}/attachments',
} as const satisfies Route;

/** Path of the tus endpoint, relative to the API base (`/api/v1/uploads` on the reference backend). */
export const UPLOADS_PATH = '/uploads';

/** The names of a path's `{…}` parameters. */
export type RouteParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | RouteParams<Rest>
  : never;
