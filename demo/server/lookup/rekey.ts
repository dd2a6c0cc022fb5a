/**
 * Rekeys the lookup and request hashes of dossiers filed before they were
 * keyed (migration 010): each plain SHA-256 becomes its HMAC with
 * `LOOKUP_KEY` (dossiers/secret.ts), in batches, each row once even when
 * several instances start together (db/batches.ts).
 */
import { changedOne, fixInBatches } from '../db/batches.js';
import type { Queryable } from '../db/index.js';
import { keyedHash } from '../dossiers/secret.js';

/** Returns how many dossiers were rekeyed here. */
export const rekeyDossierHashes = (db: Queryable, key: string): Promise<number> =>
  fixInBatches(
    (limit) =>
      db.query<{ code: string; lookup_secret_hash: string; request_hash: string }>(
        'SELECT code, lookup_secret_hash, request_hash FROM dossiers WHERE NOT hashes_keyed LIMIT $1',
        [limit],
      ),
    (row) =>
      changedOne(
        db,
        `UPDATE dossiers SET lookup_secret_hash = $2, request_hash = $3, hashes_keyed = true
         WHERE code = $1 AND NOT hashes_keyed`,
        [row.code, keyedHash(key, row.lookup_secret_hash), keyedHash(key, row.request_hash)],
      ),
  );
