/**
 * The catalogue tables (migration 001: agencies, fields of activity,
 * procedures) as the routes and the filing read them. Writing them is the
 * seed's (`seed/index.ts`).
 */
import type { CatalogueCase } from '../../../src/api/contract/catalogue-file.js';
import type { ProcedureDetail } from '../../../src/api/contract/index.js';
import type { Queryable } from '../db/index.js';
import type { CatalogueEntry } from './cases.js';
import {
  type AgencyRow,
  type DetailColumn,
  PROCEDURES_JOINED,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toAgency,
  toDetail,
  toEntry,
} from './rows.js';

/**
 * Kept only for withdrawn procedures (seed/index.ts): an agency or field whose procedures are all
 * withdrawn. Neither citizens nor an export see it, so the next import can let it go.
 */
const keptForWithdrawn = (table: 'agencies' | 'fields', column: 'agency_code' | 'field_code') =>
  `EXISTS (SELECT 1 FROM procedures p WHERE p.${column} = ${table}.code)
   AND NOT EXISTS (SELECT 1 FROM procedures p WHERE p.${column} = ${table}.code AND p.withdrawn_at IS NULL)`;

/** The agencies citizens may see, by code. */
export const listAgencies = async (db: Queryable) =>
  (
    await db.query<AgencyRow>(
      `SELECT * FROM agencies WHERE NOT (${keptForWithdrawn('agencies', 'agency_code')}) ORDER BY code`,
    )
  ).map(toAgency);

/** Which of `codes` name an agency. */
export const knownAgencyCodes = async (db: Queryable, codes: readonly string[]): Promise<Set<string>> =>
  new Set(
    (
      await db.query<{ code: string }>("SELECT code FROM agencies WHERE code = ANY (string_to_array($1, ','))", [
        codes.join(','),
      ])
    ).map((row) => row.code),
  );

/** The fields of activity with their number of procedures (of `agencies` only, when given), by folded name. */
export const fieldsWithCounts = (db: Queryable, agencies: readonly string[] | undefined) =>
  db.query<{ code: string; name: string; count: number }>(
    `SELECT f.code, f.name, count(p.code)::int AS count
     FROM fields f JOIN procedures p ON p.field_code = f.code
     WHERE p.withdrawn_at IS NULL AND ($1::text IS NULL OR p.agency_code = ANY (string_to_array($1, ',')))
     GROUP BY f.code, f.name, f.name_folded
     ORDER BY f.name_folded COLLATE "C"`,
    [agencies?.join(',') ?? null],
  );

/** The search lives in `search.ts`; re-exported for the callers that read the catalogue through this module. */
export { searchProcedures } from './search.js';

/** Everything about procedure `code`, or undefined when there is none (or it is withdrawn). */
export async function procedureDetail(db: Queryable, code: string): Promise<ProcedureDetail | undefined> {
  const [row] = await db.query<SummaryRow & { detail: DetailColumn; agency: AgencyRow }>(
    `SELECT ${SUMMARY_COLUMNS}, p.detail, to_jsonb(a) AS agency FROM ${PROCEDURES_JOINED}
     WHERE p.code = $1 AND p.withdrawn_at IS NULL`,
    [code],
  );
  return row && toDetail(row);
}

/** How many procedures citizens may see (not withdrawn). */
export async function countListedProcedures(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM procedures WHERE withdrawn_at IS NULL');
  return row!.n;
}

/** The fields of activity, by code. */
export const listFieldsOfActivity = (db: Queryable) =>
  db.query<{ code: string; name: string }>(
    `SELECT code, name FROM fields WHERE NOT (${keptForWithdrawn('fields', 'field_code')}) ORDER BY code COLLATE "C"`,
  );

/** Every procedure citizens may see (not withdrawn), whole, with its cases' e-forms and its source, by code: what an export writes. */
export async function listedProcedures(db: Queryable): Promise<CatalogueEntry[]> {
  const rows = await db.query<SummaryRow & { detail: DetailColumn; agency: AgencyRow; source: string | null }>(
    `SELECT ${SUMMARY_COLUMNS}, p.detail, to_jsonb(a) AS agency, p.source FROM ${PROCEDURES_JOINED}
     WHERE p.withdrawn_at IS NULL ORDER BY p.code COLLATE "C"`,
  );
  return rows.map(toEntry);
}

/** What the filing needs to know about a procedure. */
export interface ProcedureForFiling {
  name: string;
  /** The catalogue's word on filing online (its cases' e-forms): false closes the form and the filing. */
  online_submission: boolean;
  /** Each with its e-form and processing times: the dossier's case decides its form and appointment. */
  cases: CatalogueCase[];
  agency_code: string;
  agency_name: string;
  /** The agency's desk, for the receipt: null where the catalogue does not say. */
  agency_address: string | null;
  agency_phone: string | null;
  agency_hours: string | null;
}

export async function procedureForFiling(db: Queryable, code: string): Promise<ProcedureForFiling | undefined> {
  const [row] = await db.query<ProcedureForFiling>(
    `SELECT p.name, p.online_submission, p.detail->'cases' AS cases, a.code AS agency_code, a.name AS agency_name,
       a.address AS agency_address, a.phone AS agency_phone, a.opening_hours AS agency_hours
     FROM procedures p JOIN agencies a ON a.code = p.agency_code WHERE p.code = $1 AND p.withdrawn_at IS NULL`,
    [code],
  );
  return row;
}
