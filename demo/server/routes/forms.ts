/**
 * `GET /forms/{id}.rtf`: the downloadable form templates (mẫu đơn, tờ khai)
 * that procedures link to, generated from the seed catalog's sources.
 */
import { attachmentDisposition, HttpError, type RouteHandler } from '../http.js';
import { renderFormRtf } from '../rtf.js';
import type { FormTemplateSource } from '../seed/catalog.js';

export const FORM_PATH = '/forms/{id}.rtf';

export function formDownload(templates: FormTemplateSource[]): RouteHandler {
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
