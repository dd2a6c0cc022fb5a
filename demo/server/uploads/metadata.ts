/**
 * Reads a new upload's tus `Upload-Metadata` with the contract's
 * `UploadMetadata` schema. A refusal names each wrong or missing key and
 * what it should hold, in plain words: whoever wires a widget to this
 * endpoint reads them in the browser's network panel.
 */
import { UploadMetadata } from '../../../src/api/contract/index.js';
import type { HttpError } from '../http/replies.js';
import { uploadRefusal } from './errors.js';

/** What each metadata key must hold. */
const KEY_RULES: Record<keyof UploadMetadata, string> = {
  filename: "must be the file's name, 1 to 1024 characters",
  filetype: "must be the file's MIME type, such as application/pdf",
  procedure: 'must be a procedure code such as 1.001193',
  slot: 'must be a document slot id such as giay-chung-sinh (lower-case letters, digits and hyphens)',
  draft: "must be the dossier draft's random id: 16 to 64 letters, digits, - or _",
};

export type MetadataResult = { metadata: UploadMetadata } | { error: HttpError };

/** Validates tus metadata (values may be null for a key sent without a value). */
export function parseUploadMetadata(raw: Record<string, string | null> | undefined): MetadataResult {
  const result = UploadMetadata.safeParse(raw ?? {});
  if (result.success) return { metadata: result.data };
  const keys = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))] as (keyof UploadMetadata)[];
  return {
    error: uploadRefusal(
      400,
      'validation_failed',
      `Invalid Upload-Metadata: ${keys.join(', ')}. See details. (Thông tin tệp tải lên không hợp lệ: ${keys.join(', ')}.)`,
      keys.map((key) => ({ path: key, message: KEY_RULES[key] })),
    ),
  };
}
