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

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
type Parts = Record<DatePart, string>;

/** The parts of a date kept in the draft: `2007-3-27` → 27, 3, 2007. */
export function partsOf(value: unknown): Parts {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return { day, month, year };
}

/** The draft's value for the parts typed: none when all are empty; `pad` writes a one-digit day or month with its zero. */
export function dateOf(parts: Parts, pad = false): string | undefined {
  const [day, month, year] = DATE_PARTS.map((part) =>
    // A "-" typed would split the value in the wrong place.
    parts[part].replace(/[\s-]/g, '').replace(/^\d$/, (digit) => (pad && part !== 'year' ? `0${digit}` : digit)),
  );
  return day || month || year ? `${year}-${month}-${day}` : undefined;
}

const inRange = (part: string, max: number) => /^\d{1,2}$/.test(part) && +part >= 1 && +part <= max;

/**
 * What is wrong with a date, and its parts to fix, the first first: parts
 * missing; a year not of four digits; a day or month that does not exist
 * (the day of 31/02). None for a real date (its fault, if any, is its range).
 */
export function dateProblem(value: unknown): ['missing' | 'year' | 'format', DatePart[]] {
  const parts = partsOf(value);
  const missing = DATE_PARTS.filter((part) => !parts[part]);
  if (missing.length) return ['missing', missing];
  if (!/^\d{4}$/.test(parts.year)) return ['year', ['year']];
  if (isIsoDate(dateOf(parts, true) ?? '')) return ['format', []];
  const wrong = (['day', 'month'] as const).filter((part) => !inRange(parts[part], part === 'day' ? 31 : 12));
  return ['format', wrong.length ? wrong : ['day']];
}

/**
 * The three boxes of a date field framed as a fieldset (fields.ts); only the
 * wrong parts of an invalid date are marked invalid (all of them when the
 * date is whole but out of range), so the summary link focuses the first.
 */
export function dateBoxes(host: FieldHost, path: string, frame: FieldControl, birthDate = false) {
  const { t } = host;
  const parts = partsOf(host.get(path));
  const [, wrong] = dateProblem(host.get(path));
  // The draft read at the event, not at the render: the browser's autofill types the three boxes at once.
  const set = (part: DatePart, pad: boolean) => (event: Event) => {
    const box = event.target as HTMLInputElement;
    const value = dateOf({ ...partsOf(host.get(path)), [part]: box.value }, pad);
    // The box left shows its zero now: Lit would not write a value equal to the one it wrote last.
    if (pad) box.value = partsOf(value)[part];
    host.set(path, value);
  };
  return html`<div class="parts">${DATE_PARTS.map((part) => {
    const id = `${frame.id}-${part}`;
    const invalid = frame.invalid === 'true' && (!wrong.length || wrong.includes(part));
    return html`<div>
      <label for=${id}>${t.dateParts[part]}</label>
      <input id=${id} inputmode="numeric" maxlength=${part === 'year' ? 4 : 2} autocomplete=${birthDate ? `bday-${part}` : 'off'}
        aria-invalid=${invalid ? 'true' : 'false'} .value=${parts[part]} @input=${set(part, false)} @change=${set(part, true)} />
    </div>`;
  })}</div>`;
}
