/**
 * The backend contract, version 1, part three: attachments. Files travel
 * over the tus 1.0 resumable protocol (https://tus.io/protocols/resumable-upload)
 * at {@link UPLOADS_PATH} under the API base, not as JSON; this module holds
 * what both sides must agree on besides the protocol: the `Upload-Metadata`
 * an upload is created with, the limits, and the codes of refusals.
 *
 * Refusals carry the usual `ApiError` body, so a widget can tell a file
 * that is too large for itself (`file_too_large`) from one that no longer
 * fits in the dossier (`draft_too_large`) and say which limit applies.
 */
import * as z from 'zod/mini';
import { ProcedureCode } from './common.js';

/** Path of the tus endpoint: in `routes.ts` with the others, where the REST client reads it without the schemas. */
export { UPLOADS_PATH } from './routes.js';

/** An upload's id: 128 random bits in base64url, so that knowing one id reveals no other. */
export const UploadId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

/** Slug of a document slot of a procedure (one required document), e.g. `giay-chung-sinh`. */
export const DocumentSlot = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/**
 * A dossier draft's id, generated at random by the client when the citizen
 * starts a dossier; the uploads that carry it count against one per-dossier limit.
 */
export const DraftId = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/**
 * A dossier draft's upload secret, sent in the `Dvc-Upload-Secret` header
 * (`UPLOAD_SECRET_HEADER`, common.ts):
 * 256 random bits in base64url, made by the citizen's browser with the
 * draft and kept beside it, never in an address. The backend keeps only its SHA-256; an upload created with it
 * answers only requests that carry it, and only a dossier filed with it
 * can take the upload.
 */
export const UploadSecret = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

/**
 * The tus `Upload-Metadata` of a new upload. `filename` is the name as the
 * citizen's device gave it (the backend sanitises it; it never names a file
 * on disk); `filetype` is a MIME type, checked against the accepted kinds
 * (415 otherwise) and, once the upload is complete, against the content.
 * `procedure` and `slot` are absent when the widget is used alone, outside
 * a dossier form (a plain `<form>` that collects a file for another purpose).
 */
export const UploadMetadata = z.object({
  filename: z.string().check(z.minLength(1), z.maxLength(1024)),
  filetype: z.string().check(z.minLength(1), z.maxLength(255)),
  procedure: z.optional(ProcedureCode),
  slot: z.optional(DocumentSlot),
  draft: DraftId,
});

const ByteCount = z.int().check(z.positive());

/** What a backend accepts; the reference backend reads them from its environment. */
export const UploadLimits = z.object({
  /** Largest single file, in bytes. */
  maxFileBytes: ByteCount,
  /** Largest total of the files of one dossier draft, in bytes. */
  maxDraftBytes: ByteCount,
  /**
   * Largest total of the uploads no dossier has taken yet from one client address (an IPv4
   * address or an IPv6 /64), in bytes: a draft id is the client's to choose, so this is what
   * keeps one client from filling the store.
   */
  maxAddressBytes: ByteCount,
  /** Hours after which an upload never attached to a dossier is removed. */
  ttlHours: z.number().check(z.positive()),
});

/**
 * The reference backend's defaults: 20 MiB per file, 100 MiB per dossier, 1 GiB unfiled per
 * address (ten full dossiers: the citizens at a commune office's computers share one address),
 * 24 hours.
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 20 * 2 ** 20,
  maxDraftBytes: 100 * 2 ** 20,
  maxAddressBytes: 2 ** 30,
  ttlHours: 24,
};

/**
 * `error.code` of a refused upload request. The first nine are decisions
 * about the file (a missing or malformed upload secret is a `validation_failed`
 * too); the rest are the protocol's own failures.
 */
export const UploadErrorCode = z.enum([
  /** 400: `Upload-Metadata` missing a key or malformed; `details` name the keys. */
  'validation_failed',
  /** 400: the file is empty. */
  'empty_file',
  /** 400: `Upload-Defer-Length` is not accepted; the size must be known to check the limits. */
  'length_required',
  /** 413: larger than `maxFileBytes`. */
  'file_too_large',
  /** 413: the dossier draft's files would exceed `maxDraftBytes`. */
  'draft_too_large',
  /** 413: the unfiled uploads of the client's address would exceed `maxAddressBytes`; filing, cancelling or expiry frees them. */
  'address_quota_exceeded',
  /** 415: the declared type is not an accepted kind. */
  'type_not_accepted',
  /** 415: the file's first bytes are not of the declared type (checked as they arrive, before the rest is stored); the upload is removed. */
  'content_mismatch',
  /** 422: the virus scan of the finished file found malware (or the EICAR test file); the upload is removed. */
  'upload_infected',
  /**
   * 404: no such upload for this client: it never existed, was refused, cancelled, expired, taken by a
   * filed dossier, or the request does not carry the secret it was created with.
   */
  'upload_not_found',
  /** 410: the upload expired. */
  'upload_gone',
  /** 409: `Upload-Offset` does not match the stored offset; ask with HEAD and resume. */
  'upload_offset_conflict',
  /** 423: another request is writing to this upload. */
  'upload_locked',
  /** 405: the endpoint never sends a file back (officers download through their own route). */
  'method_not_allowed',
  /** Any other 4xx of the protocol (a missing or malformed tus header). */
  'invalid_upload_request',
  /**
   * 503: the finished file could not be scanned for viruses (the scanner is down); the upload is kept,
   * unscanned, and a retry (HEAD, as tus clients resume) scans it again. No dossier takes it until then.
   */
  'scan_unavailable',
  /** 5xx. */
  'internal_error',
]);

export type UploadId = z.infer<typeof UploadId>;
export type UploadMetadata = z.infer<typeof UploadMetadata>;
export type UploadSecret = z.infer<typeof UploadSecret>;
export type UploadLimits = z.infer<typeof UploadLimits>;
export type UploadErrorCode = z.infer<typeof UploadErrorCode>;
