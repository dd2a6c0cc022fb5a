/**
 * <dvc-procedure-search> on a phone (360 × 640): under a commune page's
 * header the filters push the results below the screen, so typing seemed
 * to do nothing (issue 15, item 12). After typing, the count must be in
 * view without the citizen scrolling, the search box keeps focus, and
 * nothing moves while the results are already in view.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { DvcProcedureSearch } from '../../src/procedure-search.js';
import '../../src/procedure-search.js';
import { $, resultNames, servers, settled, until } from '../support/fixtures.js';
import { pasteQuery, shadowActive, status, typeQuery } from './procedure-search-support.js';

/** A commune page on a phone: its banner and introduction, then the widget. */
async function phonePage() {
  await setViewport({ width: 360, height: 640 });
  const page = await fixture<HTMLElement>(html`
    <main>
      <h1 style="margin: 0; padding: 2rem 1rem; min-height: 8rem">Cổng dịch vụ công xã Minh Họa</h1>
      <p style="min-height: 6rem">Tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến và theo dõi kết quả.</p>
      <dvc-procedure-search api=${servers.api} debounce="0" no-history></dvc-procedure-search>
    </main>
  `);
  const element = page.querySelector<DvcProcedureSearch>('dvc-procedure-search')!;
  await until(() => resultNames(element).length && $(element, '#event-filter'), 'the list and its filters');
  await settled(element);
  return element;
}

const inView = (part: Element | DOMRect) => {
  const { top, bottom } = part instanceof Element ? part.getBoundingClientRect() : part;
  return top >= 0 && bottom <= innerHeight;
};

/** Whether the first line of a paragraph can be read: the box of its first line of text. */
function firstLineInView(paragraph: Element) {
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  return inView(range.getClientRects()[0]!);
}

describe('<dvc-procedure-search> on a phone', () => {
  afterEach(async () => {
    scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  it('brings the count into view after typing, keeping focus and the search box on screen', async () => {
    const element = await phonePage();
    const count = () => $(element, '[part="count"]')!;
    expect(inView(count()), 'below the screen before typing').to.equal(false);
    await typeQuery(element, 'ket hon');
    await until(() => resultNames(element)[0] === 'Đăng ký kết hôn', 'the results for "ket hon"');
    await until(() => /Tìm thấy \d+ thủ tục/.test(status(element)), 'the count was not announced');
    await until(() => inView(count()), `the count is at ${count().getBoundingClientRect().top} px`);
    expect(shadowActive(element), 'focus stays in the search box').to.equal($(element, '#search-input'));
    expect(inView($(element, '#search-input')!), 'the search box stays on screen').to.equal(true);
    await expect(element).to.be.accessible();
  });

  // Typed again from its first letter, "khai sinh" passes through answers of other heights: "nothing found"
  // for "k" and "khai s", the count for the others. Which of them are shown depends on the machine's speed,
  // so the page must stay put whichever arrive.
  it('does not scroll at each keystroke once the results are in view', async () => {
    const element = await phonePage();
    await typeQuery(element, 'khai');
    expect(inView($(element, '[part="count"]')!), 'the count came into view').to.equal(true);
    const scrolled = scrollY;
    const moves: string[] = [];
    const onScroll = () => moves.push(`${scrollY} px with ${$(element, '.results > *')?.getAttribute('part')}`);
    addEventListener('scroll', onScroll);
    await typeQuery(element, 'khai sinh');
    expect(resultNames(element)[0]).to.equal('Đăng ký khai sinh');
    removeEventListener('scroll', onScroll);
    expect(scrollY, `moved to ${moves.join(', ')}`).to.equal(scrolled);
  });

  it('stays put when the answer to a keystroke is "nothing found", taller than the count it replaces', async () => {
    const element = await phonePage();
    await typeQuery(element, 'khai');
    const scrolled = scrollY;
    await sendKeys({ type: ' s' });
    await until(() => $(element, '[part="empty"]'), '"nothing found" for "khai s"');
    await settled(element);
    expect(scrollY).to.equal(scrolled);
    expect(firstLineInView($(element, '[part="empty"] p')!), 'its first line shows').to.equal(true);
  });

  // Pasted, so that the one answer is "nothing found": typed, the first line of an earlier, shorter notice
  // may already show, and then nothing moves (above).
  it('brings "nothing found" and the closest procedures into view too', async () => {
    const element = await phonePage();
    $(element, '#search-input')!.focus();
    await pasteQuery(element, 'khai sinh xyzzy');
    await until(() => $(element, '[part="closest-heading"]'), 'the closest procedures');
    await until(() => inView($(element, '[part="empty"]')!), 'the notice came into view');
    await expect(element).to.be.accessible();
  });
});
