/**
 * Every refusal of the upload endpoint, as the contract's `ApiError` body
 * with an `UploadErrorCode`, whether it is ours (a limit, a wrong type) or
 * one of tus's own (an unknown id, an offset conflict). Hooks throw
 * `HttpError`s; `tusErrorAnswer` (tus's `onResponseError`) turns whatever
 * was thrown into the status and JSON body tus then sends.
 */
import { ERRORS } from '@tus/utils';
import type { UploadErrorCode } from '../../../src/api/contract/index.js';
import { errorReply, HttpError } from '../http/replies.js';
import { formatBytes } from './bytes.js';

type ErrorDetails = ConstructorParameters<typeof HttpError>[3];

export const uploadRefusal = (
  status: number,
  code: UploadErrorCode,
  message: string,
  details?: ErrorDetails,
): HttpError => new HttpError(status, code, message, details);

export const fileTooLarge = (maxFileBytes: number): HttpError =>
  uploadRefusal(
    413,
    'file_too_large',
    `The file is larger than the limit of ${formatBytes(maxFileBytes)} per file. (Tệp vượt quá dung lượng tối đa ${formatBytes(maxFileBytes)}.)`,
  );

/** Codes of tus's own refusals, by status; any other 4xx is `invalid_upload_request`. */
const TUS_CODES: Record<number, UploadErrorCode> = {
  404: 'upload_not_found',
  409: 'upload_offset_conflict',
  410: 'upload_gone',
  423: 'upload_locked',
};

interface TusError {
  status_code: number;
  body: string;
}

const isTusError = (error: unknown): error is TusError =>
  typeof error === 'object' && error !== null && typeof (error as TusError).status_code === 'number';

/** The answer tus sends for `error`; unexpected errors are logged and answered with a bare 500. */
export function tusErrorAnswer(error: unknown, maxFileBytes: number, log: (line: string) => void): TusError {
  let refusal: HttpError;
  if (error instanceof HttpError) refusal = error;
  else if (error === ERRORS.ERR_MAX_SIZE_EXCEEDED) refusal = fileTooLarge(maxFileBytes);
  // 501: an extension tus knows but this endpoint does not take (Upload-Concat): the client's to change.
  else if (isTusError(error) && (error.status_code < 500 || error.status_code === 501)) {
    refusal = uploadRefusal(
      error.status_code,
      TUS_CODES[error.status_code] ?? 'invalid_upload_request',
      error.body.trim(),
    );
  } else {
    log(`Upload failed: ${error instanceof Error ? error.stack : JSON.stringify(error)}`);
    refusal = uploadRefusal(
      isTusError(error) ? error.status_code : 500,
      'internal_error',
      'The server could not store the file. Please try again later. (Máy chủ không lưu được tệp, vui lòng thử lại sau.)',
    );
  }
  return { status_code: refusal.status, body: errorReply(refusal).body };
}
