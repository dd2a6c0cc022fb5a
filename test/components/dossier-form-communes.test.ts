/**
 * Finding a commune by typing part of its name (issue 15, item 8): Hà Nội
 * has 126, a long scroll in a phone's picker. A box "Tìm xã, phường" before
 * the list narrows it, with or without diacritics, says how many match,
 * never drops the commune already chosen, and stays out of the draft. It is
 * there before the list loads, so the list does not move when it does.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formWidget, id, KHAI_SINH, pick, summaryLinks, topOf } from '../support/dossier-form.js';
import { $, until } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const ADDRESS = id('applicant.address');
const BA_DINH = '00004';

const communeList = (element: Element) => $<HTMLSelectElement>(element, `${ADDRESS}-commune`)!;
/** The communes the list offers, by their full names (its first option, "— Chọn … —", aside). */
const offered = (element: Element) => [...communeList(element).options].slice(1).map((option) => option.text.trim());
const status = (element: Element) => $(element, `${ADDRESS}-find ~ [role="status"]`)!.textContent!.trim();

/** The form with Hà Nội chosen as the applicant's province and its communes loaded. */
async function inHanoi() {
  const element = await formWidget();
  await pick(element, `${ADDRESS}-province`, '01');
  await until(() => offered(element).length > 100, 'no communes');
  return element;
}

/** Types into the box as a citizen does, key by key, after emptying it. */
async function find(element: Element, text: string) {
  const box = $<HTMLInputElement>(element, `${ADDRESS}-find`)!;
  box.focus();
  box.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

describe('<dvc-dossier-form> finding a commune', () => {
  it('narrows a long list to the names holding what is typed, with or without diacritics, and saves the one chosen', async () => {
    const element = await inHanoi();
    const box = $<HTMLInputElement>(element, `${ADDRESS}-find`)!;
    expect(box.labels![0]!.textContent!.trim()).to.equal('Tìm xã, phường');
    expect(status(element)).to.equal('');
    for (const text of ['ba dinh', 'Ba Đình', 'BA ĐÌNH']) {
      await find(element, text);
      await until(() => offered(element).length < 5, `"${text}" did not narrow the list`);
      expect(offered(element), text).to.include('Phường Ba Đình');
    }
    await find(element, 'dinh');
    await until(() => offered(element).length < 20, '"dinh" did not narrow the list');
    expect(offered(element)).to.include.members(['Phường Ba Đình', 'Xã Vân Đình']);
    expect(status(element)).to.equal(`Tìm thấy ${offered(element).length} xã, phường`);
    await pick(element, `${ADDRESS}-commune`, BA_DINH);
    await until(() => sessionStorage.getItem(`dvc-dossier-draft:${KHAI_SINH}`)?.includes(BA_DINH), 'not saved');
    // The box is a tool, not an answer: what was typed is not in the draft.
    expect(sessionStorage.getItem(`dvc-dossier-draft:${KHAI_SINH}`)).not.to.include('dinh');
    await expect(element).to.be.accessible();
  });

  it('keeps the chosen commune through a filter it does not match, and says when nothing matches', async () => {
    const element = await inHanoi();
    await pick(element, `${ADDRESS}-commune`, BA_DINH);
    await find(element, 'xyz');
    await until(() => offered(element).length === 1, 'the list was not narrowed');
    expect(offered(element)).to.deep.equal(['Phường Ba Đình']);
    expect(communeList(element).value).to.equal(BA_DINH);
    expect(status(element)).to.equal('Không tìm thấy xã, phường nào');
    await expect(element).to.be.accessible();
    // Emptied, the box gives the whole list back, the choice still made.
    await find(element, '');
    await until(() => offered(element).length > 100, 'the whole list did not come back');
    expect(communeList(element).value).to.equal(BA_DINH);
  });

  it('is there, disabled, before a province is chosen: the list does not move down when its communes arrive', async () => {
    const element = await formWidget();
    expect($<HTMLInputElement>(element, `${ADDRESS}-find`)!.disabled).to.equal(true);
    const before = topOf(element, `${ADDRESS}-commune`);
    await pick(element, `${ADDRESS}-province`, '01');
    await until(() => offered(element).length > 100, 'no communes');
    expect($<HTMLInputElement>(element, `${ADDRESS}-find`)!.disabled).to.equal(false);
    expect(topOf(element, `${ADDRESS}-commune`)).to.equal(before);
    await expect(element).to.be.accessible();
  });

  it('does not send the step when Enter is pressed in the box (how a phone closes its keyboard)', async () => {
    const element = await inHanoi();
    await find(element, 'ba dinh');
    await sendKeys({ press: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(summaryLinks(element)).to.deep.equal([]);
    expect(element.shadowRoot!.activeElement!.id).to.equal(`${ADDRESS.slice(1)}-find`);
  });
});
