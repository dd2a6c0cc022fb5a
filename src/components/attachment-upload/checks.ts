/**
 * What is checked before a byte is sent, so a citizen on a slow link never
 * waits for a file the desk would refuse: the number of files, duplicates,
 * emptiness, size, the type by extension and, from the first bytes, that the
 * content really is that type (an executable renamed `.pdf` is caught here,
 * and again by the backend, which trusts nothing the browser says).
 */
import {
  acceptedKinds,
  FILE_KINDS,
  fileKindInfo,
  kindOfFileName,
  kindOfMimeType,
  SNIFF_BYTES,
} from '../../api/file-types.js';
import type { UploadMessages } from './messages.js';

export interface Rejection {
  name: string;
  message: string;
}

export interface Limits {
  accept: string;
  maxSize: number;
  /** Most files in the list. */
  limit: number;
  /** Files already in the list. */
  taken: readonly { name: string; size: number }[];
}

/** What `accept` allows, for people ("PDF, JPEG, PNG") and for offering the camera (which makes JPEGs). */
export function describeAccept(accept: string): { labels: string; photos: boolean } {
  const kinds = acceptedKinds(accept);
  return {
    labels: FILE_KINDS.filter((info) => kinds.includes(info.kind))
      .map((info) => info.label)
      .join(', '),
    photos: kinds.includes('jpeg'),
  };
}

/** The kind the file is accepted as (its MIME type to declare), or why it is refused. */
export async function checkFile(
  file: File,
  limits: Limits,
  t: UploadMessages,
  formatSize: (bytes: number) => string,
): Promise<{ mimeType: string } | Rejection> {
  const name = file.name.normalize('NFC');
  const refuse = (message: string): Rejection => ({ name, message });
  if (limits.taken.length >= limits.limit) return refuse(t.tooMany(limits.limit));
  if (limits.taken.some((other) => other.name === name && other.size === file.size)) return refuse(t.duplicate(name));
  if (file.size === 0) return refuse(t.empty(name));
  if (file.size > limits.maxSize) return refuse(t.tooLarge(name, formatSize(limits.maxSize)));
  // Browsers report no type for some files (HEIC on Windows): the extension decides then.
  const kind = kindOfFileName(name) ?? kindOfMimeType(file.type);
  if (!kind || !acceptedKinds(limits.accept).includes(kind))
    return refuse(t.wrongType(name, describeAccept(limits.accept).labels));
  // Loaded on the first file chosen, not with the page (file-sniffing.ts says why).
  const [{ sniffFileType }, head] = await Promise.all([
    import('../../api/file-sniffing.js'),
    file.slice(0, SNIFF_BYTES).arrayBuffer(),
  ]);
  if (sniffFileType(new Uint8Array(head)) !== kind) return refuse(t.notWhatItSays(name));
  return { mimeType: fileKindInfo(kind).mimeType };
}
