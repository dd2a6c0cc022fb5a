/**
 * What a lookup shows (`DossierView`), read in one call of `dossier_view()`
 * (migration 004): the dossier with its history in order, as one JSON
 * value. The citizen's lookup has the history read only when the secret's
 * hash matches, so an unknown code and a wrong secret cost the database
 * the same; the decision itself is the constant-time comparison of the
 * hashes here, made even when nothing came back, and both answer the same 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { DossierCode, type DossierView, type HistoryEntry } from '../../../src/api/contract/index.js';
import type { Queryable } from '../db/index.js';
import { deskCalendar, vietnamIso } from './desk-time.js';
import { type DossierState, isOnTime, statusLabel } from './lifecycle.js';
import { secretHash } from './secret.js';

interface HistoryJson {
  at: number;
  step: string;
  status: number;
  note: string | null;
}

/** What `dossier_view()` (migration 004) returns: instants in epoch milliseconds. */
export interface DossierJson {
  code: string;
  agencyCode: string;
  agencyName: string;
  procedureCode: string;
  procedureName: string;
  applicantKind: DossierView['applicantKind'];
  receivedAt: number;
  secretHash: string;
  status: number;
  appointmentAt: number | null;
  finishedAt: number | null;
  pausedAt: number | null;
  supplementRequests: number;
  supplement: DossierState['supplement'];
  payment: DossierState['payment'];
  delivery: DossierState['delivery'];
  apology: DossierState['apology'];
  /** Null when the history was not read (a lookup with the wrong secret). */
  history: HistoryJson[] | null;
}

/** The function plans once per connection (see the migration); null for an unknown code. */
const VIEW_SQL = 'SELECT dossier_view($1, $2) AS dossier';
type DossierRow = { dossier: DossierJson | null };

const instant = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const stateOf = (json: DossierJson): DossierState => ({
  status: json.status,
  appointmentAt: instant(json.appointmentAt),
  finishedAt: instant(json.finishedAt),
  pausedAt: instant(json.pausedAt),
  supplementRequests: json.supplementRequests,
  supplement: json.supplement,
  payment: json.payment,
  delivery: json.delivery,
  apology: json.apology,
});

const statusOf = (code: number): DossierView['status'] => ({ code, label: statusLabel(code) });

const historyEntry = (entry: HistoryJson): HistoryEntry => ({
  at: vietnamIso(new Date(entry.at)),
  step: entry.step,
  status: statusOf(entry.status),
  ...(entry.note !== null && { note: entry.note }),
});

export interface ViewContext {
  now: Date;
  saturdayAgencies?: readonly string[] | undefined;
}

function toView(json: DossierJson, { now, saturdayAgencies }: ViewContext): DossierView {
  const iso = (ms: number | null): string | null => (ms === null ? null : vietnamIso(new Date(ms)));
  return {
    code: json.code,
    status: statusOf(json.status),
    procedure: { code: json.procedureCode, name: json.procedureName },
    agency: { code: json.agencyCode, name: json.agencyName },
    applicantKind: json.applicantKind,
    receivedAt: vietnamIso(new Date(json.receivedAt)),
    appointmentAt: iso(json.appointmentAt),
    finishedAt: iso(json.finishedAt),
    onTime: isOnTime(stateOf(json), { now, calendar: deskCalendar(json.agencyCode, saturdayAgencies) }),
    history: (json.history ?? []).map(historyEntry),
    ...(json.supplement && { supplement: json.supplement }),
    ...(json.payment && { payment: json.payment }),
    ...(json.delivery && { delivery: json.delivery }),
    ...(json.apology && { apology: json.apology }),
  };
}

/** Compared against when no row came back, so every lookup does the same comparison. */
const NO_HASH = Buffer.alloc(32);

function sameHash(givenHex: string, storedHex: string | undefined): boolean {
  const given = Buffer.from(givenHex, 'hex');
  const stored = storedHex === undefined ? NO_HASH : Buffer.from(storedHex, 'hex');
  // No row, or a stored hash of another length: no match, but the comparison still runs.
  const comparable = storedHex !== undefined && stored.length === given.length;
  const equal = timingSafeEqual(given, comparable ? stored : NO_HASH);
  return comparable && equal;
}

/** The citizen's lookup: the view when `code` (normalised) names a dossier whose secret is `secret`, else undefined. */
export async function lookupView(
  db: Queryable,
  code: string,
  secret: string,
  context: ViewContext,
): Promise<DossierView | undefined> {
  const hash = secretHash(secret);
  // A malformed code names nothing: no query, same refusal.
  const rows = DossierCode.safeParse(code).success ? await db.query<DossierRow>(VIEW_SQL, [code, hash]) : [];
  const dossier = rows[0]?.dossier ?? undefined;
  return sameHash(hash, dossier?.secretHash) && dossier ? toView(dossier, context) : undefined;
}

/** The officer's view of a dossier (no secret), or undefined for an unknown code. */
export async function officerView(db: Queryable, code: string, context: ViewContext): Promise<DossierView | undefined> {
  const [row] = await db.query<DossierRow>(VIEW_SQL, [code, null]);
  return row?.dossier ? toView(row.dossier, context) : undefined;
}
