/** <dvc-procedure-search> when things go wrong, and its configuration and language. */
import { expect, fixture, html } from '@open-wc/testing';
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
  textOf,
  until,
} from '../support/fixtures.js';

import { searchWidget } from './procedure-search-support.js';

afterEach(() => history.replaceState(null, '', location.pathname));

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
          cases: detail.cases.map((item) => ({
            ...item,
            documents: item.documents.map((document) => ({ ...document, template })),
          })),
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
