import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DvcAttachmentUpload, FinishedUpload } from '../../src/attachment-upload.js';
import '../../src/attachment-upload.js';
import { $, $$, faultyApi, servers, textOf, until } from '../support/fixtures.js';
import { formAssociatedConformance } from './form-associated.conformance.js';

/** Real file contents: the widget reads the first bytes, and so does the backend. */
const PDF_HEAD = '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n';
const pdf = (name: string, size = 2048) =>
  new File([PDF_HEAD, 'x'.repeat(Math.max(0, size - PDF_HEAD.length))], name, { type: 'application/pdf' });
const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const png = (name: string) => new File([PNG_HEAD, new Uint8Array(1024)], name, { type: 'image/png' });
/** A Windows executable ("MZ") wearing a PDF name. */
const renamedExe = () =>
  new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), new Uint8Array(512)], 'giay-khai-sinh.pdf', {
    type: 'application/pdf',
  });

/** Chooses files as the picker would. */
function choose(element: DvcAttachmentUpload, ...files: File[]): void {
  const input = $<HTMLInputElement>(element, '#picker')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const rows = (element: Element) => $$(element, '[part="file"]');
const statusOf = (element: Element, index = 0) => rows(element)[index]?.querySelector('.meta')?.textContent ?? '';

async function uploadWidget(
  template = html`<dvc-attachment-upload api=${servers.api} name="giay-to" multiple max-files="3"></dvc-attachment-upload>`,
) {
  const element = await fixture<DvcAttachmentUpload>(template);
  await until(() => $(element, '[part="choose-button"]'), 'the widget did not render');
  return element;
}

const restoredFile = { id: 'Q2hvc2VuRmlsZUlkMDAwMQ', name: 'to-khai.pdf', size: 2048, type: 'application/pdf' };

formAssociatedConformance<FinishedUpload[]>({
  tag: 'dvc-attachment-upload',
  attributes: { api: servers.api },
  ready: (element) => until(() => $(element, '[part="choose-button"]'), 'the widget did not render'),
  filled: [restoredFile],
  entries: (value) => value.map((upload) => upload.id),
  savedState: (value) => JSON.stringify(value),
  // The citizen removes the file a draft had: the list is empty again (nothing is sent for a restored file).
  interact: async (element) => {
    element.value = [restoredFile];
    await until(() => rows(element).length === 1, 'the restored file is not listed');
    rows(element)[0]!.querySelector<HTMLButtonElement>('.actions button:last-child')!.click();
    await until(() => rows(element).length === 0, 'the file was not removed');
  },
  controlsDisabled: (element) => $<HTMLButtonElement>(element, '[part="choose-button"]')!.disabled,
});

describe('<dvc-attachment-upload>', () => {
  // An upload paused and never resumed keeps its address for the tab: the next test starts without it.
  beforeEach(() => {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('dvc-upload:')) sessionStorage.removeItem(key);
  });

  it('shows a labelled picker, the limits and a camera button where images are accepted, and is accessible', async () => {
    const element = await uploadWidget();
    expect($(element, '[part="choose-button"]')!.textContent!.trim()).to.equal('Chọn tệp');
    expect($(element, '[part="camera-button"]')!.textContent!.trim()).to.equal('Chụp ảnh');
    expect($(element, '#camera')!.getAttribute('capture')).to.equal('environment');
    expect(textOf(element)).to.include('Định dạng PDF, JPEG, PNG; tối đa 10 MB mỗi tệp, tối đa 3 tệp.');
    await expect(element).to.be.accessible();

    // The camera makes JPEGs: no camera button where JPEG is not accepted.
    for (const accept of ['.pdf', '.pdf,.png']) {
      const noPhotos = await uploadWidget(
        html`<dvc-attachment-upload api=${servers.api} accept=${accept}></dvc-attachment-upload>`,
      );
      expect($(noPhotos, '[part="camera-button"]'), accept).to.equal(null);
    }
  });

  it('uploads a file, announces it once when done, and reports it in an event and the form value', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-attachment-upload api=${servers.api} name="giay-to" required></dvc-attachment-upload></form>`,
    );
    const element = form.querySelector('dvc-attachment-upload')!;
    await until(() => $(element, '[part="choose-button"]'), 'no render');
    expect(form.checkValidity(), 'required and empty').to.equal(false);
    const file = pdf('to-khai.pdf', 300_000);
    setTimeout(() => choose(element, file));
    const { detail } = await oneEvent(element, 'dvc-upload-complete');
    expect(detail).to.include({ name: 'to-khai.pdf', size: file.size, type: 'application/pdf' });
    expect(detail.id).to.match(/^[A-Za-z0-9_-]{22}$/);
    await until(() => statusOf(element).includes('Đã tải lên'), 'not shown as done');
    await until(
      () => $(element, '[role="status"]')!.textContent === 'Đã tải lên xong to-khai.pdf',
      'completion not announced',
    );
    expect(new FormData(form).getAll('giay-to')).to.deep.equal([detail.id]);
    expect(form.checkValidity()).to.equal(true);
    await expect(element).to.be.accessible();

    form.reset();
    await until(() => rows(element).length === 0, 'form reset did not clear the list');
    expect(new FormData(form).getAll('giay-to')).to.deep.equal([]);
  });

  it('refuses, before sending anything, what the desk would refuse, naming the file and the limit', async () => {
    const element = await uploadWidget(
      html`<dvc-attachment-upload api=${servers.api} max-size="4096" multiple max-files="2"></dvc-attachment-upload>`,
    );
    const errors: string[] = [];
    element.addEventListener('dvc-upload-error', (event) => errors.push(event.detail.message));
    choose(
      element,
      new File([], 'trong.pdf', { type: 'application/pdf' }),
      pdf('qua-lon.pdf', 10_000),
      new File(['MZ'], 'chuong-trinh.exe', { type: 'application/x-msdownload' }),
      renamedExe(),
    );
    await until(() => errors.length === 4, `refusals: ${errors.join(' | ')}`);
    expect(errors[0]).to.include('“trong.pdf” trống');
    expect(errors[1]).to.include('“qua-lon.pdf” vượt quá dung lượng tối đa 4 kB');
    expect(errors[2]).to.include('“chuong-trinh.exe” không thuộc định dạng được nhận (PDF, JPEG, PNG)');
    expect(errors[3]).to.include('Nội dung tệp “giay-khai-sinh.pdf” không đúng');
    expect(rows(element)).to.have.length(0);
    // Focus goes to the first refusal, so a screen reader reads it and a keyboard user is next to it.
    expect(element.shadowRoot!.activeElement?.textContent).to.include('trong.pdf');
    await expect(element).to.be.accessible();
  });

  it('counts files and refuses the same file twice', async () => {
    const element = await uploadWidget(
      html`<dvc-attachment-upload api=${servers.api} multiple max-files="2"></dvc-attachment-upload>`,
    );
    const first = pdf('a.pdf');
    choose(element, first, pdf('a.pdf'));
    await until(() => textOf(element).includes('đã được chọn rồi'), 'duplicate accepted');
    choose(element, png('anh.png'), pdf('c.pdf'));
    await until(() => textOf(element).includes('tối đa 2 tệp'), 'third file accepted');
    await until(
      () => rows(element).length === 2 && rows(element).every((row) => row.classList.contains('done')),
      'uploads did not finish',
    );
    expect(rows(element)[1]!.querySelector('img[part="thumbnail"]')).not.to.equal(null);
    // A PDF has no picture: its kind is shown instead of an empty square.
    expect(rows(element)[0]!.querySelector('.icon')!.textContent).to.equal('pdf');
    expect(getComputedStyle(rows(element)[0]!.querySelector('.icon')!).textTransform).to.equal('uppercase');
  });

  it('does not offer drag and drop where nothing can hover (a phone; headless Chromium has no mouse either)', async () => {
    const element = await uploadWidget(html`<dvc-attachment-upload api=${servers.api}></dvc-attachment-upload>`);
    expect(matchMedia('(hover: none)').matches, 'this browser has a mouse').to.equal(true);
    expect($(element, '.drop-hint')!.checkVisibility()).to.equal(false);
    expect($(element, '[part="picker-button"], button')!.checkVisibility()).to.equal(true);
  });

  it('pauses and resumes, with buttons named after the file they act on', async () => {
    const element = await uploadWidget(
      html`<dvc-attachment-upload api=${faultyApi('hold-upload')}></dvc-attachment-upload>`,
    );
    choose(element, pdf('ban-sao.pdf', 4 * 1024 * 1024));
    await until(() => /Đang tải lên [1-9]/.test(statusOf(element)), 'no progress', 8000);
    const pause = $$<HTMLButtonElement>(element, '[part="file"] button').find(
      (button) => button.textContent!.trim() === 'Tạm dừng',
    )!;
    expect(pause.getAttribute('aria-label')).to.equal('Tạm dừng tải lên ban-sao.pdf');
    pause.click();
    await until(() => statusOf(element).startsWith('4 MB · Đã tạm dừng'), `not paused: ${statusOf(element)}`);
    const resume = $$<HTMLButtonElement>(element, '[part="file"] button').find(
      (button) => button.textContent!.trim() === 'Tiếp tục',
    )!;
    expect(resume.getAttribute('aria-label')).to.equal('Tiếp tục tải lên ban-sao.pdf');
    await expect(element).to.be.accessible();
    resume.click();
    await until(() => statusOf(element).includes('Đã tải lên'), 'did not finish after resuming', 15000);
  });

  it('keeps the form from being sent while a file is paused, and says why', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><dvc-attachment-upload api=${faultyApi('hold-upload')} name="f"></dvc-attachment-upload></form>`,
    );
    const element = form.querySelector('dvc-attachment-upload')!;
    await until(() => $(element, '[part="choose-button"]'), 'no render');
    choose(element, pdf('dang-do.pdf', 3 * 1024 * 1024));
    await until(() => /Đang tải lên/.test(statusOf(element)), 'not uploading');
    expect(form.checkValidity(), 'while uploading').to.equal(false);
    const pause = $$<HTMLButtonElement>(element, '[part="file"] button').find(
      (button) => button.textContent!.trim() === 'Tạm dừng',
    )!;
    pause.focus();
    pause.click();
    await until(() => statusOf(element).includes('Đã tạm dừng'), 'not paused');
    // The button that paused now resumes, and keeps the focus.
    expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Tiếp tục');
    expect(form.checkValidity(), 'while paused').to.equal(false);
    expect(element.validationMessage).to.include('Còn tệp chưa tải lên xong');
  });

  it('resumes the same upload after a reload, remembering nothing personal', async () => {
    const file = pdf('giay-chung-sinh.pdf', 4 * 1024 * 1024);
    const template = html`<dvc-attachment-upload api=${faultyApi('hold-upload')} draft="ho-so-thu-nghiem-0001"></dvc-attachment-upload>`;
    const first = await uploadWidget(template);
    choose(first, file);
    // Stopped once the server has created the upload and taken the first chunk (its address is then kept).
    await until(
      () => Object.keys(sessionStorage).some((key) => key.startsWith('dvc-upload:')),
      'no upload address kept',
      5000,
    );
    $$<HTMLButtonElement>(first, '[part="file"] button')
      .find((button) => button.textContent!.trim() === 'Tạm dừng')!
      .click();
    await until(() => statusOf(first).includes('Đã tạm dừng'), 'not paused');
    // What is kept for resuming: the upload's address, in sessionStorage (gone with the tab), under a hashed key.
    const kept = Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-upload:'));
    expect(kept).to.have.length(1);
    const address = (JSON.parse(sessionStorage.getItem(kept[0]!)!) as { uploadUrl: string }).uploadUrl;
    const everything = JSON.stringify({ ...sessionStorage, ...localStorage });
    expect(everything).not.to.include('giay-chung-sinh');
    // The page goes away in the middle (the element is removed, as on a reload), and the file is chosen again.
    first.remove();
    const second = await uploadWidget(template);
    setTimeout(() => choose(second, file));
    const { detail } = await oneEvent(second, 'dvc-upload-complete');
    expect(address.endsWith(`/${detail.id}`), 'the same upload was continued, not a new one').to.equal(true);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('dvc-upload:'))).to.have.length(0);
  });

  it('names files as people wrote them (NFC), with path-like or odd names, and shows them as text', async () => {
    const element = await uploadWidget();
    choose(element, pdf('../../giấy khai sinh.pdf'.normalize('NFD')), pdf('<img src=x onerror=alert(1)>.pdf'));
    await until(
      () => rows(element).length === 2 && rows(element).every((row) => row.classList.contains('done')),
      'not uploaded',
    );
    const names = rows(element).map((row) => row.querySelector('.name')!.textContent);
    expect(names[0]).to.equal('../../giấy khai sinh.pdf'.normalize('NFC'));
    expect(names[1]).to.equal('<img src=x onerror=alert(1)>.pdf');
    expect($(element, '.name img')).to.equal(null);
  });

  it('removes a file from the list and from the server, says so, and gives focus back to the picker', async () => {
    const element = await uploadWidget();
    setTimeout(() => choose(element, pdf('xoa-toi.pdf')));
    const { detail } = await oneEvent(element, 'dvc-upload-complete');
    // Alone on the page, the element keeps its draft and the draft's upload secret for the tab.
    const draft = sessionStorage.getItem(`dvc-upload-draft:${location.pathname}:${element.name}`)!;
    const secret = sessionStorage.getItem(`dvc-upload-secret:${draft}`)!;
    const onServer = (withSecret = secret) =>
      fetch(`${servers.api}/uploads/${detail.id}`, {
        method: 'HEAD',
        headers: { 'Tus-Resumable': '1.0.0', 'Dvc-Upload-Secret': withSecret },
      });
    expect((await onServer()).status).to.equal(200);
    expect((await onServer('A'.repeat(43))).status, "another browser's secret opens nothing").to.equal(404);
    const remove = $$<HTMLButtonElement>(element, '[part="file"] button').find(
      (button) => button.getAttribute('aria-label') === 'Xóa xoa-toi.pdf',
    )!;
    remove.click();
    await until(() => rows(element).length === 0, 'not removed');
    await until(() => $(element, '[role="status"]')!.textContent === 'Đã xóa xoa-toi.pdf', 'removal not announced');
    expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('choose-button');
    await until(async () => [404, 410].includes((await onServer()).status), 'the removed file is still on the server');
  });

  it('goes on uploading when it is moved on the page', async () => {
    // Held, so that the upload is still under way when the widget moves, however fast the machine.
    const element = await uploadWidget(
      html`<dvc-attachment-upload api=${faultyApi('hold-upload')}></dvc-attachment-upload>`,
    );
    choose(element, pdf('di-chuyen.pdf', 3 * 1024 * 1024));
    await until(() => /Đang tải lên/.test(statusOf(element)), 'not uploading');
    // A page script (or a framework) moves the widget: it leaves the document and comes back.
    element.parentElement!.append(document.createElement('div'), element);
    await until(() => statusOf(element).includes('Đã tải lên'), 'the upload stopped when the element moved', 15000);
  });

  it('speaks English, and takes its backend from <dvc-provider>', async () => {
    const provider = await fixture(
      html`<dvc-provider api=${servers.api} lang="en"><dvc-attachment-upload></dvc-attachment-upload></dvc-provider>`,
    );
    await import('../../src/provider.js');
    const element = provider.querySelector('dvc-attachment-upload')!;
    await until(() => $(element, '[part="choose-button"]')?.textContent?.trim() === 'Choose files', 'not English');
    choose(element, pdf('birth.pdf'));
    await until(() => statusOf(element).includes('Uploaded'), 'not uploaded through the provider');
    await expect(element).to.be.accessible();
  });

  it('takes files dropped on it', async () => {
    const element = await uploadWidget();
    const transfer = new DataTransfer();
    transfer.items.add(pdf('keo-tha.pdf'));
    const zone = $(element, '[part="dropzone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await until(() => textOf(element).includes('Thả tệp vào đây để tải lên'), 'no drop feedback');
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await until(() => rows(element)[0]?.classList.contains('done'), 'dropped file not uploaded');
  });

  it('refuses a 1 GB file at once, without reading or sending it', async () => {
    const element = await uploadWidget();
    const huge = pdf('video-1gb.pdf');
    Object.defineProperty(huge, 'size', { value: 1024 ** 3 });
    const refused = oneEvent(element, 'dvc-upload-error');
    choose(element, huge);
    expect((await refused).detail.message).to.include('“video-1gb.pdf” vượt quá dung lượng tối đa 10 MB');
    expect(rows(element)).to.have.length(0);
  });

  it('explains a server refusal (413, 415, a full draft, an address over its quota, a virus) and offers no pointless retry', async () => {
    for (const [fault, text] of [
      ['refuse-413', '“a.pdf” vượt quá dung lượng tối đa máy chủ nhận'],
      ['refuse-415', 'Nội dung tệp “a.pdf” không đúng'],
      ['refuse-draft', 'Không thêm được “a.pdf”: tổng dung lượng các tệp của hồ sơ đã đến mức tối đa'],
      ['refuse-address', 'Chưa nhận được “a.pdf”: mạng bạn đang dùng đã tải lên nhiều tệp chưa nộp'],
      ['refuse-infected', 'Tệp “a.pdf” có chứa vi-rút hoặc mã độc nên đã bị loại bỏ'],
    ] as const) {
      const element = await uploadWidget(html`<dvc-attachment-upload api=${faultyApi(fault)}></dvc-attachment-upload>`);
      const failed = oneEvent(element, 'dvc-upload-error');
      choose(element, pdf('a.pdf'));
      expect((await failed).detail.message, fault).to.include(text);
      await until(() => rows(element)[0]?.classList.contains('failed'), 'not shown as failed');
      expect(rows(element)[0]!.textContent).not.to.include('Thử lại');
      await expect(element).to.be.accessible();
    }
  });

  it('gets through a 500 and a dropped connection by retrying by itself', async () => {
    for (const fault of ['fail-once', 'drop-once'] as const) {
      const element = await uploadWidget(html`<dvc-attachment-upload api=${faultyApi(fault)}></dvc-attachment-upload>`);
      const file = pdf('qua-mang-yeu.pdf', 3 * 1024 * 1024);
      setTimeout(() => choose(element, file));
      const { detail } = await oneEvent(element, 'dvc-upload-complete');
      expect(detail.size, fault).to.equal(file.size);
    }
  });

  it('announces progress at a few steps and the end once, not at every percent', async () => {
    const element = await uploadWidget(
      html`<dvc-attachment-upload api=${faultyApi('slow-upload')}></dvc-attachment-upload>`,
    );
    const said: string[] = [];
    new MutationObserver(() => said.push($(element, '[role="status"]')!.textContent!)).observe(
      $(element, '[role="status"]')!,
      {
        childList: true,
        characterData: true,
        subtree: true,
      },
    );
    choose(element, pdf('thong-bao.pdf', 3 * 1024 * 1024));
    await until(() => statusOf(element).includes('Đã tải lên'), 'did not finish', 15000);
    await until(() => said.includes('Đã tải lên xong thong-bao.pdf'), 'end not announced');
    const spoken = said.filter(Boolean);
    expect(spoken.filter((text) => text === 'Đã tải lên xong thong-bao.pdf')).to.have.length(1);
    expect(spoken.length).to.be.at.most(4);
    expect(spoken.every((text) => /: đã tải lên (25|50|75)%$|^Đã tải lên xong/.test(text))).to.equal(true);
  });

  it('is disabled with its fieldset, and takes long or odd file names', async () => {
    const fieldset = await fixture<HTMLFieldSetElement>(
      html`<fieldset disabled><dvc-attachment-upload api=${servers.api} multiple></dvc-attachment-upload></fieldset>`,
    );
    const element = fieldset.querySelector('dvc-attachment-upload')!;
    await until(
      () => $<HTMLButtonElement>(element, '[part="choose-button"]')?.disabled,
      'not disabled with its fieldset',
    );
    fieldset.disabled = false;
    await until(() => !$<HTMLButtonElement>(element, '[part="choose-button"]')!.disabled, 'not enabled again');
    const long = `${'giấy tờ rất dài '.repeat(20)}.pdf`;
    choose(element, pdf(long), pdf('tab\there\u0007bell.pdf'));
    await until(
      () => rows(element).length === 2 && rows(element).every((row) => row.classList.contains('done')),
      'not uploaded',
    );
  });

  it('scales a large phone photo down before sending it', async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 4000, height: 3000 });
    const context = canvas.getContext('2d')!;
    for (let x = 0; x < 4000; x += 50) {
      context.fillStyle = `hsl(${x % 360} 70% 50%)`;
      context.fillRect(x, 0, 50, 3000);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.95));
    const photo = new File([blob], 'anh-chup.jpg', { type: 'image/jpeg' });
    const element = await uploadWidget();
    setTimeout(() => choose(element, photo));
    const { detail } = await oneEvent(element, 'dvc-upload-complete');
    expect(detail.size).to.be.lessThan(photo.size);
    expect(rows(element)[0]!.querySelector('img[part="thumbnail"]')).not.to.equal(null);
  });

  it('says plainly when it has no backend', async () => {
    const element = await fixture<DvcAttachmentUpload>(html`<dvc-attachment-upload></dvc-attachment-upload>`);
    await until(() => $(element, '[part="error"]'), 'no message');
    expect(textOf(element)).to.include('thuộc tính api');
  });
});
