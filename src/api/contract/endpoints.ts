/**
 * The routes of the contract, version 1. The OpenAPI document and the
 * reference backend's router are both built from this table, so they cannot drift.
 */
import * as z from 'zod/mini';
import { AgencyList, FieldList, ProcedureCode, ProcedureDetail, SearchResult } from './catalog.js';
import { FieldQuery, SearchQuery } from './requests.js';

export const CONTRACT_VERSION = '1.0.0';

export const endpoints = {
  listAgencies: {
    method: 'GET', path: '/agencies', summary: 'List the agencies whose procedures this backend serves',
    response: AgencyList,
  },
  listFields: {
    method: 'GET', path: '/fields', summary: 'List the fields (lĩnh vực) with their number of procedures',
    query: FieldQuery, response: FieldList,
  },
  searchProcedures: {
    method: 'GET', path: '/procedures',
    summary: 'Search procedures; matches with or without diacritics, name matches first',
    query: SearchQuery, response: SearchResult,
  },
  getProcedure: {
    method: 'GET', path: '/procedures/{code}', summary: 'Everything about one procedure',
    params: z.object({ code: ProcedureCode }), response: ProcedureDetail,
  },
} as const;
