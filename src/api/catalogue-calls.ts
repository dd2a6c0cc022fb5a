/**
 * The search widget's calls (fields, life events, search), with their
 * answers checked against the contract (see `validated`, errors.ts). A module
 * of its own for the reason given in `form-calls.ts`: the catalogue schemas
 * then travel with the search widget only, not with every widget on a page.
 * A procedure's detail is checked in the detail view's own lazy chunk
 * (`checkedDetail`, procedure-detail.ts): its schema (cases, documents,
 * fees) is the larger part, and a citizen who only searches never needs it.
 */
import type { SearchAdapter } from './adapter.js';
import { FieldOfActivityList, LifeEventList, SearchResult } from './generated/catalogue.js';
import type { SearchQuery } from './contract/requests.js';
import { validated } from './errors.js';

export const listFieldsOfActivity = (adapter: SearchAdapter, agency: string | undefined, signal?: AbortSignal) =>
  validated(FieldOfActivityList, 'field list', adapter.listFieldsOfActivity(agency ? { agency } : {}, { signal }));

/** The life events, or none when the adapter has no such list. */
export const listLifeEvents = async (adapter: SearchAdapter, agency: string | undefined, signal?: AbortSignal) =>
  adapter.listLifeEvents
    ? validated(LifeEventList, 'life events', adapter.listLifeEvents(agency ? { agency } : {}, { signal }))
    : { items: [] };

export const searchProcedures = (adapter: SearchAdapter, query: SearchQuery, signal?: AbortSignal) =>
  validated(SearchResult, 'search result', adapter.searchProcedures(query, { signal }));
