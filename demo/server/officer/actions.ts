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

/** Applies `action` to dossier `code`; undefined when there is no such dossier. */
export function runOfficerAction(
  db: Database,
  code: string,
  action: OfficerAction,
  { now, saturdayAgencies }: ViewContext,
): Promise<Outcome | undefined> {
  return db.transaction(async (tx) => {
    // The same reading as the lookup's, with the row locked until the transaction ends.
    const dossier = await readDossier(tx, code, null, { lock: true });
    if (!dossier) return undefined;
    const outcome = applyAction(stateOf(dossier), action, {
      now,
      calendar: deskCalendar(dossier.agencyCode, saturdayAgencies),
    });
    if (outcome.ok) await saveState(tx, code, outcome.state, outcome.history);
    return outcome;
  });
}

/** The officer's view of a dossier (no secret), or undefined for an unknown code. */
export async function officerView(db: Queryable, code: string, context: ViewContext): Promise<DossierView | undefined> {
  const dossier = await readDossier(db, code, null);
  return dossier && toView(dossier, context);
}
