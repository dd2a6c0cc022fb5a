/**
 * Procedure cases (trường hợp) as the catalogue holds them and as citizens
 * see them. The catalogue (a file, the database's `detail` column) keeps
 * each case with the id of its e-form; the contract shows instead whether
 * the case can be filed online, and a procedure's listing facts follow from
 * its cases: the first case's time at the desk (the usual case comes
 * first), online when any case is. Pure functions, shared by the import,
 * the repository and the Storybook catalogue.
 */
import type { CatalogueCase, CatalogueProcedure } from '../../../src/api/contract/catalogue-file.js';
import type {
  Agency,
  FieldOfActivity,
  FormDefinition,
  ProcedureCase,
  ProcedureDetail,
} from '../../../src/api/contract/index.js';

/** A procedure of the catalogue with its agency and field whole. */
export type CatalogueEntry = Omit<CatalogueProcedure, 'agency' | 'field'> & { agency: Agency; field: FieldOfActivity };

/** The parts of an entry that are only ever shown whole (the database's `detail` column). */
const DETAIL_KEYS = ['cases', 'steps', 'conditions', 'legalBasis', 'forms', 'results'] as const;
export type DetailColumn = Pick<CatalogueEntry, (typeof DETAIL_KEYS)[number]>;

/** Whether `item` is filed online here: it has an e-form (the import refuses one that is also filed elsewhere). */
const online = (item: CatalogueCase): boolean => item.form !== undefined;

/** A case as citizens see it. */
export function shownCase(item: CatalogueCase): ProcedureCase {
  const { form: _form, ...rest } = item;
  return { ...rest, onlineSubmission: online(item) };
}

/** Whether any case of `entry` is filed online here. */
export const filedOnline = (entry: Pick<CatalogueEntry, 'cases'>): boolean => entry.cases.some(online);

/** The `detail` column's part of `entry`. */
export const detailColumn = (entry: CatalogueEntry): DetailColumn =>
  Object.fromEntries(DETAIL_KEYS.map((key) => [key, entry[key]])) as DetailColumn;

/** Everything citizens see of `entry`. */
export function procedureDetailOf(entry: CatalogueEntry): ProcedureDetail {
  const { source: _source, cases, ...rest } = entry;
  return {
    ...rest,
    processingTime: cases[0]!.processingTime,
    onlineSubmission: filedOnline(entry),
    cases: cases.map(shownCase),
  };
}

/** The online case `code` names, or the first online case (the usual one) when it names none. */
export const onlineCase = (cases: readonly CatalogueCase[], code: string | undefined): CatalogueCase | undefined =>
  cases.find((item) => online(item) && (code === undefined || item.code === code));

/**
 * `form`, the e-form of `entry`'s case `filed`, as citizens get it: with the
 * procedure's name above every step, the case it is filled for and, when
 * several cases are filed online, those cases to choose from first; and the
 * case's fees, shown on the review before the citizen sends.
 */
export function servedForm(
  entry: Pick<CatalogueEntry, 'name' | 'cases'>,
  filed: CatalogueCase,
  form: FormDefinition,
): FormDefinition {
  const choices = entry.cases.filter(online).map(({ code, name }) => ({ code, name }));
  return {
    ...form,
    procedureName: entry.name,
    case: filed.code,
    ...(choices.length > 1 && { cases: choices }),
    fees: filed.fees,
  };
}
