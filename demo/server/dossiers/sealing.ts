/**
 * Seals the printed lookup codes of dossiers filed before migration 013,
 * when receipts kept them in clear: each code moves from the receipt to
 * `lookup_code_sealed` (secret.ts), in batches, each row once even when
 * several instances start together (db/batches.ts). Run at start, after
 * the migrations, like the rekeying of the lookup hashes (lookup/rekey.ts).
 */
import { changedOne, fixInBatches } from '../db/batches.js';
import type { Queryable } from '../db/index.js';
import { sealLookupCode } from './secret.js';

/** Returns how many dossiers had their printed code sealed here. */
export const sealPrintedLookupCodes = (db: Queryable, key: string): Promise<number> =>
  fixInBatches(
    (limit) =>
      db.query<{ code: string; printed: string }>(
        `SELECT code, receipt->'lookup'->>'value' AS printed FROM dossiers WHERE receipt->'lookup' ? 'value' LIMIT $1`,
        [limit],
      ),
    (row) =>
      changedOne(
        db,
        `UPDATE dossiers SET lookup_code_sealed = $2, receipt = receipt #- '{lookup,value}'
         WHERE code = $1 AND receipt->'lookup' ? 'value'`,
        [row.code, sealLookupCode(row.printed, row.code, key)],
      ),
  );
