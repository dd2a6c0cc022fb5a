/** The draft of <dvc-dossier-form> on the device: kept with consent, offered back, expired, shared by two tabs, and the back button. */
import { expect, html } from '@open-wc/testing';
import type { DvcAttachmentUpload } from '../../src/attachment-upload.js';
import {
  activeId,
  KHAI_SINH,
  pdf,
  id,
  heading,
  type,
  next,
  formWidget,
  fillApplicant,
  fillForm,
  attach,
} from '../support/dossier-form.js';
import { $, $$, servers, textOf, until } from '../support/fixtures.js';

/** Đăng ký kết hôn: another procedure filed online. */
const KET_HON = '1.000894';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<dvc-dossier-form>', () => {
  it('keeps the draft and the finished uploads with consent, offers them back, and keeps nothing in localStorage without it', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    await fillApplicant(first);
    next(first);
    await until(() => heading(first) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    await fillForm(first);
    next(first);
    await until(() => heading(first) === 'Giấy tờ đính kèm', 'not on documents');
    await attach(first, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
    const kept = Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'));
    expect(kept).to.deep.equal([`dvc-dossier-draft:${KHAI_SINH}`]);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);
    first.remove();

    // The next visit.
    const second = await formWidget();
    expect(heading(second)).to.equal('Bạn có hồ sơ đang khai dở');
    expect(textOf(second)).to.include('Hồ sơ được lưu trên thiết bị này');
    $$<HTMLButtonElement>(second, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai')!
      .click();
    await until(() => heading(second) === 'Giấy tờ đính kèm', 'not restored at its step');
    // The button pressed is gone: focus goes to the step's heading, not the page's body.
    await until(() => activeId(second) === 'step-heading', 'focus not on the restored step');
    const upload = $<DvcAttachmentUpload>(second, 'dvc-attachment-upload[slot-id="giay-chung-sinh"]')!;
    expect(upload.value.map((done) => done.name)).to.deep.equal(['giay-chung-sinh.pdf']);
    $<HTMLButtonElement>(second, '[part="back-button"]')!.click();
    await until(() => heading(second) === 'Tờ khai đăng ký khai sinh', 'no way back');
    expect($<HTMLInputElement>(second, id('answers.ho-ten'))!.value).to.equal('Nguyễn Minh Khang');
    second.remove();

    // "Khai lại từ đầu" forgets it.
    const third = await formWidget();
    $$<HTMLButtonElement>(third, '.buttons button')
      .find((button) => button.textContent!.trim() === 'Khai lại từ đầu')!
      .click();
    await until(() => heading(third) === 'Thông tin người nộp hồ sơ', 'did not start again');
    await until(() => activeId(third) === 'step-heading', 'focus not on the new first step');
    expect($<HTMLInputElement>(third, id('applicant.fullName'))!.value).to.equal('');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);

    // Without consent: only this tab keeps it (a reload still works), nothing in localStorage.
    await fillApplicant(third);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([]);
    expect(sessionStorage.getItem(`dvc-dossier-draft:${KHAI_SINH}`)).to.include('Nguyễn Văn An');
    third.remove();
    const reloaded = await formWidget();
    expect(heading(reloaded)).to.equal('Bạn có hồ sơ đang khai dở');
    // Kept for the tab only: the offer does not claim it was saved on the device.
    expect(textOf(reloaded)).to.include('giữ tạm trong thẻ (tab) này');
    expect(textOf(reloaded)).not.to.include('lưu trên thiết bị này');
    // Nothing personal in the address or the history.
    expect(location.href).not.to.include('Nguy');
  });
  it('forgets a kept draft after draft-hours', async () => {
    const first = await formWidget();
    $<HTMLInputElement>(first, '#consent')!.click();
    type(first, 'applicant.fullName', 'Nguyễn Văn An');
    first.remove();
    const key = `dvc-dossier-draft:${KHAI_SINH}`;
    const stored = JSON.parse(localStorage.getItem(key)!) as { savedAt: number };
    localStorage.setItem(key, JSON.stringify({ ...stored, savedAt: Date.now() - 3 * 3_600_000 }));
    const later = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} draft-hours="2" no-history></dvc-dossier-form>`,
    );
    expect(heading(later)).to.equal('Thông tin người nộp hồ sơ');
    expect(localStorage.getItem(key)).to.equal(null);
  });
  it('forgets the expired drafts of every procedure whenever any form opens', async () => {
    const hoursAgo = (key: string, hours: number) => {
      const stored = JSON.parse(localStorage.getItem(key)!) as { savedAt: number };
      localStorage.setItem(key, JSON.stringify({ ...stored, savedAt: Date.now() - hours * 3_600_000 }));
    };
    for (const procedure of [KHAI_SINH, KET_HON]) {
      const form = await formWidget(
        html`<dvc-dossier-form api=${servers.api} procedure=${procedure} no-history></dvc-dossier-form>`,
      );
      $<HTMLInputElement>(form, '#consent')!.click();
      type(form, 'applicant.phone', '0912 345 678');
      form.remove();
    }
    hoursAgo(`dvc-dossier-draft:${KHAI_SINH}`, 25);
    hoursAgo(`dvc-dossier-draft:${KET_HON}`, 23);
    // A third procedure's page: the expired khai sinh draft goes, the marriage one (still within its hours) stays.
    await formWidget(html`<dvc-dossier-form api=${servers.api} procedure="1.001776" no-history></dvc-dossier-form>`);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('dvc-dossier'))).to.deep.equal([
      `dvc-dossier-draft:${KET_HON}`,
    ]);
  });

  it('warns when the same dossier is open in another tab, and never overwrites it silently', async () => {
    const first = await formWidget();
    type(first, 'applicant.fullName', 'Nguyễn Văn An');
    const second = await formWidget();
    await until(() => textOf(second).includes('đang được khai ở một thẻ (tab) khác'), 'the second tab was not warned');
    expect(textOf(first)).not.to.include('thẻ (tab) khác');
    $$<HTMLButtonElement>(second, '.conflict button')[0]!.click();
    await until(() => textOf(first).includes('đang được khai ở một thẻ (tab) khác'), 'the first tab was not told');
    await expect(first).to.be.accessible();
  });
  it('goes back a step with the browser back button, keeping the address clean', async () => {
    const before = location.href;
    const element = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH}></dvc-dossier-form>`,
    );
    await fillApplicant(element);
    next(element);
    await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
    expect(location.href).to.equal(before);
    expect(JSON.stringify(history.state)).not.to.include('Nguy');
    history.back();
    await until(() => heading(element) === 'Thông tin người nộp hồ sơ', 'back did not go back a step');
    expect($<HTMLInputElement>(element, id('applicant.fullName'))!.value).to.equal('Nguyễn Văn An');
  });
});
