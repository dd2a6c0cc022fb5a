/**
 * The procedure a dossier is filed for and its electronic form, as the
 * form endpoint and the filing both need them: a procedure missing from the
 * catalogue and one that cannot be filed online are two different 404s.
 */
import type { CatalogueCase } from '../../../src/api/contract/catalogue-file.js';
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { onlineCase, servedForm as servedFormOf } from '../catalogue/cases.js';
import { type ProcedureForFiling, procedureForFiling } from '../catalogue/repository.js';
import { procedureNotFound } from '../catalogue/routes.js';
import type { Queryable } from '../db/index.js';
import { HttpError } from '../http/replies.js';
import { formById } from './index.js';

const formNotFound = (): HttpError =>
  new HttpError(
    404,
    'form_not_found',
    'This procedure cannot be filed online. (Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến.)',
  );

/** A procedure's case that is filed online, with its form. */
export interface FilingCase {
  procedure: ProcedureForFiling;
  case: CatalogueCase;
  form: FormDefinition;
}

const formOf = (filed: CatalogueCase | undefined): FormDefinition | undefined =>
  filed?.form === undefined ? undefined : formById(filed.form);

/**
 * The procedure, its online case `caseCode` (the first online case when
 * none is named) and that case's form, or the 404 that says what is
 * missing. A named case that is gone, or no longer filed online, while the
 * procedure still is: for the form endpoint, the first online case's form
 * (its `cases` let the citizen choose again; the widget drops a kept
 * draft's case that is not among them); the filing passes `caseGone`, the
 * 409 that sends a kept draft back to that choice.
 */
export async function procedureAndForm(
  db: Queryable,
  code: string,
  caseCode?: string,
  caseGone?: () => HttpError,
): Promise<FilingCase> {
  const procedure = await procedureForFiling(db, code);
  if (!procedure) throw procedureNotFound(code);
  if (!procedure.online_submission) throw formNotFound();
  const filingOf = (filed: CatalogueCase | undefined) => {
    const form = formOf(filed);
    return filed && form ? { procedure, case: filed, form } : undefined;
  };
  const named = filingOf(onlineCase(procedure.cases, caseCode));
  if (named) return named;
  const usual = caseCode === undefined ? undefined : filingOf(onlineCase(procedure.cases, undefined));
  if (!usual) throw formNotFound();
  if (caseGone) throw caseGone();
  return usual;
}

/** The form as the form endpoint serves it. */
export const servedForm = ({ procedure, case: filed, form }: FilingCase): FormDefinition =>
  servedFormOf(procedure, filed, form);
