/**
 * Nobody types the same things twice (issue 15, item 5): when the citizen
 * says that a person the form asks about is the applicant ("Mẹ" filing her
 * child's birth, "Bản thân" asking for their own copy), that person's name,
 * date of birth, sex, ID and residence come from the first step, what was
 * typed there already stays, and the form says so; a nationality starts as
 * "Việt Nam"; a result sent by post goes to the applicant's address until
 * the citizen writes another. All against the real backend's forms.
 */
import { expect, html } from '@open-wc/testing';
import type { Draft } from '../../src/components/dossier-form/draft.js';
import {
  choose,
  fillAddress,
  formWidget,
  heading,
  id,
  next,
  onReview,
  resumedForm,
  type,
  typeDate,
} from '../support/dossier-form.js';
import { $, servers, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const FROM_APPLICANT = 'Một số ô đã được điền sẵn theo thông tin người nộp hồ sơ ở bước 1';
const valueOf = (element: Element, selector: string) => $<HTMLInputElement>(element, selector)!.value;

/** A mother filing: her details on the first step, then "Tiếp tục" to the form. */
async function motherFiles(element: Element, formTitle: string): Promise<void> {
  type(element, 'applicant.fullName', 'Trần Thị Bình');
  typeDate(element, 'applicant.birthDate', '1992-03-04');
  choose(element, 'applicant.sex', 'Nữ');
  type(element, 'applicant.personalId', '001192012345');
  type(element, 'applicant.phone', '0912 345 678');
  await fillAddress(element, 'applicant.address', 'Số 7 ngõ 3 phố Hàng Bông');
  next(element);
  await until(() => heading(element) === formTitle, 'not on the form step');
}

/** The street, province and commune of an address field, as shown. */
const addressShown = (element: Element, path: string) =>
  ['-street', '-province', '-commune'].map((part) => valueOf(element, `${id(path)}${part}`));

describe('<dvc-dossier-form> reusing what the citizen gave', () => {
  it('fills the mother from the applicant when the mother files, keeping what was typed, and says so', async () => {
    const element = await formWidget();
    await motherFiles(element, 'Tờ khai đăng ký khai sinh');
    choose(element, 'answers.truong-hop', 'Trẻ em có cha, mẹ hoặc có mẹ');
    await until(() => $(element, id('answers.me-quoc-tich')), "no mother's block");
    expect(valueOf(element, id('answers.quoc-tich')), "the child's nationality").to.equal('Việt Nam');
    expect(valueOf(element, id('answers.me-quoc-tich')), "the mother's nationality").to.equal('Việt Nam');
    expect(valueOf(element, id('answers.me-ho-ten'))).to.equal('');

    // A different spelling typed first is the citizen's choice: it stays.
    type(element, 'answers.me-ho-ten', 'Trần T. Bình');
    choose(element, 'answers.quan-he', 'Mẹ');
    await until(() => valueOf(element, id('answers.me-so-dinh-danh')) !== '', 'the mother was not filled in');
    expect(valueOf(element, id('answers.me-ho-ten'))).to.equal('Trần T. Bình');
    expect(valueOf(element, id('answers.me-ngay-sinh'))).to.equal('04/03/1992');
    expect(valueOf(element, id('answers.me-so-dinh-danh'))).to.equal('001192012345');
    expect(addressShown(element, 'answers.me-noi-cu-tru')).to.deep.equal(['Số 7 ngõ 3 phố Hàng Bông', '01', '00004']);
    const mother = $(element, 'section[aria-labelledby="sec-me"]')!;
    expect(mother.textContent).to.include(FROM_APPLICANT);
    // The father's block is nobody's copy: the mother filed.
    expect($(element, 'section[aria-labelledby="sec-cha"]')!.textContent).not.to.include(FROM_APPLICANT);
    await expect(element).to.be.accessible();
  });

  it("takes the applicant's details back when another relation is chosen, and follows a correction made on step 1", async () => {
    const element = await formWidget();
    await motherFiles(element, 'Tờ khai đăng ký khai sinh');
    choose(element, 'answers.truong-hop', 'Trẻ em có cha, mẹ hoặc có mẹ');
    await until(() => $(element, id('answers.me-ho-ten')), "no mother's block");
    type(element, 'answers.me-so-dinh-danh', '001192099999');
    choose(element, 'answers.quan-he', 'Mẹ');
    await until(() => valueOf(element, id('answers.me-ho-ten')) === 'Trần Thị Bình', 'the mother was not filled in');
    // An arrow key passing over "Mẹ" (or a second thought): her details are no longer sent as the mother's.
    choose(element, 'answers.quan-he', 'Ông, bà');
    await until(() => valueOf(element, id('answers.me-ho-ten')) === '', "the applicant's name stayed");
    expect(valueOf(element, id('answers.me-ngay-sinh'))).to.equal('');
    expect(valueOf(element, id('answers.me-so-dinh-danh')), 'what was typed stays').to.equal('001192099999');
    expect(valueOf(element, `${id('answers.me-noi-cu-tru')}-street`)).to.equal('');
    choose(element, 'answers.quan-he', 'Mẹ');
    await until(
      () => valueOf(element, id('answers.me-ho-ten')) === 'Trần Thị Bình',
      'the mother was not filled in again',
    );
    // Back to step 1, the name corrected: the copy follows it.
    $<HTMLButtonElement>(element, '[part="back-button"]')!.click();
    await until(() => heading(element) === 'Thông tin người nộp hồ sơ', 'not back on step 1');
    type(element, 'applicant.fullName', 'Trần Thị Bích');
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    expect(valueOf(element, id('answers.me-ho-ten'))).to.equal('Trần Thị Bích');
    expect(valueOf(element, id('answers.me-so-dinh-danh'))).to.equal('001192099999');
  });

  it('fills the person of "Bản thân" from the applicant, sex included', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="2.000635" no-history></dvc-dossier-form>`,
    );
    await motherFiles(element, 'Tờ khai cấp bản sao trích lục hộ tịch');
    choose(element, 'answers.quan-he', 'Bản thân');
    await until(() => valueOf(element, id('answers.nguoi-ho-ten')) !== '', 'the person was not filled in');
    expect(valueOf(element, id('answers.nguoi-ho-ten'))).to.equal('Trần Thị Bình');
    expect(valueOf(element, id('answers.nguoi-ngay-sinh'))).to.equal('04/03/1992');
    expect(valueOf(element, id('answers.nguoi-so-dinh-danh'))).to.equal('001192012345');
    expect($<HTMLInputElement>(element, `${id('answers.gioi-tinh')}-1`)!.checked, '"Nữ" chosen').to.equal(true);
    expect(addressShown(element, 'answers.nguoi-noi-cu-tru')[0]).to.equal('Số 7 ngõ 3 phố Hàng Bông');
  });

  it("sends a postal result to the applicant's address unless another is written", async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="2.000635" no-history></dvc-dossier-form>`,
    );
    await motherFiles(element, 'Tờ khai cấp bản sao trích lục hộ tịch');
    // To the review through "Thay đổi"-free steps: the form's answers do not matter to the delivery.
    const draft = JSON.parse(sessionStorage.getItem('dvc-dossier-draft:2.000635')!) as Draft;
    expect(draft.step).to.equal(1);
    const steps = element.shadowRoot!.querySelectorAll('[part="progress"] li').length;
    const again = await resumedForm(
      { ...draft, step: steps - 1 },
      html`<dvc-dossier-form api=${servers.api} procedure="2.000635" no-history></dvc-dossier-form>`,
    );
    await onReview(again);
    choose(again, 'delivery.method', 'Nhận qua dịch vụ bưu chính công ích');
    await until(() => $(again, `${id('delivery.address')}-street`), 'no postal address');
    // The commune's list loads with the province: the commune shows once it is there.
    const wanted = ['Số 7 ngõ 3 phố Hàng Bông', '01', '00004'].join('|');
    await until(() => addressShown(again, 'delivery.address').join('|') === wanted, "not the applicant's address");
    expect($(again, '[data-path="delivery.address"]')!.textContent).to.include('Mặc định là địa chỉ đã khai ở bước 1');
    // Another address written is kept: choosing post again does not overwrite it.
    const street = $<HTMLInputElement>(again, `${id('delivery.address')}-street`)!;
    street.value = 'Hộp thư 12, bưu cục Hoàn Kiếm';
    street.dispatchEvent(new Event('input'));
    choose(again, 'delivery.method', 'Nhận trực tiếp tại Bộ phận Một cửa');
    choose(again, 'delivery.method', 'Nhận qua dịch vụ bưu chính công ích');
    await until(() => $(again, `${id('delivery.address')}-street`), 'no postal address');
    expect(valueOf(again, `${id('delivery.address')}-street`)).to.equal('Hộp thư 12, bưu cục Hoàn Kiếm');
    await expect(again).to.be.accessible();
  });
});
