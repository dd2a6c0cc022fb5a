/**
 * The widgets on commune websites as they really are (test/hosts/, served by
 * test/support/host-pages.ts), through the CDN build (`npm run build` first)
 * and the reference backend: a strict CSP with Trusted Types, the script pasted twice, iframes
 * of the same and of another origin, a <dvc-provider> or each widget's own
 * attributes. The legacy CMS page is in hosts-legacy.test.ts.
 *
 * Each page opens in an iframe of the test page; same-origin pages are
 * reached into directly, the cross-origin one reports by postMessage.
 */
import { expect } from '@open-wc/testing';
import { $, servers, textOf, until } from '../support/fixtures.js';
import {
  lookUp,
  openHost,
  type Host,
  type HostReport,
  type HostWindow,
  problems,
  renderedWithoutError,
  searchAndOpenKetHon,
  searchReady,
  TAGS,
  uploadPdf,
  widgetsDefined,
} from '../support/host-frames.js';

describe('Host page: strict CSP with Trusted Types (one <dvc-provider>)', () => {
  it('runs every widget with zero CSP or Trusted Types violations and zero console errors', async () => {
    const host = await openHost('strict-csp.html');
    await widgetsDefined(host, TAGS);
    const element = await searchReady(host);
    // The widgets take api and agency from the provider (they have none of their own).
    expect(element.hasAttribute('api')).to.equal(false);
    // Lit's styles, adopted as constructable stylesheets under style-src 'self', apply.
    expect(element.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(host.win.getComputedStyle($(element, '.root')!).fontSize).to.equal('16px');
    await searchAndOpenKetHon(host, element);
    await uploadPdf(host, host.get('dvc-attachment-upload'), 'to-khai.pdf');
    await renderedWithoutError(host);
    await lookUp(host);
    expect(problems(host)).to.deep.equal([]);

    // The policy really is enforced, and watch.js really hears violations.
    expect(() => {
      host.doc.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
    await until(() => host.win.__dvcHost.violations.length === 1, 'the Trusted Types violation was not reported');
    expect(host.win.__dvcHost.violations[0]).to.match(/^require-trusted-types-for/);
  });

  it("takes api and agency from <dvc-provider>; a widget's own attributes narrow them", async () => {
    const total = (element: Element) => Number(/\d+/.exec($(element, '[part="count"]')!.textContent!)![0]);
    const withProvider = await openHost('strict-csp.html');
    const bothAgencies = total(await searchReady(withProvider));
    const ownAttributes = await openHost('double-load.html');
    const oneAgency = total(await searchReady(ownAttributes));
    expect(oneAgency).to.be.greaterThan(0);
    expect(bothAgencies, 'the provider names two agencies, the widget one').to.be.greaterThan(oneAgency);
  });
});

describe('Host page: the script pasted twice', () => {
  it('defines each element once, loads each chunk once, and works, without errors', async () => {
    const host = await openHost('double-load.html');
    await widgetsDefined(host);
    const element = await searchReady(host);
    const entries = (fragment: string) =>
      host.win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes(fragment));
    expect(entries('dvc-widgets.js?copy=2'), 'the second copy did load').to.have.length(1);
    expect(entries('/chunks/procedure-search-'), 'one copy of the element').to.have.length(1);
    await searchAndOpenKetHon(host, element);
    await renderedWithoutError(host);
    expect(problems(host)).to.deep.equal([]);
  });
});

describe('Host page: widgets in iframes', () => {
  it('works in a same-origin iframe', async () => {
    const host = await openHost('iframe.html');
    const frame = host.get<HTMLIFrameElement>('#same-origin');
    await until(() => frame.contentDocument?.readyState === 'complete', 'the inner frame did not load');
    const inner: Host = {
      frame,
      win: frame.contentWindow as HostWindow,
      doc: frame.contentDocument!,
      get: <T extends Element>(selector: string) => frame.contentDocument!.querySelector<T>(selector)!,
    };
    await until(
      () => inner.win.customElements.get('dvc-procedure-search'),
      'the search widget was never defined',
      8000,
    );
    const element = inner.get('dvc-procedure-search');
    // framed.js searched "ket hon" (the widget's query attribute) and clicked the first result.
    await until(
      () => $(element, '#detail-heading'),
      `framed.js did not open the procedure: ${textOf(element).slice(0, 200)}`,
      8000,
    );
    expect($(element, '#detail-heading')!.textContent!.trim()).to.equal('Đăng ký kết hôn');
    // The parent page has no widget script: nothing is defined there.
    expect(host.win.customElements.get('dvc-procedure-search')).to.equal(undefined);
    expect([...problems(inner), ...problems(host)]).to.deep.equal([]);
  });

  it('works in an iframe from another origin', async () => {
    const report = new Promise<HostReport & Record<string, unknown>>((done) => {
      const listen = (event: MessageEvent) => {
        if (event.origin !== servers.hostsOrigin || event.data?.source !== 'dvc-host') return;
        window.removeEventListener('message', listen);
        done(event.data);
      };
      window.addEventListener('message', listen);
    });
    const host = await openHost(`iframe.html?cross=${encodeURIComponent(servers.hostsOrigin)}`);
    const crossFrame = host.get<HTMLIFrameElement>('#cross-origin');
    expect(new URL(crossFrame.src).origin).to.not.equal(location.origin);
    const { results, detail, focused, violations, errors, timeout, text } = await report;
    expect(timeout, `the framed page gave up: ${text}`).to.equal(undefined);
    expect((results as string[])[0]).to.equal('Đăng ký kết hôn');
    expect(detail).to.equal('Đăng ký kết hôn');
    expect(focused, 'focus moved to the procedure name').to.equal(true);
    expect([...violations, ...errors]).to.deep.equal([]);
  });
});
