/**
 * The kinds of file a citizen may attach to a dossier, and how to recognise
 * each from its first bytes. Shared by the reference backend (which refuses
 * a finished upload whose content is not what was declared) and the upload
 * widget (which checks a file before sending anything), so both agree on
 * what "a PDF" is. No Node APIs: bytes are a `Uint8Array`, names are strings.
 *
 * Why sniff at all: a file's extension and its browser-reported type are
 * only claims. An executable renamed `.pdf`, or a phone photo saved as
 * `.pdf`, would reach an official who cannot open it, or worse.
 */

/** A kind of document the services accept. HEIC and HEIF are one kind: phones save either. */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'heic' | 'doc' | 'docx' | 'odt';

export interface FileKindInfo {
  kind: FileKind;
  /** Name shown to people, e.g. in "The file is not a PDF". */
  label: string;
  /** The MIME type to declare; the first of `mimeTypes`. */
  mimeType: string;
  /** Every MIME type browsers report for this kind, lower case. */
  mimeTypes: readonly string[];
  /** File name extensions with the dot, lower case; the first is the one added to a name without one. */
  extensions: readonly string[];
}

export const FILE_KINDS: readonly FileKindInfo[] = [
  { kind: 'pdf', label: 'PDF', mimeType: 'application/pdf', mimeTypes: ['application/pdf'], extensions: ['.pdf'] },
  {
    kind: 'jpeg',
    label: 'JPEG',
    mimeType: 'image/jpeg',
    mimeTypes: ['image/jpeg', 'image/pjpeg'],
    extensions: ['.jpg', '.jpeg'],
  },
  { kind: 'png', label: 'PNG', mimeType: 'image/png', mimeTypes: ['image/png'], extensions: ['.png'] },
  {
    kind: 'heic',
    label: 'HEIC/HEIF',
    mimeType: 'image/heic',
    mimeTypes: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    extensions: ['.heic', '.heif'],
  },
  {
    kind: 'doc',
    label: 'Word (DOC)',
    mimeType: 'application/msword',
    mimeTypes: ['application/msword'],
    extensions: ['.doc'],
  },
  {
    kind: 'docx',
    label: 'Word (DOCX)',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['.docx'],
  },
  {
    kind: 'odt',
    label: 'OpenDocument (ODT)',
    mimeType: 'application/vnd.oasis.opendocument.text',
    mimeTypes: ['application/vnd.oasis.opendocument.text'],
    extensions: ['.odt'],
  },
];

/** How many leading bytes `sniffFileType` needs to tell every kind apart in real files. */
export const SNIFF_BYTES = 4096;

export const fileKindInfo = (kind: FileKind): FileKindInfo => FILE_KINDS.find((info) => info.kind === kind)!;

/** The kind a MIME type declares (parameters and case ignored), or undefined if it is not accepted. */
export function kindOfMimeType(mimeType: string): FileKind | undefined {
  const bare = mimeType.split(';')[0]!.trim().toLowerCase();
  return FILE_KINDS.find((info) => info.mimeTypes.includes(bare))?.kind;
}

/** The extension of a file name, lower case with its dot (`.pdf`), or `''` when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot).toLowerCase() : '';
}

/** The kind a file name's extension suggests (browsers often report no type for HEIC). */
export function kindOfFileName(fileName: string): FileKind | undefined {
  const extension = extensionOf(fileName);
  return extension ? FILE_KINDS.find((info) => info.extensions.includes(extension))?.kind : undefined;
}

/**
 * The kinds an HTML `accept` attribute allows: MIME types (`application/pdf`),
 * wildcards (`image/*`) and extensions (`.docx`), comma-separated. An empty
 * attribute allows every kind; entries naming no kind we accept are ignored.
 */
export function acceptedKinds(accept: string): FileKind[] {
  const entries = accept
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return FILE_KINDS.map((info) => info.kind);
  return FILE_KINDS.filter((info) =>
    entries.some((entry) =>
      entry.startsWith('.')
        ? info.extensions.includes(entry)
        : entry.endsWith('/*')
          ? info.mimeTypes.some((type) => type.startsWith(entry.slice(0, -1)))
          : info.mimeTypes.includes(entry),
    ),
  ).map((info) => info.kind);
}
