/**
 * The widgets on commune websites as they really are (test/hosts/, served by
 * test/support/host-pages.ts), through the CDN build (`npm run build` first)
 * and the reference backend: a legacy CMS with hostile CSS and jQuery-era
 * scripts, a strict CSP with Trusted Types, the script pasted twice, iframes
 * of the same and of another origin, a <dvc-provider> or each widget's own
 * attributes, and a page rewritten by machine translation.
 *
 * Each page opens in an iframe of the test page; same-origin pages are
 * reached into directly, the cross-origin one reports by postMessage.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, $$, resultNames, servers, settled, textOf, until } from '../support/fixtures.js';
import { PROCESSING } from '../support/test-dossiers.js';

interface HostReport {
  violations: string[];
  errors: string[];
}

/** A host page's window, with what watch.js and legacy-jquery.js leave on it. */
type HostWindow = Window &
  typeof globalThis & {
    __dvcHost: HostReport;
    __legacyClicksSwallowed?: number;
    __amdDefined?: number;
  };

interface Host {
  frame: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  /** The first element matching `selector` in the page. */
  get<T extends Element = HTMLElement>(selector: string): T;
}

const TAGS = ['dvc-provider', 'dvc-procedure-search', 'dvc-attachment-upload', 'dvc-dossier-form', 'dvc-status-lookup'];
const HEADER_HEIGHT = 80;

const opened: HTMLIFrameElement[] = [];
afterEach(() => opened.splice(0).forEach((frame) => frame.remove()));

/** Opens `/hosts/<page>` (the tests' own origin) in an iframe and waits for it to load. */
async function openHost(page: string, { width = 1000, height = 700 } = {}): Promise<Host> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block;`;
  const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
  frame.src = `/hosts/${page}`;
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  const doc = frame.contentDocument!;
  return {
    frame,
    win,
    doc,
    get<T extends Element = HTMLElement>(selector: string): T {
      const element = doc.querySelector<T>(selector);
      if (!element) throw new Error(`no ${selector} on ${page}`);
      return element;
    },
  };
}

/** Waits for the page's search widget to list results; returns it. */
async function searchReady(host: Host, selector = 'dvc-procedure-search'): Promise<HTMLElement> {
  await until(() => host.win.customElements.get('dvc-procedure-search'), 'the search widget was never defined', 8000);
  const element = host.get(selector);
  await until(
    () => $$(element, '[part="result"], [part="error"]').length,
    `nothing shown: ${element.shadowRoot?.textContent}`,
    8000,
  );
  await settled(element);
  expect($(element, '[part="error"]'), textOf(element)).to.equal(null);
  return element;
}

/** Types into the search box as a citizen does (real key presses, into the framed page). */
async function typeQuery(element: HTMLElement, text: string): Promise<void> {
  const input = $<HTMLInputElement>(element, '#search-input')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** A real mouse click in the middle of `target`, a node inside `host`'s page (scrolled into view first). */
async function realClick(host: Host, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const inner = target.getBoundingClientRect();
  const outer = host.frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [
      Math.round(outer.left + inner.left + inner.width / 2),
      Math.round(outer.top + inner.top + inner.height / 2),
    ],
  });
}

async function searchAndOpenKetHon(host: Host, element: HTMLElement): Promise<void> {
  await typeQuery(element, 'ket hon');
  await sendKeys({ press: 'Enter' });
  await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', `results: ${resultNames(element).join(' | ')}`);
  await settled(element);
  const link = $$<HTMLAnchorElement>(element, '[part="result"] h3 a')[0]!;
  await realClick(host, link);
  await until(() => $(element, '#detail-heading'), 'the detail did not open');
  await settled(element);
  expect($(element, '#detail-heading')!.textContent!.trim()).to.equal('Đăng ký kết hôn');
}

/** A small real PDF, made in the page's own realm (the widget's checks see a File of its window). */
const pdfIn = (win: HostWindow, name: string) =>
  new win.File(['%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n', 'x'.repeat(4000), '\n%%EOF\n'], name, {
    type: 'application/pdf',
  });

async function uploadPdf(host: Host, element: HTMLElement, name: string): Promise<void> {
  await until(() => $(element, '[part="choose-button"]'), 'the upload widget did not render', 8000);
  const completed = new Promise<CustomEvent>((done) =>
    element.addEventListener('dvc-upload-complete', (event) => done(event as CustomEvent), { once: true }),
  );
  const input = $<HTMLInputElement>(element, '#picker')!;
  const transfer = new host.win.DataTransfer();
  transfer.items.add(pdfIn(host.win, name));
  input.files = transfer.files;
  input.dispatchEvent(new host.win.Event('change'));
  const { detail } = await completed;
  expect(detail).to.include({ name, type: 'application/pdf' });
  await until(() => $$(element, '[part="file"]')[0]?.textContent?.includes('Đã tải lên'), 'not shown as uploaded');
}

/** Violations and errors the page recorded (watch.js), as one list that should be empty. */
const problems = (host: Host) => [...host.win.__dvcHost.violations, ...host.win.__dvcHost.errors];

/**
 * Machine translation as Chrome's does it: each text node replaced by
 * <font><font>translated text</font></font>, except under translate="no".
 * `intoShadowRoots` goes into open shadow roots too, as some translation
 * extensions do.
 */
function translatePage(root: Node, doc: Document, intoShadowRoots = false): number {
  let count = 0;
  const visit = (node: Node): void => {
    if (node instanceof doc.defaultView!.Element) {
      if (
        node.getAttribute('translate') === 'no' ||
        node.classList.contains('notranslate') ||
        /^(SCRIPT|STYLE|TEMPLATE)$/.test(node.nodeName)
      )
        return;
      if (intoShadowRoots && node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of [...node.childNodes]) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
        const outer = doc.createElement('font');
        const inner = doc.createElement('font');
        outer.style.verticalAlign = 'inherit';
        inner.style.verticalAlign = 'inherit';
        inner.textContent = `[en] ${child.textContent!.trim()}`;
        outer.append(inner);
        child.replaceWith(outer);
        count += 1;
      } else if (child.nodeType === Node.ELEMENT_NODE) visit(child);
    }
  };
  visit(root);
  return count;
}

describe('Host page: legacy CMS (hostile CSS, jQuery-era scripts, lang="vi_VN")', () => {
  it('finds "Đăng ký kết hôn" from "ket hon", opens it with a real click and goes back: the page\'s click handlers swallow nothing', async () => {
    const host = await openHost('legacy-cms.html');
    const element = await searchReady(host);
    // lang="vi_VN" is understood as Vietnamese.
    expect($(element, 'label[for="search-input"]')!.textContent).to.match(/thủ tục/i);
    await searchAndOpenKetHon(host, element);
    await realClick(host, $(element, '[part="back-button"]')!);
    await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', 'the back button did not return to the list');
    // The search button submits the widget's own form (Enter too, above), not the CMS's <form id="aspnetForm">.
    element.setAttribute('debounce', '600000');
    await typeQuery(element, 'khai sinh');
    await realClick(host, $(element, '[part="search-button"]')!);
    await until(
      () => resultNames(element)[0] === 'Đăng ký khai sinh',
      `search button: ${resultNames(element).join(' | ')}`,
    );
    expect(host.win.__legacyClicksSwallowed ?? 0, 'the jQuery plugin saw a click on our links or buttons').to.equal(0);
    expect(host.win.location.pathname).to.equal('/hosts/legacy-cms.html');
    // The plugin is live: a link of the page's own in the same place is swallowed.
    const pageLink = host.doc.createElement('a');
    pageLink.href = '#tin-tuc';
    pageLink.textContent = 'Tin tức';
    host.get('td.content').append(pageLink);
    pageLink.click();
    expect(host.win.__legacyClicksSwallowed).to.equal(1);
    expect(host.win.location.hash).to.equal('');
    // Nothing of ours called the page's AMD `define` or tripped over `process` or Array.prototype.
    expect(host.win.__amdDefined ?? 0).to.equal(0);
    expect(problems(host)).to.deep.equal([]);
  });

  it('stays readable: 16px text, its own line height, colours and 44px controls, whatever the theme says', async () => {
    const host = await openHost('legacy-cms.html');
    const element = await searchReady(host);
    const style = (node: Element) => host.win.getComputedStyle(node);
    // The theme's rules do reach the host element itself...
    expect(style(element).fontFamily).to.include('Times New Roman');
    expect(style(host.doc.documentElement).fontSize).to.equal('10px');
    // ...but not what is inside.
    const root = $(element, '.root')!;
    const input = $(element, '#search-input')!;
    const button = $(element, '[part="search-button"]')!;
    const link = $(element, '[part="result"] h3 a')!;
    for (const [what, node] of [
      ['text', root],
      ['input', input],
      ['button', button],
      ['result link', link],
    ] as const) {
      expect(parseFloat(style(node).fontSize), `${what} font size`).to.be.at.least(14);
    }
    expect(style(root).fontSize).to.equal('16px');
    expect(parseFloat(style(root).lineHeight) / parseFloat(style(root).fontSize)).to.be.closeTo(1.5, 0.01);
    expect(style(root).color).to.equal('rgb(27, 27, 27)');
    expect(style(button).backgroundColor, 'the theme makes buttons white on red').to.equal('rgb(11, 92, 173)');
    expect(style(button).textTransform).to.equal('none');
    expect(input.getBoundingClientRect().height, 'input { height: 16px !important }').to.be.at.least(44);
    expect(button.getBoundingClientRect().height, 'button { height: 20px !important }').to.be.at.least(44);
    // The upload widget too.
    const upload = host.get('dvc-attachment-upload');
    await until(() => $(upload, '[part="choose-button"]'), 'the upload widget did not render', 8000);
    expect(style($(upload, '.root')!).fontSize).to.equal('16px');
    expect($(upload, '[part="choose-button"]')!.getBoundingClientRect().height).to.be.at.least(44);
  });

  /** Scrolls so the widget's top (where the detail starts) is under the fixed header, opens a result; returns the name's box. */
  async function openUnderHeader(host: Host): Promise<DOMRect> {
    const element = await searchReady(host);
    await typeQuery(element, 'ket hon');
    await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', 'not found');
    await settled(element);
    const link = $$<HTMLAnchorElement>(element, '[part="result"] h3 a')[0]!;
    host.win.scrollBy(0, element.getBoundingClientRect().top - 10);
    expect(link.getBoundingClientRect().top, 'the result is visible').to.be.at.least(HEADER_HEIGHT);
    link.click();
    await until(
      () => element.shadowRoot!.activeElement?.id === 'detail-heading',
      'focus did not move to the procedure name',
    );
    await settled(element);
    const heading = $(element, '#detail-heading')!.getBoundingClientRect();
    expect(heading.bottom).to.be.at.most(host.win.innerHeight);
    return heading;
  }

  it('shows the focused procedure name below a fixed header that the page declares with scroll-padding-top', async () => {
    const host = await openHost('legacy-cms.html', { height: 600 });
    // The webmaster's one line for a fixed header (README): the browser then keeps focused elements clear of it.
    host.doc.documentElement.style.scrollPaddingTop = `${HEADER_HEIGHT}px`;
    expect((await openUnderHeader(host)).top).to.be.at.least(HEADER_HEIGHT);
  });

  // focus() scrolls only as far as the viewport's edge; the widgets' scroll-margin (in em: 5rem would be
  // 50px on this 10px-root page) keeps the name clear of an 80px header without the page's help.
  it("shows the focused procedure name below the fixed header without the page's help (scroll-margin)", async () => {
    const host = await openHost('legacy-cms.html', { height: 600 });
    expect((await openUnderHeader(host)).top, 'the procedure name is under the fixed header').to.be.at.least(
      HEADER_HEIGHT,
    );
  });

  // Inherited text properties cross the shadow boundary; every widget's .root resets them (src/styles/shared.ts).
  it("does not inherit the theme's text-transform, letter-spacing, text-indent, white-space or italics", async () => {
    const host = await openHost('legacy-cms.html');
    const element = await searchReady(host);
    const hostile = {
      textTransform: 'uppercase',
      letterSpacing: '3px',
      wordSpacing: '9px',
      textIndent: '50px',
      whiteSpace: 'nowrap',
      fontStyle: 'italic',
      fontWeight: '700',
      fontVariant: 'small-caps',
    };
    Object.assign(host.get('td.content').style, hostile);
    const root = host.win.getComputedStyle($(element, '.root')!);
    for (const property of Object.keys(hostile) as (keyof typeof hostile)[])
      expect(root[property], property).to.not.equal(hostile[property]);
  });

  it('uploads a small PDF to completion', async () => {
    const host = await openHost('legacy-cms.html');
    await until(
      () => host.win.customElements.get('dvc-attachment-upload'),
      'the upload widget was never defined',
      8000,
    );
    await uploadPdf(host, host.get('dvc-attachment-upload'), 'giay-chung-nhan.pdf');
    // The tus client is loaded now: it did not call the page's AMD define nor trip over `process`.
    expect(host.win.__amdDefined ?? 0).to.equal(0);
    expect(problems(host)).to.deep.equal([]);
  });

  it('keeps working after the page is machine-translated (text nodes wrapped in <font>)', async () => {
    const host = await openHost('legacy-cms.html');
    const element = await searchReady(host);
    const translated = translatePage(host.doc.body, host.doc);
    expect(translated).to.be.greaterThan(10);
    expect(host.get('#intro-text').firstElementChild!.localName).to.equal('font');
    // Our hosts have no text of their own in the page's DOM: the translation did not touch the widgets.
    for (const tag of TAGS.slice(1)) expect(host.get(tag).querySelector('font'), tag).to.equal(null);
    await typeQuery(element, 'khai tu');
    await until(
      () => resultNames(element)[0] === 'Đăng ký khai tử',
      `after translation: ${resultNames(element).join(' | ')}`,
    );
    await settled(element);
    $$<HTMLAnchorElement>(element, '[part="result"] h3 a')[0]!.click();
    await until(
      () => $(element, '#detail-heading')?.textContent?.trim() === 'Đăng ký khai tử',
      'the detail did not open after translation',
    );
    expect(problems(host)).to.deep.equal([]);
  });

  // A translator that also walks open shadow roots (some browser extensions do) would replace Lit's bound
  // text nodes and leave the widget stale (old names, links to new procedures). translate="no" on each
  // widget's .root (inside the shadow root: the attribute does not inherit across it) keeps translators out.
  it('is left alone by a translator that walks into shadow roots (translate="no" inside)', async () => {
    const host = await openHost('legacy-cms.html');
    const element = await searchReady(host);
    translatePage(host.doc.body, host.doc, true);
    expect(textOf(element)).to.not.include('[en]');
    await typeQuery(element, 'ket hon');
    await until(
      () => resultNames(element)[0] === 'Đăng ký kết hôn',
      `after translation: ${resultNames(element).join(' | ')}`,
    );
  });

  it('shows the dossier form and the status lookup, which finds a dossier', async () => {
    const host = await openHost('legacy-cms.html');
    await widgetsDefined(host);
    await renderedWithoutError(host);
    await lookUp(host);
    expect(problems(host)).to.deep.equal([]);
  });
});

async function widgetsDefined(host: Host, tags = TAGS.slice(1)): Promise<void> {
  for (const tag of tags) await until(() => host.win.customElements.get(tag), `<${tag}> was never defined`, 8000);
  for (const tag of tags) expect(host.get(tag).shadowRoot, `<${tag}> has no shadow root`).to.not.equal(null);
}

/**
 * The form and lookup widgets: rendered in full (the form's steps and first step's buttons, the lookup's
 * fields), in their own 16px text, not showing a configuration or backend error.
 */
async function renderedWithoutError(host: Host): Promise<void> {
  const expected: Record<string, string[]> = {
    'dvc-dossier-form': ['[part="progress"]', '[part="next-button"]'],
    'dvc-status-lookup': ['[part="code-input"]', '[part="secret-input"]', '[part="submit-button"]'],
  };
  for (const [tag, parts] of Object.entries(expected)) {
    const element = host.get(tag);
    await until(
      () => parts.every((part) => $(element, part)) || $(element, '[part="error"]'),
      `<${tag}> did not render: ${textOf(element).slice(0, 200)}`,
      8000,
    );
    expect(
      $$(element, '[part="error"], [role="alert"]').map((node) => node.textContent),
      `<${tag}> shows an error`,
    ).to.deep.equal([]);
    expect(host.win.getComputedStyle($(element, '.root')!).fontSize, `<${tag}> text size`).to.equal('16px');
  }
}

/** Looks up a seeded dossier with the lookup widget, as a citizen with the receipt does. */
async function lookUp(host: Host): Promise<void> {
  const element = host.get('dvc-status-lookup');
  const fill = (part: string, value: string) => {
    const input = $<HTMLInputElement>(element, `[part="${part}"]`)!;
    input.value = value;
    input.dispatchEvent(new host.win.Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new host.win.Event('change', { bubbles: true }));
  };
  fill('code-input', PROCESSING.code);
  fill('secret-input', PROCESSING.secret);
  await realClick(host, $(element, '[part="submit-button"]')!);
  await until(() => $(element, '[part="result"]'), `the dossier was not shown: ${textOf(element).slice(0, 200)}`, 8000);
  expect(textOf(element)).to.include(PROCESSING.procedure.name);
}

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
