/**
 * What the tests of <dvc-dossier-form> share: the real khai sinh procedure, a
 * citizen's answers typed, chosen and attached as a citizen would, and an
 * adapter over the real backend that counts filings and can change the form.
 */
import { aTimeout, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { DossierSubmission, FormDefinition } from '../../src/api/contract/index.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import type { DvcAttachmentUpload } from '../../src/attachment-upload.js';
import type { Draft } from '../../src/components/dossier-form/draft.js';
import type { DvcDossierForm } from '../../src/dossier-form.js';
import '../../src/dossier-form.js';
import { $, $$, servers, until } from './fixtures.js';

export const KHAI_SINH = '1.001193';
const PDF_HEAD = '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n';
export const pdf = (name: string, size = 2048) =>
  new File([PDF_HEAD, 'x'.repeat(size - PDF_HEAD.length)], name, { type: 'application/pdf' });

/** A day a few days ago, in Vietnam: a birth the desk accepts. */
export const daysAgo = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

export const id = (path: string) => `#f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;
export const heading = (element: Element) => $(element, '#step-heading')?.textContent?.trim() ?? '';
/** Shown to the eye and to screen readers: a settled line keeps its room but is neither (`visibility: hidden`). */
export const visible = (node: Element | null | undefined): node is Element =>
  Boolean(node?.checkVisibility({ visibilityProperty: true }));
export const summaryLinks = (element: Element) =>
  $$<HTMLAnchorElement>(element, '.error-summary a').filter((link) => visible(link));
export const fieldError = (element: Element, path: string) => {
  const line = $(element, `[data-path="${path}"] .error-text`);
  return visible(line) ? (line.textContent?.replace(/\s+/g, ' ').trim() ?? '') : '';
};
/** Where a control's top edge is in the widget (scrolling aside): whether it moved under a finger. */
export const topOf = (element: Element, selector: string) =>
  $(element, selector)!.getBoundingClientRect().top - element.getBoundingClientRect().top;
export const activeId = (element: Element) => element.shadowRoot!.activeElement?.id ?? '';

export function type(element: Element, path: string, value: string): void {
  const input = $<HTMLInputElement>(element, id(path));
  if (!input) throw new Error(`no input for ${path}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Types an ISO date into a date field day first, as the citizen does: `1992-3-4` as "4/3/1992". */
export const typeDate = (element: Element, path: string, iso: string): void =>
  type(element, path, iso.split('-').reverse().join('/'));

export async function pick(element: Element, selector: string, value: string): Promise<void> {
  await until(
    () =>
      $<HTMLSelectElement>(element, selector) &&
      !$<HTMLSelectElement>(element, selector)!.disabled &&
      [...$<HTMLSelectElement>(element, selector)!.options].some((option) => option.value === value),
    `no option ${value} in ${selector}`,
  );
  const select = $<HTMLSelectElement>(element, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses the radio or check box of `path` whose label is `label`. */
export function choose(element: Element, path: string, label: string): void {
  const box = $(element, `[data-path="${path}"]`);
  const option = [...(box?.querySelectorAll('.choice') ?? [])].find(
    (choice) => choice.querySelector('label')!.textContent!.trim() === label,
  );
  if (!option) throw new Error(`no choice ${label} for ${path}`);
  option.querySelector('input')!.click();
}

export async function fillAddress(element: Element, path: string, street = 'Số 5 ngõ 12 phố Hàng Bông'): Promise<void> {
  const streetInput = $<HTMLInputElement>(element, `${id(path)}-street`)!;
  streetInput.value = street;
  streetInput.dispatchEvent(new Event('input'));
  await pick(element, `${id(path)}-province`, '01');
  await pick(element, `${id(path)}-commune`, '00004');
}

export const next = (element: Element) => $<HTMLButtonElement>(element, '[part="next-button"]')!.click();

export async function formWidget(
  template = html`<dvc-dossier-form api=${servers.api} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
) {
  const element = await fixture<DvcDossierForm>(template);
  await until(() => $(element, '#step-heading') || $(element, '[part="error"]'), 'the form did not load', 8000);
  return element;
}

/**
 * A form over a kept draft (written to this tab's storage first), continued
 * from the offer "Tiếp tục hồ sơ đang khai", as a citizen coming back does.
 */
export async function resumedForm(draft: Draft, template: TemplateResult): Promise<DvcDossierForm> {
  sessionStorage.setItem(`dvc-dossier-draft:${draft.procedure}`, JSON.stringify(draft));
  const element = await formWidget(template);
  const resume = () =>
    $$<HTMLButtonElement>(element, 'button').find(
      (button) => button.textContent!.trim() === 'Tiếp tục hồ sơ đang khai',
    );
  await until(resume, 'the draft was not offered back');
  resume()!.click();
  return element;
}

export async function fillApplicant(element: Element): Promise<void> {
  type(element, 'applicant.fullName', 'Nguyễn Văn An');
  typeDate(element, 'applicant.birthDate', '1990-05-12');
  choose(element, 'applicant.sex', 'Nam');
  type(element, 'applicant.personalId', '001 090 012 345');
  type(element, 'applicant.phone', '0912 345 678');
  await fillAddress(element, 'applicant.address');
}

export async function fillForm(element: Element, withFather = false): Promise<void> {
  choose(element, 'answers.quan-he', 'Cha');
  choose(element, 'answers.truong-hop', 'Trẻ em có cha, mẹ hoặc có mẹ');
  type(element, 'answers.ho-ten', 'Nguyễn Minh Khang');
  typeDate(element, 'answers.ngay-sinh', daysAgo(5));
  choose(element, 'answers.gioi-tinh', 'Nam');
  await pick(element, id('answers.dan-toc'), 'kinh');
  type(element, 'answers.quoc-tich', 'Việt Nam');
  type(element, 'answers.noi-sinh', 'Bệnh viện Phụ sản Hà Nội, phường Ngọc Hà, thành phố Hà Nội');
  type(element, 'answers.que-quan', 'Xã Bát Tràng, thành phố Hà Nội');
  await aTimeout(0);
  type(element, 'answers.me-ho-ten', 'Trần Thị Bình');
  typeDate(element, 'answers.me-ngay-sinh', '1992-03-04');
  await pick(element, id('answers.me-dan-toc'), 'kinh');
  type(element, 'answers.me-quoc-tich', 'Việt Nam');
  type(element, 'answers.me-so-dinh-danh', '001192012345');
  await fillAddress(element, 'answers.me-noi-cu-tru');
  choose(element, 'answers.co-cha', withFather ? 'Có' : 'Không');
}

export async function attach(element: Element, slot: string, file: File): Promise<void> {
  const upload = $<DvcAttachmentUpload>(element, `dvc-attachment-upload[slot-id="${slot}"]`)!;
  await until(() => upload.shadowRoot?.querySelector('#picker'), 'the upload widget did not render');
  const input = upload.shadowRoot!.querySelector<HTMLInputElement>('#picker')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await until(
    () => upload.value.some((done) => done.name === file.name),
    `${file.name} did not finish uploading`,
    10000,
  );
}

/** Applicant, form and documents filled, on the review step. */
export async function toReview(element: DvcDossierForm): Promise<void> {
  await fillApplicant(element);
  next(element);
  await until(() => heading(element) === 'Tờ khai đăng ký khai sinh', 'not on the form step');
  await fillForm(element);
  next(element);
  await until(() => heading(element) === 'Giấy tờ đính kèm', 'not on the documents step');
  await attach(element, 'giay-chung-sinh', pdf('giay-chung-sinh.pdf'));
  next(element);
  await onReview(element);
}

/**
 * Waits for the review. Its code comes in a chunk of its own (late-steps.ts), which may arrive after the
 * step's heading ("Đang tải…" until then): the review is there once its send button is.
 */
export const onReview = (element: Element, message = 'not on the review step') =>
  until(() => heading(element) === 'Kiểm tra lại thông tin' && $(element, '[part="send-button"]'), message);

export function confirmAndSend(element: Element): void {
  choose(element, 'delivery.method', 'Nhận trực tiếp tại Bộ phận Một cửa');
  $<HTMLInputElement>(element, '#f-declaration')!.click();
  $<HTMLButtonElement>(element, '[part="send-button"]')!.click();
}

/** An adapter over the real backend that counts filings and can change the form it serves. */
export class SpyAdapter extends RestAdapter {
  submissions = 0;
  keys: string[] = [];
  bodies: DossierSubmission[] = [];
  form?: (real: FormDefinition) => unknown;
  /** The case each form was asked for, and each answered. */
  casesAsked: (string | undefined)[] = [];
  casesAnswered: (string | undefined)[] = [];
  /** Until this settles, the form of a named case does not arrive (a slow network): the test says when. */
  caseFormHeld?: Promise<void>;

  override async getForm(...args: Parameters<RestAdapter['getForm']>) {
    this.casesAsked.push(args[1]);
    if (args[1]) await this.caseFormHeld;
    const real = await super.getForm(...args);
    this.casesAnswered.push(args[1]);
    return (this.form ? this.form(real) : real) as FormDefinition;
  }

  override submitDossier(...args: Parameters<RestAdapter['submitDossier']>) {
    this.submissions += 1;
    this.keys.push(args[1].idempotencyKey);
    this.bodies.push(args[0]);
    return super.submitDossier(...args);
  }
}

/** A definition with a repeating group and every other kind of field, on top of the real khai sinh form. */
export const withGroup = (real: FormDefinition): FormDefinition => ({
  ...real,
  sections: [
    {
      id: 'thanh-vien',
      title: 'Thành viên gia đình',
      fields: [
        {
          id: 'thanh-vien',
          type: 'group',
          label: 'Những người cùng cư trú',
          itemLabel: 'Thành viên',
          maxItems: 3,
          fields: [
            { id: 'ho-ten', type: 'text', label: 'Họ, chữ đệm và tên', required: true },
            { id: 'so-dien-thoai', type: 'phone', label: 'Số điện thoại' },
          ],
        },
        { id: 'so-nguoi', type: 'number', label: 'Số người', integer: true, min: 1, unit: 'người' },
        {
          id: 'ghi-chu',
          type: 'checkboxes',
          label: 'Ghi chú',
          options: [
            { value: 'a', label: 'Một' },
            { value: 'b', label: 'Hai' },
          ],
        },
        { id: 'mst', type: 'tax-code', label: 'Mã số thuế' },
        { id: 'thu', type: 'email', label: 'Thư điện tử' },
      ],
    },
  ],
  documents: [],
});

export const shadowLinks = (element: Element) => element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a');
