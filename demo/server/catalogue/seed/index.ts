/**
 * Loads a catalogue (agencies and procedures) into the database at start-up
 * (`main.ts` and the tests call it, with `catalogue.ts` or a catalogue of
 * their own). Idempotent: rows are upserted by code and rows the catalogue
 * no longer has are deleted, all in one transaction, so a restart after
 * editing `catalogue.ts` shows exactly the new catalogue and a failed seed
 * changes nothing.
 *
 * This is also where the folded search columns are computed, in TypeScript
 * with the same `fold()` the widgets and the search use, so the database
 * never needs an accent-stripping extension.
 */
import * as z from 'zod/mini';
import { CatalogueProcedure } from '../../../../src/api/contract/catalogue-file.js';
import { Agency } from '../../../../src/api/contract/index.js';
import { fold } from '../../../../src/i18n/fold.js';
import type { Database, Queryable } from '../../db/index.js';
import { formById } from '../../forms/index.js';
import { type CatalogueEntry, detailColumn, filedOnline } from '../cases.js';
import { type Catalogue, CatalogueError, fieldsOfActivity } from '../model.js';

export { CatalogueError, fieldsOfActivity, type Catalogue };

/** A table this module writes: its name, key and the PostgreSQL type of each column. */
interface TableSpec {
  name: string;
  key: string;
  columns: Record<string, string>;
}

const AGENCIES: TableSpec = {
  name: 'agencies',
  key: 'code',
  columns: {
    code: 'text',
    name: 'text',
    parent: 'text',
    address: 'text',
    phone: 'text',
    email: 'text',
    opening_hours: 'text',
    sample: 'boolean',
  },
};

const FIELDS: TableSpec = { name: 'fields', key: 'code', columns: { code: 'text', name: 'text', name_folded: 'text' } };

const PROCEDURES: TableSpec = {
  name: 'procedures',
  key: 'code',
  columns: {
    code: 'text',
    name: 'text',
    field_code: 'text',
    agency_code: 'text',
    online_level: 'text',
    online_submission: 'boolean',
    processing_time: 'jsonb',
    fee_min: 'integer',
    fee_max: 'integer',
    detail: 'jsonb',
    source: 'text',
    withdrawn_at: 'timestamptz',
    name_folded: 'text',
    search_folded: 'text',
  },
};

type Row = Record<string, unknown>;

/** Replaces the catalogue in the database by `catalogue`; returns how many procedures it holds. */
export async function seedCatalogue(db: Database, catalogue: Catalogue): Promise<number> {
  checkCatalogue(catalogue);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK_KEY]);
    await writeCatalogue(tx, catalogue);
  });
  return catalogue.procedures.length;
}

/** The lock every catalogue write takes, so that seeds and imports take turns (one-key advisory; the migrations use 71042025). */
export const CATALOGUE_LOCK_KEY = 71042029;

/**
 * Seeds `catalogue` only into a database without procedures (a production
 * start: the catalogue an operator loaded is never overwritten), under a
 * lock so that instances starting together seed once. Returns the number
 * of procedures the database holds.
 */
export async function seedEmptyCatalogue(db: Database, catalogue: Catalogue): Promise<number> {
  checkCatalogue(catalogue);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK_KEY]);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM procedures');
    if (n > 0) return n;
    await writeCatalogue(tx, catalogue);
    return catalogue.procedures.length;
  });
}

/**
 * Writes `catalogue` over the one in the database. A procedure no longer
 * in it is deleted, unless open dossiers still refer to it: those may yet
 * need its documents and form (a supplement), so it is only marked
 * withdrawn (migration 014), hidden from search and refused to new
 * filings; an agency or field of activity a withdrawn procedure still
 * names stays for it.
 */
export async function writeCatalogue(
  tx: Queryable,
  catalogue: Catalogue,
  /** The procedures to write; default all (an import passes those added or changed: rewriting the rest costs seconds). */
  write: (code: string) => boolean = () => true,
): Promise<void> {
  const fields = new Map(
    fieldsOfActivity(catalogue).map((field) => [field.code, { ...field, name_folded: fold(field.name) }]),
  );
  const codes = (rows: { code: string }[]) => rows.map((row) => row.code);
  // Parents before children when inserting, children before parents when deleting.
  await upsert(tx, AGENCIES, catalogue.agencies.map(agencyRow));
  await upsert(tx, FIELDS, [...fields.values()]);
  await upsert(tx, PROCEDURES, catalogue.procedures.filter(({ code }) => write(code)).map(procedureRow));
  await withdrawOrDeleteOthers(tx, codes(catalogue.procedures));
  await deleteOthers(
    tx,
    FIELDS,
    [...fields.keys()],
    'NOT EXISTS (SELECT 1 FROM procedures p WHERE p.field_code = fields.code)',
  );
  await deleteOthers(
    tx,
    AGENCIES,
    codes(catalogue.agencies),
    'NOT EXISTS (SELECT 1 FROM procedures p WHERE p.agency_code = agencies.code)',
  );
  // Fresh statistics, or the planner takes the tables for empty and picks
  // slow plans; PGlite has no autovacuum to gather them later.
  await tx.exec('ANALYZE agencies, fields, procedures');
}

/**
 * Fails with a message naming the bad entry: a catalogue that breaks the
 * contract would otherwise surface much later as a 500 on one procedure.
 */
export function checkCatalogue(catalogue: Catalogue): void {
  const check = (what: string, schema: z.ZodMiniType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) return;
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
    throw new CatalogueError(`Catalogue: ${what} breaks the contract (${issues.join('; ')})`);
  };
  for (const agency of catalogue.agencies) check(`agency ${agency.code}`, Agency, agency);
  const agencyCodes = new Set(catalogue.agencies.map((agency) => agency.code));
  const fieldNames = new Map<string, string>();
  const codes = new Set<string>();
  for (const procedure of catalogue.procedures) {
    const { code, agency, field } = procedure;
    check(`procedure ${code}`, CatalogueProcedure, { ...procedure, agency: agency.code, field: field.code });
    if (codes.has(code)) throw new CatalogueError(`Catalogue: procedure ${code} appears twice`);
    checkCases(procedure);
    if (!agencyCodes.has(agency.code)) {
      throw new CatalogueError(
        `Catalogue: procedure ${code} names agency ${agency.code}, which is not in the agency list`,
      );
    }
    if ((fieldNames.get(field.code) ?? field.name) !== field.name) {
      throw new CatalogueError(
        `Catalogue: field of activity ${field.code} has two names, "${fieldNames.get(field.code)}" and "${field.name}"`,
      );
    }
    codes.add(code);
    fieldNames.set(field.code, field.name);
  }
}

/** Case codes appear once in a procedure; each e-form a case names exists and was written for this procedure. */
function checkCases({ code, cases }: CatalogueEntry): void {
  const seen = new Set<string>();
  for (const [i, item] of cases.entries()) {
    const where = `Catalogue: procedure ${code}, cases[${i}] (${item.code})`;
    if (seen.has(item.code)) throw new CatalogueError(`${where}: the case code appears twice`);
    seen.add(item.code);
    if (item.form === undefined) continue;
    if (item.filedElsewhere) throw new CatalogueError(`${where}: names an e-form, but is filed elsewhere`);
    const form = formById(item.form);
    if (!form) throw new CatalogueError(`${where}: names the e-form "${item.form}", which this backend does not have`);
    if (form.procedure !== code) {
      throw new CatalogueError(
        `${where}: names the e-form "${item.form}", which was written for procedure ${form.procedure}`,
      );
    }
  }
}

function agencyRow(agency: Agency): Row {
  return {
    code: agency.code,
    name: agency.name,
    parent: agency.parent,
    address: agency.address,
    phone: agency.phone,
    email: agency.email,
    opening_hours: agency.openingHours,
    sample: agency.sample,
  };
}

function procedureRow(procedure: CatalogueEntry): Row {
  const { cases, results } = procedure;
  const searchable = [
    procedure.name,
    procedure.code,
    procedure.field.name,
    procedure.agency.name,
    ...(cases.length > 1 ? cases.map((item) => item.name) : []),
    ...cases.flatMap(({ documents }) => documents.map((document) => document.name)),
    ...results,
  ];
  return {
    code: procedure.code,
    name: procedure.name,
    field_code: procedure.field.code,
    agency_code: procedure.agency.code,
    online_level: procedure.onlineLevel,
    online_submission: filedOnline(procedure),
    processing_time: cases[0]!.processingTime,
    fee_min: procedure.feeSummary.min,
    fee_max: procedure.feeSummary.max,
    detail: detailColumn(procedure),
    source: procedure.source ?? null,
    // Listed again: no longer withdrawn.
    withdrawn_at: null,
    name_folded: fold(procedure.name),
    // Each word once: search tokens are single words, so repeats would only make LIKE slower.
    search_folded: [...new Set(fold(searchable.join(' ')).split(' '))].join(' '),
  };
}

/**
 * Rows per upsert statement. A province's catalogue in one statement does
 * not fit: 100,000 procedures make a JSON parameter of about 300 MB, over
 * PostgreSQL's 256 MB limit for a jsonb value (54000) and, on PGlite,
 * past its WebAssembly memory ("out of memory", 53200, at 4 GB of RSS).
 * A thousand rows is a few megabytes, and still one round trip per thousand.
 */
export const UPSERT_BATCH = 1000;

/**
 * Upserts `rows`, a batch of them per statement: they travel as a single
 * JSON parameter that `jsonb_to_recordset` turns back into typed rows. Few
 * round trips for thousands of rows, and the same SQL on PGlite and
 * PostgreSQL. The caller's transaction keeps the batches all or nothing.
 */
async function upsert(tx: Queryable, table: TableSpec, rows: Row[]): Promise<void> {
  const names = Object.keys(table.columns);
  const typed = names.map((name) => `${name} ${table.columns[name]}`).join(', ');
  const updates = names.filter((name) => name !== table.key).map((name) => `${name} = excluded.${name}`);
  for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
    await tx.query(
      `INSERT INTO ${table.name} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS row(${typed})
       ON CONFLICT (${table.key}) DO UPDATE SET ${updates.join(', ')}`,
      [JSON.stringify(rows.slice(start, start + UPSERT_BATCH))],
    );
  }
}

/** Deletes the rows of `table` whose key is not among `keys` (and that meet `condition`). */
async function deleteOthers(tx: Queryable, table: TableSpec, keys: string[], condition = 'true'): Promise<void> {
  await tx.query(
    `DELETE FROM ${table.name}
     WHERE ${table.key} NOT IN (SELECT jsonb_array_elements_text($1::jsonb)) AND ${condition}`,
    [JSON.stringify(keys)],
  );
}

/**
 * Dossier statuses that are closed for good (DOMAIN.md §3): refused (3),
 * withdrawn by the applicant (7), stopped (8), result returned (10). Every
 * other dossier is open and keeps its procedure from being deleted.
 */
const CLOSED_STATUSES = '3, 7, 8, 10';

/** Marks withdrawn the procedures not among `keep` that open dossiers refer to, and deletes the rest. */
async function withdrawOrDeleteOthers(tx: Queryable, keep: string[]): Promise<void> {
  const gone = `code NOT IN (SELECT jsonb_array_elements_text($1::jsonb))`;
  const open = `EXISTS (SELECT 1 FROM dossiers d WHERE d.procedure_code = procedures.code AND d.status NOT IN (${CLOSED_STATUSES}))`;
  await tx.query(`UPDATE procedures SET withdrawn_at = now() WHERE ${gone} AND ${open} AND withdrawn_at IS NULL`, [
    JSON.stringify(keep),
  ]);
  await tx.query(`DELETE FROM procedures WHERE ${gone} AND NOT ${open}`, [JSON.stringify(keep)]);
}
