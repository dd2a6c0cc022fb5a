/**
 * An officer action against the database: the dossier's row is locked, the
 * pure lifecycle decides, and the new state and its history entry are
 * written in the same transaction, so two officers acting at once on one
 * dossier are serialised and the history never disagrees with the status.
 */
import type { OfficerAction } from '../../../src/api/contract/index.js';
import type { Database, Queryable } from '../db/index.js';
import { deskCalendar } from './desk-time.js';
import { applyAction, type DossierState, type HistoryRecord, type Outcome } from './lifecycle.js';
import { type DossierJson, stateOf } from './lookup.js';

/** jsonb parameters go in as text: PGlite and pg then treat them alike. */
const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

async function save(tx: Queryable, code: string, state: DossierState, history: HistoryRecord): Promise<void> {
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
  await tx.query(
    'INSERT INTO dossier_history (dossier_code, at, step, status, note, actor) VALUES ($1, $2, $3, $4, $5, $6)',
    [code, history.at, history.step, history.status, history.note, history.actor],
  );
}

export interface ActionContext {
  now: Date;
  saturdayAgencies?: readonly string[] | undefined;
}

/** Applies `action` to dossier `code`; undefined when there is no such dossier. */
export function runOfficerAction(
  db: Database,
  code: string,
  action: OfficerAction,
  { now, saturdayAgencies }: ActionContext,
): Promise<Outcome | undefined> {
  return db.transaction(async (tx) => {
    // The same reading as the lookup's, with the row locked until the transaction ends.
    const [row] = await tx.query<{ dossier: DossierJson }>(
      'SELECT dossier_view(d.code, NULL) AS dossier FROM dossiers d WHERE d.code = $1 FOR UPDATE',
      [code],
    );
    if (!row) return undefined;
    const { dossier } = row;
    const outcome = applyAction(stateOf(dossier), action, {
      now,
      calendar: deskCalendar(dossier.agencyCode, saturdayAgencies),
    });
    if (outcome.ok) await save(tx, code, outcome.state, outcome.history);
    return outcome;
  });
}
