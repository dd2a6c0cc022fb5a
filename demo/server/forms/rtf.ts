/**
 * Renders a form template (a `FormTemplateSource`; the seed catalogue lists
 * them) as an RTF document, which every word processor opens and lets the
 * citizen fill in or print.
 *
 * RTF is 7-bit: every character beyond ASCII is written as `\uN?`, N being
 * its UTF-16 code unit as a signed 16-bit number and `?` the fallback that
 * readers without Unicode show instead. That is what keeps "Đăng ký" from
 * turning into mojibake. Characters beyond the BMP come out as their two
 * surrogates, which is how RTF writers encode them too.
 */

/** A downloadable form template; served as RTF at `/api/v1/forms/<id>.rtf`. */
export interface FormTemplateSource {
  id: string;
  /** Form number and title, e.g. "Mẫu tờ khai đăng ký khai sinh". */
  title: string;
  /** Lines of the form, in order; a line ending in ":" is followed by a dotted blank. */
  lines: string[];
}

/** A4 portrait, 2 cm top/bottom, 3 cm left, 2 cm right (in twips, 1/1440 inch). */
const PAGE = '\\paperw11906\\paperh16838\\margt1134\\margb1134\\margl1701\\margr1134';
/** Right edge of the writing area: where the dotted blanks end. */
const RIGHT_TAB = 11906 - 1701 - 1134;

export function escapeRtf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i]!;
    if (char === '\\' || char === '{' || char === '}') out += `\\${char}`;
    else if (char === '\n') out += '\\line ';
    else if (unit < 0x20) out += ' ';
    else if (unit < 0x80) out += char;
    else out += `\\u${unit > 0x7fff ? unit - 0x10000 : unit}?`;
  }
  return out;
}

/**
 * Title centred in bold, then one paragraph per line; a line ending in ":"
 * gets a dotted leader to the right margin, the blank the citizen writes on.
 */
export function renderFormRtf(form: FormTemplateSource): string {
  const lines = form.lines.map((line) =>
    line.trimEnd().endsWith(':')
      ? `\\pard\\sa120\\tqr\\tldot\\tx${RIGHT_TAB} ${escapeRtf(line)}\\tab\\par`
      : `\\pard\\sa120 ${escapeRtf(line)}\\par`,
  );
  return [
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1',
    '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}',
    `${PAGE}\\f0\\fs26`,
    `\\pard\\qc\\sa240\\b\\fs28 ${escapeRtf(form.title)}\\b0\\fs26\\par`,
    ...lines,
    '}',
  ].join('\n');
}
