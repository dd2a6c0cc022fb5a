/**
 * What the form's problems say and where their links go (issue 15, items 9
 * and 14): wording that points the right way, fields named with their
 * section when the label alone could be another's, and the keypad a tax
 * code gets.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  activeId,
  fillApplicant,
  formWidget,
  heading,
  id,
  KHAI_SINH,
  next,
  pick,
  SpyAdapter,
  summaryLinks,
  type,
  withGroup,
} from '../support/dossier-form.js';
import { $, servers, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const summaryTexts = (element: Element) => summaryLinks(element).map((link) => link.textContent!.trim());

describe('<dvc-dossier-form> problems', () => {
  it('names the missing part of an address and focuses it, and tells a 10-digit number its prefix is wrong', async () => {
    const element = await formWidget();
    const street = $<HTMLInputElement>(element, `${id('applicant.address')}-street`)!;
    street.value = 'Số 5 ngõ 12 phố Hàng Bông';
    street.dispatchEvent(new Event('input'));
    await pick(element, `${id('applicant.address')}-province`, '01');
    await until(() => !$<HTMLSelectElement>(element, `${id('applicant.address')}-commune`)!.disabled, 'no communes');
    type(element, 'applicant.phone', '0123 456 789');
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(summaryTexts(element)).to.include('Vui lòng chọn “Xã, phường, đặc khu” của “Nơi cư trú”.');
    expect(summaryTexts(element)).to.include(
      '“Số điện thoại di động” không đúng: số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    );
    summaryLinks(element)
      .find((link) => link.textContent!.includes('Nơi cư trú'))!
      .click();
    expect(activeId(element)).to.equal(`${id('applicant.address').slice(1)}-commune`);
    await expect(element).to.be.accessible();
  });

  it("names the child's date of birth and sex with their section, not as the applicant's", async () => {
    const element = await formWidget();
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    next(element);
    await until(() => summaryLinks(element).length > 0, 'no summary');
    expect(summaryTexts(element)).to.include('Vui lòng nhập “Ngày, tháng, năm sinh” (Người được khai sinh).');
    expect(summaryTexts(element)).to.include('Vui lòng chọn “Giới tính” (Người được khai sinh).');
    // A label no other field has stays as it is.
    expect(summaryTexts(element)).to.include('Vui lòng chọn “Dân tộc”.');
  });

  it('finds a commune by typing its name, though every label starts with “Xã” or “Phường”', async () => {
    const element = await formWidget();
    await pick(element, `${id('applicant.address')}-province`, '01');
    await until(() => !$<HTMLSelectElement>(element, `${id('applicant.address')}-commune`)!.disabled, 'no communes');
    const communes = $<HTMLSelectElement>(element, `${id('applicant.address')}-commune`)!;
    communes.focus();
    await sendKeys({ type: 'Ba' });
    // The name leads, the kind follows ("Ba Đình (Phường)"); the value stays the official name.
    const chosen = communes.selectedOptions[0]!;
    expect(chosen.label).to.match(/^Ba/);
    expect(chosen.textContent!.trim()).to.match(/^(Xã|Phường|Đặc khu) /);
    await expect(element).to.be.accessible();
  });

  it('gives a tax code the text keyboard: a branch code has a hyphen', async () => {
    const adapter = new SpyAdapter(servers.api);
    adapter.form = withGroup;
    const element = await formWidget(
      html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
    );
    await fillApplicant(element);
    next(element);
    await until(() => $(element, id('answers.mst')), 'no tax code field');
    expect($(element, id('answers.mst'))!.getAttribute('inputmode')).to.equal('text');
  });
});
