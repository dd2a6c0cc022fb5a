/**
 * <dvc-dossier-form> for a procedure with several cases filed online
 * (Cấp Giấy xác nhận tình trạng hôn nhân): the case is asked first, its
 * form loaded and kept with the draft; a case the
 * page already named (the search's "Nộp trực tuyến theo trường hợp này")
 * is chosen already.
 */
import { expect, html } from '@open-wc/testing';
import { newDraft, type Draft } from '../../src/components/dossier-form/draft.js';
import {
  choose,
  fieldError,
  formWidget,
  next,
  onReview,
  resumedForm,
  SpyAdapter,
  summaryLinks,
  type,
} from '../support/dossier-form.js';
import { $, servers, textOf, until } from '../support/fixtures.js';

const MARITAL_STATUS = '1.004873';
const REISSUE = 'Cấp lại để sử dụng vào mục đích khác, hoặc khi Giấy xác nhận đã hết thời hạn sử dụng';
const DIVORCED_OR_WIDOWED = 'Người yêu cầu đã có vợ, chồng nhưng đã ly hôn hoặc người kia đã chết';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const caseBox = (element: Element) => $(element, '[data-path="case"]');
const checkedCase = (element: Element) =>
  caseBox(element)!.querySelector<HTMLInputElement>('input:checked')?.closest('.choice')?.textContent?.trim();

/** A form for 1.004873 over a kept draft, continued from the offer ("Tiếp tục hồ sơ đang khai"). */
const resumedDraft = (draft: Draft, adapter?: SpyAdapter): Promise<HTMLElement> =>
  resumedForm(
    draft,
    adapter
      ? html`<dvc-dossier-form .adapter=${adapter} procedure=${MARITAL_STATUS} no-history></dvc-dossier-form>`
      : html`<dvc-dossier-form api=${servers.api} procedure=${MARITAL_STATUS} no-history></dvc-dossier-form>`,
  );

describe('<dvc-dossier-form> cases', () => {
  it('asks for the case first, names the procedure, and is accessible', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${MARITAL_STATUS} no-history></dvc-dossier-form>`,
    );
    expect($(element, '[part="procedure-name"]')!.textContent).to.equal('Cấp Giấy xác nhận tình trạng hôn nhân');
    const box = caseBox(element)!;
    expect(box.querySelector('legend')!.textContent).to.include('Trường hợp của bạn');
    expect(box.querySelectorAll('input[type="radio"]').length).to.equal(3);
    expect(checkedCase(element)).to.equal(undefined);
    await expect(element).to.be.accessible();
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(summaryLinks(element)[0]!.textContent).to.include('Vui lòng chọn trường hợp của bạn');
    expect(fieldError(element, 'case')).to.include('Vui lòng chọn trường hợp của bạn');
  });

  it("loads the chosen case's form, and keeps the case with the draft", async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${MARITAL_STATUS} no-history></dvc-dossier-form>`,
    );
    choose(element, 'case', REISSUE);
    await until(() => adapter.casesAsked.includes('cap-lai'), "the case's form was not asked for");
    expect(checkedCase(element)).to.equal(REISSUE);
    type(element, 'applicant.fullName', 'Nguyễn Văn An');
    // Reloaded: the kept draft is offered back, with its case, and that case's form asked for.
    element.remove();
    const again = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${MARITAL_STATUS} no-history></dvc-dossier-form>`,
    );
    const resume = () =>
      [...again.shadowRoot!.querySelectorAll('button')].find(
        (button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai',
      );
    await until(resume, 'the draft was not offered back');
    const asked = adapter.casesAsked.length;
    resume()!.click();
    await until(() => caseBox(again), 'no case question');
    expect(checkedCase(again)).to.equal(REISSUE);
    await until(() => adapter.casesAsked.length > asked, "the kept case's form was not asked for");
    expect(adapter.casesAsked.at(-1)).to.equal('cap-lai');
  });

  it("files a kept draft for its case on that case's form, even sent before the form arrived; the review names the case", async () => {
    const draft: Draft = {
      ...newDraft(MARITAL_STATUS, 'person'),
      case: 'da-ly-hon-hoac-vo-chong-da-chet',
      step: 3,
      applicant: {
        kind: 'person',
        fullName: 'Phạm Quốc Bảo',
        birthDate: '1994-12-30',
        sex: 'nam',
        personalId: '031094005566',
        phone: '0356789012',
        address: { street: 'Số 5 phố Đội Cấn', commune: '00004', province: '01' },
      },
      answers: {
        'quan-he': 'ban-than',
        'tinh-trang': 'da-ly-hon',
        'noi-cu-tru-truoc': [
          {
            'dia-chi': { street: 'Số 88 đường Lê Lợi', commune: '26743', province: '79' },
            'tu-ngay': '2012-09-01',
            'den-ngay': '2016-06-30',
          },
        ],
        'muc-dich': 'vay-von',
        'so-luong': 1,
      },
      delivery: { method: 'desk' },
      declaration: true,
    };
    const adapter = new SpyAdapter(servers.api);
    let arrive = () => {};
    adapter.caseFormHeld = new Promise((done) => (arrive = done));
    const element = await resumedDraft(draft, adapter);
    await onReview(element);
    await until(
      () => adapter.casesAsked.includes('da-ly-hon-hoac-vo-chong-da-chet'),
      "the kept case's form was not asked for",
    );
    expect(textOf(element)).to.include(`Trường hợp của bạn${DIVORCED_OR_WIDOWED}`);
    $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
    expect(adapter.casesAnswered, "the case's form came before the send").not.to.include(
      'da-ly-hon-hoac-vo-chong-da-chet',
    );
    arrive();
    await until(() => adapter.bodies.length > 0 && $(element, '[part="receipt"]'), 'not filed', 10_000);
    expect(adapter.bodies[0]!.case).to.equal('da-ly-hon-hoac-vo-chong-da-chet');
    expect(adapter.bodies[0]!.formVersion, "the case's form, not the one shown first").to.equal(1);
  });

  it('asks for the papers of the case chosen', async () => {
    const CERTIFICATE = 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây';
    const DIVORCE = 'Bản án, quyết định ly hôn đã có hiệu lực hoặc giấy tờ chứng minh vợ, chồng đã chết';
    for (const [chosen, asked, notAsked] of [
      ['cap-lai', CERTIFICATE, DIVORCE],
      ['da-ly-hon-hoac-vo-chong-da-chet', DIVORCE, CERTIFICATE],
    ] as const) {
      sessionStorage.clear();
      const element = await resumedDraft({ ...newDraft(MARITAL_STATUS, 'person'), case: chosen, step: 2 });
      const slots = () =>
        [...element.shadowRoot!.querySelectorAll('dvc-attachment-upload')].map((upload) =>
          upload.getAttribute('label'),
        );
      await until(() => slots().includes(asked), `${chosen}: its paper is not asked for`);
      expect(slots()).not.to.include(notAsked);
      await expect(element).to.be.accessible();
      element.remove();
    }
  });

  it('asks the case again when a kept draft names one no longer offered (the catalogue changed)', async () => {
    const adapter = new SpyAdapter(servers.api);
    const element = await resumedDraft({ ...newDraft(MARITAL_STATUS, 'person'), case: 'khong-con' }, adapter);
    await until(() => adapter.casesAnswered.includes('khong-con'), "the kept case's form was not answered");
    await until(() => caseBox(element), 'no case question');
    expect(checkedCase(element)).to.equal(undefined);
    expect(textOf(element)).not.to.include('chưa nhận hồ sơ trực tuyến');
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(
      summaryLinks(element)
        .map((link) => link.textContent)
        .join(' | '),
    ).to.include('Vui lòng chọn trường hợp của bạn');
    await expect(element).to.be.accessible();
  });

  it('takes the case the page names as chosen', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${MARITAL_STATUS} case="cap-lai" no-history></dvc-dossier-form>`,
    );
    expect(checkedCase(element)).to.equal(REISSUE);
  });

  it('asks nothing of a procedure with one online case', async () => {
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="2.000635" no-history></dvc-dossier-form>`,
    );
    expect(caseBox(element)).to.equal(null);
  });
});
