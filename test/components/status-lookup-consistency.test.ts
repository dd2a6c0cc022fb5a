/**
 * What issue 15 found confusing in the lookup, each fixed and kept fixed:
 * a wrong `api` (item 17), the field errors after "not found" and a summary
 * unlike the form's (item 13), dates that contradicted each other after a
 * supplement request, before reception and against the receipt (item 6),
 * the dossier code broken at its hyphen on a phone and the two fields out of
 * line at desktop width (cosmetic).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { DemoAdapter } from '../../stories/adapters/demo-adapter.js';
import { DemoLookup } from '../../stories/adapters/demo-lookup.js';
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import '../../src/status-lookup.js';
import { DEMO_SECRET, demoCode, statusViews } from '../../stories/fixtures/dossier-views.js';
import { $, $$, captureConsoleErrors, servers, until } from '../support/fixtures.js';
import { facts, lookUp } from '../support/lookup.js';

/** Well-formed; no dossier of the reference backend has it. */
const UNKNOWN = '000.00.01.H99-261120-9998';

async function demoLookup(width?: number) {
  const lookup = new DemoLookup(statusViews.map((view) => ({ view, secret: DEMO_SECRET })));
  const adapter = new DemoAdapter({ agencies: [], procedures: [] }, { latencyMs: 20, lookup });
  const element = await fixture<DvcStatusLookup>(
    html`<dvc-status-lookup style=${width ? `display: block; width: ${width}px` : ''} .adapter=${adapter}></dvc-status-lookup>`,
  );
  await until(() => $(element, '#code'), 'the form did not appear');
  return element;
}

describe('<dvc-status-lookup> given an address that is not a dvc-widgets backend', () => {
  it('tells the citizen the address is wrong (not "not found") and the console why, in English', async () => {
    const console = captureConsoleErrors();
    try {
      // The webmaster forgot /api/v1: the server is real, but answers 404 for GET /service.
      const origin = servers.api.replace(/\/api\/v1$/, '');
      const element = await fixture<DvcStatusLookup>(html`<dvc-status-lookup api=${origin}></dvc-status-lookup>`);
      await until(() => $(element, '[part="error"]'), 'no error shown');
      const text = $(element, '[part="error"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(text).not.to.include('Không tìm thấy thông tin được yêu cầu');
      expect(text).to.include('không phải địa chỉ máy chủ dvc-widgets');
      expect(text).to.include('(thuộc tính api)');
      expect($(element, '[part="retry-button"]'), 'a retry cannot help').to.equal(null);
      const logged = console.calls.map((call) => String(call[0])).join('\n');
      expect(logged).to.include('Not a dvc-widgets backend');
      expect(logged).to.include('/api/v1');
      await expect(element).to.be.accessible();
    } finally {
      console.restore();
    }
  });
});

describe('<dvc-status-lookup> field problems', () => {
  it('after "not found", an empty field shows only its problem, not the old message', async () => {
    const element = await fixture<DvcStatusLookup>(html`<dvc-status-lookup api=${servers.api}></dvc-status-lookup>`);
    await until(() => $(element, '#code'), 'the form did not appear');
    await lookUp(element, UNKNOWN, '001099099999');
    expect($(element, '[part="error"]'), 'not found first').not.to.equal(null);
    await lookUp(element, UNKNOWN, '');
    expect($(element, '.error-summary')).not.to.equal(null);
    expect($(element, '[part="error"]'), 'the old "not found" is still shown').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('has the error summary of the dossier form: its title, and links that name the field', async () => {
    const element = await demoLookup();
    await lookUp(element, '', '');
    expect($(element, '.error-summary h2')!.textContent!.trim()).to.equal('Có thông tin chưa đúng');
    expect($$(element, '.error-summary a').map((link) => link.textContent!.trim())).to.deep.equal([
      'Vui lòng nhập “Mã hồ sơ”.',
      'Vui lòng nhập “Số định danh cá nhân (hoặc mã số thuế) của người nộp”.',
    ]);
    expect($(element, '#code-error')!.textContent).to.include('Vui lòng nhập “Mã hồ sơ”.');
  });
});

describe('<dvc-status-lookup> dates that agree with each other and with the receipt', () => {
  it('while waiting for a supplement: the clock is stopped, not "Trong hạn" by an appointment before the deadline', async () => {
    const element = await demoLookup();
    await lookUp(element, demoCode(5), DEMO_SECRET);
    const shown = facts(element);
    expect(shown).to.include('Tiến độ: Tạm dừng, chờ bổ sung giấy tờ');
    expect(shown).to.include('Ngày hẹn trả kết quả: Tính lại khi nhận đủ giấy tờ bổ sung');
    expect(shown.join('\n')).not.to.include('Trong hạn');
    await expect(element).to.be.accessible();
  });

  it('before reception, the date is the filing date, not "Ngày tiếp nhận"', async () => {
    const element = await demoLookup();
    await lookUp(element, demoCode(1), DEMO_SECRET);
    expect(facts(element)).to.include('Ngày nộp hồ sơ: 10/11/2026 08:30');
    expect(facts(element).join('\n')).not.to.include('Ngày tiếp nhận');
    await lookUp(element, demoCode(2), DEMO_SECRET);
    expect(facts(element)).to.include('Ngày tiếp nhận: 10/11/2026 08:30');
  });

  it('gives the appointment as the receipt does: a date, without a time', async () => {
    const element = await demoLookup();
    await lookUp(element, demoCode(4), DEMO_SECRET);
    expect(facts(element)).to.include('Ngày hẹn trả kết quả: 10/11/2026');
  });
});

describe('<dvc-status-lookup> layout', () => {
  it('keeps the dossier code on one line on a 360 px phone', async () => {
    // 360 px less the page's margins.
    const element = await demoLookup(328);
    await lookUp(element, demoCode(4), DEMO_SECRET);
    const code = [...$(element, '#result-heading')!.querySelectorAll('*')].find(
      (node) => node.textContent === demoCode(4),
    );
    expect(code, 'the code is not an element of its own').not.to.equal(undefined);
    expect(code!.getClientRects().length, 'the code breaks across lines').to.equal(1);
    expect(element.scrollWidth).to.be.at.most(328);
  });

  it('lines up the two fields at desktop width, whatever their labels and hints', async () => {
    const element = await demoLookup(960);
    const [code, secret] = ['#code', '#secret'].map((id) => $(element, id)!.getBoundingClientRect());
    expect(code!.top).to.equal(secret!.top);
    await lookUp(element, '', '');
    const [withErrors, secretWithErrors] = ['#code', '#secret'].map((id) => $(element, id)!.getBoundingClientRect());
    expect(withErrors!.top).to.equal(secretWithErrors!.top);
  });
});
