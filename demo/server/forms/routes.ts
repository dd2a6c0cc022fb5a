/**
 * The forms of a procedure: its electronic form (`GET /procedures/{code}/form`,
 * a contract endpoint) and the downloadable form templates (mẫu đơn, tờ
 * khai) that procedures link to (`GET /forms/{id}.rtf`), rendered from the
 * templates the server is given. The form definitions are checked when the
 * handlers are built, so a broken definition stops the server at start-up
 * instead of reaching a citizen as a broken form.
 */
import type { Queryable } from '../db/index.js';
import type { ContractHandlers } from '../http/contract.js';
import { attachmentDisposition, HttpError } from '../http/replies.js';
import type { RouteHandler } from '../http/router.js';
import { assertDefinitions } from './check.js';
import { formDefinitions } from './index.js';
import { procedureAndForm, servedForm } from './procedure-form.js';
import { type FormTemplateSource, renderFormRtf } from './rtf.js';

export function formHandlers(db: Queryable): Pick<ContractHandlers, 'getForm'> {
  assertDefinitions(formDefinitions);
  return {
    async getForm({ params, query }) {
      return servedForm(await procedureAndForm(db, params.code, query.case));
    },
  };
}

export const FORM_PATH = '/forms/{id}.rtf';

export function formDownload(templates: readonly FormTemplateSource[]): RouteHandler {
  const byId = new Map(templates.map((template) => [template.id, template]));
  return async ({ params }) => {
    const template = byId.get(params.id!);
    if (!template) {
      throw new HttpError(404, 'form_not_found', `No form template has the id ${params.id}. (Không có mẫu đơn này.)`);
    }
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/rtf',
        'Content-Disposition': attachmentDisposition(`${template.id}.rtf`),
        'Cache-Control': 'public, max-age=300',
      },
      body: renderFormRtf(template),
    };
  };
}
