/**
 * <dvc-procedure-search> on procedures with several cases (trường hợp):
 * the detail lists each case with what sets it apart, offers to file each
 * online case with that case named, and sends a case filed elsewhere (an
 * interlinked package) to where it is filed, saying why first.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import { $, $$, servers, textOf, until } from '../support/fixtures.js';

/** The detail of procedure `code`, opened from the page address. */
async function detailOf(code: string): Promise<DvcProcedureSearch> {
  history.replaceState(null, '', `${location.pathname}?procedure=${code}`);
  const element = await fixture<DvcProcedureSearch>(
    html`<dvc-procedure-search api=${servers.api} form-url="/nop-ho-so.html"></dvc-procedure-search>`,
  );
  await until(() => $(element, '#detail-heading'), 'the detail did not open');
  return element;
}

afterEach(() => history.replaceState(null, '', location.pathname));

describe('<dvc-procedure-search> cases', () => {
  it('lists each case with the documents it needs beyond those every case needs, and is accessible', async () => {
    const element = await detailOf('1.004873');
    const cases = $$(element, '[part="case"]');
    expect(cases.map((item) => item.querySelector('h4')!.textContent)).to.deep.equal([
      'Người yêu cầu chưa đăng ký kết hôn lần nào',
      'Người yêu cầu đã có vợ, chồng nhưng đã ly hôn hoặc người kia đã chết',
      'Cấp lại để sử dụng vào mục đích khác, hoặc khi Giấy xác nhận đã hết thời hạn sử dụng',
    ]);
    const common = textOf(element).split('Các trường hợp')[0]!;
    expect(common).to.include('Mọi trường hợp đều cần:');
    expect(common).to.include('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu');
    expect(common).not.to.include('Bản án, quyết định ly hôn');
    expect(cases[0]!.textContent).to.include('Không cần thêm giấy tờ.');
    expect(cases[1]!.textContent).to.include('Bản án, quyết định ly hôn');
    expect(cases[2]!.textContent).to.include('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây');
    expect(cases[0]!.textContent).to.include('Nộp thay qua người được ủy quyền');
    await expect(element).to.be.accessible();
  });

  it('files a case online with the case named in the form address and in the event', async () => {
    const element = await detailOf('1.004873');
    const links = $$<HTMLAnchorElement>(element, '[part="case"] [part="submit-button"]');
    expect(links.map((link) => new URL(link.href).searchParams.get('case'))).to.deep.equal([
      'chua-ket-hon',
      'da-ly-hon-hoac-vo-chong-da-chet',
      'cap-lai',
    ]);
    // The procedure's own button leaves the choice to the form.
    expect(new URL($<HTMLAnchorElement>(element, '[part="submit-button"]')!.href).searchParams.has('case')).to.equal(
      false,
    );
    document.addEventListener('dvc-procedure-select', (event) => event.preventDefault(), { once: true });
    setTimeout(() => links[2]!.click());
    const event = await oneEvent(element, 'dvc-procedure-select');
    expect([event.detail.procedure.code, event.detail.case]).to.deep.equal(['1.004873', 'cap-lai']);
  });

  it('sends an interlinked package to the national portal, saying why before the link', async () => {
    const element = await detailOf('1.001193');
    const [usual, linked] = $$(element, '[part="case"]');
    expect(usual!.querySelector('[part="submit-button"]')).not.to.equal(null);
    expect(linked!.querySelector('[part="submit-button"]')).to.equal(null);
    expect(linked!.textContent).to.include('Quyết định 296/QĐ-VPCP');
    const link = [...linked!.querySelectorAll('a')].find((anchor) => anchor.textContent!.includes('Nộp tại'))!;
    expect(link.textContent).to.include('Cổng Dịch vụ công quốc gia');
    expect(new URL(link.href).hostname).to.equal('dichvucong.gov.vn');
    await expect(element).to.be.accessible();
  });

  it('shows a procedure with one case as before: no list of cases', async () => {
    const element = await detailOf('2.000635');
    expect($(element, '[part="case"]')).to.equal(null);
    expect(textOf(element)).not.to.include('Các trường hợp');
    expect(textOf(element)).to.include('Thành phần hồ sơ');
  });
});
