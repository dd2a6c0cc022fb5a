/**
 * What the citizen's lookup shows: the dossier's view when the code names
 * a dossier whose second secret matches. The history is read only when the
 * secret's hash matches (repository.ts, `dossier_view()`), so an unknown
 * code and a wrong secret cost the database the same; the decision itself
 * is the constant-time comparison of the hashes here, made even when
 * nothing came back, and both answer the same 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { DossierCode, type DossierView } from '../../../src/api/contract/index.js';
import type { Queryable } from '../db/index.js';
import { readDossier } from '../dossiers/repository.js';
import { secretHash } from '../dossiers/secret.js';
import { toView, type ViewContext } from '../dossiers/view.js';

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
  key?: string,
): Promise<DossierView | undefined> {
  const hash = secretHash(secret, key);
  // A malformed code names nothing: no query, same refusal.
  const dossier = DossierCode.safeParse(code).success ? await readDossier(db, code, hash) : undefined;
  return sameHash(hash, dossier?.secretHash) && dossier ? toView(dossier, context) : undefined;
}
