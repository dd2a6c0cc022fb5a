/**
 * How catalogue rows are read back: the SQL that selects a procedure summary
 * and the functions that turn rows (snake_case, NULLs) into contract objects
 * (camelCase, absent optionals). Shared by the search and the repository.
 */
import type {
  Agency,
  OnlineLevel,
  ProcedureDetail,
  ProcedureSummary,
  ProcessingTime,
} from '../../../src/api/contract/index.js';
import { type CatalogueEntry, type DetailColumn, procedureDetailOf } from './cases.js';

export type { DetailColumn };

/** Procedures `p` with their field of activity `f` and agency `a`. */
export const PROCEDURES_JOINED = `procedures p
  JOIN fields f ON f.code = p.field_code
  JOIN agencies a ON a.code = p.agency_code`;

/** The columns {@link toSummary} needs, from {@link PROCEDURES_JOINED}. */
export const SUMMARY_COLUMNS = `p.code, p.name, p.field_code, f.name AS field_name, p.agency_code,
  a.name AS agency_name, p.online_level, p.online_submission, p.processing_time, p.fee_min, p.fee_max`;

export interface SummaryRow {
  code: string;
  name: string;
  field_code: string;
  field_name: string;
  agency_code: string;
  agency_name: string;
  online_level: OnlineLevel;
  online_submission: boolean;
  processing_time: ProcessingTime;
  fee_min: number;
  fee_max: number | null;
}

/** A row of `agencies`, as `SELECT *` or `to_jsonb(a)` gives it. */
export interface AgencyRow {
  code: string;
  name: string;
  parent: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  sample: boolean;
}

export function toSummary(row: SummaryRow): ProcedureSummary {
  return {
    code: row.code,
    name: row.name,
    field: { code: row.field_code, name: row.field_name },
    agency: { code: row.agency_code, name: row.agency_name },
    processingTime: row.processing_time,
    feeSummary: { min: row.fee_min, max: row.fee_max },
    onlineLevel: row.online_level,
    onlineSubmission: row.online_submission,
  };
}

/** NULL columns become absent properties, as the contract's optionals expect. */
export function toAgency(row: AgencyRow): Agency {
  const optional = {
    parent: row.parent,
    address: row.address,
    phone: row.phone,
    email: row.email,
    openingHours: row.opening_hours,
  };
  const present = Object.entries(optional).filter(([, value]) => value !== null);
  return { code: row.code, name: row.name, ...Object.fromEntries(present), sample: row.sample };
}

/** A procedure as the catalogue holds it, with the e-form of each case (what an export writes). */
export function toEntry(
  row: SummaryRow & { detail: DetailColumn; agency: AgencyRow; source: string | null },
): CatalogueEntry {
  const { processingTime: _time, onlineSubmission: _online, ...summary } = toSummary(row);
  return {
    ...summary,
    agency: toAgency(row.agency),
    ...row.detail,
    ...(row.source !== null && { source: row.source }),
  };
}

/** A procedure as citizens see it. */
export const toDetail = (row: SummaryRow & { detail: DetailColumn; agency: AgencyRow }): ProcedureDetail =>
  procedureDetailOf(toEntry({ ...row, source: null }));
