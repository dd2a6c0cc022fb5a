/**
 * The backend's log lines never carry an upload id. An id is half of what
 * opens a citizen's file (the other half is the draft's upload secret), and
 * logs are read, shipped and kept by more people than the files are. Our
 * own lines leave ids out; what we do not write ourselves (an error from
 * the store naming its file, a stack) passes through {@link withoutUploadIds}.
 */

/** 22 base64url characters standing alone: the shape of an upload id (contract/uploads.ts). */
const UPLOAD_ID_SHAPE = /(?<![\w-])[\w-]{22}(?![\w-])/g;

/** `line` with every upload-id-shaped word replaced by `[upload]` (a rare 22-letter word goes too: harmless). */
export const withoutUploadIds = (line: string): string => line.replace(UPLOAD_ID_SHAPE, '[upload]');

/**
 * A request's path as logged: the segment after `/uploads/` or
 * `/attachments/` names an upload however it is written (percent-escaped,
 * with a suffix), so it is replaced whole, whatever its shape.
 */
export const loggedPath = (pathname: string): string =>
  pathname.replace(/(\/(?:uploads|attachments)(?:\/|%2f))[^/]+/gi, '$1[upload]');

export type Log = (line: string) => void;

/** A log that writes through `write` with upload ids removed. */
export const redactingLog =
  (write: Log): Log =>
  (line) =>
    write(withoutUploadIds(line));
