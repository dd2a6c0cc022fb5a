/**
 * Importing a province-sized catalogue file (issue 16: 20,000
 * procedure–agency rows from the catalogue format ≤ 30 s; a re-import that
 * changes nothing ≤ 10 s and reports no change): the seed's procedures and
 * synthetic variations of them (seed/synthetic.ts, codes 9.xxxxxx), written
 * as `npm run catalog -- export` writes a file, then read and imported as
 * `npm run catalog -- import` does, twice (catalogue-national.ts times it).
 *
 * Run: `node --import tsx test/bench/catalogue-import.ts` (PGlite in
 * memory; on PostgreSQL with DATABASE_URL, in a throw-away schema).
 */
import { catalogueFileOf, catalogueFileText } from '../../demo/server/catalogue/file.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { syntheticProcedures } from '../../demo/server/catalogue/seed/synthetic.js';
import { timedImports } from './catalogue-national.js';
import { isMain, type Figure } from './size.js';

const COMMAND = 'node --import tsx test/bench/catalogue-import.ts';
export const CATALOGUE_IMPORT_BUDGET_MS = 30_000;
export const REIMPORT_BUDGET_MS = 10_000;

/** A catalogue file of `rows` procedures; the seed's are already in the database, so `rows` minus them are added. */
function provinceFile(rows: number): { file: Uint8Array; added: number } {
  const synthetic = syntheticProcedures(seed.procedures, rows - seed.procedures.length);
  const text = catalogueFileText(
    catalogueFileOf({ ...seed.demoCatalogue, procedures: [...seed.procedures, ...synthetic] }),
  );
  return { file: new TextEncoder().encode(text), added: synthetic.length };
}

export async function runCatalogueImportBench(rows = 20_000) {
  const { file, added } = provinceFile(rows);
  return { ...(await timedImports(file, 'province.json', added)), rows };
}

const verdict = (value: number, budget: number) => (value <= budget ? 'met' : 'MISSED');

export function formatCatalogueImportBench(result: Awaited<ReturnType<typeof runCatalogueImportBench>>): string {
  return (
    `catalogue file import: ${result.rows} rows (${(result.fileBytes / 2 ** 20).toFixed(1)} MiB) in ${result.totalMs} ms ` +
    `(budget ≤ ${CATALOGUE_IMPORT_BUDGET_MS} ms: ${verdict(result.totalMs, CATALOGUE_IMPORT_BUDGET_MS)}): read and check ` +
    `${result.readMs} ms, import ${result.importMs} ms; re-import without change ${result.reimportMs} ms ` +
    `(budget ≤ ${REIMPORT_BUDGET_MS} ms: ${verdict(result.reimportMs, REIMPORT_BUDGET_MS)}); ${result.engine}. Command: ${COMMAND}`
  );
}

/** The figures for `npm run bench`. */
export async function measureCatalogueImport(): Promise<Figure[]> {
  console.log('\n== Catalogue import from a catalogue file ==');
  const result = await runCatalogueImportBench();
  console.log(formatCatalogueImportBench(result));
  const note = `${result.rows} procedure–agency rows, ${result.engine}`;
  return [
    {
      label: 'Import of a catalogue file',
      value: result.totalMs,
      unit: 'ms',
      budget: CATALOGUE_IMPORT_BUDGET_MS,
      note,
    },
    {
      label: 'Re-import of the same file (no change)',
      value: result.reimportMs,
      unit: 'ms',
      budget: REIMPORT_BUDGET_MS,
      note,
    },
  ];
}

if (isMain(import.meta.url)) {
  const result = await runCatalogueImportBench();
  console.log(JSON.stringify(result));
  console.log(formatCatalogueImportBench(result));
}
