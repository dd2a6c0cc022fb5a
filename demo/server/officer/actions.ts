/**
 * An officer action against the database: the dossier's row is locked, the
 * pure lifecycle (`dossiers/lifecycle.ts`) decides, and the new state and
 * its history entry are written in the same transaction, so two officers
 * acting at once on one dossier are serialised and the history never
 * disagrees with the status.
 */
import type { DossierView, OfficerAction } from '../../../src/api/contract/index.js';
import type { Database, Queryable } from '../db/index.js';
import { deskCalendar } from '../dossiers/desk-time.js';
import { applyAction, type Outcome } from '../dossiers/lifecycle.js';
import { readDossier, saveState } from '../dossiers/repository.js';
import { stateOf, toView, type ViewContext } from '../dossiers/view.js';
import { inScope, type Officer } from './credentials.js';

/**
 * Applies `action` to dossier `code` as `officer` (the history names the
 * credential's officer, not whoever the body says); undefined when there is
 * no such dossier or it is another agency's.
 */
export function runOfficerAction(
  db: Database,
  officer: Officer,
  code: string,
  action: OfficerAction,
  { now, saturdayAgencies }: ViewContext,
): Promise<Outcome | undefined> {
  return db.transaction(async (tx) => {
    // The same reading as the lookup's, with the row locked until the transaction ends.
    const dossier = await readDossier(tx, code, null, { lock: true });
    if (!dossier || !inScope(officer, dossier.agencyCode)) return undefined;
    const actor = officer.name ?? action.actor;
    const outcome = applyAction(stateOf(dossier), actor === undefined ? action : { ...action, actor }, {
      now,
      calendar: deskCalendar(dossier.agencyCode, saturdayAgencies),
    });
    if (outcome.ok) await saveState(tx, code, outcome.state, outcome.history);
    return outcome;
  });
}

/** The officer's view of a dossier (no secret), or undefined for an unknown code or another agency's. */
export async function officerView(
  db: Queryable,
  officer: Officer,
  code: string,
  context: ViewContext,
): Promise<DossierView | undefined> {
  const dossier = await readDossier(db, code, null);
  return dossier && inScope(officer, dossier.agencyCode) ? toView(dossier, context) : undefined;
}
