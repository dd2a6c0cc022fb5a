/**
 * The dossier tables (migrations 003 and 004: `dossiers`, `dossier_history`,
 * `dossier_sequences`, the `dossier_view()` function) as the filing, the
 * lookup and the officer actions read and write them. The same SQL on
 * PGlite and PostgreSQL; jsonb parameters go in as text, which both then
 * treat alike.
 */
import type { DossierReceipt, DossierView } from '../../../src/api/contract/index.js';
import { localDate } from '../calendar/working-days.js';
import type { Queryable } from '../db/index.js';
import type { DossierState, HistoryRecord } from './lifecycle.js';

/** Namespace of the idempotency-key locks (two-key advisory locks; the uploads use 71042026, the migrations a one-key lock). */
const IDEMPOTENCY_LOCK_NAMESPACE = 71042027;

/** A filed dossier's receipt as kept (without the printed lookup code) and that code, sealed (migration 013). */
export interface KeptReceipt {
  receipt: DossierReceipt;
  lookup_code_sealed: string | null;
}

/**
 * The receipt and request hash of the dossier filed under idempotency
 * `key`, if any, after taking the key's lock until the transaction ends:
 * of two filings racing with one key, the second waits here for the first
 * (and the key's UNIQUE constraint stands behind the lock).
 */
export async function filingUnderKey(tx: Queryable, key: string): Promise<FiledUnderKey | undefined> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IDEMPOTENCY_LOCK_NAMESPACE, key]);
  return filedUnderKey(tx, key);
}

export type FiledUnderKey = KeptReceipt & { request_hash: string };

/** The receipt and request hash of the dossier filed under `key`, if any, read without a lock. */
export async function filedUnderKey(db: Queryable, key: string): Promise<FiledUnderKey | undefined> {
  const [row] = await db.query<FiledUnderKey>(
    'SELECT request_hash, receipt, lookup_code_sealed FROM dossiers WHERE idempotency_key = $1',
    [key],
  );
  return row;
}

/**
 * The next dossier code of `agencyCode` for a dossier received at
 * `receivedAt`: `<agency code>-<yymmdd>-<sequence>` (DOMAIN.md §4), e.g.
 * `000.00.01.H99-261122-0001`. The day is the date of reception in Viet
 * Nam, whatever the server's time zone; the sequence counts per agency per
 * day, at least 4 digits (portals print 4; the 10,000th dossier of a day
 * gets 5 rather than a collision). One statement increments the day's
 * counter under its row lock, so concurrent filings get distinct numbers;
 * inside the filing transaction, a filing that fails gives its number back.
 */
export async function nextDossierCode(tx: Queryable, agencyCode: string, receivedAt: Date): Promise<string> {
  const day = localDate(receivedAt);
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO dossier_sequences (agency_code, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequences.last + 1
     RETURNING last`,
    [agencyCode, day],
  );
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(row!.last).padStart(4, '0')}`;
}

/** A new dossier's row, as the filing writes it. */
export interface NewDossier {
  code: string;
  agencyCode: string;
  agencyName: string;
  procedureCode: string;
  procedureName: string;
  formVersion: number;
  draft: string;
  idempotencyKey: string;
  requestHash: string;
  applicantKind: string;
  lookupSecretHash: string;
  /** What is kept of the submission. */
  submission: unknown;
  /** The receipt, without the printed lookup code… */
  receipt: DossierReceipt;
  /** …which is kept sealed (dossiers/secret.ts). */
  lookupCodeSealed: string | null;
  status: number;
  channel: number;
  receivedAt: Date;
  appointmentAt: Date | null;
}

/** Writes a new dossier and its first history entry. */
export async function insertDossier(
  tx: Queryable,
  dossier: NewDossier,
  first: Omit<HistoryRecord, 'at'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO dossiers (code, agency_code, agency_name, procedure_code, procedure_name, form_version, draft, idempotency_key,
       request_hash, applicant_kind, lookup_secret_hash, submission, receipt, lookup_code_sealed, status, channel,
       received_at, appointment_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13::text::jsonb, $14, $15, $16, $17, $18)`,
    [
      dossier.code,
      dossier.agencyCode,
      dossier.agencyName,
      dossier.procedureCode,
      dossier.procedureName,
      dossier.formVersion,
      dossier.draft,
      dossier.idempotencyKey,
      dossier.requestHash,
      dossier.applicantKind,
      dossier.lookupSecretHash,
      JSON.stringify(dossier.submission),
      JSON.stringify(dossier.receipt),
      dossier.lookupCodeSealed,
      dossier.status,
      dossier.channel,
      dossier.receivedAt,
      dossier.appointmentAt,
    ],
  );
  await addHistory(tx, dossier.code, { ...first, at: dossier.receivedAt });
}

const addHistory = (tx: Queryable, code: string, entry: HistoryRecord) =>
  tx.query(
    'INSERT INTO dossier_history (dossier_code, at, step, status, note, actor) VALUES ($1, $2, $3, $4, $5, $6)',
    [code, entry.at, entry.step, entry.status, entry.note, entry.actor],
  );

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
  /** The case its receipt named (migration 017): null for a procedure with one case, or a dossier filed before. */
  case: DossierView['case'] | null;
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

/**
 * Dossier `code` with its history in order, in one call of `dossier_view()`
 * (it plans once per connection, see the migration); the history only when
 * `secretHash` matches the dossier's or is null (an officer). Undefined for
 * an unknown code. `lock` keeps the row locked until the transaction ends.
 */
export async function readDossier(
  db: Queryable,
  code: string,
  secretHash: string | null,
  { lock = false } = {},
): Promise<DossierJson | undefined> {
  const [row] = await db.query<{ dossier: DossierJson | null }>(
    lock
      ? 'SELECT dossier_view(d.code, $2) AS dossier FROM dossiers d WHERE d.code = $1 FOR UPDATE'
      : 'SELECT dossier_view($1, $2) AS dossier',
    [code, secretHash],
  );
  return row?.dossier ?? undefined;
}

/** jsonb parameters go in as text: PGlite and pg then treat them alike. */
const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** Writes the dossier's new state and the history entry of the action that led to it. */
export async function saveState(
  tx: Queryable,
  code: string,
  state: DossierState,
  history: HistoryRecord,
): Promise<void> {
  await tx.query(
    `UPDATE dossiers SET status = $2, appointment_at = $3, finished_at = $4, paused_at = $5, supplement_requests = $6,
       supplement = $7::text::jsonb, payment = $8::text::jsonb, delivery = $9::text::jsonb, apology = $10::text::jsonb
     WHERE code = $1`,
    [
      code,
      state.status,
      state.appointmentAt,
      state.finishedAt,
      state.pausedAt,
      state.supplementRequests,
      json(state.supplement),
      json(state.payment),
      json(state.delivery),
      json(state.apology),
    ],
  );
  await addHistory(tx, code, history);
}
