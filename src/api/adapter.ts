/**
 * The backend adapter interface. The REST adapter speaks our contract; a site
 * whose procedures live in another system implements these methods and
 * sets the `adapter` property on a widget or on `<dvc-provider>`. Widgets
 * validate whatever an adapter returns against the contract (see `backend.ts`),
 * so an adapter cannot break a widget with a wrong shape.
 */
import type { HttpStack } from 'tus-js-client';
import type { AgencyList, FieldList, ProcedureDetail, SearchResult } from './contract/catalogue.js';
import type { DossierReceipt, DossierSubmission } from './contract/dossiers.js';
import type { DossierLookup, DossierView, ServiceInfo } from './contract/lookup.js';
import type { FormDefinition } from './contract/forms.js';
import type { SearchQuery } from './contract/requests.js';
import type { CommuneList, ProvinceList } from './contract/units.js';

export interface RequestOptions {
  /** Aborted when the widget no longer needs the answer (a newer search, the element removed). */
  signal?: AbortSignal;
}

export interface SubmitOptions extends RequestOptions {
  /** Generated once per dossier and repeated on every retry: the backend files one dossier per key. */
  idempotencyKey: string;
}

export interface BackendAdapter {
  listAgencies(options?: RequestOptions): Promise<AgencyList>;
  listFields(query: { agency?: string }, options?: RequestOptions): Promise<FieldList>;
  searchProcedures(query: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  getProcedure(code: string, options?: RequestOptions): Promise<ProcedureDetail>;
  getService(options?: RequestOptions): Promise<ServiceInfo>;
  listProvinces(options?: RequestOptions): Promise<ProvinceList>;
  listCommunes(province: string, options?: RequestOptions): Promise<CommuneList>;
  getForm(procedure: string, options?: RequestOptions): Promise<FormDefinition>;
  submitDossier(submission: DossierSubmission, options: SubmitOptions): Promise<DossierReceipt>;
  lookupDossier(lookup: DossierLookup, options?: RequestOptions): Promise<DossierView>;
  /** Turns an address the backend gave (maybe relative, e.g. a form template) into one the browser can open. */
  resolveUrl(url: string): string;
  /** The tus endpoint that takes attachments, if this backend takes any. */
  readonly uploadEndpoint?: string | undefined;
  /** A tus-js-client HTTP stack to send uploads through, where `fetch`/XHR to `uploadEndpoint` will not do. */
  readonly uploadHttpStack?: HttpStack | undefined;
}
