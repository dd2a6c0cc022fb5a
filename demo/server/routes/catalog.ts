/**
 * The catalog endpoints of the contract: agencies, fields, procedure search
 * and procedure detail.
 */
import type { Queryable } from '../db/index.js';
import { HttpError } from '../http.js';
import {
  type AgencyRow,
  type DetailColumn,
  PROCEDURES_JOINED,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toAgency,
  toDetail,
} from '../catalog-rows.js';
import { searchProcedures } from '../search.js';
import type { ContractHandlers } from './contract.js';

/**
 * Splits the `agency` parameter and checks each code exists: an unknown
 * code is far more likely a misconfigured widget than a wish for an empty
 * list, so it gets a 404 naming the code instead of silently finding nothing.
 */
async function agencyFilter(db: Queryable, agency: string | undefined): Promise<string[] | undefined> {
  if (agency === undefined) return undefined;
  const codes = agency.split(',');
  const known = await db.query<{ code: string }>(
    "SELECT code FROM agencies WHERE code = ANY (string_to_array($1, ','))",
    [agency],
  );
  const missing = codes.filter((code) => !known.some((row) => row.code === code));
  if (missing.length > 0) {
    throw new HttpError(
      404,
      'agency_not_found',
      `Unknown agency code: ${missing.join(', ')}. (Không có cơ quan mã ${missing.join(', ')}.)`,
    );
  }
  return codes;
}

export function catalogHandlers(
  db: Queryable,
): Pick<ContractHandlers, 'listAgencies' | 'listFields' | 'searchProcedures' | 'getProcedure'> {
  return {
    async listAgencies() {
      const rows = await db.query<AgencyRow>('SELECT * FROM agencies ORDER BY code');
      return { items: rows.map(toAgency) };
    },

    async listFields({ query }) {
      const agencies = await agencyFilter(db, query.agency);
      const rows = await db.query<{ code: string; name: string; count: number }>(
        `SELECT f.code, f.name, count(p.code)::int AS count
         FROM fields f JOIN procedures p ON p.field_code = f.code
         WHERE $1::text IS NULL OR p.agency_code = ANY (string_to_array($1, ','))
         GROUP BY f.code, f.name, f.name_folded
         ORDER BY f.name_folded COLLATE "C"`,
        [agencies?.join(',') ?? null],
      );
      return { items: rows };
    },

    async searchProcedures({ query }) {
      const { q, field, level, page, pageSize } = query;
      const agencies = await agencyFilter(db, query.agency);
      const { items, total } = await searchProcedures(db, { q, field, level, agencies, page, pageSize });
      return { items, total, page, pageSize };
    },

    async getProcedure({ params }) {
      const [row] = await db.query<SummaryRow & { detail: DetailColumn; agency: AgencyRow }>(
        `SELECT ${SUMMARY_COLUMNS}, p.detail, to_jsonb(a) AS agency FROM ${PROCEDURES_JOINED} WHERE p.code = $1`,
        [params.code],
      );
      if (!row) {
        throw new HttpError(
          404,
          'procedure_not_found',
          `No procedure has the code ${params.code}. (Không có thủ tục mã ${params.code}.)`,
        );
      }
      return toDetail(row);
    },
  };
}
