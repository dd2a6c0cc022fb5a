/**
 * `<dvc-dossier-form>` from the review on: the review with the case's fees,
 * sending, a send that fails, and the receipt in Vietnamese and English, on
 * the in-browser demo backend (fixtures/dossier-form-setup.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { shadowPart } from './support.js';
import {
  click,
  commune,
  type FormArgs,
  formMeta,
  headingIs,
  lateStepsHeld,
  resume,
  send,
  TAG,
} from './fixtures/dossier-form-setup.js';

const meta = { ...formMeta, title: 'Widgets/Dossier form/Review and receipt' } satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

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

export const ReviewLoading: Story = {
  name: 'Step 4: review, its code still arriving (slow connection)',
  args: { draftStep: 3, lateSteps: 'slow' },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    await lateStepsHeld(canvasElement, 'slow');
    const form = await shadowPart(canvasElement, TAG, 'form');
    await expect(form.textContent).toContain('Đang tải…');
    await expect(form.querySelector('[part="send-button"]')).toBeNull();
  },
};

export const ReviewUnreachable: Story = {
  name: 'Step 4: review, its code not fetched (connection lost), with “Thử lại”',
  args: { draftStep: 3, lateSteps: 'unreachable' },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    await lateStepsHeld(canvasElement, 'unreachable');
    const alert = await shadowPart(canvasElement, TAG, 'form [role="alert"]');
    await expect(alert.textContent).toContain('Không kết nối được với máy chủ dịch vụ');
    // Failing again, the notice is drawn anew: focus goes back to it, so that it is read out again.
    await click(canvasElement, 'form [part="retry-button"]');
    await waitFor(async () => {
      const notice = await shadowPart(canvasElement, TAG, 'form .notice.error');
      await expect(notice.getRootNode()).toHaveProperty('activeElement', notice);
    });
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

export const ReviewPost: Story = {
  name: "Step 4: review, the result by post (to the applicant's address unless changed)",
  args: { draftStep: 3 },
  play: async ({ canvasElement }) => {
    await resume(canvasElement);
    await headingIs(canvasElement, 'Kiểm tra lại thông tin');
    await click(canvasElement, '#f-delivery_method-1');
    const street = await shadowPart<HTMLInputElement>(canvasElement, TAG, '#f-delivery_address-street');
    await expect(street.value).toBe('Số 5 ngõ 12 phố Hàng Bông');
    street.scrollIntoView();
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
