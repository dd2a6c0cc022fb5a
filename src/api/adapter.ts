/**
 * The backend adapter interface. The REST adapter speaks our contract; a site
 * whose procedures live in another system implements these methods and
 * sets the `adapter` property on a widget or on `<dvc-provider>`. Widgets
 * validate whatever an adapter returns against the contract (see `backend.ts`),
 * so an adapter cannot break a widget with a wrong shape.
 */
import type { HttpStack } from 'tus-js-client';
import type { AgencyList, FieldList, ProcedureDetail, SearchResult } from './contract/catalog.js';
import type { SearchQuery } from './contract/requests.js';

export interface RequestOptions {
  /** Aborted when the widget no longer needs the answer (a newer search, the element removed). */
  signal?: AbortSignal;
}

export interface BackendAdapter {
  listAgencies(options?: RequestOptions): Promise<AgencyList>;
  listFields(query: { agency?: string }, options?: RequestOptions): Promise<FieldList>;
  searchProcedures(query: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  getProcedure(code: string, options?: RequestOptions): Promise<ProcedureDetail>;
  /** Turns an address the backend gave (maybe relative, e.g. a form template) into one the browser can open. */
  resolveUrl(url: string): string;
  /** The tus endpoint that takes attachments, if this backend takes any. */
  readonly uploadEndpoint?: string | undefined;
  /** A tus-js-client HTTP stack to send uploads through, where `fetch`/XHR to `uploadEndpoint` will not do. */
  readonly uploadHttpStack?: HttpStack | undefined;
}
