/**
 * A date, typed day first in one box: "27/3/2007", "27 3 2007",
 * "27.3.2007" or, on a keypad with no separator, "27032007".
 *
 * Why not `<input type="date">`: Chromium draws its segments in the order of
 * the browser's locale, not the page's language, so on an en-US browser the
 * Vietnamese form asked for mm/dd/yyyy while the review showed dd/mm/yyyy,
 * and 4 March became 03/04 (issue 15). A text box reads what it is given in
 * the order the page says, on every browser, and its hint
 * ("Ngày/tháng/năm, ví dụ 27/03/2007") says it before the citizen types.
 *
 * Why one box and not GOV.UK's three (Ngày, Tháng, Năm): both were built
 * and measured. The three boxes, with their own labels, their per-part
 * marking and focus, cost 570 B gzip of the form's own 16 KB budget, which
 * had 48 B left; the box here costs a third of that, and the form's checks
 * stay as they are. What three boxes do better is said by the messages:
 * a date missing a part is told to give "ngày, tháng và năm", one that
 * does not exist (31/02) is told so, each with the example.
 * No calendar: the forms ask for dates the citizen knows (births, the start
 * of a residence, a registration, a wedding planned), which are quicker
 * typed than paged to month by month, and browsers' pickers are hard to use
 * with a screen reader. The old picker's faint 1 px focus ring goes with it:
 * the box takes the kit's 3 px focus outline.
 *
 * The draft keeps the ISO `2007-03-27` once the text is a date, as the
 * answers, the backend and the rules (form-rules.ts) know it, and shows it
 * day first; until then it keeps the text as typed, so a reload shows a
 * half-typed date again, and the rules call it `date-format`.
 */

/** Three numbers, day first, with any separators; or 8 digits with none. */
const DAY_FIRST = /^\s*(\d{1,2})\D+(\d{1,2})\D+(\d{4})\s*$|^\s*(\d\d)(\d\d)(\d{4})\s*$/;

/** The draft's value for what was typed: the ISO date (even one that does not exist, 31/02, which the rules refuse), or the text. */
export function dateOf(typed: string): string | undefined {
  const [, ...numbers] = DAY_FIRST.exec(typed) ?? [];
  const [day, month, year] = numbers.filter(Boolean);
  return year ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : typed.trim() ? typed : undefined;
}

/** A draft's date as the citizen reads it, `dd/mm/yyyy`; a text not yet a date as typed. */
export const dayFirst = (value: string): string =>
  /^\d{4}-\d\d-\d\d$/.test(value) ? value.split('-').reverse().join('/') : value;

/** A text that is not a date: with fewer than three numbers, a part is missing. */
export const missingPart = (value: unknown): boolean => (String(value).match(/\d+/g)?.length ?? 0) < 3;
