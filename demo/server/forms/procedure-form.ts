/**
 * The procedure a dossier is filed for and its electronic form, as the
 * form endpoint and the filing both need them: a procedure missing from the
 * catalogue and one that cannot be filed online are two different 404s.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { type ProcedureForFiling, procedureForFiling } from '../catalogue/repository.js';
import { procedureNotFound } from '../catalogue/routes.js';
import type { Queryable } from '../db/index.js';
import { HttpError } from '../http/replies.js';
import { formFor } from './index.js';

const formNotFound = (): HttpError =>
  new HttpError(
    404,
    'form_not_found',
    'This procedure cannot be filed online. (Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến.)',
  );

/** The procedure and its form, or the 404 that says which is missing. */
export async function procedureAndForm(
  db: Queryable,
  code: string,
): Promise<{ procedure: ProcedureForFiling; form: FormDefinition }> {
  const procedure = await procedureForFiling(db, code);
  if (!procedure) throw procedureNotFound(code);
  const form = procedure.online_submission ? formFor(code) : undefined;
  if (!form) throw formNotFound();
  return { procedure, form };
}
