/** The steps of <dvc-dossier-form>: the fields the real khai sinh definition asks for, their checks and error summary, conditions, repeating groups, and English. */
import { aTimeout, expect, html } from '@open-wc/testing';
import {
  KHAI_SINH,
  id,
  heading,
  summaryLinks,
  fieldError,
  topOf,
  attach,
  pdf,
  fillForm,
  activeId,
  type,
  typeDate,
  choose,
  next,
  formWidget,
  fillApplicant,
  SpyAdapter,
  withGroup,
} from '../support/dossier-form.js';
import { $, $$, servers, textOf, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<dvc-dossier-form>', () => {
  it('renders the khai sinh form from the real definition, step by step, accessibly', async () => {
    const element = await formWidget();
    expect(heading(element)).to.equal('Thông tin người nộp hồ sơ');
    const steps = $$(element, '[part="progress"] li');
    expect(steps.map((step) => step.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '1. Người nộp hồ sơ',
      '2. Tờ khai',
      '3. Giấy tờ đính kèm',
      '4. Kiểm tra lại',
    ]);
    expect(steps[0]!.getAttribute('aria-current')).to.equal('step');
    expect(textOf(element)).to.include('Họ, chữ đệm và tên');
    expect(textOf(element)).to.include('Ngày, tháng, năm sinh');
    expect(textOf(element)).to.include('Số định danh cá nhân');
    expect(textOf(element)).to.include('Nơi cư trú');
    expect($<HTMLFormElement>(element, 'form')!.noValidate).to.equal(true);
    expect($(element, id('applicant.fullName'))!.getAttribute('autocomplete')).to.equal('name');
    expect($(element, id('applicant.birthDate'))!.getAttribute('autocomplete')).to.equal('bday');
    expect($(element, id('applicant.phone'))!.getAttribute('autocomplete')).to.equal('tel');
    expect($(element, id('applicant.email'))!.getAttribute('autocomplete')).to.equal('email');
    expect($(element, `${id('applicant.address')}-street`)!.getAttribute('autocomplete')).to.equal('street-address');
    expect($(element, id('applicant.personalId'))!.getAttribute('inputmode')).to.equal('numeric');
    expect($(element, id('applicant.phone'))!.getAttribute('inputmode')).to.equal('numeric');
    // Required is marked for the eye and for screen readers.
    expect($(element, `label[for="${id('applicant.fullName').slice(1)}"]`)!.textContent).to.match(/\*\s*\(bắt buộc\)/);
    expect($(element, '[data-path="applicant.sex"] fieldset legend')!.textContent).to.include('Giới tính');
    await expect(element).to.be.accessible();

    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    expect(element.shadowRoot!.activeElement?.id).to.equal('step-heading');
    expect(textOf(element)).to.include('Người được khai sinh');
    // A date is typed day first in a text box, not the browser's date box (dossier-form-dates.test.ts).
    expect($(element, id('answers.ngay-sinh'))!.getAttribute('type')).to.equal('text');
    expect($(element, id('answers.ngay-sinh'))!.getAttribute('inputmode')).to.equal('numeric');
    expect($$(element, `${id('answers.dan-toc')} option`).length).to.be.greaterThan(50);
    await expect(element).to.be.accessible();
  });
  it('shows required, ID and phone errors at the fields and in a summary whose links focus the field', async () => {
    const element = await formWidget();
    type(element, 'applicant.personalId', '12345');
    type(element, 'applicant.phone', '0123');
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no error summary');
    const summary = $(element, '.error-summary')!;
    // The kit's summary, as the lookup shows it (GOV.UK's markup): the focused box holds the alert with the title and the links.
    const alert = summary.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h3')!.textContent).to.equal('Có vấn đề cần sửa');
    expect(alert.querySelectorAll('a').length).to.equal(summaryLinks(element).length);
    expect(summary.getAttribute('aria-labelledby')).to.equal(alert.querySelector('h3')!.id);
    expect(element.shadowRoot!.activeElement).to.equal(summary);
    const messages = summaryLinks(element).map((link) => link.textContent!.trim());
    expect(messages).to.include('Vui lòng nhập “Họ, chữ đệm và tên”.');
    expect(messages).to.include('Vui lòng chọn “Giới tính”.');
    expect(messages).to.include('“Số định danh cá nhân” phải gồm đúng 12 chữ số.');
    expect(messages).to.include('“Số điện thoại di động” phải là số di động 10 chữ số, ví dụ 0912 345 678.');
    const idInput = $(element, id('applicant.personalId'))!;
    expect(idInput.getAttribute('aria-invalid')).to.equal('true');
    expect(idInput.getAttribute('aria-describedby')).to.include(`${id('applicant.personalId').slice(1)}-error`);
    expect(fieldError(element, 'applicant.personalId')).to.equal(
      'Lỗi: “Số định danh cá nhân” phải gồm đúng 12 chữ số.',
    );

    summaryLinks(element)
      .find((link) => link.textContent!.includes('Số điện thoại'))!
      .click();
    expect(activeId(element)).to.equal(id('applicant.phone').slice(1));
    await expect(element).to.be.accessible();

    // Fixed: the field's error goes at once, before focus leaves it, and keeps its room: nothing below moves.
    const emailTop = topOf(element, id('applicant.email'));
    type(element, 'applicant.phone', '0912345678');
    await until(() => !fieldError(element, 'applicant.phone'), 'the fixed phone kept its error');
    const phone = $(element, id('applicant.phone'))!;
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    expect(phone.getAttribute('aria-describedby') ?? '').not.to.include('-error');
    expect(summaryLinks(element).map((link) => link.textContent!.trim())).not.to.include(
      '“Số điện thoại di động” phải là số di động 10 chữ số, ví dụ 0912 345 678.',
    );
    expect(topOf(element, id('applicant.email'))).to.equal(emailTop);
    $<HTMLInputElement>(element, id('applicant.email'))!.focus();
    expect(topOf(element, id('applicant.email'))).to.equal(emailTop);
    // A wrong value gets its error at "Tiếp tục" (GOV.UK), not when focus leaves: leaving moves nothing.
    type(element, 'applicant.email', 'khong-phai-email');
    $<HTMLInputElement>(element, id('applicant.fullName'))!.focus();
    await aTimeout(50);
    expect(fieldError(element, 'applicant.email')).to.equal('');
    expect(topOf(element, id('applicant.email'))).to.equal(emailTop);
    next(element);
    await until(
      () => fieldError(element, 'applicant.email').includes('không đúng định dạng'),
      'no error on “Tiếp tục”',
    );
    // The ID is checked against the date of birth and sex, as the desk does.
    typeDate(element, 'applicant.birthDate', '1985-01-01');
    type(element, 'applicant.personalId', '001090012345');
    next(element);
    await until(
      () => fieldError(element, 'applicant.personalId').includes('không khớp với năm sinh'),
      'ID not checked against the birth year',
    );
  });
  it('takes an error away as soon as it is fixed (a radio chosen, a file uploaded), the summary with it, moving nothing', async () => {
    const element = await formWidget();
    next(element);
    await until(() => fieldError(element, 'applicant.sex'), 'no error at the sex');
    const idTop = topOf(element, id('applicant.personalId'));
    choose(element, 'applicant.sex', 'Nam');
    // Chosen, and focus still in the group: the error is gone at once, its room kept.
    await until(() => !fieldError(element, 'applicant.sex'), 'the chosen radio group kept its error');
    expect(summaryLinks(element).map((link) => link.textContent!.trim())).not.to.include('Vui lòng chọn “Giới tính”.');
    expect(topOf(element, id('applicant.personalId'))).to.equal(idTop);

    await fillApplicant(element);
    // Every problem fixed: the whole summary is gone from sight and from screen readers, its room kept.
    await until(() => !summaryLinks(element).length, 'the summary kept fixed problems');
    expect($(element, '.error-summary')!.checkVisibility({ visibilityProperty: true })).to.equal(false);
    await expect(element).to.be.accessible();
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    await fillForm(element);
    next(element);
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on the documents step');
    next(element);
    await until(() => fieldError(element, 'attachments.giay-chung-sinh'), 'no error at the empty slot');
    await attach(element, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
    // Uploaded ("Đã tải lên"): its error goes with it.
    await until(() => !fieldError(element, 'attachments.giay-chung-sinh'), 'the uploaded slot kept its error');
    expect(summaryLinks(element)).to.have.length(0);
    await expect(element).to.be.accessible();
  });
  it('shows and hides fields by their conditions, and the document slots with them', async () => {
    const element = await formWidget();
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    expect($(element, id('answers.cha-ho-ten')), 'father hidden before the yes/no').to.equal(null);
    choose(element, 'answers.co-cha', 'Có');
    await until(() => $(element, id('answers.cha-ho-ten')), 'father fields not shown');
    choose(element, 'answers.co-cha', 'Không');
    await until(() => !$(element, id('answers.cha-ho-ten')), 'father fields not hidden');
    // A foundling: no mother, and the record of abandonment instead of the birth certificate.
    choose(element, 'answers.truong-hop', 'Trẻ em bị bỏ rơi, chưa xác định được cha, mẹ');
    await until(() => !$(element, id('answers.me-ho-ten')), 'mother fields not hidden');
    const slotShown = (slot: string) => !$(element, `[data-path="attachments.${slot}"]`)!.hidden;
    expect(slotShown('bien-ban-tre-bi-bo-roi')).to.equal(true);
    expect(slotShown('giay-chung-sinh')).to.equal(false);
    choose(element, 'answers.quan-he', 'Người được ủy quyền');
    await aTimeout(0);
    expect(slotShown('van-ban-uy-quyen')).to.equal(true);
    await expect(element).to.be.accessible();
  });
  it('adds and removes the items of a repeating group, numbered, with focus kept sensible', async () => {
    const adapter = new SpyAdapter(servers.api);
    adapter.form = withGroup;
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await fillApplicant(element);
    next(element);
    await until(() => $(element, id('answers.thanh-vien') + '-add'), 'no add button');
    const add = () => $<HTMLButtonElement>(element, `${id('answers.thanh-vien')}-add`)!;
    expect(add().textContent!.trim()).to.equal('Thêm thành viên 1');
    add().click();
    await until(() => $(element, id('answers.thanh-vien.0.ho-ten')), 'no first item');
    expect(activeId(element)).to.equal(id('answers.thanh-vien.0.ho-ten').slice(1));
    add().click();
    await until(() => $(element, id('answers.thanh-vien.1.ho-ten')), 'no second item');
    expect($$(element, '.item legend').map((legend) => legend.textContent!.trim())).to.deep.equal([
      'Thành viên 1',
      'Thành viên 2',
    ]);
    expect($$(element, '.item button').map((button) => button.textContent!.trim())).to.deep.equal([
      'Xóa thành viên 1',
      'Xóa thành viên 2',
    ]);
    type(element, 'answers.thanh-vien.1.ho-ten', 'Lê Văn Cường');
    type(element, 'answers.so-nguoi', '0');
    next(element);
    await until(() => summaryLinks(element).length === 2, 'no summary');
    expect(summaryLinks(element).map((link) => link.textContent!.trim())).to.deep.equal([
      'Vui lòng nhập “Thành viên 1: Họ, chữ đệm và tên”.',
      '“Số người” không được nhỏ hơn 1.',
    ]);
    $$<HTMLButtonElement>(element, '.item button')[0]!.click();
    await until(() => $$(element, '.item').length === 1, 'item not removed');
    expect($<HTMLInputElement>(element, id('answers.thanh-vien.0.ho-ten'))!.value).to.equal('Lê Văn Cường');
    expect(activeId(element)).to.equal(`${id('answers.thanh-vien').slice(1)}-add`);
    await expect(element).to.be.accessible();
  });
  it('puts the consent box beside the first line of its label, not halfway down the label and its hint', async () => {
    const element = await formWidget();
    const box = $<HTMLInputElement>(element, '#consent')!;
    const label = $(element, 'label[for="consent"]')!;
    const gap = box.getBoundingClientRect().top - label.getBoundingClientRect().top;
    expect(Math.abs(gap), `${gap} px between the box's top and the label's`).to.be.below(8);
  });

  it('speaks English', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} lang="en" no-history></dvc-dossier-form>`,
    );
    await until(() => heading(element) === 'About the applicant', 'not in English');
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(summaryLinks(element)[0]!.textContent).to.equal('Enter “Full name”.');
    await expect(element).to.be.accessible();
  });
});
