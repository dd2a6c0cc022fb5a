/**
 * The files of a filed dossier, for the officers who handle it: the list
 * (`GET /officer/dossiers/{code}/attachments`, a contract endpoint) and
 * each file's bytes (`GET /officer/dossiers/{code}/attachments/{upload}`).
 * This is the one way a stored file leaves the backend: the citizen's
 * upload endpoint takes files in and never sends one back, and a file is
 * read here only by an officer's token and only through the dossier that
 * took it, so an upload id alone, or one of another dossier, opens nothing.
 */
import { once } from 'node:events';
import { DossierCode, type OfficerAttachment, UploadId } from '../../../src/api/contract/index.js';
import type { Queryable } from '../db/index.js';
import { attachmentDisposition, HttpError, type Reply, type RouteHandler } from '../http.js';
import type { ContractHandlers } from '../routes/contract.js';
import type { UploadStore } from '../uploads/store.js';

interface AttachmentRow {
  id: string;
  slot: string;
  file_name: string;
  file_type: string;
  size: number;
}

/** Officers are authenticated: they may learn that a code does not exist. */
export const unknownDossier = (): HttpError =>
  new HttpError(404, 'dossier_not_found', 'No dossier has this code. (Không có hồ sơ mang mã này.)');

const unknownAttachment = (): HttpError =>
  new HttpError(404, 'attachment_not_found', 'This dossier has no such file. (Hồ sơ không có tệp này.)');

/**
 * The dossier's files in the order the citizen attached them, slot by slot
 * (the slot as filed, from the submission), or undefined for an unknown code.
 */
export async function dossierAttachments(db: Queryable, code: string): Promise<OfficerAttachment[] | undefined> {
  const [dossier] = await db.query<{ code: string }>('SELECT code FROM dossiers WHERE code = $1', [code]);
  if (!dossier) return undefined;
  const rows = await db.query<AttachmentRow>(
    `SELECT u.id, a.attachment ->> 'slot' AS slot, u.file_name, u.file_type, u.size::float8 AS size
     FROM dossiers d
     CROSS JOIN LATERAL jsonb_array_elements(d.submission -> 'attachments') WITH ORDINALITY AS a(attachment, slot_order)
     CROSS JOIN LATERAL jsonb_array_elements_text(a.attachment -> 'uploads') WITH ORDINALITY AS listed(id, file_order)
     JOIN uploads u ON u.id = listed.id AND u.dossier_code = d.code
     WHERE d.code = $1
     ORDER BY a.slot_order, listed.file_order`,
    [code],
  );
  return rows.map((row) => ({
    id: row.id,
    slot: row.slot,
    fileName: row.file_name,
    fileType: row.file_type,
    size: row.size,
  }));
}

export function attachmentHandlers(db: Queryable): Pick<ContractHandlers, 'listDossierAttachments'> {
  return {
    async listDossierAttachments({ params }) {
      const attachments = await dossierAttachments(db, params.code);
      if (!attachments) throw unknownDossier();
      return { attachments };
    },
  };
}

export interface DownloadOptions {
  db: Queryable;
  store: UploadStore;
  /** Throws the 401/403 unless the request carries an officer's credential. */
  authorise(request: Parameters<RouteHandler>[0]): void;
}

/** The route handler that sends one attachment's bytes to an officer. */
export function attachmentDownload({ db, store, authorise }: DownloadOptions): RouteHandler {
  return async (request): Promise<Reply> => {
    authorise(request);
    const { code = '', upload = '' } = request.params;
    if (!DossierCode.safeParse(code).success) throw unknownDossier();
    if (!UploadId.safeParse(upload).success) throw unknownAttachment();
    const [row] = await db.query<AttachmentRow>(
      'SELECT id, slot, file_name, file_type, size::float8 AS size FROM uploads WHERE id = $1 AND dossier_code = $2',
      [upload, code],
    );
    if (!row) throw unknownAttachment();
    // Opened before the headers go: a file the store cannot read becomes an error answer, not a cut connection.
    const body = await store.read(row.id);
    await once(body, 'readable');
    return {
      status: 200,
      headers: {
        'Content-Type': row.file_type,
        'Content-Length': String(row.size),
        'Content-Disposition': attachmentDisposition(row.file_name),
        // A citizen's papers: kept by no cache, shared or private, and never run as a page.
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
      body,
    };
  };
}
