/**
 * <dvc-dossier-form> at a phone's width (issue 15, cosmetic items): the list
 * of steps wrapped onto two lines with no "Bước x/4", and the receipt's code
 * wrapped at its hyphen when the phone's text was larger. On a narrow screen
 * the steps read "Bước 2/4: Tờ khai" on one line (the list is still there for
 * screen readers); the code keeps to one line, and a code longer than the
 * screen scrolls in its row, never the page.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { DvcDossierForm } from '../../src/dossier-form.js';
import { confirmAndSend, fillApplicant, formWidget, heading, next, toReview } from '../support/dossier-form.js';
import { $, $$, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

/** How many lines the text of `node` takes on the screen. */
function linesOf(node: Element): number {
  const range = document.createRange();
  range.selectNodeContents(node);
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
}

/** The form at its second step ("Tờ khai"). */
async function atSecondStep() {
  const element = await formWidget();
  await fillApplicant(element);
  next(element);
  await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
  return element;
}

const shown = (node: Element | null): node is Element =>
  Boolean(node?.checkVisibility()) && node!.getBoundingClientRect().height > 1;

describe('<dvc-dossier-form> steps at a phone’s width', () => {
  it('shows only "Bước 2/4: Tờ khai" on one line at 360 px, and keeps the list for screen readers', async () => {
    await setViewport({ width: 360, height: 640 });
    const element = await atSecondStep();
    const line = $(element, '.step-of');
    expect(shown(line), 'no "Bước x/4" line').to.equal(true);
    expect(line!.textContent!.trim()).to.equal('Bước 2/4: Tờ khai');
    expect(linesOf(line!)).to.equal(1);
    // The list is out of sight, still read: a navigation list with the current step marked.
    const list = $(element, 'nav ol[part="progress"]')!;
    expect(shown(list)).to.equal(false);
    expect(list.querySelector('[aria-current="step"]')!.textContent!.trim()).to.equal('2. Tờ khai');
    expect(line!.getAttribute('aria-hidden')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows the whole list of steps on one line at a desktop’s width', async () => {
    await setViewport({ width: 1024, height: 768 });
    const element = await atSecondStep();
    expect(shown($(element, '.step-of'))).to.equal(false);
    const items = $$(element, '[part="progress"] li');
    expect(items.map((item) => item.textContent!.trim())).to.deep.equal([
      '1. Người nộp hồ sơ',
      '2. Tờ khai',
      '3. Giấy tờ đính kèm',
      '4. Kiểm tra lại',
    ]);
    expect(new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size).to.equal(1);
  });
});

describe('<dvc-dossier-form> receipt on a phone with larger text', () => {
  /** Files a dossier on a phone whose text is scaled up (24 px), then narrows to `width`. */
  async function receiptAt(width: number): Promise<DvcDossierForm> {
    await setViewport({ width: 360, height: 640 });
    const element = await formWidget();
    element.style.setProperty('--dvc-font-size', '24px');
    await toReview(element);
    confirmAndSend(element);
    await until(() => heading(element) === 'Đã nộp hồ sơ thành công', 'no receipt', 10_000);
    await setViewport({ width, height: 640 });
    return element;
  }

  it('keeps the dossier code on one line at 360 px', async () => {
    const element = await receiptAt(360);
    const code = $(element, '.receipt dd strong')!;
    expect(code.textContent).to.match(/^[\w.]+-\d{6}-\d{4}$/);
    expect(code.getClientRects().length, 'the code wraps').to.equal(1);
  });

  it('never makes the page scroll sideways at 320 px: a code too long scrolls in its row', async () => {
    const element = await receiptAt(320);
    const code = $(element, '.receipt dd strong')!;
    expect(code.getClientRects().length, 'the code wraps').to.equal(1);
    // Longer than the row at this size: it scrolls there, and takes focus for a keyboard to scroll it.
    expect(code.scrollWidth).to.be.above(code.clientWidth);
    expect(code.tabIndex).to.equal(0);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const root = $(element, '[part="base"]')!;
    expect(root.scrollWidth).to.be.at.most(root.clientWidth);
    await expect(element).to.be.accessible();
  });
});
