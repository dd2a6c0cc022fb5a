/**
 * Dates in <dvc-dossier-form> (issue 15, item 3): typed and shown day first
 * on a browser whose locale writes the month first (the runner's Chromium
 * is en-US, which the first test checks), sent as ISO; a date with a part
 * missing, one that does not exist or one out of range named and focused;
 * a half-typed date kept by the draft.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
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
  onReview,
  pdf,
  summaryLinks,
  type,
  typeDate,
} from '../support/dossier-form.js';
import { $, $$, servers, textOf, until } from '../support/fixtures.js';

const BIRTH = 'applicant.birthDate';
const box = (element: Element, path: string) => $<HTMLInputElement>(element, id(path))!;
/** Types into a date box and leaves it, as a citizen moving on does. */
function typeAndLeave(element: Element, path: string, value: string): void {
  type(element, path, value);
  box(element, path).dispatchEvent(new Event('change', { bubbles: true }));
}

/** "Tiếp tục" on the applicant step with the date of birth typed as given; the summary's line for it. */
async function birthDateProblem(element: LitElement, typed: string): Promise<string> {
  type(element, BIRTH, typed);
  next(element);
  await element.updateComplete;
  await until(() => fieldError(element, BIRTH), 'no error at the date of birth');
  return summaryLinks(element)
    .find((link) => link.textContent!.includes('Ngày, tháng, năm sinh'))!
    .textContent!.trim();
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
  it('asks for the day first, in a box of its own, on a browser whose locale writes the month first', async () => {
    // The browser's own date box would show mm/dd/yyyy here, as it did to the citizen in issue 15.
    expect(navigator.language).to.equal('en-US');
    const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2026, 2, 4));
    expect(order.find((part) => part.type === 'month' || part.type === 'day')!.type).to.equal('month');

    const element = await formWidget();
    const input = box(element, BIRTH);
    expect(input.type).to.equal('text');
    expect(input.inputMode).to.equal('numeric');
    expect($(element, `label[for="${input.id}"]`)!.textContent).to.match(/^Ngày, tháng, năm sinh\s*\*/);
    // The order is said before the citizen types, and read with the box.
    const hint = $(element, `#${input.id}-hint`)!;
    expect(hint.textContent).to.equal('Ngày/tháng/năm, ví dụ: 27/03/2007.');
    expect(input.getAttribute('aria-describedby')).to.equal(hint.id);
    expect($$(element, 'input[type="date"]')).to.deep.equal([]);
    // No picker button with the browser's faint 1 px ring: the box takes the kit's 3 px focus outline.
    input.focus();
    expect(getComputedStyle(input).outlineWidth).to.equal('3px');
    await expect(element).to.be.accessible();
  });

  it('takes 4 March as 4/3, 4.3 or 04032…, shows it as 04/03/1992 on the review and sends 1992-03-04', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    // A keypad with no separator: eight digits.
    typeAndLeave(element, BIRTH, '12051990');
    await until(() => box(element, BIRTH).value === '12/05/1990', 'eight digits not read day first');
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    await fillForm(element);
    // Each typed after the box is emptied, as a citizen correcting it does.
    for (const typed of ['', '4.3.1992', '', '4/3/1992']) {
      typeAndLeave(element, 'answers.me-ngay-sinh', typed);
      await until(() => box(element, 'answers.me-ngay-sinh').value === (typed && '04/03/1992'), `${typed} not read`);
    }
    next(element);
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on the documents step');
    await attach(element, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
    next(element);
    await onReview(element);
    const review = textOf(element);
    expect(review).to.include('04/03/1992');
    expect(review).not.to.include('03/04/1992');
    expect(review).to.include('12/05/1990');
    confirmAndSend(element);
    await until(() => adapter.bodies.length === 1, 'not sent');
    expect(adapter.bodies[0]!.answers['me-ngay-sinh']).to.equal('1992-03-04');
    expect(adapter.bodies[0]!.applicant).to.include({ birthDate: '1990-05-12' });
  });

  it('says a part is missing, on "Tiếp tục", focuses the box from the summary, and takes the message away once fixed', async () => {
    const element = await formWidget();
    type(element, BIRTH, '27/3');
    // Not while typing (GOV.UK's timing): only on "Tiếp tục".
    expect(fieldError(element, BIRTH)).to.equal('');
    expect(await birthDateProblem(element, '27/3')).to.equal('“Ngày, tháng, năm sinh” cần có đủ ngày, tháng và năm.');
    expect(fieldError(element, BIRTH)).to.equal('Lỗi: “Ngày, tháng, năm sinh” cần có đủ ngày, tháng và năm.');
    expect(box(element, BIRTH).getAttribute('aria-invalid')).to.equal('true');
    expect(followLink(element)).to.equal(box(element, BIRTH).id);
    await expect(element).to.be.accessible();

    type(element, BIRTH, '27/3/2007');
    await until(() => !fieldError(element, BIRTH), 'the date typed whole kept its error');
    expect(box(element, BIRTH).getAttribute('aria-invalid')).to.equal('false');
  });

  it('says a date that does not exist (31/02) or has a short year is not one, and one in the future is refused', async () => {
    const element = await formWidget();
    expect(await birthDateProblem(element, '31/02/1990')).to.equal(
      '“Ngày, tháng, năm sinh” không phải là một ngày hợp lệ.',
    );
    // What was typed stays as typed.
    expect(box(element, BIRTH).value).to.equal('31/02/1990');
    expect(followLink(element)).to.equal(box(element, BIRTH).id);
    expect(await birthDateProblem(element, '12/5/90')).to.equal(
      '“Ngày, tháng, năm sinh” cần có năm đủ 4 chữ số, ví dụ: 1990.',
    );
    const nextYear = new Date().getFullYear() + 1;
    expect(await birthDateProblem(element, `1/1/${nextYear}`)).to.equal(
      '“Ngày, tháng, năm sinh” không được sau ngày hôm nay.',
    );
    await expect(element).to.be.accessible();
  });

  it('keeps what the citizen types while they type: a day corrected in a full date is that day', async () => {
    const element = await formWidget();
    typeAndLeave(element, BIRTH, '27/03/2007');
    await until(() => box(element, BIRTH).value === '27/03/2007', 'not shown day first');
    const input = box(element, BIRTH);
    input.focus();
    input.setSelectionRange(0, 2);
    await sendKeys({ type: '31' });
    await element.updateComplete;
    expect(input.value, 'the caret stayed where the citizen typed').to.equal('31/03/2007');
    input.setSelectionRange(3, 5);
    await sendKeys({ type: '12' });
    await element.updateComplete;
    expect(input.value).to.equal('31/12/2007');
    // Spaces around the separators, as some type them, are read too: the box does not cut them off.
    input.select();
    await sendKeys({ type: ' 1 / 2 / 1999 ' });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => input.value === '01/02/1999', 'a date with spaces was not read');
    await expect(element).to.be.accessible();
  });

  it('keeps a half-typed date in the draft across a reload', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    type(first, BIRTH, '27/3/');
    first.remove();

    const second = await formWidget();
    $$<HTMLButtonElement>(second, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai')!
      .click();
    await until(() => box(second, BIRTH)?.value === '27/3/', 'the date half typed was not kept');
  });

  it('speaks English', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} lang="en" no-history></dvc-dossier-form>`,
    );
    await until(() => heading(element) === 'About the applicant', 'not in English');
    expect($(element, `${id(BIRTH)}-hint`)!.textContent).to.equal('Day/month/year, for example 27/03/2007.');
    typeDate(element, BIRTH, '1992-3');
    next(element);
    await until(() => fieldError(element, BIRTH), 'no error at the date of birth');
    expect(fieldError(element, BIRTH)).to.equal('Error: “Date of birth” must have a day, a month and a year.');
    await expect(element).to.be.accessible();
  });
});
