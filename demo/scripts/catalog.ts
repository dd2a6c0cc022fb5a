/**
 * `npm run catalog -- <command>`: the operator's way to load a commune's
 * or a province's procedures into the backend without touching code.
 *
 *   import <file>     replaces the catalogue by the file's (a catalogue file,
 *                     src/api/contract/catalogue-file.ts) in one transaction,
 *                     and prints what was added, changed and removed
 *   export [<file>]   writes the catalogue citizens see as a catalogue file
 *                     (to standard output without a file); import and export
 *                     round-trip exactly
 *
 * The database is the backend's own (DATABASE_URL, or the embedded one in
 * DATA_DIR with the backend stopped). A bad file changes nothing and the
 * message names the place at fault.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  catalogueFileOf,
  catalogueFileText,
  catalogueOf,
  CatalogueError,
  readCatalogueFile,
} from '../server/catalogue/file.js';
import { currentCatalogue, describeReport, importCatalogue } from '../server/catalogue/import.js';
import { formIdFor } from '../server/forms/index.js';
import { fail, withDatabase } from './database.js';

const USAGE = `Usage: npm run catalog -- import <file> [--allow-removals]
                                            replace the catalogue by the file's; prints what changed
                                            (--allow-removals: even if it removes most of the procedures)
       npm run catalog -- export [<file>]   write the catalogue as a file (standard output without one)

A catalogue file is JSON; its schema is dist/catalogue.schema.json (npm run build), and
the demo's own catalogue (demo/server/catalogue/seed/catalogue.json) is an example of it.
Environment: DATABASE_URL, or DATA_DIR (default .data/) with the backend stopped.`;

async function importFile(path: string, allowRemovingMost: boolean): Promise<void> {
  const bytes = await readFile(path).catch(() => fail(`Cannot read ${path}.`));
  try {
    const catalogue = catalogueOf(readCatalogueFile(bytes, path, formIdFor));
    const report = await withDatabase((db) => importCatalogue(db, catalogue, { allowRemovingMost }));
    console.log(`Imported ${path}.\n${describeReport(report)}`);
  } catch (error) {
    if (error instanceof CatalogueError) fail(`Nothing imported. ${error.message}`);
    throw error;
  }
}

async function exportFile(path: string | undefined): Promise<void> {
  const text = catalogueFileText(catalogueFileOf(await withDatabase(currentCatalogue)));
  if (!path) return void process.stdout.write(text);
  await writeFile(path, text);
  console.error(`Wrote ${path}.`);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', short: 'h' }, 'allow-removals': { type: 'boolean' } },
});
const [command, path] = positionals;
if (values.help || !command) {
  console.log(USAGE);
} else if (command === 'import' && path) {
  await importFile(path, values['allow-removals'] ?? false);
} else if (command === 'export') {
  await exportFile(path);
} else {
  fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
}
