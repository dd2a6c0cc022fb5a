import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DossierSubmission, FormDefinition } from '../../src/api/contract/index.js';
import { BackendError } from '../../src/api/errors.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { DvcAttachmentUpload } from '../../src/attachment-upload.js';
import type { DvcDossierForm } from '../../src/dossier-form.js';
import '../../src/dossier-form.js';
import { $, $$, captureConsoleErrors, faultyApi, servers, textOf, until } from '../support/fixtures.js';

const KHAI_SINH = '1.001193';
const PDF_HEAD = '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n';
const pdf = (name: string, size = 2048) =>
  new File([PDF_HEAD, 'x'.repeat(size - PDF_HEAD.length)], name, { type: 'application/pdf' });

/** A day a few days ago, in Vietnam: a birth the desk accepts. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

const id = (path: string) => `#f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;
const heading = (element: Element) => $(element, '#step-heading')?.textContent?.trim() ?? '';
const summaryLinks = (element: Element) => $$<HTMLAnchorElement>(element, '.error-summary a');
const fieldError = (element: Element, path: string) =>
  $(element, `[data-path="${path}"] .error-text`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const activeId = (element: Element) => element.shadowRoot!.activeElement?.id ?? '';

function type(element: Element, path: string, value: string): void {
  const input = $<HTMLInputElement>(element, id(path));
  if (!input) throw new Error(`no input for ${path}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function pick(element: Element, selector: string, value: string): Promise<void> {
  await until(
    () =>
      $<HTMLSelectElement>(element, selector) &&
      !$<HTMLSelectElement>(element, selector)!.disabled &&
      [...$<HTMLSelectElement>(element, selector)!.options].some((option) => option.value === value),
    `no option ${value} in ${selector}`,
  );
  const select = $<HTMLSelectElement>(element, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses the radio or check box of `path` whose label is `label`. */
function choose(element: Element, path: string, label: string): void {
  const box = $(element, `[data-path="${path}"]`);
  const option = [...(box?.querySelectorAll('.choice') ?? [])].find(
    (choice) => choice.querySelector('label')!.textContent!.trim() === label,
  );
  if (!option) throw new Error(`no choice ${label} for ${path}`);
  option.querySelector('input')!.click();
}

async function fillAddress(element: Element, path: string, street = 'Số 5 ngõ 12 phố Hàng Bông'): Promise<void> {
  const streetInput = $<HTMLInputElement>(element, `${id(path)}-street`)!;
  streetInput.value = street;
  streetInput.dispatchEvent(new Event('input'));
  await pick(element, `${id(path)}-province`, '01');
  await pick(element, `${id(path)}-commune`, '00004');
}

const next = (element: Element) => $<HTMLButtonElement>(element, '[part="next-button"]')!.click();

async function formWidget(
  template = html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
) {
  const element = await fixture<DvcDossierForm>(template);
  await until(() => $(element, '#step-heading') || $(element, '[part="error"]'), 'the form did not load', 8000);
  return element;
}

async function fillApplicant(element: Element): Promise<void> {
  type(element, 'applicant.fullName', 'Nguyễn Văn An');
  type(element, 'applicant.birthDate', '1990-05-12');
  choose(element, 'applicant.sex', 'Nam');
  type(element, 'applicant.personalId', '001 090 012 345');
  type(element, 'applicant.phone', '0912 345 678');
  await fillAddress(element, 'applicant.address');
}

async function fillForm(element: Element, withFather = false): Promise<void> {
  choose(element, 'answers.quan-he', 'Cha');
  choose(element, 'answers.truong-hop', 'Trẻ em có cha, mẹ hoặc có mẹ');
  type(element, 'answers.ho-ten', 'Nguyễn Minh Khang');
  type(element, 'answers.ngay-sinh', daysAgo(5));
  choose(element, 'answers.gioi-tinh', 'Nam');
  await pick(element, id('answers.dan-toc'), 'kinh');
  type(element, 'answers.quoc-tich', 'Việt Nam');
  type(element, 'answers.noi-sinh', 'Bệnh viện Phụ sản Hà Nội, phường Ngọc Hà, thành phố Hà Nội');
  type(element, 'answers.que-quan', 'Xã Bát Tràng, thành phố Hà Nội');
  await aTimeout(0);
  type(element, 'answers.me-ho-ten', 'Trần Thị Bình');
  type(element, 'answers.me-ngay-sinh', '1992-03-04');
  await pick(element, id('answers.me-dan-toc'), 'kinh');
  type(element, 'answers.me-quoc-tich', 'Việt Nam');
  type(element, 'answers.me-so-dinh-danh', '001192012345');
  await fillAddress(element, 'answers.me-noi-cu-tru');
  choose(element, 'answers.co-cha', withFather ? 'Có' : 'Không');
}

async function attach(element: Element, slot: string, file: File): Promise<void> {
  const upload = $<DvcAttachmentUpload>(element, `dvc-attachment-upload[slot-id="${slot}"]`)!;
  await until(() => upload.shadowRoot?.querySelector('#picker'), 'the upload widget did not render');
  const input = upload.shadowRoot!.querySelector<HTMLInputElement>('#picker')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await until(
    () => upload.value.some((done) => done.name === file.name),
    `${file.name} did not finish uploading`,
    10000,
  );
}

/** Applicant, form and documents filled, on the review step. */
async function toReview(element: DvcDossierForm): Promise<void> {
  await fillApplicant(element);
  next(element);
  await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
  await fillForm(element);
  next(element);
  await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on the documents step');
  await attach(element, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
  next(element);
  await until(() => heading(element) === 'Kiểm tra lại thông tin', 'not on the review step');
}

function confirmAndSend(element: Element): void {
  choose(element, 'delivery.method', 'Nhận trực tiếp tại Bộ phận Một cửa');
  $<HTMLInputElement>(element, '#f-declaration')!.click();
  $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
}

/** An adapter over the real backend that counts filings and can change the form it serves. */
class SpyAdapter extends RestAdapter {
  submissions = 0;
  keys: string[] = [];
  bodies: DossierSubmission[] = [];
  form?: (real: FormDefinition) => unknown;

  override async getForm(procedure: string, options?: { signal?: AbortSignal }) {
    const real = await super.getForm(procedure, options);
    return (this.form ? this.form(real) : real) as FormDefinition;
  }

  override submitDossier(...args: Parameters<RestAdapter['submitDossier']>) {
    this.submissions += 1;
    this.keys.push(args[1].idempotencyKey);
    this.bodies.push(args[0]);
    return super.submitDossier(...args);
  }
}

/** A definition with a repeating group and every other kind of field, on top of the real khai sinh form. */
const withGroup = (real: FormDefinition): FormDefinition => ({
  ...real,
  sections: [
    {
      id: 'thanh-vien',
      title: 'Thành viên gia đình',
      fields: [
        {
          id: 'thanh-vien',
          type: 'group',
          label: 'Những người cùng cư trú',
          itemLabel: 'Thành viên',
          maxItems: 3,
          fields: [
            { id: 'ho-ten', type: 'text', label: 'Họ, chữ đệm và tên', required: true },
            { id: 'so-dien-thoai', type: 'phone', label: 'Số điện thoại' },
          ],
        },
        { id: 'so-nguoi', type: 'number', label: 'Số người', integer: true, min: 1, unit: 'người' },
        {
          id: 'ghi-chu',
          type: 'checkboxes',
          label: 'Ghi chú',
          options: [
            { value: 'a', label: 'Một' },
            { value: 'b', label: 'Hai' },
          ],
        },
        { id: 'mst', type: 'tax-code', label: 'Mã số thuế' },
        { id: 'thu', type: 'email', label: 'Thư điện tử' },
      ],
    },
  ],
  documents: [],
});

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
    expect($(element, id('answers.ngay-sinh'))!.getAttribute('type')).to.equal('date');
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
    expect(summary.getAttribute('role')).to.equal('alert');
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

    // Fixed and left: the field's error goes at once (validation on blur of a touched field).
    type(element, 'applicant.phone', '0912345678');
    $<HTMLInputElement>(element, id('applicant.email'))!.focus();
    await until(() => !fieldError(element, 'applicant.phone'), 'the fixed phone kept its error');
    // A touched field with a wrong value gets its error on blur, before "Tiếp tục".
    type(element, 'applicant.email', 'khong-phai-email');
    $<HTMLInputElement>(element, id('applicant.fullName'))!.focus();
    await until(() => fieldError(element, 'applicant.email').includes('không đúng định dạng'), 'no error on blur');
    // The ID is checked against the date of birth and sex, as the desk does.
    type(element, 'applicant.birthDate', '1985-01-01');
    type(element, 'applicant.personalId', '001090012345');
    next(element);
    await until(
      () => fieldError(element, 'applicant.personalId').includes('không khớp với năm sinh'),
      'ID not checked against the birth year',
    );
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

  it('files the whole dossier: applicant, form, a real upload, review, send, receipt', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} lookup-url="/tra-cuu" no-history></dvc-dossier-form>`,
    );
    const changes: string[] = [];
    element.addEventListener('dvc-step-change', (event) => changes.push(`${event.detail.index}:${event.detail.step}`));
    await toReview(element);
    await expect(element).to.be.accessible();
    const review = textOf(element);
    expect(review).to.include('Nguyễn Văn An');
    expect(review).to.include('12/05/1990');
    expect(review).to.include('Phường Ba Đình, Thành phố Hà Nội');
    expect(review).to.include('Trẻ em có cha, mẹ hoặc có mẹ');
    expect(review).to.include('giay-chung-sinh.pdf');
    expect($$(element, '.review-head a').map((link) => link.textContent!.replace(/\s+/g, ' ').trim())[0]).to.equal(
      'Thay đổi Người nộp hồ sơ',
    );

    // "Thay đổi" goes back to the step, then on again.
    $$<HTMLAnchorElement>(element, '.review-head a')[1]!.click();
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', '"Thay đổi" did not go to the form');
    expect(activeId(element)).to.equal('sec-nguoi-di-dang-ky');
    next(element);
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on documents');
    // The finished upload survived the trip through the other steps.
    expect($<DvcAttachmentUpload>(element, 'dvc-attachment-upload[slot-id="giay-chung-sinh"]')!.value).to.have.length(
      1,
    );
    next(element);
    await until(() => heading(element) === 'Kiểm tra lại thông tin', 'not on review');

    // Sending without the declaration: the problem is shown there.
    $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
    await until(() => summaryLinks(element).length === 2, 'no summary on review');
    expect(summaryLinks(element).map((link) => link.textContent!.trim())).to.include(
      'Vui lòng đánh dấu vào ô cam đoan trước khi gửi hồ sơ.',
    );

    setTimeout(() => confirmAndSend(element));
    const { detail } = await oneEvent(element, 'dvc-dossier-submitted');
    expect(detail.code).to.match(/^\S+-\d{6}-\d{4,}$/);
    await until(() => heading(element) === 'Đã nộp hồ sơ thành công', 'no receipt');
    expect(activeId(element)).to.equal('step-heading');
    const receipt = textOf(element);
    expect(receipt).to.include(detail.code);
    // Written as the lookup writes them: dd/mm/yyyy HH:mm, in Vietnam's time (the backend's dates carry +07:00).
    expect(receipt).to.match(/Thời gian tiếp nhận\s*\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const [year, month, day] = (detail.appointmentAt as string).slice(0, 10).split('-');
    expect(receipt).to.include(`Ngày hẹn trả kết quả${day}/${month}/${year}`);
    expect(receipt).to.include('Các bước tiếp theo');
    const lookup = [...shadowLinks(element)].find((link) => link.textContent!.includes('Tra cứu tình trạng hồ sơ'))!;
    expect(new URL(lookup.href).pathname).to.equal('/tra-cuu');
    expect(new URL(lookup.href).search).to.equal(`?code=${encodeURIComponent(detail.code)}`);
    expect(textOf(element)).to.include('In giấy biên nhận');
    expect(changes).to.deep.equal(['1:form', '2:documents', '3:review', '1:form', '2:documents', '3:review', '4:done']);
    // Filed: the draft is gone from the device.
    expect(
      Object.keys({ ...localStorage, ...sessionStorage }).filter((key) => key.startsWith('dvc-dossier')),
    ).to.deep.equal([]);
    await expect(element).to.be.accessible();

    $$<HTMLButtonElement>(element, '.actions button')
      .find((button) => button.textContent!.includes('Nộp hồ sơ khác'))!
      .click();
    await until(() => heading(element) === 'Thông tin người nộp hồ sơ', '"Nộp hồ sơ khác" did not start again');
    expect($<HTMLInputElement>(element, id('applicant.fullName'))!.value).to.equal('');
  });

  it('keeps the draft and the finished uploads with consent, offers them back, and keeps nothing in localStorage without it', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    await fillApplicant(first);
    next(first);
    await until(() => heading(first) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    await fillForm(first);
    next(first);
    await until(() => heading(first) === 'Giấy tờ đính kèm', 'not on documents');
    await attach(first, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
    const kept = Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'));
    expect(kept).to.deep.equal([`dvc-dossier-draft:${KHAI_SINH}`]);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);
    first.remove();

    // The next visit.
    const second = await formWidget();
    expect(heading(second)).to.equal('Bạn có hồ sơ đang khai dở');
    $$<HTMLButtonElement>(second, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai')!
      .click();
    await until(() => heading(second) === 'Giấy tờ đính kèm', 'not restored at its step');
    const upload = $<DvcAttachmentUpload>(second, 'dvc-attachment-upload[slot-id="giay-chung-sinh"]')!;
    expect(upload.value.map((done) => done.name)).to.deep.equal(['giay-chung-sinh.pdf']);
    $<HTMLButtonElement>(second, '[part="back-button"]')!.click();
    await until(() => heading(second) === 'Tờ khai đăng ký khai sinh', 'no way back');
    expect($<HTMLInputElement>(second, id('answers.ho-ten'))!.value).to.equal('Nguyễn Minh Khang');
    second.remove();

    // "Khai lại từ đầu" forgets it.
    const third = await formWidget();
    $$<HTMLButtonElement>(third, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Khai lại từ đầu')!
      .click();
    await until(() => heading(third) === 'Thông tin người nộp hồ sơ', 'did not start again');
    expect($<HTMLInputElement>(third, id('applicant.fullName'))!.value).to.equal('');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);

    // Without consent: only this tab keeps it (a reload still works), nothing in localStorage.
    await fillApplicant(third);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);
    expect(sessionStorage.getItem(`dvc-dossier-draft:${KHAI_SINH}`)).to.include('Nguyễn Văn An');
    third.remove();
    const reloaded = await formWidget();
    expect(heading(reloaded)).to.equal('Bạn có hồ sơ đang khai dở');
    // Nothing personal in the address or the history.
    expect(location.href).not.to.include('Nguy');
  });

  it('forgets a kept draft after draft-hours', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    type(first, 'applicant.fullName', 'Nguyễn Văn An');
    first.remove();
    const key = `dvc-dossier-draft:${KHAI_SINH}`;
    const stored = JSON.parse(localStorage.getItem(key)!) as { savedAt: number };
    localStorage.setItem(key, JSON.stringify({ ...stored, savedAt: Date.now() - 3 * 3_600_000 }));
    const later = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} draft-hours="2" no-history></dvc-dossier-form>`,
    );
    expect(heading(later)).to.equal('Thông tin người nộp hồ sơ');
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('warns when the same dossier is open in another tab, and never overwrites it silently', async () => {
    const first = await formWidget();
    type(first, 'applicant.fullName', 'Nguyễn Văn An');
    const second = await formWidget();
    await until(() => textOf(second).includes('đang được khai ở một thẻ (tab) khác'), 'the second tab was not warned');
    expect(textOf(first)).not.to.include('thẻ (tab) khác');
    $$<HTMLButtonElement>(second, '.conflict button')[0]!.click();
    await until(() => textOf(first).includes('đang được khai ở một thẻ (tab) khác'), 'the first tab was not told');
    await expect(first).to.be.accessible();
  });

  it('files once on a double click, with the button saying it is sending', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await toReview(element);
    choose(element, 'delivery.method', 'Nhận trực tiếp tại Bộ phận Một cửa');
    $<HTMLInputElement>(element, '#f-declaration')!.click();
    const send = $<HTMLButtonElement>(element, '[part="send-button"]')!;
    send.click();
    send.click();
    await until(() => send.getAttribute('aria-disabled') === 'true', 'not shown as sending');
    expect(send.textContent!.trim()).to.equal('Đang gửi…');
    await until(() => heading(element) === 'Đã nộp hồ sơ thành công', 'no receipt', 8000);
    expect(adapter.submissions).to.equal(1);
    expect(adapter.keys[0]).to.match(/^[A-Za-z0-9_-]{22,}$/);
  });

  it('retries a filing whose answer was lost with the same key, and gets the same dossier', async () => {
    const adapter = new SpyAdapter(faultyApi('drop-submit-once'));
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await toReview(element);
    confirmAndSend(element);
    await until(() => $(element, '.send-error'), 'no failure shown', 8000);
    expect(textOf(element)).to.include('Chưa gửi được hồ sơ.');
    expect(textOf(element)).to.include('Thông tin bạn đã khai vẫn được giữ nguyên');
    expect(element.shadowRoot!.activeElement).to.equal($(element, '.send-error'));
    await expect(element).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(element, '.send-error button')!.click());
    const { detail } = await oneEvent(element, 'dvc-dossier-submitted');
    expect(detail.code).to.match(/^\S+-\d{6}-\d{4,}$/);
    expect(adapter.keys).to.have.length(2);
    expect(adapter.keys[1]).to.equal(adapter.keys[0]);
    // The backend had filed the first request: a third send with the key answers the same dossier.
    const again = await new RestAdapter(servers.api).submitDossier(adapter.bodies[0]!, {
      idempotencyKey: adapter.keys[0]!,
    });
    expect(again.code).to.equal(detail.code);
  });

  it('shows the problems the backend finds at their fields, on the first step that has one', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await toReview(element);
    // The backend knows what the browser cannot: an upload id that is not (or no longer) on the server.
    const original = adapter.submitDossier.bind(adapter);
    adapter.submitDossier = (submission, options) =>
      original(
        { ...submission, attachments: [{ slot: 'giay-chung-sinh', uploads: ['AAAAAAAAAAAAAAAAAAAAAA'] }] },
        options,
      );
    confirmAndSend(element);
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'not sent back to the documents', 8000);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(summaryLinks(element)[0]!.textContent).to.include('“Giấy chứng sinh do cơ sở y tế cấp”');
    expect(fieldError(element, 'attachments.giay-chung-sinh')).to.include('Giấy chứng sinh');
  });

  it('reloads a form that changed while it was filled, keeping the answers, and says so', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await toReview(element);
    const original = adapter.submitDossier.bind(adapter);
    let first = true;
    adapter.submitDossier = (submission, options) => {
      if (!first) return original(submission, options);
      first = false;
      return Promise.reject(new BackendError('bad-request', 'Changed.', { status: 409, code: 'form_version_changed' }));
    };
    confirmAndSend(element);
    await until(() => $(element, '.version-notice'), 'not told about the new form', 8000);
    expect(textOf(element)).to.include('Biểu mẫu vừa được cơ quan cập nhật');
    expect(textOf(element)).to.include('Nguyễn Văn An');
    $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
    await until(() => heading(element) === 'Đã nộp hồ sơ thành công', 'not filed after the reload', 8000);
  });

  it('says so for an unknown procedure and for one that cannot be filed online', async () => {
    const unknown = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="9.999999" no-history></dvc-dossier-form>`,
    );
    expect(textOf(unknown)).to.include('Không tìm thấy thủ tục này');
    await expect(unknown).to.be.accessible();
    const offline = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="1.000689" procedure-url="/thu-tuc" no-history></dvc-dossier-form>`,
    );
    expect(textOf(offline)).to.include('Thủ tục này chưa nhận hồ sơ trực tuyến');
    const link = $<HTMLAnchorElement>(offline, '[part="error"] a')!;
    expect(new URL(link.href).search).to.equal('?procedure=1.000689');
    await expect(offline).to.be.accessible();
  });

  it('shows a citizen message and tells the webmaster why for a broken definition', async () => {
    for (const [breakIt, expected] of [
      [
        (real: FormDefinition) => ({
          ...real,
          sections: [{ ...real.sections[0]!, fields: [{ id: 'x', type: 'signature', label: 'Chữ ký' }] }],
        }),
        'sections.0.fields.0',
      ],
      [
        (real: FormDefinition) => ({
          ...real,
          sections: [
            {
              ...real.sections[0]!,
              fields: [{ id: 'x', type: 'text', label: 'X', when: { field: 'khong-co', is: 'a' } }],
            },
          ],
        }),
        '"khong-co"',
      ],
      // What only the contract's checks beyond shape see: the same section (and so the same fields) twice.
      [(real: FormDefinition) => ({ ...real, sections: [...real.sections, real.sections[0]!] }), 'twice'],
    ] as const) {
      const adapter = new SpyAdapter(servers.api);
      adapter.form = breakIt;
      const console = captureConsoleErrors();
      try {
        const element = await formWidget(
          html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
        );
        expect(textOf(element)).to.include('Biểu mẫu của thủ tục này đang bị lỗi');
        await expect(element).to.be.accessible();
      } finally {
        console.restore();
      }
      expect(console.calls.map((call) => call.join(' ')).join('\n')).to.include(expected);
    }
  });

  it('offers a retry when the backend is down, and a configuration error without api', async () => {
    const console = captureConsoleErrors();
    try {
      const down = await formWidget(
        html`<dvc-dossier-form api="http://127.0.0.1:9/api/v1" procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
      );
      expect(textOf(down)).to.include('Không kết nối được');
      expect($(down, '[part="retry-button"]')).not.to.equal(null);
      const unset = await formWidget(html`<dvc-dossier-form procedure=${KHAI_SINH} no-history></dvc-dossier-form>`);
      expect(textOf(unset)).to.include('chưa được cấu hình đúng');
      await expect(unset).to.be.accessible();
    } finally {
      console.restore();
    }
  });

  it('goes back a step with the browser back button, keeping the address clean', async () => {
    const before = location.href;
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH}></dvc-dossier-form>`,
    );
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    expect(location.href).to.equal(before);
    expect(JSON.stringify(history.state)).not.to.include('Nguy');
    history.back();
    await until(() => heading(element) === 'Thông tin người nộp hồ sơ', 'back did not go back a step');
    expect($<HTMLInputElement>(element, id('applicant.fullName'))!.value).to.equal('Nguyễn Văn An');
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

const shadowLinks = (element: Element) => element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a');
