import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { DossierLookup, DossierView } from '../../src/api/contract/lookup.js';
import { DemoAdapter } from '../../stories/adapters/demo-adapter.js';
import { DemoLookup, type DemoLookupOptions } from '../../stories/adapters/demo-lookup.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import '../../src/status-lookup.js';
import {
  DEMO_LOOKUP_CODE,
  DEMO_SECRET,
  longHistoryView,
  unknownStatusView,
} from '../../stories/fixtures/dossier-views.js';
import { $, $$, faultyApi, servers, settled, until } from '../support/fixtures.js';
import { PROCESSING, RESULT_READY, SUBMITTED, UNKNOWN_CODE } from '../support/test-dossiers.js';
import { facts, fill, lookUp } from '../support/lookup.js';

/*
 * Every lookup here against the real backend counts against its rate limit
 * (per client address and per code, per minute): the tests share dossiers
 * sparingly, and states the backend cannot reach quickly use a demo adapter.
 */

async function lookupWidget(template = html`<dvc-status-lookup api=${servers.api}></dvc-status-lookup>`) {
  const element = await fixture<DvcStatusLookup>(template);
  await until(() => $(element, '#code, [part="error"]'), 'the form did not appear');
  return element;
}

/** A widget on the in-browser demo backend with these dossiers. */
function demoWidget(views: DossierView[], secret = DEMO_SECRET, options: DemoLookupOptions = {}) {
  const lookup = new DemoLookup(
    views.map((view) => ({ view, secret })),
    options,
  );
  const adapter = new DemoAdapter({ agencies: [], procedures: [] }, { latencyMs: 20, lookup });
  return { lookup, element: lookupWidget(html`<dvc-status-lookup .adapter=${adapter}></dvc-status-lookup>`) };
}

const active = (element: Element) => element.shadowRoot!.activeElement as HTMLElement | null;
const spoken = (element: Element) => $(element, '[role="status"]')!.textContent!.trim();
const historyItems = (element: Element) => $$<HTMLLIElement>(element, '.history > li');
const visibleItems = (element: Element) => historyItems(element).filter((item) => !item.hidden);
const label = (element: Element, id: string) => $(element, `label[for="${id}"]`)!.textContent!.trim();

/** An officer action on the real backend; undefined when the browser may not send it (see the test). */
/** An officer's action on the reference backend (its CORS policy lets a page send the token to /officer). */
async function officer(code: string, action: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${servers.api}/officer/dossiers/${code}/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${servers.officerToken}` },
    body: JSON.stringify(action),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

afterEach(() => history.replaceState(null, '', location.pathname));

describe('<dvc-status-lookup> against the reference backend', () => {
  it('labels the secret as the backend asks, finds a dossier from a pasted code, and shows it', async () => {
    const element = await lookupWidget();
    expect(label(element, 'secret')).to.equal('Số định danh cá nhân (hoặc mã số thuế) của người nộp');
    const secret = $<HTMLInputElement>(element, '#secret')!;
    expect([secret.type, secret.autocomplete, secret.getAttribute('spellcheck')]).to.deep.equal([
      'text',
      'off',
      'false',
    ]);
    await expect(element).to.be.accessible();

    const result = oneEvent(element, 'dvc-lookup-result');
    await lookUp(element, ` ${PROCESSING.code.toLowerCase().replace('-', ' - ')} `, PROCESSING.secret);
    expect($<HTMLInputElement>(element, '#code')!.value).to.equal(PROCESSING.code);
    expect((await result).detail).to.deep.equal({ code: PROCESSING.code, status: { code: 4, label: 'Đang xử lý' } });
    expect(active(element)?.id).to.equal('result-heading');
    expect($(element, '#result-heading')!.textContent).to.equal(`Hồ sơ ${PROCESSING.code}`);
    expect($(element, '[part="status"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Trạng thái: Đang xử lý');
    expect(facts(element)).to.deep.equal([
      `Thủ tục: ${PROCESSING.procedure.name} (${PROCESSING.procedure.code})`,
      `Cơ quan tiếp nhận: ${PROCESSING.agency.name}`,
      'Ngày tiếp nhận: 20/11/2026 09:15',
      'Ngày hẹn trả kết quả: 31/12/2099',
      'Tiến độ: Trong hạn',
    ]);
    // The history: an ordered list, newest first, each entry a sentence with its time.
    const items = historyItems(element);
    expect(items).to.have.length(3);
    expect(items[0]!.closest('ol')!.reversed).to.equal(true);
    expect(items[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '20/11/2026 14:02: Chuyển xử lý hồ sơ. Trạng thái: Đang xử lý.',
    );
    expect(items[2]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-19T20:41:00+07:00');
    expect(items[2]!.textContent).to.include('Ghi chú: Hồ sơ đã được gửi đến cơ quan tiếp nhận.');
    await until(
      () => spoken(element).includes('Đã tìm thấy hồ sơ. Trạng thái: Đang xử lý.'),
      `said: ${spoken(element)}`,
    );
    // The secret stays in the field: never in the address, the history or any storage.
    const everywhere = [
      location.href,
      JSON.stringify(history.state),
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
    ];
    for (const place of everywhere) expect(place).not.to.include(PROCESSING.secret);
    await expect(element).to.be.accessible();
  });

  it('gives the same message for an unknown code and for a wrong secret', async () => {
    const element = await lookupWidget();
    await lookUp(element, UNKNOWN_CODE, PROCESSING.secret);
    const unknown = $(element, '[part="error"]')!.textContent!.trim();
    expect(active(element)).to.equal($(element, '[part="error"]'));
    await expect(element).to.be.accessible();
    await lookUp(element, PROCESSING.code, '001099099999');
    const wrongSecret = $(element, '[part="error"]')!.textContent!.trim();
    expect(unknown).to.equal(
      'Không tìm thấy hồ sơ với mã hồ sơ và số định danh cá nhân (hoặc mã số thuế) của người nộp đã nhập. Vui lòng kiểm tra lại cả hai thông tin.',
    );
    expect(wrongSecret).to.equal(unknown);
    expect($(element, '[part="result"]')).to.equal(null);
  });

  it('shows what an officer did after a refresh: received, then a supplement requested', async () => {
    const element = await lookupWidget();
    await lookUp(element, SUBMITTED.code, SUBMITTED.secret);
    expect($(element, '[part="status"]')!.textContent).to.include('Mới đăng ký');
    expect($(element, '[part="supplement"]')).to.equal(null);

    await officer(SUBMITTED.code, { action: 'receive' });
    await officer(SUBMITTED.code, {
      action: 'request-supplement',
      items: ['Bản sao Giấy chứng sinh', 'Văn bản ủy quyền có chứng thực'],
      dueAt: '2099-12-01T17:00:00+07:00',
      note: 'Vui lòng nộp bổ sung tại Bộ phận Một cửa.',
    });
    const refresh = $<HTMLButtonElement>(element, '[part="refresh-button"]')!;
    refresh.focus();
    refresh.click();
    await until(() => $(element, '[part="supplement"]'), 'the supplement request did not appear');
    await settled(element);
    expect($(element, '[part="status"]')!.textContent).to.include('Yêu cầu bổ sung giấy tờ');
    const asked = $$(element, '[part="supplement"] li').map((item) => item.textContent!.trim());
    expect(asked).to.deep.equal(['Bản sao Giấy chứng sinh', 'Văn bản ủy quyền có chứng thực']);
    expect(facts(element)).to.include('Hạn bổ sung: 01/12/2099 17:00');
    expect(historyItems(element)[0]!.textContent).to.include('Yêu cầu bổ sung hồ sơ');
    await until(() => spoken(element).startsWith('Đã cập nhật'), `said: ${spoken(element)}`);
    // A refresh leaves focus where the citizen is.
    expect(active(element)).to.equal($(element, '[part="refresh-button"]'));
    await expect(element).to.be.accessible();
  });

  it('speaks English: labels, status, lateness, apology and delivery', async () => {
    const element = await lookupWidget(html`<dvc-status-lookup api=${servers.api} lang="en"></dvc-status-lookup>`);
    expect(label(element, 'secret')).to.equal('Personal ID number (or tax code) of the applicant');
    await lookUp(element, RESULT_READY.code, RESULT_READY.secret);
    expect($(element, '#result-heading')!.textContent).to.equal(`Dossier ${RESULT_READY.code}`);
    expect($(element, '[part="status"]')!.textContent).to.include('Result ready');
    expect(facts(element)).to.include.members([
      'Finished on: 19/11/2026 10:00',
      'Progress: Late',
      'New date for the result: 20/11/2026',
    ]);
    expect($(element, '[part="delivery"]')!.textContent).to.include('By public postal service: Số 12 đường Lê Lợi');
    expect($(element, '[part="apology"] p')!.getAttribute('lang')).to.equal('vi');
    await expect(element).to.be.accessible();
  });

  it('works with the keyboard alone: type, look up, land on the result, refresh', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button>Trước</button><dvc-status-lookup api=${servers.api}></dvc-status-lookup></div>`,
    );
    const element = wrapper.querySelector('dvc-status-lookup')!;
    await until(() => $(element, '#code'), 'no form');
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('code');
    await sendKeys({ type: RESULT_READY.code.toLowerCase() });
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('secret');
    await sendKeys({ type: RESULT_READY.secret });
    await sendKeys({ press: 'Enter' });
    await until(() => active(element)?.id === 'result-heading', 'focus did not move to the result');
    expect($<HTMLInputElement>(element, '#code')!.value).to.equal(RESULT_READY.code);
    await sendKeys({ press: 'Tab' });
    expect(active(element)).to.equal($(element, '[part="refresh-button"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => spoken(element).startsWith('Đã cập nhật'), `said: ${spoken(element)}`);
    expect(active(element)).to.equal($(element, '[part="refresh-button"]'));
  });
});

describe('<dvc-status-lookup> before any request', () => {
  it('fills the code from ?code= or ?ma-ho-so= in the address, normalised; the attribute wins', async () => {
    history.replaceState(null, '', `${location.pathname}?code=${encodeURIComponent(' 000.00.01.h99-261122-0001 ')}`);
    let element = await lookupWidget();
    expect($<HTMLInputElement>(element, '#code')!.value).to.equal('000.00.01.H99-261122-0001');
    history.replaceState(null, '', `${location.pathname}?ma-ho-so=000.00.02.h99-261121-0042`);
    element = await lookupWidget();
    expect($<HTMLInputElement>(element, '#code')!.value).to.equal('000.00.02.H99-261121-0042');
    element = await lookupWidget(
      html`<dvc-status-lookup api=${servers.api} code=" 000.00.01.h99-261120-0007 "></dvc-status-lookup>`,
    );
    expect($<HTMLInputElement>(element, '#code')!.value).to.equal('000.00.01.H99-261120-0007');
  });

  it('refuses a malformed code and an empty secret with field errors and an error summary, without a request', async () => {
    const { lookup, element: pending } = demoWidget([]);
    const element = await pending;
    fill(element, 'HS 2026/123', '');
    $<HTMLButtonElement>(element, '[part="submit-button"]')!.click();
    await until(() => active(element)?.classList.contains('error-summary'), 'focus did not move to the error summary');
    const links = $$<HTMLAnchorElement>(element, '.error-summary a');
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal([
      '“Mã hồ sơ” không đúng định dạng, ví dụ 000.00.01.H99-261122-0001.',
      'Vui lòng nhập “Số định danh cá nhân (hoặc mã số thuế) của người nộp”.',
    ]);
    const code = $<HTMLInputElement>(element, '#code')!;
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(code.getAttribute('aria-describedby')).to.equal('code-hint code-error');
    expect($(element, '#code-error')!.textContent).to.include('Lỗi:');
    links[1]!.click();
    expect(active(element)?.id).to.equal('secret');
    expect(lookup.requests).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('says how long to wait when the backend rate-limits lookups', async () => {
    const limited = new RestAdapter(faultyApi('rate-limited'));
    const adapter = new RestAdapter(servers.api);
    adapter.lookupDossier = (request: DossierLookup, options) => limited.lookupDossier(request, options);
    const element = await lookupWidget(html`<dvc-status-lookup .adapter=${adapter}></dvc-status-lookup>`);
    await lookUp(element, PROCESSING.code, PROCESSING.secret);
    expect($(element, '[part="error"]')!.textContent).to.include('Vui lòng thử lại sau 30 giây.');
    expect($(element, '[part="retry-button"]')).not.to.equal(null);
    await expect(element).to.be.accessible();
  });
});

describe('<dvc-status-lookup> on other backends', () => {
  it('shows a status code it does not know with the backend’s own label', async () => {
    const { element: pending } = demoWidget([unknownStatusView]);
    const element = await pending;
    await lookUp(element, unknownStatusView.code, DEMO_SECRET);
    expect($(element, '[part="status"]')!.textContent).to.include('Chờ lãnh đạo ký số');
    expect(historyItems(element)[0]!.textContent).to.include('Trạng thái: Chờ lãnh đạo ký số');
    await expect(element).to.be.accessible();
  });

  it('collapses a 300-step history to the latest 10, shows all on request with focus on the next step, and prints all', async () => {
    const { element: pending } = demoWidget([longHistoryView(300)]);
    const element = await pending;
    await lookUp(element, longHistoryView().code, DEMO_SECRET);
    expect(historyItems(element)).to.have.length(300);
    expect(visibleItems(element)).to.have.length(10);
    expect(visibleItems(element)[0]!.textContent).to.include('Bước 300');
    const showAll = $<HTMLButtonElement>(element, '[part="show-all"]')!;
    expect(showAll.textContent!.trim()).to.equal('Xem toàn bộ 300 bước');
    await expect(element).to.be.accessible();

    // Printed, the hidden steps are there too, and the form and buttons are not.
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(historyItems(element)[250]!).display).to.equal('list-item');
      expect(getComputedStyle($(element, 'form')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle(historyItems(element)[250]!).display).to.equal('none');

    showAll.click();
    await until(() => visibleItems(element).length === 300, 'not all steps shown');
    expect(active(element)).to.equal(historyItems(element)[10]);
    expect($(element, '[part="show-all"]')).to.equal(null);
  });

  it('asks for the printed lookup code when the backend says so, and sends it normalised', async () => {
    const { lookup, element: pending } = demoWidget([unknownStatusView], DEMO_LOOKUP_CODE, { secret: 'lookup-code' });
    const element = await pending;
    expect(label(element, 'secret')).to.equal('Mã tra cứu in trên giấy tiếp nhận');
    expect($(element, '#secret')!.getAttribute('inputmode')).to.equal('text');
    await lookUp(
      element,
      unknownStatusView.code,
      ` ${DEMO_LOOKUP_CODE.toLowerCase().slice(0, 3)} ${DEMO_LOOKUP_CODE.toLowerCase().slice(3)}`,
    );
    expect(lookup.requests.at(-1)).to.deep.equal({ code: unknownStatusView.code, secret: DEMO_LOOKUP_CODE });
    expect($(element, '#result-heading')).not.to.equal(null);
    // Written with a dash, in full-width letters (some phone keyboards), as the backends accept it.
    const fullWidth = [...DEMO_LOOKUP_CODE].map((char) => String.fromCodePoint(char.codePointAt(0)! + 0xfee0)).join('');
    const sent = lookup.requests.length;
    fill(element, unknownStatusView.code, `${fullWidth.slice(0, 3)}-${fullWidth.slice(3)}`);
    $<HTMLButtonElement>(element, '[part="submit-button"]')!.click();
    await until(() => lookup.requests.length > sent, 'the dashed, full-width code was refused before sending');
    expect(lookup.requests.at(-1)).to.deep.equal({ code: unknownStatusView.code, secret: DEMO_LOOKUP_CODE });
  });
});
