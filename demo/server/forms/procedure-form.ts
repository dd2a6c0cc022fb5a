/**
 * The procedure a dossier is filed for and its electronic form, as the
 * form endpoint and the filing both need them: a procedure missing from the
 * catalogue and one that cannot be filed online are two different 404s.
 */
import type { CatalogueCase } from '../../../src/api/contract/catalogue-file.js';
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { onlineCase } from '../catalogue/cases.js';
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

/**
 * The procedure, its online case `caseCode` (the first online case when
 * none is named) and that case's form, or the 404 that says which is
 * missing: a case that is gone, or no longer filed online, is a form that
 * is gone.
 */
export async function procedureAndForm(db: Queryable, code: string, caseCode?: string): Promise<FilingCase> {
  const procedure = await procedureForFiling(db, code);
  if (!procedure) throw procedureNotFound(code);
  const filed = procedure.online_submission ? onlineCase(procedure.cases, caseCode) : undefined;
  const form = filed?.form === undefined ? undefined : formById(filed.form);
  if (!filed || !form) throw formNotFound();
  return { procedure, case: filed, form };
}

/** The form as the form endpoint serves it: with the procedure's name, its case, and the cases to choose from. */
export function servedForm({ procedure, case: filed, form }: FilingCase): FormDefinition {
  const online = procedure.cases.filter((item) => item.form !== undefined);
  return {
    ...form,
    procedureName: procedure.name,
    case: filed.code,
    ...(online.length > 1 && { cases: online.map(({ code, name }) => ({ code, name })) }),
  };
}
