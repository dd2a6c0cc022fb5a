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

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** OLE2 compound file: Word 97–2003 (and, unavoidably, other Office 97 files). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/** HEIF major brands of still images and sequences, from phones and converters. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
/** AVIF also uses the generic brands mif1/msf1; its compatible brands give it away. */
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** An ISO-BMFF file (`....ftyp<major><minor><compatible...>`) whose brands say HEIC/HEIF. */
function isHeif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const major = ascii(bytes, 8, 12);
  if (!HEIF_BRANDS.has(major)) return false;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) compatible.push(ascii(bytes, at, at + 4));
  return !compatible.some((brand) => AVIF_BRANDS.has(brand));
}

/** Names of the zip entries whose local headers lie within `bytes` (stops where sizes are unknown). */
function zipEntryNames(bytes: Uint8Array): { names: string[]; firstContent: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let firstContent = '';
  let at = 0;
  while (at + 30 <= bytes.length && startsWith(bytes, ZIP_LOCAL_HEADER, at)) {
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const dataStart = at + 30 + nameLength + extraLength;
    names.push(ascii(bytes, at + 30, at + 30 + nameLength));
    if (names.length === 1) firstContent = ascii(bytes, dataStart, dataStart + Math.min(compressedSize, 100));
    // Bit 3: sizes follow the data, so the next header cannot be found from here.
    if (flags & 0x08) break;
    at = dataStart + compressedSize;
  }
  return { names, firstContent };
}

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/**
 * ODT: the OpenDocument rule puts an uncompressed `mimetype` entry first.
 * DOCX: an Office Open XML package (`[Content_Types].xml`) with `word/`
 * parts; a package whose early entries show a spreadsheet (`xl/`) or a
 * presentation (`ppt/`) is not a Word document.
 */
function zipKind(bytes: Uint8Array): FileKind | undefined {
  const { names, firstContent } = zipEntryNames(bytes);
  if (names[0] === 'mimetype') return firstContent === ODT_MIMETYPE ? 'odt' : undefined;
  if (names.some((name) => name.startsWith('xl/') || name.startsWith('ppt/'))) return undefined;
  return names.some((name) => name === '[Content_Types].xml' || name.startsWith('word/')) ? 'docx' : undefined;
}

/**
 * The kind of file these leading bytes (ideally {@link SNIFF_BYTES} of them)
 * belong to, or undefined for anything else: an executable, a GIF, an
 * unrecognised zip, too few bytes.
 */
export function sniffFileType(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, OLE2)) return 'doc';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return zipKind(bytes);
  if (bytes.length >= 12 && isHeif(bytes)) return 'heic';
  return undefined;
}
