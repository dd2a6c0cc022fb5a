/**
 * One-off fixes of old rows at start (rekeying lookup hashes, sealing
 * printed codes): rows are found and fixed a batch at a time, so a large
 * table never sits in memory, and each fix is an UPDATE that re-checks its
 * condition, so instances starting together fix each row once and count
 * only the rows they fixed themselves.
 */
import type { Queryable } from './index.js';

const BATCH = 500;

/**
 * Runs `fix` on the rows `find` returns (at most `limit` at a time) until it
 * returns none; `fix` answers whether its UPDATE changed the row. Returns
 * how many rows were fixed here.
 */
export async function fixInBatches<T>(
  find: (limit: number) => Promise<T[]>,
  fix: (row: T) => Promise<boolean>,
): Promise<number> {
  let fixed = 0;
  for (let rows = await find(BATCH); rows.length > 0; rows = await find(BATCH)) {
    for (const row of rows) if (await fix(row)) fixed += 1;
  }
  return fixed;
}

/** Whether an UPDATE … RETURNING 1 changed a row. */
export const changedOne = async (db: Queryable, sql: string, params: unknown[]): Promise<boolean> =>
  (await db.query(`${sql} RETURNING 1`, params)).length > 0;
