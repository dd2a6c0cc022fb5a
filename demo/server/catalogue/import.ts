/**
 * Importing a catalogue (`npm run catalog -- import`, and the seed): the
 * catalogue citizens see is replaced by the new one in one transaction, so
 * a bad file or an import cut off half-way changes nothing, and two imports
 * at once run one after the other (a transaction lock). The report says
 * what was added, changed and removed, compared entry by entry in the
 * catalogue file's canonical form (file.ts), so a re-import of the same
 * file reports no change; procedures that open dossiers still refer to are
 * withdrawn rather than removed (seed/index.ts).
 */
import type { Database, Queryable } from '../db/index.js';
import { catalogueFileOf } from './file.js';
import { listAgencies, listedProcedures, listFieldsOfActivity } from './repository.js';
import { type Catalogue, CatalogueError, CATALOGUE_LOCK_KEY, checkCatalogue, writeCatalogue } from './seed/index.js';

/** Codes added, changed and removed, per list; `withdrawn`: procedures kept for their open dossiers. */
export interface ImportReport {
  agencies: Changes;
  fields: Changes;
  procedures: Changes & { withdrawn: string[] };
  /** What was imported but looks wrong, e.g. a case listing no documents (a file cut short looks the same). */
  warnings: string[];
}

export interface Changes {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The catalogue citizens see now, as an export writes it. */
export async function currentCatalogue(db: Queryable): Promise<Catalogue> {
  return {
    agencies: await listAgencies(db),
    fields: await listFieldsOfActivity(db),
    procedures: await listedProcedures(db),
  };
}

/** What differs between two lists of entries with codes, compared as JSON. */
function changes<T extends { code: string }>(before: readonly T[], after: readonly T[]): Changes {
  const old = new Map(before.map((entry) => [entry.code, JSON.stringify(entry)]));
  const now = new Set(after.map((entry) => entry.code));
  return {
    added: after.filter(({ code }) => !old.has(code)).map(({ code }) => code),
    changed: after
      .filter((entry) => old.has(entry.code) && old.get(entry.code) !== JSON.stringify(entry))
      .map(({ code }) => code),
    removed: before.filter(({ code }) => !now.has(code)).map(({ code }) => code),
  };
}

/** A catalogue to import: whole, or made from the catalogue as it is when the import runs. */
export type CatalogueSource = Catalogue | ((current: Catalogue) => Catalogue);

export interface ImportOptions {
  /** Let the import remove more than half the procedures citizens see (a wrong or empty file usually). */
  allowRemovingMost?: boolean;
}

/** The refusal of an import that would remove most of the catalogue without being told it may. */
function checkRemovals({ removed }: Changes, listedBefore: number, { allowRemovingMost }: ImportOptions): void {
  if (allowRemovingMost || removed.length === 0 || removed.length * 2 <= listedBefore) return;
  throw new CatalogueError(
    `Catalogue: the import would remove ${removed.length} of the ${listedBefore} procedures citizens see; ` +
      'nothing was imported. If that is meant (a new catalogue replacing the old), run it with --allow-removals.',
  );
}

/**
 * Replaces the catalogue by `catalogue` and reports what changed. A
 * function is given the catalogue as it is once the lock is held (national
 * data merges into it: national/catalogue.ts).
 */
export async function importCatalogue(
  db: Database,
  catalogue: CatalogueSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return db.transaction((tx) => importInto(tx, catalogue, options));
}

/** The import inside the open transaction `tx` (the catalogue sync holds one while it fetches). */
export async function importInto(
  tx: Queryable,
  source: CatalogueSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CATALOGUE_LOCK_KEY]);
  const current = await currentCatalogue(tx);
  const catalogue = typeof source === 'function' ? source(current) : source;
  checkCatalogue(catalogue);
  const after = catalogueFileOf(catalogue);
  const before = catalogueFileOf(current);
  const procedures = changes(before.procedures, after.procedures);
  const agencies = changes(before.agencies, after.agencies);
  const fields = changes(before.fields, after.fields);
  checkRemovals(procedures, before.procedures.length, options);
  const rewrite = new Set([...procedures.added, ...procedures.changed]);
  // Nothing to write when nothing changed: a scheduled re-import of the same list stays cheap.
  if (
    [agencies, fields, procedures].some(({ added, changed, removed }) => added.length + changed.length + removed.length)
  )
    await writeCatalogue(tx, catalogue, (code) => rewrite.has(code));
  const withdrawn = await tx.query<{ code: string }>(
    'SELECT code FROM procedures WHERE withdrawn_at IS NOT NULL AND code = ANY ($1::text[]) ORDER BY code',
    [procedures.removed],
  );
  return {
    agencies,
    fields,
    procedures: { ...procedures, withdrawn: withdrawn.map(({ code }) => code) },
    warnings: warnings(catalogue),
  };
}

/** A line per case that lists no documents. */
const warnings = (catalogue: Catalogue): string[] =>
  catalogue.procedures.flatMap(({ code, cases }) =>
    cases
      .filter((item) => item.documents.length === 0)
      .map((item) => `procedure ${code}, case ${item.code}: lists no documents (citizens are told to ask the desk)`),
  );

/** Warnings printed one per line; the rest are counted. */
const WARNINGS_SHOWN = 100;

/** The report as the command prints it: one line per list, codes named (the first 20). */
export function describeReport(report: ImportReport): string {
  const named = (codes: string[]) => (codes.length > 20 ? `${codes.slice(0, 20).join(', ')}, …` : codes.join(', '));
  const line = (what: string, { added, changed, removed }: Changes, extra = '') =>
    `${what}: ${added.length} added, ${changed.length} changed, ${removed.length} removed${extra}` +
    [
      ['added', added],
      ['changed', changed],
      ['removed', removed],
    ]
      .filter(([, codes]) => codes.length > 0)
      .map(([label, codes]) => `\n  ${label}: ${named(codes as string[])}`)
      .join('');
  const { withdrawn } = report.procedures;
  return [
    line('Agencies', report.agencies),
    line('Fields of activity', report.fields),
    line(
      'Procedures',
      report.procedures,
      withdrawn.length > 0
        ? ` (${withdrawn.length} kept as withdrawn: open dossiers refer to them: ${named(withdrawn)})`
        : '',
    ),
    // A national list without documents warns of every procedure: the first hundred are enough to read.
    ...report.warnings.slice(0, WARNINGS_SHOWN).map((warning) => `Warning: ${warning}`),
    ...(report.warnings.length > WARNINGS_SHOWN
      ? [`Warning: … and ${report.warnings.length - WARNINGS_SHOWN} more`]
      : []),
  ].join('\n');
}
