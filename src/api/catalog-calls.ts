/**
 * The search widget's calls (fields, search, a procedure's detail), with
 * their answers checked against the contract (see `backend.ts`). Apart from
 * `backend.ts` for the reason given in `form-calls.ts`: the catalog schemas
 * then travel with the search widget only, not with every widget on a page.
 */
import type { Backend } from './backend.js';
import { validated } from './backend.js';
import { FieldList, ProcedureDetail, SearchResult } from './generated/catalog.js';
import type { SearchQuery } from './contract/requests.js';

export const listFields = ({ adapter }: Backend, agency: string | undefined, signal?: AbortSignal) =>
  validated(FieldList, 'field list', adapter.listFields(agency ? { agency } : {}, { signal }));

export const searchProcedures = ({ adapter }: Backend, query: SearchQuery, signal?: AbortSignal) =>
  validated(SearchResult, 'search result', adapter.searchProcedures(query, { signal }));

export const getProcedure = ({ adapter }: Backend, code: string, signal?: AbortSignal) =>
  validated(ProcedureDetail, 'procedure detail', adapter.getProcedure(code, { signal }));
