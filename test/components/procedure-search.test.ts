import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BackendAdapter } from '../../src/api/adapter.js';
import type { ProcedureDetail } from '../../src/api/contract/catalogue.js';
import { parseApiBase, RestAdapter } from '../../src/api/rest-adapter.js';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import '../../src/provider.js';
import { define } from '../../src/define.js';
import {
  $,
  $$,
  captureConsoleErrors,
  deadApi,
  faultyApi,
  resultNames,
  servers,
  settled,
  textOf,
  until,
} from '../support/fixtures.js';

async function searchWidget(
  template = html`<dvc-procedure-search api=${servers.api} debounce="0" no-history></dvc-procedure-search>`,
) {
  const element = await fixture<DvcProcedureSearch>(template);
  await until(() => $$(element, '[part="result"], [part="empty"], [part="error"]').length, 'nothing was shown');
  await settled(element);
  return element;
}

async function typeQuery(element: DvcProcedureSearch, text: string) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

function pasteQuery(element: DvcProcedureSearch, text: string) {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

async function openProcedure(element: DvcProcedureSearch, name: string) {
  const link = $$<HTMLAnchorElement>(element, '[part="result"] h3 a').find((a) => a.textContent!.includes(name));
  if (!link) throw new Error(`no result named ${name}: ${resultNames(element).join(' | ')}`);
  link.click();
  await until(() => $(element, '#detail-heading'), 'the detail did not open');
  await settled(element);
}

const status = (element: Element) => $(element, '[role="status"]')!.textContent!.trim();

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
    await typeQuery(element, 'dang ky khai sinh');
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
      () => $$(element, '[part="result"] .badge').every((badge) => badge.textContent === 'Toàn trình'),
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
      pasteQuery(element, query);
      await until(() => $(element, '[part="empty"], [part="count"]'), `nothing shown for ${query.slice(0, 20)}`);
      await settled(element);
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
    await typeQuery(element, 'chung thuc ban sao tu ban chinh');
    await until(() => resultNames(element)[0]?.startsWith('Chứng thực bản sao'), 'not found');
    await openProcedure(element, 'Chứng thực bản sao');
    expect($(element, '[part="submit-button"]')).to.equal(null);
    expect($(element, '[part="offline-notice"]')!.textContent).to.include('chưa nhận hồ sơ trực tuyến');
    await expect(element).to.be.accessible();
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
    // Search button, field filter, level filter, then the first result.
    for (let i = 0; i < 4; i += 1) await sendKeys({ press: 'Tab' });
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

describe('<dvc-procedure-search> when things go wrong', () => {
  const cases: [string, string, string][] = [
    ['a 500 with an HTML page', faultyApi('html-500'), 'Máy chủ dịch vụ đang gặp sự cố'],
    ['JSON of the wrong shape', faultyApi('wrong-shape'), 'không đúng định dạng'],
    ['a backend that is down', deadApi, 'Không kết nối được với máy chủ dịch vụ'],
    ['a rate limit', faultyApi('rate-limited'), 'thử lại sau 30 giây'],
  ];
  for (const [what, api, message] of cases) {
    it(`explains ${what}, tells the console, and retries`, async () => {
      const errors = captureConsoleErrors();
      try {
        const element = await searchWidget(
          html`<dvc-procedure-search api=${api} debounce="0" no-history></dvc-procedure-search>`,
        );
        expect($(element, '[part="error"]')!.textContent).to.include(message);
        expect(errors.calls.length).to.be.greaterThan(0);
        await expect(element).to.be.accessible();
        // The backend recovers: "Thử lại" brings the results.
        element.api = servers.api;
        await element.updateComplete;
        $<HTMLButtonElement>(element, '[part="retry-button"]')?.click();
        await until(() => resultNames(element).length === 10, 'retry did not recover');
      } finally {
        errors.restore();
      }
    });
  }

  it('gives up on a slow backend after `timeout` seconds', async () => {
    const element = await fixture<DvcProcedureSearch>(
      html`<dvc-procedure-search api=${faultyApi('slow')} timeout="1" no-history></dvc-procedure-search>`,
    );
    const errors = captureConsoleErrors();
    try {
      await until(() => $(element, '[part="error"]'), 'no timeout message', 4000);
      expect(textOf(element)).to.include('phản hồi quá lâu');
    } finally {
      errors.restore();
    }
  });

  it('tells the webmaster when `api` is missing or malformed, in the widget and the console', async () => {
    const errors = captureConsoleErrors();
    try {
      for (const api of [undefined, 'http://[not a host', 'ftp://example.org/api']) {
        const element = await searchWidget(
          html`<dvc-procedure-search api=${api ?? ''} no-history></dvc-procedure-search>`,
        );
        expect($(element, '[part="error"]')!.textContent).to.include('thuộc tính api');
        expect($(element, '[part="retry-button"]')).to.equal(null);
      }
      expect(errors.calls.some((args) => String(args[0]).includes('api'))).to.equal(true);
    } finally {
      errors.restore();
    }
  });

  it('refuses an http: backend on an https: page (mixed content)', () => {
    expect(() => parseApiBase('http://dvc.example.org/api/v1', 'https://xa.example.gov.vn/')).to.throw(/blocks/);
    expect(parseApiBase('/api/v1', 'https://xa.example.gov.vn/tra-cuu').href).to.equal(
      'https://xa.example.gov.vn/api/v1/',
    );
    expect(parseApiBase('http://localhost:8080/api/v1', 'https://xa.example.gov.vn/').href).to.equal(
      'http://localhost:8080/api/v1/',
    );
  });

  it('tells the webmaster when the agency code is unknown', async () => {
    const errors = captureConsoleErrors();
    try {
      const element = await searchWidget(
        html`<dvc-procedure-search api=${servers.api} agency="000.00.00.X00" no-history></dvc-procedure-search>`,
      );
      expect($(element, '[part="error"]')!.textContent).to.include('mã cơ quan');
    } finally {
      errors.restore();
    }
  });

  it('says the catalog is empty when it is', async () => {
    const element = await searchWidget(
      html`<dvc-procedure-search api=${servers.emptyApi} no-history></dvc-procedure-search>`,
    );
    expect(textOf(element)).to.include('Hiện chưa có thủ tục nào được công bố');
    await expect(element).to.be.accessible();
  });

  it('shows backend text as text and makes no link of a javascript: address', async () => {
    const evil = '<img src=x onerror="window.pwned=1">';
    /** The real backend's answers with hostile text put in. */
    class HostileAdapter extends RestAdapter {
      override async searchProcedures(...args: Parameters<RestAdapter['searchProcedures']>) {
        const result = await super.searchProcedures(...args);
        return { ...result, items: result.items.map((item) => ({ ...item, name: evil })) };
      }

      override async getProcedure(...args: Parameters<RestAdapter['getProcedure']>): Promise<ProcedureDetail> {
        const detail = await super.getProcedure(...args);
        const template = { name: evil, url: 'javascript:alert(1)', format: 'pdf' };
        return {
          ...detail,
          name: evil,
          forms: [template],
          documents: detail.documents.map((document) => ({ ...document, template })),
        };
      }

      override resolveUrl(url: string) {
        return url;
      }
    }
    const adapter: BackendAdapter = new HostileAdapter(servers.api);
    const element = await fixture<DvcProcedureSearch>(
      html`<dvc-procedure-search .adapter=${adapter} no-history></dvc-procedure-search>`,
    );
    await until(() => resultNames(element).length, 'no results');
    expect(resultNames(element)[0]).to.equal(evil);
    expect($(element, 'img')).to.equal(null);
    $<HTMLAnchorElement>(element, '[part="result"] h3 a')!.click();
    await until(() => $(element, '#detail-heading'), 'no detail');
    // The javascript: templates are named as text, not offered as (dead or live) links.
    expect($$(element, 'a[download]')).to.deep.equal([]);
    expect(textOf(element)).to.include(evil);
    expect($(element, '#detail-heading')!.textContent).to.equal(evil);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

describe('<dvc-procedure-search> configuration and language', () => {
  it('takes api, agency and lang from <dvc-provider>, and follows changes to them', async () => {
    const provider = await fixture(html`
      <dvc-provider api=${servers.api} agency="000.00.02.H99" lang="en">
        <dvc-procedure-search debounce="0" no-history></dvc-procedure-search>
      </dvc-provider>
    `);
    const element = provider.querySelector('dvc-procedure-search')!;
    await until(() => resultNames(element).length, 'no results');
    expect($(element, 'label')!.textContent).to.equal('Find a public service procedure');
    expect($$(element, '[part="result"]').every((item) => item.textContent!.includes('Công an xã Minh Họa'))).to.equal(
      true,
    );
    await expect(element).to.be.accessible();
    provider.setAttribute('lang', 'vi-VN');
    await until(() => $(element, 'label')!.textContent === 'Tìm thủ tục hành chính', 'language change ignored');
    provider.setAttribute('agency', '000.00.01.H99');
    await until(
      () => $$(element, '[part="result"]').every((item) => item.textContent!.includes('Ủy ban nhân dân xã Minh Họa')),
      "the search did not follow the provider's new agency",
    );
  });

  it('never makes a javascript: address of form-url', async () => {
    const element = await fixture<DvcProcedureSearch>(
      html`<dvc-procedure-search api=${servers.api} procedure="1.001193" form-url="javascript:alert(1)//" no-history></dvc-procedure-search>`,
    );
    await until(() => $(element, '[part="submit-button"]'), 'no submit action');
    expect($(element, '[part="submit-button"]')!.localName).to.equal('button');
    expect($(element, 'a[href^="javascript:"]')).to.equal(null);
  });

  it('accepts vi_VN and VI, and falls back to Vietnamese for a language it does not speak', async () => {
    for (const lang of ['vi_VN', 'VI', 'fr', 'x-klingon', '']) {
      const element = await fixture<DvcProcedureSearch>(
        html`<dvc-procedure-search api=${servers.api} lang=${lang} no-history></dvc-procedure-search>`,
      );
      expect($(element, 'label')!.textContent, lang).to.equal('Tìm thủ tục hành chính');
    }
    const english = await fixture<DvcProcedureSearch>(
      html`<div lang="en-GB"><dvc-procedure-search api=${servers.api} no-history></dvc-procedure-search></div>`,
    );
    expect($(english.firstElementChild!, 'label')!.textContent).to.equal('Find a public service procedure');
  });

  it('lets a second copy of the script register nothing instead of throwing', () => {
    expect(() => define('dvc-procedure-search', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('dvc-procedure-search')!.name).to.equal('DvcProcedureSearch');
  });
});

function shadowActive(element: Element): Element | null {
  return element.shadowRoot!.activeElement;
}
