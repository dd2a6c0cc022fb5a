/**
 * What the widgets call: an adapter wrapped so that every answer is checked
 * against the contract before a widget sees it. A wrong shape becomes a
 * BackendError('invalid-response') with the zod issues for the console, and
 * the citizen gets a clear message instead of a blank or broken widget.
 */
import * as z from 'zod/mini';
import type { BackendAdapter } from './adapter.js';
import { AgencyList, FieldList, ProcedureDetail, SearchResult } from './contract/catalog.js';
import type { SearchQuery } from './contract/requests.js';
import { BackendError } from './errors.js';
import { safeHref } from './safe-url.js';

// Zod probes for eval (new Function) to speed up objects; under a strict
// Content-Security-Policy that probe is reported as a violation. Widgets run
// on pages with such policies, so they validate without it.
z.config({ jitless: true });

export async function validated<S extends z.ZodMiniType>(schema: S, what: string, answer: Promise<unknown>): Promise<z.infer<S>> {
  const result = schema.safeParse(await answer);
  if (!result.success) {
    throw new BackendError('invalid-response', `The backend's ${what} does not follow the contract.`, { issues: result.error.issues });
  }
  return result.data;
}

export class Backend {
  constructor(readonly adapter: BackendAdapter) {}

  listAgencies(signal?: AbortSignal) {
    return validated(AgencyList, 'agency list', this.adapter.listAgencies({ signal }));
  }

  listFields(agency: string | undefined, signal?: AbortSignal) {
    return validated(FieldList, 'field list', this.adapter.listFields(agency ? { agency } : {}, { signal }));
  }

  searchProcedures(query: SearchQuery, signal?: AbortSignal) {
    return validated(SearchResult, 'search result', this.adapter.searchProcedures(query, { signal }));
  }

  getProcedure(code: string, signal?: AbortSignal) {
    return validated(ProcedureDetail, 'procedure detail', this.adapter.getProcedure(code, { signal }));
  }

  get uploadEndpoint(): string | undefined {
    return this.adapter.uploadEndpoint;
  }

  get uploadHttpStack() {
    return this.adapter.uploadHttpStack;
  }

  /** An adapter's address made safe to put in a link (http or https only). */
  resolveUrl(url: string): string {
    return safeHref(this.adapter.resolveUrl(url), location.href);
  }
}
