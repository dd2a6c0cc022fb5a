/**
 * The widgets on a legacy commune CMS as it really is (test/hosts/, served by
 * test/support/host-pages.ts), through the CDN build (`npm run build` first)
 * and the reference backend: hostile CSS, jQuery-era scripts, a fixed
 * header, and the page rewritten by machine translation. The strict CSP, the
 * script pasted twice and iframes are in hosts.test.ts.
 *
 * Each page opens in an iframe of the test page; same-origin pages are
 * reached into directly, the cross-origin one reports by postMessage.
 */
import { expect } from '@open-wc/testing';
import { $, $$, resultNames, settled, textOf, until } from '../support/fixtures.js';
import {
  HEADER_HEIGHT,
  lookUp,
  openHost,
  type Host,
  problems,
  realClick,
  renderedWithoutError,
  searchAndOpenKetHon,
  searchReady,
  TAGS,
  typeQuery,
  uploadPdf,
  widgetsDefined,
} from '../support/host-frames.js';

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
