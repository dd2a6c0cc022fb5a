/**
 * What a file's first bytes say it is (its "magic numbers"), checked by the
 * upload widget before a byte is sent and by the backend as the bytes
 * arrive, so that an executable renamed `.pdf` is refused on both sides.
 * A module of its own, apart from the kinds in `file-types.ts`: the widget
 * needs the kinds to show what it accepts as soon as it renders, and this
 * only once a file is chosen, so it loads then, with the upload client.
 */
import type { FileKind } from './file-types.js';

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
 * The kind of file these leading bytes (ideally `SNIFF_BYTES` of them)
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
