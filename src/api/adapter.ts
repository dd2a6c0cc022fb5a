/**
 * What each widget asks of a backend, one interface per widget. The REST
 * client (`rest-adapter.ts`) speaks our contract and implements them all; a
 * site whose procedures live in another system implements only the
 * interface of the widget it uses (a search box needs three calls, not ten)
 * and sets it as the `adapter` property of that widget or of `<dvc-provider>`.
 * Widgets validate whatever an adapter returns against the contract (see
 * `validated`, errors.ts), so an adapter cannot break a widget with a wrong shape.
 */
import type { HttpStack } from 'tus-js-client';
import type { FieldOfActivityList, LifeEventList, ProcedureDetail, SearchResult } from './contract/catalogue.js';
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

/** Addresses the backend gives (a form template, a legal text), for a widget that shows them as links. */
export interface LinkResolver {
  /** Turns an address the backend gave (maybe relative) into one the browser can open. */
  resolveUrl(url: string): string;
}

/** What `<dvc-procedure-search>` calls. */
export interface SearchAdapter extends LinkResolver {
  listFieldsOfActivity(query: { agency?: string }, options?: RequestOptions): Promise<FieldOfActivityList>;
  /** Life events to browse by; a backend without them leaves this out and the widget offers none. */
  listLifeEvents?(query: { agency?: string }, options?: RequestOptions): Promise<LifeEventList>;
  searchProcedures(query: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  getProcedure(code: string, options?: RequestOptions): Promise<ProcedureDetail>;
}

/** What `<dvc-attachment-upload>` needs: where its tus requests go, and how. */
export interface UploadAdapter {
  /** The tus endpoint that takes attachments, if this backend takes any. */
  readonly uploadEndpoint?: string | undefined;
  /** A tus-js-client HTTP stack to send uploads through, where `fetch`/XHR to `uploadEndpoint` will not do. */
  readonly uploadHttpStack?: HttpStack | undefined;
}

/** What `<dvc-dossier-form>` calls; it hands itself to the upload elements of its documents. */
export interface FormAdapter extends LinkResolver, UploadAdapter {
  /** The form of a procedure's case (`caseCode`), or of its first case filed online. */
  getForm(procedure: string, caseCode: string | undefined, options?: RequestOptions): Promise<FormDefinition>;
  listProvinces(options?: RequestOptions): Promise<ProvinceList>;
  listCommunes(province: string, options?: RequestOptions): Promise<CommuneList>;
  submitDossier(submission: DossierSubmission, options: SubmitOptions): Promise<DossierReceipt>;
}

/** What `<dvc-status-lookup>` calls. */
export interface LookupAdapter {
  getService(options?: RequestOptions): Promise<ServiceInfo>;
  lookupDossier(lookup: DossierLookup, options?: RequestOptions): Promise<DossierView>;
}

/** A backend for every widget, as the REST client is. */
export interface BackendAdapter extends SearchAdapter, FormAdapter, LookupAdapter {}

/**
 * Any widget's adapter: what `<dvc-provider>` hands down, and what the base
 * element takes. A provider's adapter must serve the widgets inside it.
 */
export type WidgetAdapter = SearchAdapter | UploadAdapter | FormAdapter | LookupAdapter;
