/**
 * A date, typed day first in one text box: "27/3/2007", "27 3 2007",
 * "27.3.2007" or, on a keypad with no separator (iOS's numeric one),
 * "27032007"; shown back as 27/03/2007.
 *
 * Why not `<input type="date">`: Chromium draws its segments in the order of
 * the browser's locale, not the page's language, so on an en-US browser the
 * Vietnamese form asked for mm/dd/yyyy while the review showed dd/mm/yyyy,
 * and 4 March became 03/04 (issue 15). A text box reads what it is given in
 * the order the page says, on every browser, and its hint (read with it by
 * `aria-describedby`) says the order before the citizen types:
 * "Ngày/tháng/năm, ví dụ: 27/03/2007.".
 *
 * Why not GOV.UK's three boxes (Ngày, Tháng, Năm), the better pattern for a
 * date the citizen knows: both were built (commits da5f5d9 and 9af363c have
 * the three boxes, their per-part marking and focus) and measured. The three
 * boxes cost 590 B gzip of the form's own 16 KB budget, which had 48 B
 * left, and the savings found in the form (the applicant checked as e-form
 * fields, the ID's province codes as bits) came to 210 B; this box costs
 * 190 B. What the three boxes do better is said by the messages: a date
 * with a part missing ("27/3") is told to give day, month and year; one
 * that does not exist (31/02) is told so; the box keeps what was typed.
 *
 * No calendar: the forms ask for dates the citizen knows (births, the start
 * of a residence, a registration, a wedding planned), which are quicker
 * typed than paged to month by month, and browsers' pickers are hard to use
 * with a screen reader. A calendar button beside the one date ahead (the
 * wedding day of ket-hon, where the weekday matters) was measured too: 130 B,
 * with 66 B left. The old picker button's faint 1 px focus ring goes with
 * it: the box takes the kit's 3 px focus outline.
 *
 * The draft keeps the ISO `2007-03-27` once the text is a date, as the
 * answers, the backend and the rules (form-rules.ts, whose date checks are
 * unchanged) know it; until then it keeps the text as typed, so a reload
 * shows a half-typed date again, and the rules call it `date-format`.
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

/** A text that is not a date: three numbers, the year shorter than four digits ("12/5/90"). */
export const shortYear = (value: unknown): boolean => /^\s*\d{1,2}\D+\d{1,2}\D+\d{1,3}\s*$/.test(String(value));
