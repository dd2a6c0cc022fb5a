/**
 * What `npm run catalog -- import <file>` reads, told apart by content (or
 * named with `--format`): a catalogue file (file.ts), the national
 * database's JSON answers (national/json.ts) or its Excel list export
 * (national/excel.ts). A catalogue file replaces the catalogue; national
 * data is merged into the catalogue as it is at import time, inside the
 * import's transaction (national/catalogue.ts). Anything else (an old
 * binary .xls, an HTML page saved under a .xls or .json name, JSON of
 * another shape, a file not in UTF-8) is refused with what it is.
 */
import { CATALOGUE_FORMAT } from '../../../src/api/contract/catalogue-file.js';
import { catalogueOf, checkedCatalogueFile, decodeUtf8, parseJson } from './file.js';
import { formIdsFor } from '../forms/index.js';
import type { CatalogueSource } from './import.js';
import { mergeNational, type NationalImportOptions } from './national/catalogue.js';
import { nationalProceduresOfExcel } from './national/excel.js';
import { isNationalJson, nationalBundle, nationalProceduresOfJson } from './national/json.js';
import type { NationalProcedure } from './national/procedure.js';
import { type Catalogue, CatalogueError } from './seed/index.js';

export const IMPORT_FORMATS = ['catalogue', 'national-json', 'excel'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ReadImport {
  format: ImportFormat;
  catalogue: CatalogueSource;
  /** What the reading left out, for the operator (e.g. rows no longer in force). */
  notes: string[];
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** The national procedures merged into the current catalogue, as the import will do it. */
export const nationalCatalogue =
  (procedures: NationalProcedure[], options: NationalImportOptions, name: string) =>
  (current: Catalogue): Catalogue =>
    mergeNational(current, procedures, options, name);

/** The format of `bytes`, from their content; refuses what is none of them. */
function detectFormat(bytes: Uint8Array, name: string): { format: ImportFormat; document?: unknown } {
  if (startsWith(bytes, ZIP)) return { format: 'excel' };
  if (startsWith(bytes, OLE)) {
    throw new CatalogueError(`${name}: an old binary Excel file (.xls); open it in Excel and save it as .xlsx`);
  }
  const text = decodeUtf8(bytes, name);
  if (/^\s*</.test(text)) {
    throw new CatalogueError(
      `${name}: an HTML page, not JSON or xlsx (a saved error page, or an export that is HTML under a .xls name: open it in Excel and save it as .xlsx)`,
    );
  }
  const document = parseJson(text, name);
  if ((document as { format?: unknown } | null)?.format === CATALOGUE_FORMAT) return { format: 'catalogue', document };
  if (isNationalJson(document)) return { format: 'national-json', document };
  throw new CatalogueError(
    `${name}: JSON that is neither a catalogue file ("format": "${CATALOGUE_FORMAT}") ` +
      'nor national answers (an array of search items, or {"search": [...], "steps": {...}, "requires": {...}})',
  );
}

/** Reads `bytes` (the file `name`) as the format they hold, which must be `expected` when given. */
export async function readImportFile(
  bytes: Uint8Array,
  name: string,
  options: NationalImportOptions & { format?: ImportFormat } = {},
): Promise<ReadImport> {
  const { format, document } = detectFormat(bytes, name);
  if (options.format && options.format !== format) {
    throw new CatalogueError(`${name}: --format ${options.format}, but the file holds ${format}`);
  }
  if (format === 'catalogue')
    return { format, catalogue: catalogueOf(checkedCatalogueFile(document, name, formIdsFor)), notes: [] };
  const { procedures, notInForce } =
    format === 'national-json'
      ? { procedures: nationalProceduresOfJson(nationalBundle(document, name), name), notInForce: 0 }
      : await nationalProceduresOfExcel(bytes, name);
  const notes = notInForce > 0 ? [`${notInForce} row(s) left out: no longer in force (Tình trạng)`] : [];
  if (procedures.length === 0) throw new CatalogueError(`${name}: no procedures in it${notes.map((n) => `; ${n}`)}`);
  return { format, catalogue: nationalCatalogue(procedures, options, name), notes };
}
