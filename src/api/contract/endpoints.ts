/**
 * The endpoints of the contract, version 1: each path of `routes.ts` with
 * its method and schemas. The OpenAPI document and the reference backend's router are
 * both built from this table, and the REST client follows the same routes,
 * so none of them can drift.
 *
 * An entry may have `query` and `params` (from the URL), `body` (JSON),
 * `status` (of success, default 200), `idempotent` (requires the
 * `Idempotency-Key` header), `auth: 'officer'` (requires
 * `Authorization: Bearer <officer token>`) and `errors`: the refusals of its
 * own, as `error.code`s by status. The refusals an endpoint shares with all
 * of its kind follow from the rest of its entry (see `openapi.ts`): 400
 * `validation_failed` for its parameters or body, 400 `invalid_json`, 413
 * and 415 for a body, 400 `idempotency_key_required`, 401 and 403 for the
 * officer's token, 500 `internal_error` for all.
 */
import * as z from 'zod/mini';
import { AgencyList, FieldOfActivityList, LifeEventList, ProcedureDetail, SearchResult } from './catalogue.js';
import { ProcedureCode } from './common.js';
import { DossierCode, DossierReceipt, DossierSubmission } from './dossiers.js';
import { DossierLookup, DossierView, ServiceInfo } from './lookup.js';
import { FormDefinition } from './forms.js';
import { OfficerAction, OfficerAttachmentList } from './officer.js';
import { FieldQuery, FormQuery, SearchQuery } from './requests.js';
import * as routes from './routes.js';
import { CommuneList, ProvinceCode, ProvinceList } from './units.js';

export const CONTRACT_VERSION = '1.0.0';

/** One entry of {@link endpoints}, without the precision of each (what the router, the OpenAPI generator and the tests read). */
export interface EndpointEntry {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  query?: z.ZodMiniType;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Of success; default 200. */
  status?: number;
  idempotent?: boolean;
  auth?: 'officer';
  /** The refusals of its own: `error.code`s by status. */
  errors?: Partial<Record<number, readonly string[]>>;
  response: z.ZodMiniType;
}

/** Every path has its entry, and every entry its path. */
type Complete<T> = { [name in Exclude<keyof typeof routes, 'UPLOADS_PATH'>]: T & { path: (typeof routes)[name] } };

export const endpoints = {
  listAgencies: {
    method: 'GET',
    path: routes.listAgencies,
    summary: 'List the agencies whose procedures this backend serves',
    response: AgencyList,
  },
  listFieldsOfActivity: {
    method: 'GET',
    path: routes.listFieldsOfActivity,
    summary: 'List the fields (lĩnh vực) with their number of procedures',
    query: FieldQuery,
    errors: { 404: ['agency_not_found'] },
    response: FieldOfActivityList,
  },
  listLifeEvents: {
    method: 'GET',
    path: routes.listLifeEvents,
    summary: 'List the life events (sự kiện trong cuộc sống) to browse procedures by, with their number of procedures',
    query: FieldQuery,
    errors: { 404: ['agency_not_found'] },
    response: LifeEventList,
  },
  searchProcedures: {
    method: 'GET',
    path: routes.searchProcedures,
    summary:
      'Search procedures as citizens type: relevance ranking (name first), diacritics, typos, synonyms; closest procedures when nothing matches',
    query: SearchQuery,
    errors: { 404: ['agency_not_found'] },
    response: SearchResult,
  },
  getProcedure: {
    method: 'GET',
    path: routes.getProcedure,
    summary: 'Everything about one procedure',
    params: z.object({ code: ProcedureCode }),
    errors: { 404: ['procedure_not_found'] },
    response: ProcedureDetail,
  },
  getService: {
    method: 'GET',
    path: routes.getService,
    summary: "What this backend does: contract version, the lookup's second secret",
    response: ServiceInfo,
  },
  listProvinces: {
    method: 'GET',
    path: routes.listProvinces,
    summary: 'The 34 provinces and centrally-run cities',
    response: ProvinceList,
  },
  listCommunes: {
    method: 'GET',
    path: routes.listCommunes,
    summary: 'The communes, wards and special zones of a province',
    params: z.object({ province: ProvinceCode }),
    errors: { 404: ['province_not_found'] },
    response: CommuneList,
  },
  getForm: {
    method: 'GET',
    path: routes.getForm,
    summary:
      "The electronic form of a procedure's case that can be filed online (default its first online case; 404 `form_not_found` otherwise)",
    params: z.object({ code: ProcedureCode }),
    query: FormQuery,
    errors: { 404: ['procedure_not_found', 'form_not_found'] },
    response: FormDefinition,
  },
  submitDossier: {
    method: 'POST',
    path: routes.submitDossier,
    summary:
      'File a dossier; a repeat with the same Idempotency-Key returns the first receipt. 400 `validation_failed` names each wrong field; 409 `form_version_changed` when its form or its case changed',
    body: DossierSubmission,
    idempotent: true,
    status: 201,
    errors: {
      404: ['procedure_not_found', 'form_not_found'],
      409: ['form_version_changed'],
      422: ['idempotency_key_reused'],
    },
    response: DossierReceipt,
  },
  lookupDossier: {
    method: 'POST',
    path: routes.lookupDossier,
    summary:
      "A dossier's status and history, by its code and second secret; 404 `dossier_not_found` for either wrong; rate-limited",
    body: DossierLookup,
    errors: { 404: ['dossier_not_found'], 429: ['rate_limited'] },
    response: DossierView,
  },
  officerAction: {
    method: 'POST',
    path: routes.officerAction,
    summary:
      'An officer moves a dossier along its lifecycle; 409 `transition_not_allowed` when the status does not allow it',
    params: z.object({ code: DossierCode }),
    body: OfficerAction,
    auth: 'officer',
    errors: {
      400: ['new_appointment_not_ahead', 'note_too_long'],
      404: ['dossier_not_found'],
      409: ['transition_not_allowed', 'supplement_already_requested', 'not_late'],
    },
    response: DossierView,
  },
  listDossierAttachments: {
    method: 'GET',
    path: routes.listDossierAttachments,
    summary:
      "The files of a filed dossier, for an officer; each one's bytes are at /officer/dossiers/{code}/attachments/{upload}",
    params: z.object({ code: DossierCode }),
    auth: 'officer',
    errors: { 404: ['dossier_not_found'] },
    response: OfficerAttachmentList,
  },
} as const satisfies Complete<EndpointEntry>;
