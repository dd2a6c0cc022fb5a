/**
 * <dvc-dossier-form> at a phone's width (issue 15, cosmetic items): the list
 * of steps wrapped onto two lines with no "Bước x/4". On a narrow screen the
 * steps read "Bước 2/4: Tờ khai" on one line (the list is still there for
 * screen readers).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { fillApplicant, formWidget, heading, next } from '../support/dossier-form.js';
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
