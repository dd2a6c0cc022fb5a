/**
 * The `uploads` table (migration 002): one row per upload, written before
 * the store creates the file and removed with it. Plain SQL, the same on
 * PGlite and PostgreSQL.
 */
import type { Database } from '../db/index.js';

export interface UploadRow {
  id: string;
  draft: string;
  procedure: string | undefined;
  slot: string | undefined;
  fileName: string;
  fileType: string;
  size: number;
}

/**
 * Namespace of the draft locks (two-key advisory locks, so they never meet
 * the migrations' one-key lock); the second key is {@link draftLockKey}.
 */
const DRAFT_LOCK_NAMESPACE = 71042026;

/**
 * The draft's lock key: FNV-1a of its id, as PostgreSQL's signed 32-bit
 * integer. A number the server computes, so the lock statement needs no
 * parameter: on PGlite a statement without one is a single call into the
 * engine instead of six (parse, describe, bind, describe, execute, sync).
 */
function draftLockKey(draft: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < draft.length; i += 1) hash = Math.imul(hash ^ draft.charCodeAt(i), 0x01000193);
  return hash | 0;
}

export type RecordOutcome = { recorded: true } | { recorded: false; draftBytes: number };

/**
 * Records a new upload if its draft's files, this one included, stay within
 * `maxDraftBytes`; otherwise records nothing and returns what the draft
 * already holds. Two uploads of one draft created at the same moment are
 * serialised by a lock on the draft, so together they cannot pass the limit.
 * The check and the insert are one statement (its snapshot is taken after
 * the lock, so it sees every committed file of the draft): each creation
 * waits on one statement less, and only a refusal asks for the total.
 */
export function recordUpload(db: Database, row: UploadRow, maxDraftBytes: number): Promise<RecordOutcome> {
  return db.transaction(async (tx) => {
    await tx.exec(`SELECT pg_advisory_xact_lock(${DRAFT_LOCK_NAMESPACE}, ${draftLockKey(row.draft)})`);
    const inserted = await tx.query(
      `INSERT INTO uploads (id, draft, procedure_code, slot, file_name, file_type, size)
       SELECT $1, $2, $3, $4, $5, $6, $7::bigint
       WHERE (SELECT coalesce(sum(size), 0) FROM uploads WHERE draft = $2) + $7::bigint <= $8::bigint
       RETURNING 1`,
      [row.id, row.draft, row.procedure ?? null, row.slot ?? null, row.fileName, row.fileType, row.size, maxDraftBytes],
    );
    if (inserted.length > 0) return { recorded: true };
    const [{ total }] = (await tx.query<{ total: number }>(
      'SELECT coalesce(sum(size), 0)::float8 AS total FROM uploads WHERE draft = $1',
      [row.draft],
    )) as [{ total: number }];
    return { recorded: false, draftBytes: total };
  });
}

export async function markCompleted(db: Database, id: string): Promise<void> {
  await db.query('UPDATE uploads SET completed_at = now() WHERE id = $1', [id]);
}

export async function forgetUploads(db: Database, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.query('DELETE FROM uploads WHERE id = ANY($1)', [ids]);
}

/** Uploads created before `createdBefore` that no dossier took, oldest first. */
export async function unattachedUploadsBefore(db: Database, createdBefore: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM uploads WHERE dossier_code IS NULL AND created_at < $1 ORDER BY created_at',
    [createdBefore.toISOString()],
  );
  return rows.map((row) => row.id);
}
