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
 * (the slot as filed, from the submission), or undefined for an unknown code.
 */
export async function dossierAttachments(db: Queryable, code: string): Promise<OfficerAttachment[] | undefined> {
  const [dossier] = await db.query<{ code: string }>('SELECT code FROM dossiers WHERE code = $1', [code]);
  if (!dossier) return undefined;
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

/** Upload `upload` if dossier `code` took it. */
export async function dossierFile(db: Queryable, code: string, upload: string): Promise<DossierFile | undefined> {
  const [row] = await db.query<FileRow>(
    'SELECT id, file_name, file_type, size::float8 AS size FROM uploads WHERE id = $1 AND dossier_code = $2',
    [upload, code],
  );
  return row && toFile(row);
}
