/**
 * Seals the printed lookup codes of dossiers filed before migration 013,
 * when receipts kept them in clear: each code moves from the receipt to
 * `lookup_code_sealed` (secret.ts), in batches, each row once even when
 * several instances start together (the UPDATE re-checks that the code is
 * still there). Run at start, after the migrations, like the rekeying of
 * the lookup hashes (lookup/rekey.ts).
 */
import type { Queryable } from '../db/index.js';
import { sealLookupCode } from './secret.js';

const BATCH = 500;

/** Returns how many dossiers had their printed code sealed. */
export async function sealPrintedLookupCodes(db: Queryable, key: string): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query<{ code: string; printed: string }>(
      `SELECT code, receipt->'lookup'->>'value' AS printed FROM dossiers WHERE receipt->'lookup' ? 'value' LIMIT $1`,
      [BATCH],
    );
    if (rows.length === 0) return total;
    for (const row of rows) {
      await db.query(
        `UPDATE dossiers SET lookup_code_sealed = $2, receipt = receipt #- '{lookup,value}'
         WHERE code = $1 AND receipt->'lookup' ? 'value'`,
        [row.code, sealLookupCode(row.printed, row.code, key)],
      );
    }
    total += rows.length;
  }
}
