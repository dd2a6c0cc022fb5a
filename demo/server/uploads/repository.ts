/**
 * The `uploads` table (migration 002): one row per upload, written before
 * the store creates the file and removed with it, and taken by the dossier
 * filed with it. The same SQL on PGlite and PostgreSQL (the creation
 * through migration 005's plpgsql function).
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/index.js';

/** What the `secret_hash` column keeps of an upload secret: its SHA-256, hex. */
export const uploadSecretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface UploadRow {
  id: string;
  draft: string;
  procedure: string | undefined;
  slot: string | undefined;
  fileName: string;
  fileType: string;
  size: number;
  /** The SHA-256 of the draft's upload secret ({@link uploadSecretHash}). */
  secretHash: string;
  /** The client address's key (http/client-address.ts `addressKey`), kept until a dossier takes the upload. */
  clientKey: string;
}

/**
 * Namespaces of the draft and client-address locks (two-key advisory locks,
 * so they never meet the migrations' one-key lock); the second key is
 * {@link lockKey} of the draft id or the address.
 */
const DRAFT_LOCK_NAMESPACE = 71042026;
const CLIENT_LOCK_NAMESPACE = 71042030;

/**
 * The advisory lock key of a draft id, an address or an upload id
 * (pg-locker.ts): FNV-1a of the text, as PostgreSQL's signed 32-bit
 * integer, computed here so that the lock never depends on a hash function
 * of the database's. A collision only makes two of them wait for each other.
 */
export function lockKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** The limits a new upload must stay within (UPLOAD_MAX_DRAFT_BYTES, UPLOAD_MAX_ADDRESS_BYTES). */
export interface RecordLimits {
  maxDraftBytes: number;
  maxAddressBytes: number;
}

/** The limit a refused upload would pass, and the bytes already held there. */
export type RecordOutcome = { recorded: true } | { recorded: false; limit: 'draft' | 'address'; heldBytes: number };

/**
 * Records a new upload if the unfiled uploads of its client address and the
 * files of its draft, this one included, stay within their limits;
 * otherwise records nothing and says which limit it would pass and what is
 * already held there. Uploads created at the same moment from one address
 * or for one draft are serialised by locks on both, so together they cannot
 * pass a limit. One statement (migration 012's `record_upload`), on the
 * path of every upload.
 */
export async function recordUpload(db: Database, row: UploadRow, limits: RecordLimits): Promise<RecordOutcome> {
  const [result] = (await db.query<{ limit_reached: 'draft' | 'address' | null; held: string | number | null }>(
    'SELECT * FROM record_upload($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
    [
      row.id,
      row.draft,
      row.procedure ?? null,
      row.slot ?? null,
      row.fileName,
      row.fileType,
      row.size,
      limits.maxDraftBytes,
      DRAFT_LOCK_NAMESPACE,
      lockKey(row.draft),
      row.secretHash,
      row.clientKey,
      limits.maxAddressBytes,
      CLIENT_LOCK_NAMESPACE,
      lockKey(row.clientKey),
    ],
  )) as [{ limit_reached: 'draft' | 'address' | null; held: string | number | null }];
  return result.limit_reached === null
    ? { recorded: true }
    : { recorded: false, limit: result.limit_reached, heldBytes: Number(result.held) };
}

/**
 * What the other unfiled uploads of upload `id`'s client address have
 * stored (migration 016), or undefined when the upload has no address
 * (made before migration 012) or no row.
 */
export async function storedByItsAddress(db: Queryable, id: string): Promise<number | undefined> {
  const [row] = await db.query<{ stored: string | number | null }>(
    `SELECT (SELECT coalesce(sum(other.received), 0) FROM uploads other
             WHERE other.client_key = upload.client_key AND other.id <> upload.id
               AND other.dossier_code IS NULL AND other.marked_for_removal_at IS NULL) AS stored
     FROM uploads upload WHERE upload.id = $1 AND upload.client_key IS NOT NULL`,
    [id],
  );
  return row ? Number(row.stored) : undefined;
}

/** Records that upload `id` has stored `offset` bytes (migration 016). */
export async function recordReceived(db: Queryable, id: string, offset: number): Promise<void> {
  await db.query('UPDATE uploads SET received = $2 WHERE id = $1 AND received < $2', [id, offset]);
}

/** Removes the rows of uploads no dossier took; a dossier's attachment is never forgotten this way. */
export async function forgetUploads(db: Database, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.query('DELETE FROM uploads WHERE id = ANY($1) AND dossier_code IS NULL', [ids]);
}

/**
 * Whether upload `id` is open to a client holding the secret whose hash is
 * `secretHash`: it was created with that secret and no dossier took it
 * (a filed upload is the agency's, no longer the browser's to follow or cancel).
 */
export async function isOpenTo(db: Database, id: string, secretHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM uploads
     WHERE id = $1 AND secret_hash = $2 AND dossier_code IS NULL AND marked_for_removal_at IS NULL`,
    [id, secretHash],
  );
  return rows.length > 0;
}

/**
 * The citizen's cancellation, before the file is removed: marks upload `id`
 * if it is open to `secretHash` ({@link isOpenTo}) and returns whether it
 * did. A filing holding the row makes this wait and then find it taken; a
 * filing after it refuses the marked upload (migration 008).
 */
export async function markCancelled(db: Database, id: string, secretHash: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE uploads SET marked_for_removal_at = now()
     WHERE id = $1 AND secret_hash = $2 AND dossier_code IS NULL AND marked_for_removal_at IS NULL
     RETURNING id`,
    [id, secretHash],
  );
  return rows.length > 0;
}

/** Records that the virus scan found upload `id` clean (migration 011). */
export async function recordScannedClean(db: Database, id: string): Promise<void> {
  await db.query('UPDATE uploads SET scanned_at = now() WHERE id = $1', [id]);
}

/** Whether upload `id` waits for its virus scan: not yet found clean, and neither taken nor being removed. */
export async function awaitsScan(db: Database, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM uploads
     WHERE id = $1 AND scanned_at IS NULL AND dossier_code IS NULL AND marked_for_removal_at IS NULL`,
    [id],
  );
  return rows.length > 0;
}

/** Whether the virus scan found upload `id` clean. */
export async function scannedClean(db: Database, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('SELECT id FROM uploads WHERE id = $1 AND scanned_at IS NOT NULL', [id]);
  return rows.length > 0;
}

/** Marks upload `id` for removal, unless a dossier took it; returns whether it did. */
export async function markForRemoval(db: Database, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE uploads SET marked_for_removal_at = now()
     WHERE id = $1 AND dossier_code IS NULL AND marked_for_removal_at IS NULL RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Marks the uploads created before `createdBefore` that no dossier took, and returns their ids. */
export async function markExpired(db: Database, createdBefore: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE uploads SET marked_for_removal_at = now()
     WHERE dossier_code IS NULL AND marked_for_removal_at IS NULL AND created_at < $1
     RETURNING id`,
    [createdBefore.toISOString()],
  );
  return rows.map((row) => row.id);
}

/** Uploads marked before `markedBefore` and still there: a removal that failed or never finished. */
export async function markedBefore(db: Database, markedBefore: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT id FROM uploads WHERE marked_for_removal_at < $1', [
    markedBefore.toISOString(),
  ]);
  return rows.map((row) => row.id);
}

/** An upload as the filing of a dossier checks it (dossiers/attachments.ts). */
export interface UploadClaimRow {
  id: string;
  draft: string;
  procedure_code: string | null;
  slot: string | null;
  /** The file's name as the citizen's device gave it, for the receipt's list of documents. */
  file_name: string;
  file_type: string;
  size: string | number;
  dossier_code: string | null;
  secret_hash: string | null;
  marked_for_removal_at: Date | string | null;
}

/**
 * The rows of uploads `ids`, locked (`FOR UPDATE`) until the filing's
 * transaction ends: a cancellation or the expiry sweep marking one of them
 * waits, then finds it taken.
 */
export const lockUploads = (tx: Queryable, ids: readonly string[]): Promise<UploadClaimRow[]> =>
  tx.query<UploadClaimRow>(
    `SELECT id, draft, procedure_code, slot, file_name, file_type, size, dossier_code, secret_hash, marked_for_removal_at
     FROM uploads WHERE id = ANY ($1::text[]) ORDER BY id FOR UPDATE`,
    [ids],
  );

/** Marks the uploads as taken by dossier `code`, and forgets the address they came from (migration 012). */
export async function claimUploads(tx: Queryable, ids: readonly string[], code: string): Promise<void> {
  await tx.query('UPDATE uploads SET dossier_code = $1, client_key = NULL WHERE id = ANY ($2::text[])', [code, ids]);
}
