/**
 * The decisions about a file, as tus hooks and as the policy the upload
 * bodies apply (node-body.ts):
 *
 * - on creation (before anything is stored): the metadata is valid, the
 *   size known and not zero, the declared type an accepted kind, and the
 *   dossier draft's total within its limit; the row is recorded and the
 *   sanitised name replaces the client's in the stored metadata;
 * - on the first bytes: they are of the declared kind, or the upload, file
 *   and row, is removed and the request answers 415. Nothing past them is
 *   stored before, so a file stored in full is a file that passed;
 * - on a cancellation (DELETE): a file a dossier took stays, 409; its id
 *   is in the citizen's browser, and the dossier is the agency's now.
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
import type { HeadPolicy } from './node-body.js';
import { forgetUploads, isAttached, recordUpload } from './repository.js';
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

export function uploadHooks({ db, limits }: Pick<UploadHookOptions, 'db' | 'limits'>) {
  return {
    async onIncomingRequest(req: Request, id: string): Promise<void> {
      if (req.method === 'DELETE' && (await isAttached(db, id))) {
        throw uploadRefusal(409, 'upload_attached', 'This file belongs to a filed dossier and cannot be removed. (Tệp thuộc hồ sơ đã nộp, không thể xóa.)');
      }
    },

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
  };
}

/** The check of an upload's first bytes against its declared type, and the removal of a refused upload. */
export function headPolicy({ db, store, log }: Pick<UploadHookOptions, 'db' | 'store'> & { log: (line: string) => void }): HeadPolicy {
  return {
    check(upload, head) {
      const { filename, filetype } = upload.metadata as UploadMetadata;
      // Set at creation from an accepted type, so it names a kind.
      const declared = kindOfMimeType(filetype)!;
      const found = sniffFileType(head);
      if (found === declared) return;
      const expected = fileKindInfo(declared).label;
      const actual = found ? `a ${fileKindInfo(found).label} file` : `not a file type we accept (${ACCEPTED_LABELS})`;
      throw uploadRefusal(
        415, 'content_mismatch',
        `"${filename}" was declared as ${expected} but its content is ${actual}; it was not kept. (Nội dung tệp "${filename}" không phải ${expected}; tệp đã bị loại bỏ.)`,
      );
    },
    storedHead: (upload) => readFirstBytes(store, upload.id, SNIFF_BYTES),
    // A removal that fails does not change the answer (the refusal); the expiry sweep removes the upload later.
    async discard(upload) {
      try {
        await store.remove(upload.id);
        await forgetUploads(db, [upload.id]);
      } catch (error) {
        log(`Could not remove refused upload ${upload.id}, the sweep will: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
