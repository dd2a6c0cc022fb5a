/**
 * Importing a province's procedures from the national database's Excel
 * list export (issue 16: 20,000 procedure–agency rows ≤ 60 s): 200
 * national procedures published by 100 communes, each row's code carrying
 * its commune's local suffix (`1.000123.000.00.07.H98`), written with
 * `write-excel-file` as the export lays it out, then read, converted and
 * imported as `npm run catalog -- import` does, over the seed catalogue, in
 * one transaction. The time runs from the file's bytes to the commit;
 * a second import of the same file (nothing changes) is timed too.
 *
 * Run: `node --import tsx test/bench/catalogue-national.ts` (PGlite in
 * memory; on PostgreSQL with DATABASE_URL, in a throw-away schema).
 */
import { performance } from 'node:perf_hooks';
import { readImportFile } from '../../demo/server/catalogue/import-file.js';
import { importCatalogue } from '../../demo/server/catalogue/import.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { openTestDatabase } from '../backend/helpers.js';
import { type ExcelRow, nationalExcel } from '../support/national-gateway.js';
import { isMain, type Figure } from './size.js';

const COMMAND = 'node --import tsx test/bench/catalogue-national.ts';
export const NATIONAL_EXCEL_BUDGET_MS = 60_000;
const FIELDS = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Bảo trợ xã hội', 'Văn hóa cơ sở', 'Giáo dục và Đào tạo'];

export interface NationalExcelBench {
  rows: number;
  fileBytes: number;
  readMs: number;
  importMs: number;
  totalMs: number;
  reimportMs: number;
  engine: string;
}

/** `procedures` × `communes` rows of the export, every code with its commune's suffix. */
function provinceRows(procedures: number, communes: number): ExcelRow[] {
  return Array.from({ length: procedures * communes }, (_, i) => {
    const procedure = i % procedures;
    const commune = String(Math.floor(i / procedures) + 1).padStart(2, '0');
    return [
      `1.${String(procedure + 1000).padStart(6, '0')}.000.00.${commune}.H98`,
      `Thủ tục số ${procedure + 1} về đăng ký, cấp giấy xác nhận của Ủy ban nhân dân cấp xã`,
      FIELDS[procedure % FIELDS.length]!,
      'Công dân Việt Nam, Người nước ngoài',
      `UBND xã Thử Nghiệm ${commune}`,
      'Cấp Xã',
      'Còn hiệu lực',
      `${100 + (procedure % 50)}/QĐ-UBND`,
    ];
  });
}

/**
 * The file imported twice as `npm run catalog -- import` does, over the
 * seed catalogue, on a fresh database: the first import must add `rows`
 * procedures, the second change nothing. Shared with the catalogue file's
 * bench (catalogue-import.ts).
 */
export async function timedImports(file: Uint8Array, name: string, rows: number): Promise<NationalExcelBench> {
  const database = await openTestDatabase();
  try {
    await seedCatalogue(database.db, { agencies: seed.agencies, procedures: seed.procedures });
    const timed = async () => {
      const start = performance.now();
      const read = await readImportFile(file, name);
      const readMs = performance.now() - start;
      const report = await importCatalogue(database.db, read.catalogue, { allowRemovingMost: true });
      return { readMs, totalMs: performance.now() - start, report };
    };
    const first = await timed();
    if (first.report.procedures.added.length !== rows) {
      throw new Error(`expected ${rows} procedures added, got ${first.report.procedures.added.length}`);
    }
    const again = await timed();
    const { added, changed, removed } = again.report.procedures;
    if (added.length + changed.length + removed.length > 0) {
      throw new Error('the second import of the same file reported changes');
    }
    return {
      rows,
      fileBytes: file.byteLength,
      readMs: Math.round(first.readMs),
      importMs: Math.round(first.totalMs - first.readMs),
      totalMs: Math.round(first.totalMs),
      reimportMs: Math.round(again.totalMs),
      engine: database.db.engine,
    };
  } finally {
    await database.close();
  }
}

export async function runNationalExcelBench(procedures = 200, communes = 100): Promise<NationalExcelBench> {
  const file = await nationalExcel(provinceRows(procedures, communes));
  return timedImports(file, 'province.xlsx', procedures * communes);
}

export function formatNationalExcelBench(result: NationalExcelBench): string {
  const verdict = result.totalMs <= NATIONAL_EXCEL_BUDGET_MS ? 'met' : 'MISSED';
  return (
    `national Excel import: ${result.rows} rows (${(result.fileBytes / 2 ** 20).toFixed(1)} MiB xlsx) in ${result.totalMs} ms ` +
    `(budget ≤ ${NATIONAL_EXCEL_BUDGET_MS} ms: ${verdict}): read ${result.readMs} ms, convert and import ${result.importMs} ms; ` +
    `re-import without change ${result.reimportMs} ms; ${result.engine}. Command: ${COMMAND}`
  );
}

/** The figures for `npm run bench`. */
export async function measureNationalExcelImport(): Promise<Figure[]> {
  console.log('\n== Catalogue import from the national Excel export ==');
  const result = await runNationalExcelBench();
  console.log(formatNationalExcelBench(result));
  const note = `${result.rows} procedure–agency rows, ${result.engine}; read ${result.readMs} ms`;
  return [
    {
      label: 'Import from the national Excel export',
      value: result.totalMs,
      unit: 'ms',
      budget: NATIONAL_EXCEL_BUDGET_MS,
      note,
    },
    {
      label: 'Re-import of the same export (no change)',
      value: result.reimportMs,
      unit: 'ms',
      note: `${result.rows} rows`,
    },
  ];
}

if (isMain(import.meta.url)) {
  const result = await runNationalExcelBench();
  console.log(JSON.stringify(result));
  console.log(formatNationalExcelBench(result));
  if (result.totalMs > NATIONAL_EXCEL_BUDGET_MS) process.exitCode = 1;
}
