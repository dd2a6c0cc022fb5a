/**
 * Every step and state of `<dvc-dossier-form>`, on the in-browser demo
 * backend (`DemoAdapter` with `demoDossiers`): the real form definitions of
 * the reference backend, today's provinces and communes, and a filing that
 * answers a receipt or fails on demand. Stories that open at a later step
 * seed a draft in sessionStorage and continue it from the restore offer.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { shadowPart } from './support.js';
import {
  click,
  type FormArgs,
  formMeta,
  headingIs,
  resume,
  TAG,
  toFormStep,
  typeInto,
} from './fixtures/dossier-form-setup.js';

const meta = { ...formMeta, title: 'Widgets/Dossier form' } satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

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

export const CommuneFinder: Story = {
  name: 'Address: a commune found by typing part of its name, without diacritics (126 in Hà Nội)',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    const province = await shadowPart<HTMLSelectElement>(canvasElement, TAG, '#f-applicant_address-province');
    await waitFor(() => expect(province.options.length).toBeGreaterThan(1));
    province.value = '01';
    province.dispatchEvent(new Event('change'));
    // The box waits, disabled, for the province's communes.
    const box = await shadowPart<HTMLInputElement>(canvasElement, TAG, '#f-applicant_address-find');
    await waitFor(() => expect(box.disabled).toBe(false));
    await typeInto(canvasElement, '#f-applicant_address-find', 'ba dinh');
    const communes = await shadowPart<HTMLSelectElement>(canvasElement, TAG, '#f-applicant_address-commune');
    await waitFor(() => expect(communes.options.length).toBeLessThan(5));
    await expect([...communes.options].map((option) => option.text)).toContain('Phường Ba Đình');
    const found = await shadowPart(canvasElement, TAG, '#f-applicant_address-find ~ [role="status"]');
    await expect(found.textContent).toMatch(/^Tìm thấy \d xã, phường$/);
  },
};

export const DateDayFirst: Story = {
  name: 'Dates: typed day first (4.3.1992 shown 04/03/1992 once left, whatever the browser’s locale)',
  play: async ({ canvasElement }) => {
    await headingIs(canvasElement, 'Thông tin người nộp hồ sơ');
    const box = await typeInto(canvasElement, '#f-applicant_birthDate', '4.3.1992');
    // Kept as typed while the citizen types; tidied when they leave the box.
    await expect(box.value).toBe('4.3.1992');
    box.dispatchEvent(new Event('change'));
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

export const FatherFiles: Story = {
  name: 'Step 2: the father files (his details from step 1)',
  args: { draftStep: 1 },
  play: async ({ canvasElement }) => {
    await toFormStep(canvasElement);
    // "Ông, bà", then "Cha": the father's boxes take the applicant's answers as "Cha" is chosen.
    await click(canvasElement, '#f-answers_quan-he-2');
    await click(canvasElement, '#f-answers_quan-he-0');
    await click(canvasElement, '#f-answers_co-cha-0');
    const father = await shadowPart(canvasElement, TAG, 'section[aria-labelledby="sec-cha"]');
    await waitFor(() => expect(father.textContent).toContain('đã được điền sẵn theo thông tin người nộp hồ sơ'));
    const name = await shadowPart<HTMLInputElement>(canvasElement, TAG, '#f-answers_cha-ho-ten');
    await expect(name.value).toBe('Nguyễn Văn An');
    father.scrollIntoView();
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
  name: 'Phone width (320 px): “Bước 4/4” for the list of steps',
  args: { draftStep: 3 },
  decorators: [(story) => html`<div style="width: 320px; outline: 1px dashed #6b7280">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    const step = await shadowPart(canvasElement, TAG, '.step-of');
    await expect(step.checkVisibility()).toBe(true);
    await expect(step.textContent).toBe('Bước 4/4: Kiểm tra lại');
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
