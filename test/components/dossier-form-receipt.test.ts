/**
 * The receipt a citizen prints and the fee they see before sending (issue
 * 15, items 15 and 4; issue 16): the review shows the case's fees; the
 * receipt names the applicant, the case, the documents with their files,
 * the fees, the desk's address, phone and hours, and says when to pay; it
 * prints without its buttons. A receipt of a dossier filed before receipts
 * said all this still shows what it has.
 */
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { DossierReceipt } from '../../src/api/contract/index.js';
import {
  choose,
  confirmAndSend,
  formWidget,
  heading,
  KHAI_SINH,
  next,
  onReview,
  resumedForm,
  SpyAdapter,
  toReview,
  type,
  withGroup,
} from '../support/dossier-form.js';
import { newDraft } from '../../src/components/dossier-form/draft.js';
import { $, $$, servers, until } from '../support/fixtures.js';
import { facts } from '../support/lookup.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** The seed's sample commune (demo/server/catalogue/seed/catalogue.json), where khai sinh is filed. */
const DESK = {
  address: 'Số 1 đường Trung Tâm, xã Minh Họa, tỉnh Mẫu (địa chỉ minh họa)',
  phone: '0200 000 0001',
  hours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00; sáng thứ Bảy: 7:30–11:30',
};
const FEES = [
  'Lệ phí đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh): miễn phí (Miễn lệ phí.)',
  'Lệ phí đăng ký khai sinh quá hạn (nộp hồ sơ trực tiếp): 8.000 ₫ (Mức thu do Hội đồng nhân dân tỉnh quy định. Miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo và người khuyết tật.)',
  'Lệ phí đăng ký khai sinh quá hạn (nộp hồ sơ trực tuyến): 4.000 ₫',
];

/** The text of each element `selector` finds in the widget, white space collapsed (also money's no-break space). */
const lines = (element: Element, selector: string) =>
  $$(element, selector).map((item) => item.textContent!.replace(/\s+/g, ' ').trim());

/** The form, filled up to the review, on `adapter` (the real backend by default). */
async function atReview(adapter = new SpyAdapter(servers.api)) {
  const element = await formWidget(
    html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} lookup-url="/tra-cuu" no-history></dvc-dossier-form>`,
  );
  await toReview(element);
  return element;
}

async function sent(element: HTMLElement) {
  confirmAndSend(element);
  await until(() => heading(element) === 'Đã nộp hồ sơ thành công', 'no receipt', 10_000);
}

describe('<dvc-dossier-form> fees and receipt', () => {
  it("shows the case's fees on the review, where the citizen still decides", async () => {
    const element = await atReview();
    const fees = $(element, 'section[aria-labelledby="review-fees"]');
    expect(fees, 'no fees on the review').not.to.equal(null);
    expect(fees!.querySelector('h3')!.textContent).to.equal('Phí, lệ phí');
    expect(lines(element, 'section[aria-labelledby="review-fees"] li')).to.deep.equal(FEES);
    expect(lines(element, 'section[aria-labelledby="review-fees"] .hint')).to.deep.equal(['Nộp khi nhận kết quả.']);
    // A result sent by post: the desk asks for the fee before sending it, as the receipt will say.
    choose(element, 'delivery.method', 'Nhận qua dịch vụ bưu chính công ích');
    await until(
      () =>
        lines(element, 'section[aria-labelledby="review-fees"] .hint')[0]?.startsWith('Bộ phận Một cửa báo số tiền'),
      'the hint did not follow the delivery',
    );
    await expect(element).to.be.accessible();
  });

  it('names the applicant, case, documents, fees and desk, says when to pay, and prints without buttons', async () => {
    const element = await atReview();
    await sent(element);
    const shown = facts(element).map((line) => line.replace(/\s+/g, ' '));
    expect(shown).to.include('Người nộp hồ sơ: Nguyễn Văn An');
    expect(shown).to.include('Trường hợp: Chỉ đăng ký khai sinh');
    expect(shown).to.include('Giấy tờ đã nộp: Giấy chứng sinh do cơ sở y tế cấp: giay-chung-sinh.pdf');
    expect(shown).to.include(`Phí, lệ phí: ${FEES.join('')}`);
    expect(shown).to.include(`Địa chỉ: ${DESK.address}`);
    expect(shown).to.include(`Điện thoại: ${DESK.phone}`);
    expect(shown).to.include(`Giờ tiếp nhận: ${DESK.hours}`);
    const phone = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')];
    expect(phone.map((link) => link.getAttribute('href'))).to.deep.equal(['tel:02000000001']);
    expect(lines(element, '[part="receipt"] h3')).to.deep.equal(['Các bước tiếp theo', 'Nơi tiếp nhận và trả kết quả']);
    expect(lines(element, '[part="receipt"] ul[lang="vi"] > li').at(-1)).to.equal(
      'Nộp phí, lệ phí (nếu có) ghi trên phiếu này tại Bộ phận Một cửa khi nhận kết quả.',
    );
    // The only address the receipt builds carries the dossier code alone.
    const lookup = $<HTMLAnchorElement>(element, '[part="receipt"] a.primary')!;
    expect(new URL(lookup.href).search).to.match(/^\?code=[^&]+$/);
    await expect(element).to.be.accessible();

    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(element, '[part="receipt"] .actions')!).display).to.equal('none');
      expect(getComputedStyle($(element, '[part="receipt"] dl')!).display).not.to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it("shows what an earlier backend's receipt has, and nothing in place of what it lacks", async () => {
    const adapter = new (class extends SpyAdapter {
      override async submitDossier(...args: Parameters<SpyAdapter['submitDossier']>) {
        const {
          case: _case,
          applicantName: _name,
          documents: _documents,
          fees: _fees,
          desk: _desk,
          ...earlier
        } = (await super.submitDossier(...args)) as DossierReceipt;
        return earlier;
      }
    })(servers.api);
    const element = await atReview(adapter);
    await sent(element);
    const terms = $$(element, '[part="receipt"] dt').map((term) => term.textContent);
    expect(terms).to.deep.equal([
      'Mã hồ sơ',
      'Thủ tục',
      'Cơ quan tiếp nhận',
      'Thời gian tiếp nhận',
      'Ngày hẹn trả kết quả',
    ]);
    expect(lines(element, '[part="receipt"] h3')).to.deep.equal(['Các bước tiếp theo']);
    await expect(element).to.be.accessible();
  });

  it('shows the phone number on the review grouped as it is read out, however it was typed', async () => {
    const element = await atReview();
    $$<HTMLAnchorElement>(element, '.review-head a')[0]!.click();
    await until(() => heading(element) === 'Thông tin người nộp hồ sơ', '"Thay đổi" did not go to the applicant');
    type(element, 'applicant.phone', '+84 912.345.678');
    next(element);
    await until(() => heading(element) === 'Kiểm tra lại thông tin', 'not back on the review');
    expect(lines(element, '.review dd')).to.include('0912 345 678');
  });

  it("reads the e-form's own phone answers grouped too", async () => {
    const adapter = new SpyAdapter(servers.api);
    adapter.form = withGroup;
    // A kept draft at the review (applicant, form, review: the group's form has no documents).
    const draft = {
      ...newDraft(KHAI_SINH, 'person'),
      step: 2,
      answers: { 'thanh-vien': [{ 'ho-ten': 'Lê Văn Cường', 'so-dien-thoai': '+84 912.345.678' }] },
    };
    const element = await resumedForm(
      draft,
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await onReview(element);
    expect(lines(element, '.review dd li')[0]).to.include('Số điện thoại: 0912 345 678');
  });
});
