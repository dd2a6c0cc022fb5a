/**
 * Every step and state of `<dvc-dossier-form>`, on the in-browser demo
 * backend (`DemoAdapter` with `demoDossiers`): the real form definitions of
 * the reference backend, today's provinces and communes, and a filing that
 * answers a receipt or fails on demand. Stories that open at a later step
 * seed a draft in sessionStorage and continue it from the restore offer.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { SubmitOptions } from '../src/api/adapter.js';
import type { Commune, DossierReceipt, DossierSubmission, FormDefinition } from '../src/api/contract/index.js';
import { DemoAdapter, type DemoAdapterOptions } from './adapters/demo-adapter.js';
import { demoDossiers, type DemoSubmitFailure } from './adapters/demo-dossiers.js';
import '../src/dossier-form.js';
import { servedForm } from '../demo/server/catalogue/cases.js';
import { agencies, procedures as catalogueEntries } from '../demo/server/catalogue/seed/catalogue.js';
import { COMMUNES, PROVINCES } from '../demo/server/units/data.js';
import { filledDraft, seedDraft } from './fixtures/dossier-drafts.js';
import { storyForms } from './fixtures/form-definitions.js';
import { seedCatalogue, shadowPart } from './support.js';

const TAG = 'dvc-dossier-form';

const communes = new Map<string, Commune[]>();
for (const [code, province, name] of COMMUNES) {
  if (!communes.has(province)) communes.set(province, []);
  communes.get(province)!.push({ code, name });
}

/**
 * The forms as the reference backend serves them, by the backend's own
 * `servedForm`: with the procedure's name and, where it has several cases
 * filed online, those cases to choose from.
 */
const servedForms: FormDefinition[] = [...storyForms.byId].map(([id, form]) => {
  const entry = catalogueEntries.find(({ code }) => code === form.procedure)!;
  return servedForm(
    entry,
    entry.cases.find((item) => item.form === id)!,
    form,
  );
});

/** A definition whose field type no widget knows: the broken-definition state. */
const brokenForm = {
  ...storyForms.byId.get('khai-sinh')!,
  procedure: '9.000001',
  sections: [{ id: 'x', title: 'X', fields: [{ id: 'chu-ky', type: 'signature', label: 'Chữ ký' }] }],
};

/** Filing that never answers: the sending state. */
class NeverAnswers extends DemoAdapter {
  override submitDossier(_submission: DossierSubmission, _options: SubmitOptions): Promise<DossierReceipt> {
    return new Promise(() => {});
  }
}

interface FormArgs {
  procedure: string;
  lang: '' | 'vi' | 'en';
  /** The step of a draft kept from an earlier visit (-1: none). */
  draftStep: number;
  failSubmit: '' | DemoSubmitFailure | 'never';
  loading: boolean;
  lookupKind: 'applicant-id' | 'lookup-code';
}

/** The sample commune's desk, as the reference backend's receipt gives it from the catalogue. */
const commune = agencies.find(({ code }) => code === '000.00.01.H99')!;
const desk = {
  name: commune.name,
  ...(commune.address && { address: commune.address }),
  ...(commune.phone && { phone: commune.phone }),
  ...(commune.openingHours && { openingHours: commune.openingHours }),
};
/** The seeded draft's files, by upload id, for the receipt's list of documents. */
const fileNames = new Map(
  Object.values(filledDraft(3).uploads)
    .flat()
    .map((upload) => [upload.id, upload.name] as const),
);

function adapterFor(args: FormArgs): DemoAdapter {
  const options: DemoAdapterOptions = {
    latencyMs: 150,
    pendingForever: args.loading,
    uploads: { bytesPerSecond: 50_000_000 },
    dossiers: demoDossiers({
      provinces: PROVINCES.map(([code, name]) => ({ code, name })),
      communes,
      forms: [...servedForms, brokenForm as unknown as FormDefinition],
      notOnline: ['1.000689'],
      ...(args.failSubmit && args.failSubmit !== 'never' && { failSubmit: args.failSubmit }),
      lookupKind: args.lookupKind,
      desk,
      fileNames,
    }),
  };
  return args.failSubmit === 'never'
    ? new NeverAnswers(seedCatalogue, options)
    : new DemoAdapter(seedCatalogue, options);
}

const render = (args: FormArgs) => {
  seedDraft(args.draftStep >= 0 ? filledDraft(args.draftStep) : undefined);
  return html`<dvc-dossier-form .adapter=${adapterFor(args)} procedure=${args.procedure} lang=${args.lang || nothing}
    lookup-url="/tra-cuu" procedure-url="/thu-tuc" no-history></dvc-dossier-form>`;
};

const meta = {
  title: 'Widgets/Dossier form',
  component: TAG,
  render,
  args: { procedure: '1.001193', lang: '', draftStep: -1, failSubmit: '', loading: false, lookupKind: 'applicant-id' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'vi', 'en'] },
    failSubmit: {
      control: 'select',
      options: ['', 'network', 'timeout', 'too-large', 'version-changed', 'validation', 'never'],
    },
    lookupKind: { control: 'inline-radio', options: ['applicant-id', 'lookup-code'] },
  },
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

const headingIs = async (canvas: HTMLElement, text: string) =>
  waitFor(async () => expect((await shadowPart(canvas, TAG, '#step-heading')).textContent?.trim()).toBe(text), {
    timeout: 5000,
  });

const click = async (canvas: HTMLElement, selector: string) =>
  (await shadowPart<HTMLButtonElement>(canvas, TAG, selector)).click();

/** Types `text` into the box `selector` names, as a citizen does. */
async function typeInto(canvas: HTMLElement, selector: string, text: string): Promise<HTMLInputElement> {
  const box = await shadowPart<HTMLInputElement>(canvas, TAG, selector);
  box.value = text;
  box.dispatchEvent(new Event('input'));
  return box;
}

/** Continues the seeded draft from the restore offer. */
async function resume(canvas: HTMLElement): Promise<void> {
  await headingIs(canvas, 'Bạn có hồ sơ đang khai dở');
  await click(canvas, '.buttons button.primary');
}

/** On the form step, with the seeded draft. */
async function toFormStep(canvas: HTMLElement): Promise<void> {
  await resume(canvas);
  await headingIs(canvas, 'Tờ khai đăng ký khai sinh');
}

/** On the review step, with the seeded draft, then "Gửi hồ sơ". */
async function send(canvas: HTMLElement): Promise<void> {
  await resume(canvas);
  await headingIs(canvas, 'Kiểm tra lại thông tin');
  await click(canvas, '[part="send-button"]');
}

export const Applicant: Story = {
  name: 'Step 1: applicant',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    await shadowPart(canvasElement, TAG, '[aria-current="step"]');
  },
};

export const CaseChoice: Story = {
  name: 'Step 1: the case asked first (several cases filed online)',
  args: { procedure: '1.004873' },
  play: async ({ canvasElement }) => {
    await shadowPart(canvasElement, TAG, '[data-path="case"]');
    await shadowPart(canvasElement, TAG, '[part="procedure-name"]');
  },
};

export const ErrorSummary: Story = {
  name: 'Errors: summary and fields',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    await click(canvasElement, '[part="next-button"]');
    const summary = await shadowPart(canvasElement, TAG, '.error-summary');
    await expect(summary.textContent).toContain('Vui lòng nhập “Họ, chữ đệm và tên”.');
    await shadowPart(canvasElement, TAG, '[aria-invalid="true"]');
  },
};

export const ErrorFixed: Story = {
  name: 'Errors: one fixed (gone at once, its room kept until “Tiếp tục”)',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    await click(canvasElement, '[part="next-button"]');
    await shadowPart(canvasElement, TAG, '.error-summary');
    await click(canvasElement, '[data-path="applicant.sex"] input');
    const line = await shadowPart(canvasElement, TAG, '[data-path="applicant.sex"] .error-text.settled');
    await expect(line.checkVisibility({ visibilityProperty: true })).toBe(false);
    await shadowPart(canvasElement, TAG, '.error-summary li.settled');
  },
};

export const ErrorAddressPart: Story = {
  name: 'Errors: an address missing only its commune, a mobile number with a wrong prefix',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    await typeInto(canvasElement, '#f-applicant_address-street', 'Số 5 ngõ 12 phố Hàng Bông');
    const province = await shadowPart<HTMLSelectElement>(canvasElement, TAG, '#f-applicant_address-province');
    await waitFor(() => expect(province.options.length).toBeGreaterThan(1));
    province.value = province.options[1]!.value;
    province.dispatchEvent(new Event('change'));
    await typeInto(canvasElement, '#f-applicant_phone', '0123 456 789');
    await click(canvasElement, '[part="next-button"]');
    const summary = await shadowPart(canvasElement, TAG, '.error-summary');
    await waitFor(() => expect(summary.textContent).toContain('Vui lòng chọn “Xã, phường, đặc khu” của “Nơi cư trú”.'));
    await expect(summary.textContent).toContain('số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09');
  },
};

export const DateDayFirst: Story = {
  name: 'Dates: typed day first (4.3.1992 shown 04/03/1992, whatever the browser’s locale)',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    const box = await typeInto(canvasElement, '#f-applicant_birthDate', '4.3.1992');
    await waitFor(() => expect(box.value).toBe('04/03/1992'));
    await expect(box.getAttribute('aria-describedby')).toBe('f-applicant_birthDate-hint');
  },
};

export const DateErrors: Story = {
  name: 'Dates: a part missing (27/3), a date that does not exist (31/02)',
  args: { draftStep: 1 },
  play: async ({ canvasElement }) => {
    await toFormStep(canvasElement);
    await typeInto(canvasElement, '#f-answers_me-ngay-sinh', '31/02/1992');
    await typeInto(canvasElement, '#f-answers_ngay-sinh', '27/3');
    await click(canvasElement, '[part="next-button"]');
    const summary = await shadowPart(canvasElement, TAG, '.error-summary');
    await waitFor(() => expect(summary.textContent).toContain('cần có đủ ngày, tháng và năm.'));
    await expect(summary.textContent).toContain('không phải là một ngày hợp lệ.');
  },
};

export const RestoreTabOnly: Story = {
  name: 'Restore offer: a draft kept for this tab only',
  args: { draftStep: 1 },
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Bạn có hồ sơ đang khai dở');
    const root = await shadowPart(canvasElement, TAG, '.root');
    await expect(root.textContent).toContain('Hồ sơ được giữ tạm trong thẻ (tab) này lúc');
  },
};

export const FormStep: Story = {
  name: 'Step 2: the form',
  args: { draftStep: 1 },
  play: async ({ canvasElement }) => {
    await toFormStep(canvasElement);
    await shadowPart(canvasElement, TAG, '#sec-nguoi-duoc-khai-sinh');
  },
};

export const Documents: Story = {
  name: 'Step 3: documents',
  args: { draftStep: 2 },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Giấy tờ đính kèm');
    await waitFor(() =>
      expect(
        canvasElement
          .querySelector(TAG)
          ?.shadowRoot?.querySelector('dvc-attachment-upload')
          ?.shadowRoot?.querySelector('.file.done'),
      ).toBeTruthy(),
    );
  },
};

export const Review: Story = {
  name: 'Step 4: review',
  args: { draftStep: 3 },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    const review = await shadowPart(canvasElement, TAG, '.review');
    await expect(review.textContent).toContain('Nguyễn Văn An');
  },
};

export const ReviewFees: Story = {
  name: "Step 4: review, with the case's fees",
  args: { draftStep: 3 },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    const fees = await shadowPart(canvasElement, TAG, 'section[aria-labelledby="review-fees"]');
    fees.scrollIntoView();
    await expect(fees.textContent).toContain('Lệ phí đăng ký khai sinh quá hạn (nộp hồ sơ trực tuyến): 4.000');
    await expect(fees.textContent).toContain('Nộp khi nhận kết quả');
  },
};

export const Done: Story = {
  name: 'Done: the receipt (applicant, documents, fees, desk, when to pay)',
  args: { draftStep: 3, lookupKind: 'lookup-code' },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await headingIs(canvasElement, 'Đã nộp hồ sơ thành công');
    const code = await shadowPart(canvasElement, TAG, '.lookup-code');
    await expect(code.textContent).toContain('Mã tra cứu');
    const receipt = await shadowPart(canvasElement, TAG, '[part="receipt"]');
    for (const part of [
      'Người nộp hồ sơNguyễn Văn An',
      'giay-chung-sinh.pdf',
      'Phí, lệ phí',
      'Nơi tiếp nhận và trả kết quả',
      commune.phone!,
      'Nộp phí, lệ phí (nếu có) ghi trên phiếu này tại Bộ phận Một cửa khi nhận kết quả.',
    ])
      await expect(receipt.textContent).toContain(part);
  },
};

export const DoneEnglish: Story = {
  name: 'Done: the receipt, in English',
  args: { draftStep: 3, lang: 'en' },
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'You have an unfinished application');
    await click(canvasElement, '.buttons button.primary');
    await headingIs(canvasElement, 'Check your answers');
    await click(canvasElement, '[part="send-button"]');
    await headingIs(canvasElement, 'Application sent');
    const receipt = await shadowPart(canvasElement, TAG, '[part="receipt"]');
    for (const part of [
      'ApplicantNguyễn Văn An',
      'Documents submitted',
      'Fees and charges',
      'Where to go and whom to call',
    ])
      await expect(receipt.textContent).toContain(part);
  },
};

export const Sending: Story = {
  args: { draftStep: 3, failSubmit: 'never' },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    const button = await shadowPart(canvasElement, TAG, '[part="send-button"][aria-disabled="true"]');
    await expect(button.textContent?.trim()).toBe('Đang gửi…');
  },
};

export const SendFailed: Story = {
  name: 'Send failed (connection lost)',
  args: { draftStep: 3, failSubmit: 'network' },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    const error = await shadowPart(canvasElement, TAG, '.send-error');
    await expect(error.textContent).toContain('Chưa gửi được hồ sơ.');
  },
};

export const RestoreOffer: Story = {
  name: 'A kept draft offered back',
  args: { draftStep: 2 },
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Bạn có hồ sơ đang khai dở');
    await shadowPart(canvasElement, TAG, '.buttons button.primary');
  },
};

export const TwoTabs: Story = {
  name: 'Open in another tab',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    // What another tab filling the same procedure says.
    const channel = new BroadcastChannel('dvc-dossier-form');
    channel.postMessage({ type: 'save', procedure: '1.001193', tab: 'another-tab' });
    channel.close();
    const warning = await shadowPart(canvasElement, TAG, '.conflict');
    await expect(warning.textContent).toContain('thẻ (tab) khác');
  },
};

export const NotOnline: Story = {
  name: 'Not filed online',
  args: { procedure: '1.000689' },
  play: async ({ canvasElement }) => {
    const notice = await shadowPart(canvasElement, TAG, '[part="error"] a');
    await expect(notice.textContent).toBe('Xem thông tin thủ tục');
  },
};

export const NotFound: Story = {
  name: 'Procedure not found',
  args: { procedure: '9.999999' },
  play: async ({ canvasElement }) => {
    const notice = await shadowPart(canvasElement, TAG, '[part="error"]');
    await expect(notice.textContent).toContain('Không tìm thấy thủ tục này');
  },
};

export const BrokenDefinition: Story = {
  name: 'Broken form definition',
  args: { procedure: '9.000001' },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    const notice = await shadowPart(canvasElement, TAG, '[part="error"]');
    await expect(notice.textContent).toContain('Biểu mẫu của thủ tục này đang bị lỗi');
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    const line = await shadowPart(canvasElement, TAG, '.loading');
    await expect(line.textContent).toBe('Đang tải biểu mẫu…');
  },
};

export const PhoneWidth: Story = {
  name: 'Phone width (320 px)',
  args: { draftStep: 3 },
  decorators: [(story) => html`<div style="width: 320px; outline: 1px dashed #6b7280">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    const root = await shadowPart(canvasElement, TAG, '[part="base"]');
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'About the applicant');
    await click(canvasElement, '[part="next-button"]');
    const summary = await shadowPart(canvasElement, TAG, '.error-summary');
    await expect(summary.textContent).toContain('Enter “Full name”.');
  },
};
