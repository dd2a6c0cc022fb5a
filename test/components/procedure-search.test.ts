/** <dvc-procedure-search> against the demo backend: searching, the detail view, the keyboard. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import '../../src/provider.js';
import { $, $$, resultNames, servers, settled, textOf, until } from '../support/fixtures.js';

import {
  openProcedure,
  pasteQuery,
  searchWidget,
  shadowActive,
  status,
  typeQuery,
} from './procedure-search-support.js';

afterEach(() => history.replaceState(null, '', location.pathname));

describe('<dvc-procedure-search> searching', () => {
  it('lists the catalog on load, with code, agency, time, fee and level, and is accessible', async () => {
    const element = await searchWidget();
    expect(resultNames(element).length).to.equal(10);
    expect($(element, '[part="count"]')!.textContent).to.match(/Tìm thấy \d+ thủ tục/);
    const first = $(element, '[part="result"]')!.textContent!;
    for (const label of ['Mã thủ tục', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí'])
      expect(first).to.include(label);
    await expect(element).to.be.accessible();
  });

  it('finds "Đăng ký kết hôn" from "ket hon" typed without diacritics, and announces the count', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'ket hon');
    await until(() => resultNames(element)[0]?.includes('kết hôn'), `results: ${resultNames(element).join(' | ')}`);
    expect(resultNames(element)[0]).to.equal('Đăng ký kết hôn');
    await until(() => /Tìm thấy \d+ thủ tục/.test(status(element)), 'the count was not announced');
  });

  it('searches on Enter, and keeps only the answer to the latest query when typing fast', async () => {
    const element = await searchWidget(
      html`<dvc-procedure-search api=${servers.api} debounce="150" no-history></dvc-procedure-search>`,
    );
    await typeQuery(element, 'dang ky khai sinh', { answer: false });
    await sendKeys({ press: 'Enter' });
    await settled(element);
    expect(resultNames(element)[0]).to.equal('Đăng ký khai sinh');
    // Each keystroke within the debounce replaces the pending search; the last one wins.
    await typeQuery(element, 'khai tu');
    await until(() => resultNames(element)[0] === 'Đăng ký khai tử', `results: ${resultNames(element).join(' | ')}`);
  });

  it('filters by online level and by field', async () => {
    const element = await searchWidget();
    const level = $<HTMLSelectElement>(element, '#level-filter')!;
    level.value = 'toan-trinh';
    level.dispatchEvent(new Event('change'));
    await until(
      () => $$(element, '[part="result"] .badge[class*="level-"]').every((badge) => badge.textContent === 'Toàn trình'),
      'level filter ignored',
    );
    await settled(element);
    expect(resultNames(element).length).to.be.greaterThan(0);

    const field = $<HTMLSelectElement>(element, '#field-filter')!;
    const hoTich = [...field.options].find((option) => option.text.startsWith('Hộ tịch'))!;
    field.value = hoTich.value;
    field.dispatchEvent(new Event('change'));
    await until(
      () => $$(element, '[part="result"] .meta').every((meta) => meta.textContent!.includes('Hộ tịch')),
      'field filter ignored',
    );
  });

  it('browses by life event without typing: "Người thân qua đời" lists its procedures, and is accessible', async () => {
    const element = await searchWidget();
    await until(() => $(element, '#event-filter'), 'no life-event filter');
    const events = $<HTMLSelectElement>(element, '#event-filter')!;
    expect([...events.options].map((option) => option.text)).to.include.members(['Tất cả sự kiện']);
    const died = [...events.options].find((option) => option.text.startsWith('Người thân qua đời'))!;
    events.value = died.value;
    events.dispatchEvent(new Event('change'));
    await until(() => resultNames(element).includes('Đăng ký khai tử'), 'the event did not list khai tử');
    await settled(element);
    expect(resultNames(element)).to.include('Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội');
    expect(resultNames(element)).not.to.include('Đăng ký kết hôn');
    expect(died.text).to.match(new RegExp(`\\(${resultNames(element).length}\\)$`));
    await expect(element).to.be.accessible();
  });

  it('loads more results, moves focus to the first new one and says how many are shown', async () => {
    const element = await searchWidget(
      html`<dvc-procedure-search api=${servers.api} page-size="5" debounce="0" no-history></dvc-procedure-search>`,
    );
    expect(resultNames(element)).to.have.length(5);
    $<HTMLButtonElement>(element, '[part="load-more"]')!.click();
    await until(() => resultNames(element).length === 10, 'no more results');
    await until(
      () => shadowActive(element)?.textContent === resultNames(element)[5],
      'focus did not move to the 6th result',
    );
    await until(() => status(element).includes('10'), 'the new count was not announced');
    await expect(element).to.be.accessible();
  });

  it('says so when nothing matches, and offers to clear the search', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'xyzzy không có thủ tục này');
    await until(() => $(element, '[part="empty"]'), 'no empty state');
    await settled(element);
    expect(textOf(element)).to.include('Không tìm thấy thủ tục nào phù hợp với “xyzzy không có thủ tục này”');
    await expect(element).to.be.accessible();
    $<HTMLButtonElement>(element, '[part="empty"] button')!.click();
    await until(() => resultNames(element).length === 10, 'clearing did not list everything again');
  });

  it('offers the closest procedures, "Có phải bạn muốn tìm…", when nothing matches, and announces it', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'khai sinh xyzzy');
    await until(() => $(element, '[part="closest-heading"]'), 'no closest procedures');
    await settled(element);
    expect(textOf(element)).to.include('Không tìm thấy thủ tục nào phù hợp với “khai sinh xyzzy”');
    expect($(element, '[part="closest-heading"]')!.textContent).to.include('Có phải bạn muốn tìm');
    expect(resultNames(element)[0]).to.equal('Đăng ký khai sinh');
    await until(() => status(element).includes('Có phải bạn muốn tìm'), 'the closest list was not announced');
    await expect(element).to.be.accessible();
    await openProcedure(element, 'Đăng ký khai sinh');
  });

  it('finds what citizens mean: "xac nhan doc than" and the typo "khia sinh"', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'xac nhan doc than');
    await until(() => resultNames(element)[0] === 'Cấp Giấy xác nhận tình trạng hôn nhân', 'độc thân not understood');
    await typeQuery(element, 'khia sinh');
    await until(() => resultNames(element)[0] === 'Đăng ký khai sinh', 'the typo was not forgiven');
  });

  it('survives a 1,000-character query, emoji, mixed scripts and SQL-like text', async () => {
    const element = await searchWidget();
    for (const query of [
      'a'.repeat(1000),
      '😀 khai sinh 🎉',
      'Đăng ký 登记 регистрация',
      "'; DROP TABLE procedures; --",
      '%_\\',
    ]) {
      // Pasted, as such text arrives: typing 1,000 keys would test the keyboard, not the widget.
      await pasteQuery(element, query);
      expect($(element, '[part="empty"], [part="count"]'), `nothing shown for ${query.slice(0, 20)}`).to.not.equal(
        null,
      );
      expect($(element, '[part="error"]'), query.slice(0, 20)).to.equal(null);
    }
  });
});

describe('<dvc-procedure-search> detail', () => {
  it('shows everything about a procedure, moves focus to its name, and goes back to the same place', async () => {
    const element = await searchWidget(
      html`<dvc-procedure-search api=${servers.api} debounce="0" no-history form-url="/nop-ho-so"></dvc-procedure-search>`,
    );
    await typeQuery(element, 'khai sinh');
    await until(() => resultNames(element)[0] === 'Đăng ký khai sinh', 'not found');
    await openProcedure(element, 'Đăng ký khai sinh');
    expect(shadowActive(element)?.id).to.equal('detail-heading');
    const text = textOf(element);
    for (const section of [
      'Thông tin chung',
      'Thành phần hồ sơ',
      'Trình tự thực hiện',
      'Phí, lệ phí',
      'Kết quả thực hiện',
      'Căn cứ pháp lý',
      'Cơ quan tiếp nhận hồ sơ',
      '1.001193',
    ]) {
      expect(text).to.include(section);
    }
    // Form templates download from the backend, resolved against the API address.
    const downloads = $$<HTMLAnchorElement>(element, 'a[download]');
    expect(downloads.length).to.be.greaterThan(0);
    const response = await fetch(downloads[0]!.href);
    expect(response.status).to.equal(200);
    await expect(element).to.be.accessible();

    $<HTMLButtonElement>(element, '[part="back-button"]')!.click();
    await until(() => shadowActive(element)?.textContent === 'Đăng ký khai sinh', 'focus did not return to the result');
    expect($<HTMLInputElement>(element, '#search-input')!.value).to.equal('khai sinh');
  });

  it('sends the citizen to the form page, after a cancelable dvc-procedure-select event', async () => {
    const element = await searchWidget(
      html`<dvc-procedure-search api=${servers.api} debounce="0" no-history form-url="/nop-ho-so?x=1"></dvc-procedure-search>`,
    );
    await typeQuery(element, 'khai sinh');
    await until(() => resultNames(element)[0] === 'Đăng ký khai sinh', 'not found');
    await openProcedure(element, 'Đăng ký khai sinh');
    const submit = $<HTMLAnchorElement>(element, '[part="submit-button"]')!;
    expect(submit.textContent!.trim()).to.equal('Nộp hồ sơ trực tuyến');
    expect(new URL(submit.href).search).to.equal('?x=1&procedure=1.001193');
    // The host page cancels: no navigation, and it got the procedure.
    document.addEventListener('dvc-procedure-select', (event) => event.preventDefault(), { once: true });
    setTimeout(() => submit.click());
    const event = await oneEvent(element, 'dvc-procedure-select');
    expect(event.detail.procedure.code).to.equal('1.001193');
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
    expect(location.pathname).not.to.equal('/nop-ho-so');
  });

  it('says where to go for an information-only procedure, and offers its forms', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'chung thuc ban sao tu ban chinh giay to van ban');
    await until(() => resultNames(element)[0]?.startsWith('Chứng thực bản sao'), 'not found');
    await openProcedure(element, 'Chứng thực bản sao');
    expect($(element, '[part="submit-button"]')).to.equal(null);
    expect($(element, '[part="offline-notice"]')!.textContent).to.include('chưa nhận hồ sơ trực tuyến');
    await expect(element).to.be.accessible();
  });

  it('tells the official online level apart from "Nộp trực tuyến tại đây", without contradiction', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'dang ky tam tru');
    await until(() => resultNames(element)[0] === 'Đăng ký tạm trú', `results: ${resultNames(element).join(' | ')}`);
    const badges = (index: number) =>
      [...$$(element, '[part="result"]')[index]!.querySelectorAll('.badge')].map((badge) => badge.textContent);
    expect(badges(0)).to.deep.equal(['Toàn trình']);
    await openProcedure(element, 'Đăng ký tạm trú');
    const notice = $(element, '[part="offline-notice"]')!.textContent!;
    expect(notice).to.include('Trang này chưa nhận hồ sơ trực tuyến');
    expect(notice).to.include('Cổng Dịch vụ công quốc gia');
    $<HTMLButtonElement>(element, '[part="back-button"]')!.click();
    await until(() => $(element, '#search-input'), 'not back on the list');
    await typeQuery(element, 'dang ky khai sinh');
    await until(() => resultNames(element)[0] === 'Đăng ký khai sinh', 'khai sinh not first');
    expect(badges(0)).to.deep.equal(['Một phần', 'Nộp trực tuyến tại đây']);
  });

  it('opens a procedure named in the page address (?procedure=) and returns to the list with the back button', async () => {
    history.replaceState(null, '', `${location.pathname}?procedure=1.000894`);
    const element = await fixture<DvcProcedureSearch>(
      html`<dvc-procedure-search api=${servers.api}></dvc-procedure-search>`,
    );
    await until(() => $(element, '#detail-heading')?.textContent === 'Đăng ký kết hôn', 'deep link ignored');
    history.pushState(null, '', `${location.pathname}?procedure=1.001193`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => $(element, '#detail-heading')?.textContent === 'Đăng ký khai sinh', 'popstate ignored');
    history.replaceState(null, '', location.pathname);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => resultNames(element).length > 0, 'list not restored');
  });

  it('says a procedure does not exist, rather than showing a blank', async () => {
    const element = await fixture<DvcProcedureSearch>(
      html`<dvc-procedure-search api=${servers.api} procedure="9.999999" no-history></dvc-procedure-search>`,
    );
    await until(() => $(element, '[part="error"]'), 'no message');
    expect(textOf(element)).to.include('Không tìm thấy thủ tục này');
    await expect(element).to.be.accessible();
  });
});

describe('<dvc-procedure-search> with the keyboard alone', () => {
  it('searches, opens a result and comes back without a mouse', async () => {
    const element = await searchWidget();
    await typeQuery(element, 'ket hon');
    await sendKeys({ press: 'Enter' });
    await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', 'not found');
    await settled(element);
    // Search button, life-event filter, field filter, level filter, then the first result.
    for (let i = 0; i < 5; i += 1) await sendKeys({ press: 'Tab' });
    expect(shadowActive(element)?.textContent).to.equal('Đăng ký kết hôn');
    await sendKeys({ press: 'Enter' });
    await until(() => shadowActive(element)?.id === 'detail-heading', 'focus did not move to the detail');
    await settled(element);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadowActive(element)?.getAttribute('part')).to.equal('back-button');
    await sendKeys({ press: 'Enter' });
    await until(() => shadowActive(element)?.textContent === 'Đăng ký kết hôn', 'focus did not come back');
  });
});
