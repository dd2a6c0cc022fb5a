/**
 * `npm run catalog -- <command>`: the operator's way to load a commune's
 * or a province's procedures into the backend without touching code.
 *
 *   import <file>     replaces the catalogue by the file's (a catalogue file,
 *                     src/api/contract/catalogue-file.ts) in one transaction,
 *                     and prints what was added, changed and removed; or
 *                     merges in an agency's procedures from the national
 *                     database's JSON answers or Excel export
 *   sync              fetches an agency's procedures from the national
 *                     gateway and imports them the same way
 *   export [<file>]   writes the catalogue citizens see as a catalogue file
 *                     (to standard output without a file); import and export
 *                     round-trip exactly
 *
 * The database is the backend's own (DATABASE_URL, or the embedded one in
 * DATA_DIR). While a backend runs on the embedded one, an import is handed
 * to it (catalogue/hand-off.ts); sync and export need it stopped. A bad
 * file changes nothing and the message names the place at fault.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { catalogueFileOf, catalogueFileText, CatalogueError } from '../server/catalogue/file.js';
import { handOff, type HandedImport, watched } from '../server/catalogue/hand-off.js';
import { IMPORT_FORMATS, type ImportFormat, readImportFile } from '../server/catalogue/import-file.js';
import { currentCatalogue, describeReport, importCatalogue, type ImportReport } from '../server/catalogue/import.js';
import type { NationalImportOptions } from '../server/catalogue/national/catalogue.js';
import { gatewayOptionsFromEnv, type SyncOptions, syncCatalogue } from '../server/catalogue/national/sync.js';
import { dataDir, embeddedDatabaseInUse, fail, withDatabase } from './database.js';

const USAGE = `Usage: npm run catalog -- import <file> [--allow-removals] [--format F] [--agency CODE] [--agency-name NAME]
                                            replace the catalogue by the file's; prints what changed
                                            (--allow-removals: even if it removes most of the procedures)
       npm run catalog -- sync --national-id ID [--agency CODE] [--agency-name NAME]
                               [--gateway URL] [--delay MS] [--cache DIR] [--cache-hours H]
                                            fetch an agency's procedures from the national gateway, import them
       npm run catalog -- export [<file>]   write the catalogue as a file (standard output without one)

A catalogue file is JSON; its schema is dist/catalogue.schema.json (npm run build), and
the demo's own catalogue (demo/server/catalogue/seed/catalogue.json) is an example of it.
import also reads (told apart by content, or --format ${IMPORT_FORMATS.join('|')}) the national
procedure database's JSON answers and its Excel list export; their procedures replace those
of their agency (the code's local suffix, else --agency) and the rest of the catalogue stays.
Environment: DATABASE_URL, or DATA_DIR (default .data/): while a backend runs on it, import is
handed to that backend (sync and export need it stopped; it can sync itself: CATALOGUE_SYNC_INTERVAL);
NATIONAL_GATEWAY_URL, NATIONAL_GATEWAY_DELAY_MS, NATIONAL_CACHE_DIR, NATIONAL_CACHE_HOURS for sync.`;

/** Runs an import, printing its report, or ends the command saying nothing was imported. */
async function reporting(what: string, work: () => Promise<ImportReport | undefined>): Promise<void> {
  try {
    const report = await work();
    if (!report) fail('Nothing imported: another sync or import is under way; try again later.');
    console.log(`Imported ${what}.\n${describeReport(report)}`);
  } catch (error) {
    if (error instanceof CatalogueError) fail(`Nothing imported. ${error.message}`);
    throw error;
  }
}

async function importFile(path: string, allowRemovingMost: boolean, options: NationalImportOptions): Promise<void> {
  const bytes = await readFile(path).catch(() => fail(`Cannot read ${path}.`));
  await reporting(path, async () => {
    const format = values.format as ImportFormat | undefined;
    if (format && !IMPORT_FORMATS.includes(format)) throw new CatalogueError(`--format: one of ${IMPORT_FORMATS}`);
    // A backend running on the embedded database imports it (catalogue/hand-off.ts); else the database's own "in use".
    if (embeddedDatabaseInUse() && (await watched(dataDir())))
      return handedOff(bytes, { ...options, name: path, allowRemovingMost, ...(format && { format }) });
    const read = await readImportFile(bytes, path, { ...options, ...(format && { format }) });
    for (const note of read.notes) console.log(note);
    return withDatabase((db) => importCatalogue(db, read.catalogue, { allowRemovingMost }));
  });
}

/** The import done by the backend running on the embedded database (catalogue/hand-off.ts). */
async function handedOff(bytes: Uint8Array, request: HandedImport): Promise<ImportReport> {
  console.error('The backend is running on this database: the import is handed to it.');
  const outcome = await handOff(dataDir(), bytes, request);
  if ('refused' in outcome) throw new CatalogueError(outcome.refused);
  for (const note of outcome.notes) console.log(note);
  return outcome.report;
}

async function sync(allowRemovingMost: boolean, options: NationalImportOptions): Promise<void> {
  const nationalId = values['national-id'];
  if (!nationalId) fail(`sync needs --national-id (the agency's id in the national database).\n${USAGE}`);
  const fromEnv = gatewayOptionsFromEnv(process.env, dataDir());
  const number = (name: 'delay' | 'cache-hours', fallback: number) =>
    values[name] === undefined ? fallback : Number(values[name]);
  const gateway = {
    ...fromEnv,
    baseUrl: values.gateway ?? fromEnv.baseUrl,
    delayMs: number('delay', fromEnv.delayMs),
    cacheDir: values.cache ?? fromEnv.cacheDir,
    cacheMaxAgeMs: number('cache-hours', fromEnv.cacheMaxAgeMs / 3600_000) * 3600_000,
    log: (line: string) => console.error(line),
  };
  if (!Number.isFinite(gateway.delayMs) || !Number.isFinite(gateway.cacheMaxAgeMs)) {
    fail('--delay and --cache-hours take numbers.');
  }
  const syncOptions: SyncOptions = { ...options, allowRemovingMost, gateway, nationalId };
  await reporting(`from ${gateway.baseUrl} (agency ${nationalId})`, () =>
    withDatabase((db) => syncCatalogue(db, syncOptions)),
  );
}

async function exportFile(path: string | undefined): Promise<void> {
  const text = catalogueFileText(catalogueFileOf(await withDatabase(currentCatalogue)));
  if (!path) return void process.stdout.write(text);
  await writeFile(path, text);
  console.error(`Wrote ${path}.`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h' },
    'allow-removals': { type: 'boolean' },
    format: { type: 'string' },
    agency: { type: 'string' },
    'agency-name': { type: 'string' },
    'national-id': { type: 'string' },
    gateway: { type: 'string' },
    delay: { type: 'string' },
    cache: { type: 'string' },
    'cache-hours': { type: 'string' },
  },
});
const [command, path] = positionals;
const national: NationalImportOptions = {
  ...(values.agency && { agency: values.agency }),
  ...(values['agency-name'] && { agencyName: values['agency-name'] }),
};
const allowRemovals = values['allow-removals'] ?? false;
if (values.help || !command) {
  console.log(USAGE);
} else if (command === 'import' && path) {
  await importFile(path, allowRemovals, national);
} else if (command === 'sync') {
  await sync(allowRemovals, national);
} else if (command === 'export') {
  await exportFile(path);
} else {
  fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
}
