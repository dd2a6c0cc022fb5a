/**
 * The national procedure database's Excel list export (UPSTREAMS.md §2):
 * one row per procedure under the header Mã TTHC, Tên TTHC, Lĩnh vực,
 * Đối tượng, Cơ quan công khai, Cấp thực hiện, Tình trạng, QĐ Công bố,
 * usually below a title row or two. Read with `read-excel-file` (kept up,
 * small, no native code; backend only). Columns are found by their header,
 * in any order; a row that breaks is named by its row number and column
 * letter as Excel shows them. Rows whose status says the procedure is no
 * longer in force (hết hiệu lực, bãi bỏ) are left out and counted.
 */
import { readSheet } from 'read-excel-file/node';
import { fold } from '../../../../src/i18n/fold.js';
import { CatalogueError } from '../seed/index.js';
import type { NationalProcedure } from './procedure.js';
import { convertAll, plainText, procedureCode, requiredText } from './values.js';

/** The export's columns, by what each becomes. */
const HEADERS = {
  code: 'Mã TTHC',
  name: 'Tên TTHC',
  field: 'Lĩnh vực',
  targets: 'Đối tượng',
  agencyName: 'Cơ quan công khai',
  level: 'Cấp thực hiện',
  status: 'Tình trạng',
  decision: 'QĐ Công bố',
} as const;
type Column = keyof typeof HEADERS;
/** The same columns as other exports and hand-made lists word them (matched without diacritics or case). */
const ALIASES: Partial<Record<Column, string[]>> = {
  code: ['Mã thủ tục', 'Mã số'],
  name: ['Tên thủ tục', 'Tên thủ tục hành chính'],
  targets: ['Đối tượng thực hiện'],
  level: ['Cấp'],
  decision: ['Quyết định công bố', 'QĐ công bố số'],
};
const REQUIRED: readonly Column[] = ['code', 'name', 'field'];

/** How many rows from the top the header may be (title rows above it). */
const HEADER_SEARCH_ROWS = 20;

/** A status that takes a row out: the procedure is no longer in force. */
const NOT_IN_FORCE = /het hieu luc|bai bo|ngung|khong con hieu luc/;

type Cell = string | number | boolean | Date | null | undefined | typeof Date;

/** Excel's letter for column `index` (0 → A, 26 → AA). */
const letter = (index: number): string =>
  (index >= 26 ? letter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** A cell as text; a code Excel took for a number (1.00119) gets back its six decimals. */
function cellText(cell: Cell, column: Column): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number' && column === 'code') return cell.toFixed(6);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** The row holding the header and where each column is; an error naming the columns it lacks. */
function findHeader(rows: Cell[][], name: string): { row: number; columns: Partial<Record<Column, number>> } {
  const wanted = Object.entries(HEADERS).map(
    ([column, title]) => [column as Column, [title, ...(ALIASES[column as Column] ?? [])].map(fold)] as const,
  );
  for (const [row, cells] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const titles = cells.map((cell) => (typeof cell === 'string' ? fold(cell) : ''));
    const columns: Partial<Record<Column, number>> = {};
    for (const [column, names] of wanted) {
      const at = titles.findIndex((title) => names.includes(title));
      if (at >= 0) columns[column] = at;
    }
    if (REQUIRED.every((column) => columns[column] !== undefined)) return { row, columns };
  }
  throw new CatalogueError(
    `${name}: no header row with the columns ${REQUIRED.map((column) => `"${HEADERS[column]}"`).join(', ')} ` +
      `in the first ${HEADER_SEARCH_ROWS} rows of the first sheet (is this the national database's Excel list export?)`,
  );
}

export interface ExcelProcedures {
  procedures: NationalProcedure[];
  /** Rows left out because the procedure is no longer in force. */
  notInForce: number;
}

/** The national procedures in the xlsx `bytes`; every problem named by row and column. */
export async function nationalProceduresOfExcel(bytes: Uint8Array, name: string): Promise<ExcelProcedures> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogueError(`${name}: not a readable xlsx workbook (${reason})`);
  }
  const { row: headerRow, columns } = findHeader(rows, name);
  const body = rows
    .map((cells, index) => ({ cells, number: index + 1 }))
    .slice(headerRow + 1)
    .filter(({ cells }) => cells.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== ''));
  const inForce = body.filter(({ cells }) => {
    const status = columns.status === undefined ? undefined : cells[columns.status];
    return !(typeof status === 'string' && NOT_IN_FORCE.test(fold(status)));
  });
  const procedures = convertAll(name, inForce, ({ cells, number }): NationalProcedure => {
    const where = (column: Column) => `row ${number}, column ${letter(columns[column]!)} (${HEADERS[column]})`;
    const value = (column: Column) =>
      columns[column] === undefined ? undefined : cellText(cells[columns[column]], column);
    const text = (column: Column) =>
      columns[column] === undefined ? undefined : plainText(value(column), where(column));
    const { code, agencyCode } = procedureCode(value('code'), where('code'));
    const optional = {
      agencyName: text('agencyName'),
      targets: text('targets'),
      level: text('level'),
      decision: text('decision'),
    };
    return {
      place: `row ${number}`,
      code,
      ...(agencyCode && { agencyCode }),
      name: requiredText(value('name'), where('name')),
      field: requiredText(value('field'), where('field')),
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
      steps: [],
      documents: [],
    };
  });
  return { procedures, notInForce: body.length - inForce.length };
}
