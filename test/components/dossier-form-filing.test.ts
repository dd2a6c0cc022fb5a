/** Filing with <dvc-dossier-form>: the whole journey to a receipt, exactly once on a double click or a lost answer, the backend's own problems, and a form changed while it was filled. */
import { expect, html, oneEvent } from '@open-wc/testing';
import { BackendError } from '../../src/api/errors.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { DvcAttachmentUpload } from '../../src/attachment-upload.js';
import {
  KHAI_SINH,
  id,
  heading,
  summaryLinks,
  fieldError,
  activeId,
  choose,
  next,
  formWidget,
  toReview,
  confirmAndSend,
  shadowLinks,
  SpyAdapter,
} from '../support/dossier-form.js';
import { $, $$, faultyApi, servers, textOf, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<dvc-dossier-form>', () => {
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

    // "Thay đổi" goes back to the step; "Tiếp tục" there returns to the review, not to the step after it.
    $$<HTMLAnchorElement>(element, '.review-head a')[1]!.click();
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', '"Thay đổi" did not go to the form');
    expect(activeId(element)).to.equal('sec-nguoi-di-dang-ky');
    next(element);
    await until(
      () => heading(element) === 'Kiểm tra lại thông tin',
      '"Tiếp tục" after "Thay đổi" did not return to review',
    );
    expect(activeId(element)).to.equal('step-heading');
    // The finished upload survived the trip through the other steps.
    expect($<DvcAttachmentUpload>(element, 'dvc-attachment-upload[slot-id="giay-chung-sinh"]')!.value).to.have.length(
      1,
    );
    // Once back on the review, the steps go one after another again.
    $<HTMLButtonElement>(element, '[part="back-button"]')!.click();
    await until(() => heading(element) === 'Giấy tờ đính kèm', 'no way back to documents');
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
    expect(changes).to.deep.equal([
      '1:form',
      '2:documents',
      '3:review',
      '1:form',
      '3:review',
      '2:documents',
      '3:review',
      '4:done',
    ]);
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
});
