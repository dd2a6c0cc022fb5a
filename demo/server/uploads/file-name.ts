/**
 * The name a citizen's file is known by. It is only ever a label (shown to
 * officials, offered when they download the file), never a path: the bytes
 * are stored under the upload's random id. Still, the label must be safe to
 * show and to save: no folders, no invisible characters, no characters a
 * Windows desktop refuses, NFC like every Vietnamese text of the system, at
 * most 255 UTF-8 bytes (what file systems allow), and an extension that
 * matches the content, so that the downloaded file opens in the right program.
 */
import { extensionOf, type FileKind, fileKindInfo } from '../../../src/api/file-types.js';

const MAX_NAME_BYTES = 255;
/** "Attachment": the name of a file whose own name had nothing usable left. */
const FALLBACK_STEM = 'tep-dinh-kem';
/**
 * Control characters, format characters (bidi overrides, which make
 * `gpj.exe` display as `exe.jpg`, and zero-width ones) and line separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Refused in Windows file names; an official must be able to save the download. */
const RESERVED = /[<>:"|?*]/g;

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const utf8Length = (text: string): number => encoder.encode(text).length;

/** The longest prefix of `text` within `maxBytes`, never splitting a letter from its diacritics. */
function truncateUtf8(text: string, maxBytes: number): string {
  let kept = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += utf8Length(segment);
    if (bytes > maxBytes) break;
    kept += segment;
  }
  return kept;
}

/** Trims spaces and dots at both ends: leading dots hide files, trailing ones vanish on Windows. */
const trimEnds = (text: string): string => text.replace(/^[\s.]+|[\s.]+$/gu, '');

/**
 * The stored name for `name` (as the client sent it) of a file of `kind`:
 * the last path segment (`../`, `C:\fakepath\` gone), cleaned, NFC, capped at
 * 255 UTF-8 bytes with the extension kept. A name whose extension does not
 * fit the kind gets the kind's extension appended (`scan` → `scan.pdf`,
 * `a.exe` → `a.exe.pdf`).
 */
export function sanitizeFileName(name: string, kind: FileKind): string {
  const lastSegment = name.replace(/\\/g, '/').split('/').at(-1)!;
  const cleaned = trimEnds(
    lastSegment.replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/gu, ' ').normalize('NFC'),
  );
  const { extensions } = fileKindInfo(kind);
  const ownExtension = extensionOf(cleaned);
  const keepsExtension = extensions.includes(ownExtension);
  const extension = keepsExtension ? cleaned.slice(-ownExtension.length) : extensions[0]!;
  const stem = trimEnds(keepsExtension ? cleaned.slice(0, -ownExtension.length) : cleaned);
  return (trimEnds(truncateUtf8(stem, MAX_NAME_BYTES - utf8Length(extension))) || FALLBACK_STEM) + extension;
}
