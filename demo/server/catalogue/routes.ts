/**
 * The catalogue endpoints of the contract: agencies, fields of activity,
 * procedure search and procedure detail.
 */
import type { Queryable } from '../db/index.js';
import type { ContractHandlers } from '../http/contract.js';
import { HttpError } from '../http/replies.js';
import { fieldsWithCounts, knownAgencyCodes, listAgencies, procedureDetail } from './repository.js';
import { lifeEvents } from './search-data.js';
import { lifeEventsWithCounts, searchProcedures, searchSynonyms } from './search.js';

/**
 * Splits the `agency` parameter and checks each code exists: an unknown
 * code is far more likely a misconfigured widget than a wish for an empty
 * list, so it gets a 404 naming the code instead of silently finding nothing.
 */
async function agencyFilter(db: Queryable, agency: string | undefined): Promise<string[] | undefined> {
  if (agency === undefined) return undefined;
  const codes = agency.split(',');
  const known = await knownAgencyCodes(db, codes);
  const missing = codes.filter((code) => !known.has(code));
  if (missing.length > 0) {
    throw new HttpError(
      404,
      'agency_not_found',
      `Unknown agency code: ${missing.join(', ')}. (Không có cơ quan mã ${missing.join(', ')}.)`,
    );
  }
  return codes;
}

export const procedureNotFound = (code: string): HttpError =>
  new HttpError(404, 'procedure_not_found', `No procedure has the code ${code}. (Không có thủ tục mã ${code}.)`);

export function catalogueHandlers(
  db: Queryable,
): Pick<
  ContractHandlers,
  'listAgencies' | 'listFieldsOfActivity' | 'listLifeEvents' | 'searchProcedures' | 'getProcedure'
> {
  // Read now, so that a bad synonym table or life-event file stops the start, naming the place.
  searchSynonyms();
  lifeEvents();
  return {
    async listAgencies() {
      return { items: await listAgencies(db) };
    },

    async listFieldsOfActivity({ query }) {
      return { items: await fieldsWithCounts(db, await agencyFilter(db, query.agency)) };
    },

    async listLifeEvents({ query }) {
      return { items: await lifeEventsWithCounts(db, await agencyFilter(db, query.agency)) };
    },

    async searchProcedures({ query }) {
      const { q, field, level, event, page, pageSize } = query;
      const agencies = await agencyFilter(db, query.agency);
      const search = { q, field, level, event, agencies, page, pageSize };
      const { items, total, closest } = await searchProcedures(db, search);
      return { items, total, page, pageSize, ...(closest && { closest }) };
    },

    async getProcedure({ params }) {
      const detail = await procedureDetail(db, params.code);
      if (!detail) throw procedureNotFound(params.code);
      return detail;
    },
  };
}
