/**
 * A filed dossier's files as its officers read them: the `uploads` rows a
 * dossier took (migration 002), in the order its submission lists them.
 */
import type { OfficerAttachment } from '../../../src/api/contract/index.js';
import type { Queryable } from '../db/index.js';

interface FileRow {
  id: string;
  file_name: string;
  file_type: string;
  size: number;
}

/** A stored file as an officer receives it. */
export type DossierFile = Omit<OfficerAttachment, 'slot'>;

const toFile = (row: FileRow): DossierFile => ({
  id: row.id,
  fileName: row.file_name,
  fileType: row.file_type,
  size: row.size,
});

/**
 * The dossier's files in the order the citizen attached them, slot by slot
 * (the slot as filed, from the submission), or undefined for an unknown
 * code or a dossier of an agency not in `agencies` (`all` for any).
 */
export async function dossierAttachments(
  db: Queryable,
  code: string,
  agencies: readonly string[] | 'all',
): Promise<OfficerAttachment[] | undefined> {
  const [dossier] = await db.query<{ agency_code: string }>('SELECT agency_code FROM dossiers WHERE code = $1', [code]);
  if (!dossier || (agencies !== 'all' && !agencies.includes(dossier.agency_code))) return undefined;
  const rows = await db.query<FileRow & { slot: string }>(
    `SELECT u.id, a.attachment ->> 'slot' AS slot, u.file_name, u.file_type, u.size::float8 AS size
     FROM dossiers d
     CROSS JOIN LATERAL jsonb_array_elements(d.submission -> 'attachments') WITH ORDINALITY AS a(attachment, slot_order)
     CROSS JOIN LATERAL jsonb_array_elements_text(a.attachment -> 'uploads') WITH ORDINALITY AS listed(id, file_order)
     JOIN uploads u ON u.id = listed.id AND u.dossier_code = d.code
     WHERE d.code = $1
     ORDER BY a.slot_order, listed.file_order`,
    [code],
  );
  return rows.map(({ slot, ...row }) => {
    const { id, ...file } = toFile(row);
    return { id, slot, ...file };
  });
}

/** Upload `upload` if dossier `code` took it and is of an agency in `agencies` (`all` for any). */
export async function dossierFile(
  db: Queryable,
  code: string,
  upload: string,
  agencies: readonly string[] | 'all',
): Promise<DossierFile | undefined> {
  const [row] = await db.query<FileRow & { agency_code: string }>(
    `SELECT u.id, u.file_name, u.file_type, u.size::float8 AS size, d.agency_code
     FROM uploads u JOIN dossiers d ON d.code = u.dossier_code WHERE u.id = $1 AND u.dossier_code = $2`,
    [upload, code],
  );
  return row && (agencies === 'all' || agencies.includes(row.agency_code)) ? toFile(row) : undefined;
}
