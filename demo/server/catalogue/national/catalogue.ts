/**
 * National procedures (from the JSON answers, the Excel export or a sync)
 * merged into the catalogue citizens see. A national list is one agency's
 * (or one province's) procedures, not a whole catalogue: importing it
 * replaces that agency's procedures (those the list no longer has are
 * removed, or withdrawn while open dossiers refer to them) and leaves every
 * other agency's alone. A procedure is keyed by its code: a national one
 * replaces a procedure of the same code wherever it was.
 *
 * The agency of a procedure is the one its code's local suffix names
 * (`1.001193.000.00.00.H37` → `000.00.00.H37`), else the operator's
 * `--agency`. An agency the catalogue does not know yet is added with the
 * name `--agency-name` gives, or else the name the data words. A field of
 * activity is matched to the catalogue's by its name (diacritics and case
 * aside), or added with a code made from its name.
 */
import type { Agency, FieldOfActivity } from '../../../../src/api/contract/index.js';
import { AgencyCode } from '../../../../src/api/contract/index.js';
import { fold } from '../../../../src/i18n/fold.js';
import { type Catalogue, CatalogueError, fieldsOfActivity } from '../seed/index.js';
import { catalogueProcedure, type NationalProcedure } from './procedure.js';

export interface NationalImportOptions {
  /** The agency of procedures whose code has no local suffix. */
  agency?: string;
  /** The name of that agency, if the catalogue does not have it yet. */
  agencyName?: string;
}

/** Where every national procedure's data says it came from (constant, so that a re-import changes nothing). */
export const NATIONAL_SOURCE = 'CSDL quốc gia về TTHC';

/** A field code from a field's name: "Hộ tịch" → `ho-tich`. */
const slug = (name: string): string =>
  fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'linh-vuc';

/** Fails naming both places when a code appears twice. */
function checkOnce(procedures: readonly NationalProcedure[], name: string): void {
  const seen = new Map<string, string>();
  const twice = procedures.flatMap(({ code, place }) => {
    const first = seen.get(code);
    seen.set(code, first ?? place);
    return first ? [`  ${place}: code ${code} appears twice (first at ${first})`] : [];
  });
  if (twice.length > 0) {
    throw new CatalogueError(`${name}: ${twice.length} problem(s)\n${twice.slice(0, 20).join('\n')}`);
  }
}

/** The agency code of each procedure, or an error naming those that have none. */
function agencyCodes(procedures: readonly NationalProcedure[], options: NationalImportOptions, name: string) {
  if (options.agency !== undefined && !AgencyCode.safeParse(options.agency).success) {
    throw new CatalogueError(`--agency "${options.agency}" is not an agency code (letters, digits, "." "_" "-")`);
  }
  const missing = procedures.filter((procedure) => !procedure.agencyCode && !options.agency);
  if (missing.length > 0) {
    throw new CatalogueError(
      `${name}: ${missing.length} procedure(s) name no agency (their code has no local suffix, e.g. ${missing[0]!.place}: ${missing[0]!.code}); ` +
        'say whose they are with --agency <code>',
    );
  }
  return procedures.map((procedure) => (procedure.agencyCode ?? options.agency)!);
}

/** The agencies the procedures belong to: the catalogue's own, or new ones with a name. */
function agenciesFor(
  codes: readonly string[],
  procedures: readonly NationalProcedure[],
  known: ReadonlyMap<string, Agency>,
  options: NationalImportOptions,
): Map<string, Agency> {
  const agencies = new Map<string, Agency>();
  codes.forEach((code, i) => {
    if (agencies.has(code)) return;
    const name = known.get(code)?.name ?? (code === options.agency ? options.agencyName : undefined);
    const agency = known.get(code) ?? { code, name: name ?? procedures[i]!.agencyName ?? '', sample: false };
    if (!agency.name) {
      throw new CatalogueError(`Agency ${code} is new and the data gives no name for it: add --agency-name "<name>"`);
    }
    agencies.set(code, agency);
  });
  return agencies;
}

/** Finds or makes the field of activity named `name`. */
function fieldFinder(current: readonly FieldOfActivity[]): (name: string) => FieldOfActivity {
  const byName = new Map(current.map((field) => [fold(field.name), field]));
  const codes = new Set(current.map(({ code }) => code));
  return (name) => {
    const known = byName.get(fold(name));
    if (known) return known;
    let code = slug(name);
    for (let n = 2; codes.has(code); n += 1) code = `${slug(name).slice(0, 56)}-${n}`;
    const field = { code, name };
    byName.set(fold(name), field);
    codes.add(code);
    return field;
  };
}

/** `current` with the national `procedures` merged in, ready for the one import (import.ts). */
export function mergeNational(
  current: Catalogue,
  procedures: readonly NationalProcedure[],
  options: NationalImportOptions,
  name: string,
): Catalogue {
  checkOnce(procedures, name);
  const codes = agencyCodes(procedures, options, name);
  const agencies = agenciesFor(codes, procedures, new Map(current.agencies.map((a) => [a.code, a])), options);
  const currentFields = fieldsOfActivity(current);
  const field = fieldFinder(currentFields);
  const imported = procedures.map((procedure, i) =>
    catalogueProcedure(procedure, agencies.get(codes[i]!)!, field(procedure.field), NATIONAL_SOURCE),
  );
  const importedCodes = new Set(imported.map(({ code }) => code));
  const kept = current.procedures.filter(({ code, agency }) => !agencies.has(agency.code) && !importedCodes.has(code));
  const fields = new Map([...currentFields, ...imported.map((procedure) => procedure.field)].map((f) => [f.code, f]));
  return {
    agencies: [...current.agencies.filter(({ code }) => !agencies.has(code)), ...agencies.values()],
    fields: [...fields.values()],
    procedures: [...kept, ...imported],
  };
}
