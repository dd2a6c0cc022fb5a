/**
 * The decisions about a file, as tus hooks:
 *
 * - on creation (before anything is stored): the metadata is valid, the
 *   size known and not zero, the declared type an accepted kind, and the
 *   dossier draft's total within its limit; the row is recorded and the
 *   sanitised name replaces the client's in the stored metadata;
 * - on completion: the first bytes are of the declared kind, or the file
 *   and its row are removed and the last PATCH answers 415.
 *
 * The per-file limit is not here: tus's `maxSize` checks `Upload-Length`
 * before any hook runs, and every PATCH after.
 */
import type { Upload } from '@tus/utils';
import type { UploadLimits, UploadMetadata } from '../../../src/api/contract/index.js';
import { FILE_KINDS, fileKindInfo, kindOfMimeType, SNIFF_BYTES, sniffFileType } from '../../../src/api/file-types.js';
import type { Database } from '../db/index.js';
import { formatBytes } from './bytes.js';
import { uploadRefusal } from './errors.js';
import { sanitizeFileName } from './file-name.js';
import { parseUploadMetadata } from './metadata.js';
import { receivedHead } from './node-body.js';
import { forgetUploads, markCompleted, recordUpload } from './repository.js';
import type { UploadStore } from './store.js';

export interface UploadHookOptions {
  db: Database;
  store: UploadStore;
  limits: UploadLimits;
}

const ACCEPTED_LABELS = FILE_KINDS.map((info) => info.label).join(', ');

/** The first `count` bytes of a stored upload (fewer if it is shorter). */
async function readFirstBytes(store: UploadStore, id: string, count: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Leaving the loop early destroys the stream: an S3 download stops there too.
  for await (const chunk of await store.read(id)) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= count) break;
  }
  return Buffer.concat(chunks).subarray(0, count);
}

export function uploadHooks({ db, store, limits }: UploadHookOptions) {
  return {
    async onUploadCreate(_req: Request, upload: Upload): Promise<{ metadata: UploadMetadata }> {
      const parsed = parseUploadMetadata(upload.metadata);
      if ('error' in parsed) throw parsed.error;
      const { metadata } = parsed;
      if (upload.sizeIsDeferred) {
        throw uploadRefusal(400, 'length_required', 'Send Upload-Length: the size must be known to check the limits. (Cần cho biết dung lượng tệp.)');
      }
      const size = upload.size!;
      if (size === 0) throw uploadRefusal(400, 'empty_file', 'The file is empty (0 bytes). (Tệp rỗng, không có nội dung.)');
      const kind = kindOfMimeType(metadata.filetype);
      if (!kind) {
        throw uploadRefusal(
          415, 'type_not_accepted',
          `Files of type ${metadata.filetype} are not accepted; accepted: ${ACCEPTED_LABELS}. (Không nhận loại tệp này; chỉ nhận ${ACCEPTED_LABELS}.)`,
        );
      }
      const filename = sanitizeFileName(metadata.filename, kind);
      const filetype = metadata.filetype.split(';')[0]!.trim().toLowerCase();
      const outcome = await recordUpload(db, {
        id: upload.id, draft: metadata.draft, procedure: metadata.procedure, slot: metadata.slot, fileName: filename, fileType: filetype, size,
      }, limits.maxDraftBytes);
      if (!outcome.recorded) {
        const limit = formatBytes(limits.maxDraftBytes);
        throw uploadRefusal(
          413, 'draft_too_large',
          `This file (${formatBytes(size)}) does not fit in the dossier: its files already take ${formatBytes(outcome.draftBytes)} of the ${limit} allowed. ` +
            `(Tổng dung lượng các tệp của hồ sơ vượt quá ${limit}.)`,
        );
      }
      return { metadata: { ...metadata, filename, filetype } };
    },

    async onUploadFinish(req: Request, upload: Upload): Promise<Record<string, never>> {
      const { filename, filetype } = upload.metadata as UploadMetadata;
      // Set at creation from an accepted type, so it names a kind.
      const declared = kindOfMimeType(filetype)!;
      // From memory when this request brought the first bytes (a file sent in one request), else from the store.
      const received = receivedHead(req);
      const head = received && received.length >= Math.min(SNIFF_BYTES, upload.size!)
        ? received
        : await readFirstBytes(store, upload.id, SNIFF_BYTES);
      const found = sniffFileType(head);
      if (found !== declared) {
        await store.remove(upload.id);
        await forgetUploads(db, [upload.id]);
        const expected = fileKindInfo(declared).label;
        const actual = found ? `a ${fileKindInfo(found).label} file` : `not a file type we accept (${ACCEPTED_LABELS})`;
        throw uploadRefusal(
          415, 'content_mismatch',
          `"${filename}" was declared as ${expected} but its content is ${actual}; it was not kept. (Nội dung tệp "${filename}" không phải ${expected}; tệp đã bị loại bỏ.)`,
        );
      }
      await markCompleted(db, upload.id);
      return {};
    },
  };
}
