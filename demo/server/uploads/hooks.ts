/**
 * The decisions about a file, as tus hooks and as the policy the upload
 * bodies apply (node-body.ts):
 *
 * - on every request: it carries the draft's upload secret, and an
 *   existing upload was created with that secret and is not yet filed;
 *   otherwise it is unknown (404), whoever asks, so an id read in a log,
 *   guessed, or taken from another browser opens nothing;
 * - on creation (before anything is stored): the metadata is valid, the
 *   size known and not zero, the declared type an accepted kind, the
 *   unfiled uploads of the client's address and the dossier draft's files
 *   within their limits (a draft id is the client's to choose, so the draft
 *   limit alone would not keep a client from filling the store); the row is recorded and the
 *   sanitised name replaces the client's in the stored metadata, and only
 *   the hash of the secret is kept;
 * - on the first bytes: they are of the declared kind, or the upload, file
 *   and row, is removed and the request answers 415. Nothing past them is
 *   stored before, so a file stored in full is a file that passed;
 * - a file a dossier took is the agency's: HEAD, PATCH and DELETE answer
 *   404 for it like for any unknown upload, and nothing reads a file back
 *   here (officers download through their own route).
 *
 * The per-file limit is not here: tus's `maxSize` checks `Upload-Length`
 * before any hook runs, and every PATCH after.
 */
import type { Upload } from '@tus/utils';
import {
  UPLOAD_SECRET_HEADER,
  type UploadLimits,
  type UploadMetadata,
  UploadSecret,
} from '../../../src/api/contract/index.js';
import { sniffFileType } from '../../../src/api/file-sniffing.js';
import { FILE_KINDS, fileKindInfo, kindOfMimeType, SNIFF_BYTES } from '../../../src/api/file-types.js';
import type { Database } from '../db/index.js';
import { DEV_LOOKUP_KEY, keyedHash } from '../dossiers/secret.js';
import { addressKey } from '../http/client-address.js';
import { formatBytes } from './bytes.js';
import { uploadRefusal } from './errors.js';
import type { HttpError } from '../http/replies.js';
import { sanitizeFileName } from './file-name.js';
import { parseUploadMetadata } from './metadata.js';
import type { HeadPolicy } from './node-body.js';
import {
  forgetUploads,
  isOpenTo,
  markCancelled,
  recordReceived,
  recordUpload,
  storedByItsAddress,
  uploadSecretHash,
} from './repository.js';
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

/** The hash of the upload secret `req` carries, or the 400 that says what to send. */
function secretHashOf(req: Request): string {
  const secret = req.headers.get(UPLOAD_SECRET_HEADER);
  if (secret !== null && UploadSecret.safeParse(secret).success) return uploadSecretHash(secret);
  throw uploadRefusal(
    400,
    'validation_failed',
    `Send the dossier draft's upload secret in the ${UPLOAD_SECRET_HEADER} header. (Thiếu mã bảo vệ tệp tải lên.)`,
    [
      {
        path: UPLOAD_SECRET_HEADER,
        message: '43 letters, digits, - or _ (256 random bits, base64url), the same for every file of the draft',
      },
    ],
  );
}

/**
 * The client key ({@link bindClient}) of each request the endpoint hands to
 * tus, which passes the same Request to the hooks.
 */
const clientKeys = new WeakMap<Request, string>();

/** Whom `request` comes from; every request the endpoint hands to tus was bound ({@link bindClient}). */
function clientKeyOf(request: Request): string {
  const key = clientKeys.get(request);
  // Never a shared fallback key: it would put every client under one quota.
  if (key === undefined) throw new Error('An upload request reached the hooks without its client address');
  return key;
}

/**
 * Records whom `request` comes from, for the address quota at its creation: the keyed hash of its
 * address key (IPv4, IPv6 /64), so that a copy of the uploads table holds no address, while two
 * requests from one address still meet under one key.
 */
export function bindClient(request: Request, clientAddress: string, secret = DEV_LOOKUP_KEY): void {
  clientKeys.set(request, keyedHash(secret, `upload client ${addressKey(clientAddress)}`));
}

/** One answer for an upload that does not exist and for one that is not the client's: an id alone reveals nothing. */
const unknownUpload = () => uploadRefusal(404, 'upload_not_found', 'No such upload. (Không tìm thấy tệp tải lên.)');

/** The 413 of an upload that would pass the draft's limit or the address's quota. */
function limitRefusal(
  { limit, heldBytes }: { limit: 'draft' | 'address'; heldBytes: number },
  size: number,
  limits: UploadLimits,
): HttpError {
  const held = formatBytes(heldBytes);
  if (limit === 'address') {
    const quota = formatBytes(limits.maxAddressBytes);
    return uploadRefusal(
      413,
      'address_quota_exceeded',
      `This file (${formatBytes(size)}) cannot be taken now: files not yet filed from your network already take ${held} of the ${quota} allowed. ` +
        `They are freed as their dossiers are filed, or within ${limits.ttlHours} hours. (Mạng của bạn đã tải lên quá nhiều tệp chưa nộp; hãy nộp hồ sơ hoặc thử lại sau.)`,
    );
  }
  const allowed = formatBytes(limits.maxDraftBytes);
  return uploadRefusal(
    413,
    'draft_too_large',
    `This file (${formatBytes(size)}) does not fit in the dossier: its files already take ${held} of the ${allowed} allowed. ` +
      `(Tổng dung lượng các tệp của hồ sơ vượt quá ${allowed}.)`,
  );
}

export function uploadHooks({ db, limits }: Pick<UploadHookOptions, 'db' | 'limits'>) {
  return {
    async onIncomingRequest(req: Request, id: string): Promise<void> {
      const secretHash = secretHashOf(req);
      // A creation's id is new: there is nothing to own yet. A cancellation marks the upload before
      // tus removes its file, so that no filing can take it meanwhile (migration 008).
      if (req.method === 'POST') return;
      const open =
        req.method === 'DELETE' ? await markCancelled(db, id, secretHash) : await isOpenTo(db, id, secretHash);
      if (!open) throw unknownUpload();
    },

    async onUploadCreate(req: Request, upload: Upload): Promise<{ metadata: UploadMetadata }> {
      const parsed = parseUploadMetadata(upload.metadata);
      if ('error' in parsed) throw parsed.error;
      const { metadata } = parsed;
      if (upload.sizeIsDeferred) {
        throw uploadRefusal(
          400,
          'length_required',
          'Send Upload-Length: the size must be known to check the limits. (Cần cho biết dung lượng tệp.)',
        );
      }
      const size = upload.size!;
      if (size === 0)
        throw uploadRefusal(400, 'empty_file', 'The file is empty (0 bytes). (Tệp rỗng, không có nội dung.)');
      const kind = kindOfMimeType(metadata.filetype);
      if (!kind) {
        throw uploadRefusal(
          415,
          'type_not_accepted',
          `Files of type ${metadata.filetype} are not accepted; accepted: ${ACCEPTED_LABELS}. (Không nhận loại tệp này; chỉ nhận ${ACCEPTED_LABELS}.)`,
        );
      }
      const filename = sanitizeFileName(metadata.filename, kind);
      const filetype = metadata.filetype.split(';')[0]!.trim().toLowerCase();
      const outcome = await recordUpload(
        db,
        {
          id: upload.id,
          draft: metadata.draft,
          procedure: metadata.procedure,
          slot: metadata.slot,
          fileName: filename,
          fileType: filetype,
          size,
          secretHash: secretHashOf(req),
          clientKey: clientKeyOf(req),
        },
        limits,
      );
      if (!outcome.recorded) throw limitRefusal(outcome, size, limits);
      return { metadata: { ...metadata, filename, filetype } };
    },
  };
}

/**
 * The check of an upload's first bytes against its declared type, the removal of a refused upload,
 * and the address quota on what is stored (migration 016).
 */
export function headPolicy({
  db,
  store,
  limits,
  log,
}: Pick<UploadHookOptions, 'db' | 'store' | 'limits'> & { log: (line: string) => void }): HeadPolicy {
  return {
    async admit(upload) {
      const stored = await storedByItsAddress(db, upload.id);
      if (stored !== undefined && stored + upload.size! > limits.maxAddressBytes) {
        throw limitRefusal({ limit: 'address', heldBytes: stored }, upload.size!, limits);
      }
    },
    received: (upload, offset) => recordReceived(db, upload.id, offset),
    check(upload, head) {
      const { filename, filetype } = upload.metadata as UploadMetadata;
      // Set at creation from an accepted type, so it names a kind.
      const declared = kindOfMimeType(filetype)!;
      const found = sniffFileType(head);
      if (found === declared) return;
      const expected = fileKindInfo(declared).label;
      const actual = found ? `a ${fileKindInfo(found).label} file` : `not a file type we accept (${ACCEPTED_LABELS})`;
      throw uploadRefusal(
        415,
        'content_mismatch',
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
        // Never the id: with a log line it would be half of what opens the file.
        log(
          `Could not remove a refused upload, the sweep will: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  };
}
