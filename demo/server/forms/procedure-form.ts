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
 * none is named) and that case's form, or the 404 that says which is
 * missing. A named case that is gone, or no longer filed online, is a form
 * that is gone (404) for the form endpoint; the filing passes `caseGone`
 * to tell a draft kept across a catalogue change that it must choose again
 * while the procedure is still filed online.
 */
export async function procedureAndForm(
  db: Queryable,
  code: string,
  caseCode?: string,
  caseGone: () => HttpError = formNotFound,
): Promise<FilingCase> {
  const procedure = await procedureForFiling(db, code);
  if (!procedure) throw procedureNotFound(code);
  if (!procedure.online_submission) throw formNotFound();
  const filed = onlineCase(procedure.cases, caseCode);
  const form = formOf(filed);
  if (filed && form) return { procedure, case: filed, form };
  throw caseCode !== undefined && formOf(onlineCase(procedure.cases, undefined)) ? caseGone() : formNotFound();
}

/** The form as the form endpoint serves it. */
export const servedForm = ({ procedure, case: filed, form }: FilingCase): FormDefinition =>
  servedFormOf(procedure, filed, form);
