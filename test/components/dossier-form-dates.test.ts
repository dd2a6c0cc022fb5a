/**
 * Dates in <dvc-dossier-form> (issue 15, item 3): typed day first in three
 * labelled boxes on a browser whose locale writes month first (the runner's
 * Chromium is started with `--lang=en-US`), shown day first on the review,
 * sent as ISO; a part missing, a year too short, a date that does not exist
 * or is out of range named and focused at its part; a half-typed date kept
 * by the draft.
 */
import { expect, html } from '@open-wc/testing';
import {
  KHAI_SINH,
  SpyAdapter,
  activeId,
  attach,
  confirmAndSend,
  fieldError,
  fillApplicant,
  fillForm,
  formWidget,
  heading,
  id,
  next,
  pdf,
  summaryLinks,
  typeDate,
} from '../support/dossier-form.js';
import { $, $$, servers, textOf, until } from '../support/fixtures.js';

const BIRTH = 'applicant.birthDate';
const box = (element: Element, path: string, part: string) => $<HTMLInputElement>(element, `${id(path)}-${part}`)!;
const invalidParts = (element: Element, path: string) =>
  ['day', 'month', 'year'].filter((part) => box(element, path, part).getAttribute('aria-invalid') === 'true');

/** Types one box as the citizen does: the text, then leaving it. */
function typePart(element: Element, path: string, part: string, value: string): void {
  const input = box(element, path, part);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** "Tiếp tục" on the applicant step with the birth date's parts as given, and the summary's line for it. */
async function birthDateProblem(element: Element, parts: Record<string, string>): Promise<string> {
  for (const [part, value] of Object.entries(parts)) typePart(element, BIRTH, part, value);
  next(element);
  await until(() => fieldError(element, BIRTH), 'no error at the date of birth');
  const line = summaryLinks(element).find((link) => link.textContent!.includes('Ngày, tháng, năm sinh'));
  return line!.textContent!.trim();
}

/** Follows the summary's link for the date of birth; the id of what it focused. */
function followLink(element: Element): string {
  summaryLinks(element)
    .find((link) => link.textContent!.includes('Ngày, tháng, năm sinh'))!
    .click();
  return activeId(element);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<dvc-dossier-form> dates', () => {
  it('asks day, month, year in that order on a browser whose locale writes the month first', async () => {
    // The browser's own date box would show mm/dd/yyyy here, as it did to the citizen in issue 15.
    expect(navigator.language).to.equal('en-US');
    const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2026, 2, 4));
    expect(order.find((part) => part.type === 'month' || part.type === 'day')!.type).to.equal('month');

    const element = await formWidget();
    const field = $(element, `[data-path="${BIRTH}"]`)!;
    expect(field.querySelector('legend')!.textContent).to.match(/^Ngày, tháng, năm sinh\s*\*/);
    expect(field.querySelector('.hint')!.textContent).to.equal('Ví dụ: 27 3 2007');
    expect([...field.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal(['Ngày', 'Tháng', 'Năm']);
    const boxes = ['day', 'month', 'year'].map((part) => box(element, BIRTH, part));
    expect(boxes.map((input) => input.inputMode)).to.deep.equal(['numeric', 'numeric', 'numeric']);
    // Side by side, day at the left, even at the phone's width the fixture has.
    const lefts = boxes.map((input) => input.getBoundingClientRect().left);
    expect(lefts[0]).to.be.below(lefts[1]!);
    expect(lefts[1]).to.be.below(lefts[2]!);
    expect(boxes.map((input) => input.getBoundingClientRect().top)).to.satisfy((tops: number[]) =>
      tops.every((top) => top === tops[0]),
    );
    expect($$(element, 'input[type="date"]')).to.deep.equal([]);
    // The hint is read with the fieldset.
    expect(field.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(
      `${id(BIRTH).slice(1)}-hint`,
    );
    await expect(element).to.be.accessible();
  });

  it('takes 4 March typed as 4 and 3, shows it as 04/03/1992 on the review and sends 1992-03-04', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    await fillForm(element);
    typeDate(element, 'answers.me-ngay-sinh', '1992-3-4');
    // Leaving a box writes a one-digit day or month with its zero.
    await until(() => box(element, 'answers.me-ngay-sinh', 'day').value === '04', 'the day not written 04');
    expect(box(element, 'answers.me-ngay-sinh', 'month').value).to.equal('03');
    next(element);
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on the documents step');
    await attach(element, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
    next(element);
    await until(() => heading(element) === 'Kiểm tra lại thông tin', 'not on the review step');
    const review = textOf(element);
    expect(review).to.include('04/03/1992');
    expect(review).not.to.include('03/04/1992');
    expect(review).to.include('12/05/1990');
    confirmAndSend(element);
    await until(() => adapter.bodies.length === 1, 'not sent');
    expect(adapter.bodies[0]!.answers['me-ngay-sinh']).to.equal('1992-03-04');
    expect(adapter.bodies[0]!.applicant).to.include({ birthDate: '1990-05-12' });
  });

  it('names the parts missing and focuses the first; the message goes once they are typed', async () => {
    const element = await formWidget();
    expect(await birthDateProblem(element, { day: '27', year: '2007' })).to.equal(
      'Vui lòng nhập “Tháng” của “Ngày, tháng, năm sinh”.',
    );
    expect(fieldError(element, BIRTH)).to.equal('Lỗi: Vui lòng nhập “Tháng” của “Ngày, tháng, năm sinh”.');
    expect(invalidParts(element, BIRTH)).to.deep.equal(['month']);
    expect(followLink(element)).to.equal(`${id(BIRTH).slice(1)}-month`);
    await expect(element).to.be.accessible();

    typePart(element, BIRTH, 'day', '');
    typePart(element, BIRTH, 'month', '3');
    typePart(element, BIRTH, 'year', '');
    next(element);
    await until(() => fieldError(element, BIRTH).includes('“Ngày”, “Năm”'), 'the day and year not named');
    expect(summaryLinks(element).map((link) => link.textContent!.trim())).to.include(
      'Vui lòng nhập “Ngày”, “Năm” của “Ngày, tháng, năm sinh”.',
    );
    expect(invalidParts(element, BIRTH)).to.deep.equal(['day', 'year']);
    expect(followLink(element)).to.equal(`${id(BIRTH).slice(1)}-day`);

    typePart(element, BIRTH, 'day', '27');
    typePart(element, BIRTH, 'year', '2007');
    await until(() => !fieldError(element, BIRTH), 'the date typed whole kept its error');
    expect(invalidParts(element, BIRTH)).to.deep.equal([]);
  });

  it('says a date does not exist (31/02) or its year is short, at the part to fix', async () => {
    const element = await formWidget();
    expect(await birthDateProblem(element, { day: '31', month: '2', year: '1990' })).to.equal(
      '“Ngày, tháng, năm sinh” không phải là một ngày có thật.',
    );
    expect(invalidParts(element, BIRTH)).to.deep.equal(['day']);
    expect(followLink(element)).to.equal(`${id(BIRTH).slice(1)}-day`);

    expect(await birthDateProblem(element, { day: '12', month: '13', year: '1990' })).to.equal(
      '“Ngày, tháng, năm sinh” không phải là một ngày có thật.',
    );
    expect(invalidParts(element, BIRTH)).to.deep.equal(['month']);

    expect(await birthDateProblem(element, { day: '12', month: '5', year: '90' })).to.equal(
      '“Năm” của “Ngày, tháng, năm sinh” phải gồm 4 chữ số.',
    );
    expect(invalidParts(element, BIRTH)).to.deep.equal(['year']);
    expect(followLink(element)).to.equal(`${id(BIRTH).slice(1)}-year`);
    await expect(element).to.be.accessible();
  });

  it('refuses a birth in the future, the whole date marked, from the rules the backend shares', async () => {
    const element = await formWidget();
    const nextYear = String(new Date().getFullYear() + 1);
    expect(await birthDateProblem(element, { day: '1', month: '1', year: nextYear })).to.equal(
      '“Ngày, tháng, năm sinh” không được sau ngày hôm nay.',
    );
    expect(invalidParts(element, BIRTH)).to.deep.equal(['day', 'month', 'year']);
    expect(followLink(element)).to.equal(`${id(BIRTH).slice(1)}-day`);
  });

  it('keeps a half-typed date in the draft across a reload', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    typePart(first, BIRTH, 'day', '27');
    typePart(first, BIRTH, 'year', '2007');
    first.remove();

    const second = await formWidget();
    $$<HTMLButtonElement>(second, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai')!
      .click();
    await until(() => box(second, BIRTH, 'day')?.value === '27', 'the day typed was not kept');
    expect(box(second, BIRTH, 'month').value).to.equal('');
    expect(box(second, BIRTH, 'year').value).to.equal('2007');
  });

  it('speaks English: the boxes and the part missing', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} lang="en" no-history></dvc-dossier-form>`,
    );
    await until(() => heading(element) === 'About the applicant', 'not in English');
    const field = $(element, `[data-path="${BIRTH}"]`)!;
    expect([...field.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal(['Day', 'Month', 'Year']);
    expect(field.querySelector('.hint')!.textContent).to.equal('For example, 27 3 2007');
    typePart(element, BIRTH, 'day', '4');
    typePart(element, BIRTH, 'month', '3');
    next(element);
    await until(() => fieldError(element, BIRTH), 'no error at the date of birth');
    expect(fieldError(element, BIRTH)).to.equal('Error: Enter “Year” of “Date of birth”.');
    await expect(element).to.be.accessible();
  });
});
