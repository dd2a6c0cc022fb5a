/**
 * A date, typed day first in three labelled boxes: GOV.UK's date input
 * (a fieldset whose legend is the field's label, the hint "Ví dụ: 27 3 2007",
 * then "Ngày", "Tháng", "Năm", each with the numeric keypad).
 *
 * Why not `<input type="date">`: Chromium draws its segments in the order of
 * the browser's locale, not the page's language, so on an en-US browser the
 * Vietnamese form asked for mm/dd/yyyy while the review showed dd/mm/yyyy,
 * and 4 March became 03/04 (issue 15). Three boxes read in the order the page
 * writes them, on every browser; each box is named by its own label, so a
 * screen reader says "Tháng" where a segmented box says little; an error can
 * say which part is wrong and its summary link can focus that part.
 * Why not one text box "dd/mm/yyyy": the phone's numeric keypad has no "/",
 * and "4/3" or "04032007" would have to be guessed at.
 * No calendar: the forms ask for dates the citizen knows (births, the start of
 * a residence, a registration, a wedding planned), which GOV.UK advises to
 * type; a calendar paged month by month back to a birth decades ago is slow,
 * and browsers' native pickers are hard to use with a screen reader. The
 * cosmetic fault of the old picker's 1 px focus ring goes with it: the boxes
 * take the kit's 3 px focus outline.
 *
 * The draft keeps the parts as typed, `year-month-day` ("2007-3-" while the
 * day is missing), so a reload shows a half-typed date again; leaving a box
 * writes a one-digit day or month with its zero, so a whole date is the ISO
 * `2007-03-27` the answers, the backend and the rules (form-rules.ts) know.
 * Anything else is what the rules call `date-format`; `dateProblem` says
 * which part to name and to focus.
 */
import { html } from 'lit';
import { isIsoDate } from '../../api/contract/identity.js';
import type { FieldControl } from '../shared/field-frame.js';
import type { FieldHost } from './fields.js';

/** The parts, day first: the boxes' ids end with them, the browser's autofill names them `bday-…`. */
const DATE_PARTS = ['day', 'month', 'year'];

/** The parts of a date kept in the draft, day first: `2007-3-27` → 27, 3, 2007. */
export function partsOf(value: unknown): string[] {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return [day, month, year];
}

/** The draft's value for the parts typed (day first): none when all are empty; `pad` writes a one-digit day or month with its zero. */
export function dateOf(typed: string[], pad = false): string | undefined {
  // A "-" typed would split the value in the wrong place.
  const parts = typed.map((part, i) => part.replace(/[\s-]/g, '').replace(/^\d$/, pad && i < 2 ? '0$&' : '$&'));
  return parts.join('') ? parts.reverse().join('-') : undefined;
}

/**
 * What is wrong with a date, and the parts to fix (0 the day, 1 the month,
 * 2 the year), the first first: parts missing; a year not of four digits; a
 * day or month that does not exist (the day of 31/02). No part for a real
 * date: its fault, if any, is its range, and the whole date is wrong.
 */
export function dateProblem(value: unknown): ['missing' | 'year' | 'format', number[]] {
  const parts = partsOf(value);
  const missing = [0, 1, 2].filter((i) => !parts[i]);
  if (missing.length) return ['missing', missing];
  if (!/^\d{4}$/.test(parts[2]!)) return ['year', [2]];
  if (isIsoDate(dateOf(parts, true)!)) return ['format', []];
  const wrong = [0, 1].filter((i) => !(+parts[i]! >= 1 && +parts[i]! <= (i ? 12 : 31)));
  return ['format', wrong.length ? wrong : [0]];
}

/**
 * The three boxes of a date field framed as a fieldset (fields.ts); of an
 * invalid date only the parts to fix are marked, so the summary link
 * focuses the first of them.
 */
export function dateBoxes(host: FieldHost, path: string, frame: FieldControl, birthDate = false) {
  const value = host.get(path);
  const [, wrong] = dateProblem(value);
  // The draft read at the event, not at the render: the browser's autofill types the three boxes at once.
  const set = (i: number, pad: boolean) => (event: Event) => {
    const box = event.target as HTMLInputElement;
    const parts = partsOf(host.get(path));
    parts[i] = box.value;
    const date = dateOf(parts, pad);
    // The box left shows its zero at once: Lit would not write a value equal to the one it wrote last.
    box.value = partsOf(date)[i]!;
    host.set(path, date);
  };
  return html`<div class="parts">${partsOf(value).map((part, i) => {
    const id = `${frame.id}-${DATE_PARTS[i]}`;
    return html`<div>
      <label for=${id}>${host.t.dateParts[i]}</label>
      <input id=${id} inputmode="numeric" maxlength=${i > 1 ? 4 : 2} autocomplete=${birthDate ? `bday-${DATE_PARTS[i]}` : 'off'}
        aria-invalid=${frame.invalid === 'true' && (!wrong.length || wrong.includes(i)) ? 'true' : 'false'}
        .value=${part} @input=${set(i, false)} @change=${set(i, true)} />
    </div>`;
  })}</div>`;
}
