/**
 * What every form template (mẫu đơn, tờ khai) starts with: the national
 * header above its heading. Shared by the civil-status templates
 * (templates-ho-tich.ts) and the others (templates.ts).
 */
import type { FormTemplateSource } from '../../forms/rtf.js';

const NATIONAL_HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** Any form: the national header, the heading, then its own lines. */
export function formSource(id: string, title: string, heading: string, lines: string[]): FormTemplateSource {
  return { id, title, lines: [...NATIONAL_HEADER, heading, ...lines] };
}
