/**
 * What an officer does with a dossier, behind the officer's credential
 * (credentials.ts), and only with dossiers of the agencies it names: move it along its lifecycle (`POST /officer/dossiers/{code}/actions`,
 * actions.ts), and read its files: the list
 * (`GET /officer/dossiers/{code}/attachments`, a contract endpoint) and
 * each file's bytes (`GET /officer/dossiers/{code}/attachments/{upload}`).
 * This is the one way a stored file leaves the backend: the citizen's
 * upload endpoint takes files in and never sends one back, and a file is
 * read here only by an officer's token and only through the dossier that
 * took it, so an upload id alone, or one of another dossier, opens nothing.
 */
import { once } from 'node:events';
import { DossierCode, UploadId } from '../../../src/api/contract/index.js';
import type { Database, Queryable } from '../db/index.js';
import type { DossierOptions } from '../dossiers/options.js';
import type { ContractHandlers } from '../http/contract.js';
import { assertStorable } from '../http/json-body.js';
import { attachmentDisposition, HttpError, type Reply } from '../http/replies.js';
import type { RouteHandler } from '../http/router.js';
import type { UploadStore } from '../uploads/store.js';
import { officerView, runOfficerAction } from './actions.js';
import type { Officer } from './credentials.js';
import { dossierAttachments, dossierFile } from './repository.js';

/** Officers are authenticated: they may learn that a code does not exist. */
const unknownDossier = (): HttpError =>
  new HttpError(404, 'dossier_not_found', 'No dossier has this code. (Không có hồ sơ mang mã này.)');

const unknownAttachment = (): HttpError =>
  new HttpError(404, 'attachment_not_found', 'This dossier has no such file. (Hồ sơ không có tệp này.)');

export function officerHandlers(
  db: Database,
  options: DossierOptions,
): Pick<ContractHandlers, 'officerAction' | 'listDossierAttachments'> {
  const now = options.now ?? (() => new Date());
  const context = () => ({ now: now(), saturdayAgencies: options.saturdayAgencies });
  return {
    async officerAction({ params, body, officer }) {
      assertStorable(body);
      const at = context();
      const outcome = await runOfficerAction(db, officer, params.code, body, at);
      if (!outcome) throw unknownDossier();
      if (!outcome.ok) throw new HttpError(outcome.httpStatus, outcome.code, outcome.message);
      const view = await officerView(db, officer, params.code, at);
      if (!view) throw unknownDossier();
      return view;
    },

    async listDossierAttachments({ params, officer }) {
      const attachments = await dossierAttachments(db, params.code, officer.agencies);
      if (!attachments) throw unknownDossier();
      return { attachments };
    },
  };
}

export interface DownloadOptions {
  db: Queryable;
  store: UploadStore;
  /** The officer the request's credential names, or the 401/403/429. */
  authorise(request: Parameters<RouteHandler>[0]): Promise<Officer>;
}

/** The route handler that sends one attachment's bytes to an officer. */
export function attachmentDownload({ db, store, authorise }: DownloadOptions): RouteHandler {
  return async (request): Promise<Reply> => {
    const officer = await authorise(request);
    const { code = '', upload = '' } = request.params;
    if (!DossierCode.safeParse(code).success) throw unknownDossier();
    if (!UploadId.safeParse(upload).success) throw unknownAttachment();
    const attachment = await dossierFile(db, code, upload, officer.agencies);
    if (!attachment) throw unknownAttachment();
    // Opened before the headers go: a file the store cannot read becomes an error answer, not a cut connection.
    const body = await store.read(attachment.id);
    await once(body, 'readable');
    return {
      status: 200,
      headers: {
        'Content-Type': attachment.fileType,
        'Content-Length': String(attachment.size),
        'Content-Disposition': attachmentDisposition(attachment.fileName),
        // A citizen's papers: kept by no cache, shared or private, and never run as a page.
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
      body,
    };
  };
}
