/**
 * Rekeys the lookup and request hashes of dossiers filed before they were
 * keyed (migration 010): each plain SHA-256 becomes its HMAC with
 * `LOOKUP_KEY` (dossiers/secret.ts), in batches, each row once even when
 * several instances start together (the UPDATE re-checks the mark).
 */
import type { Queryable } from '../db/index.js';
import { keyedHash } from '../dossiers/secret.js';

const BATCH = 500;

/** Returns how many dossiers were rekeyed. */
export async function rekeyDossierHashes(db: Queryable, key: string): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ code: string; lookup_secret_hash: string; request_hash: string }>(
      'SELECT code, lookup_secret_hash, request_hash FROM dossiers WHERE NOT hashes_keyed LIMIT $1',
      [BATCH],
    );
    if (rows.length === 0) return total;
    for (const row of rows) {
      await db.query(
        `UPDATE dossiers SET lookup_secret_hash = $2, request_hash = $3, hashes_keyed = true
         WHERE code = $1 AND NOT hashes_keyed`,
        [row.code, keyedHash(key, row.lookup_secret_hash), keyedHash(key, row.request_hash)],
      );
    }
    total += rows.length;
  }
}
