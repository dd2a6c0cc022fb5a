/**
 * Every state of `<dvc-status-lookup>`, on the in-browser DemoAdapter with
 * the dossiers of `fixtures/dossier-views.ts`. A story fills the code through
 * the `code` attribute (as a receipt's link would), and its play function
 * types the secret, looks the dossier up and waits for what it must show,
 * so the a11y check runs on that state and not on the empty form.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { RequestOptions } from '../src/api/adapter.js';
import { BackendError } from '../src/api/errors.js';
import {
  DOSSIER_STATUS_NAMES,
  type DossierLookup,
  type DossierView,
  type ServiceInfo,
} from '../src/api/contract/lookup.js';
import { DemoAdapter } from './adapters/demo-adapter.js';
import { DemoLookup } from './adapters/demo-lookup.js';
import '../src/status-lookup.js';
import {
  CASE_CODE,
  DEMO_LOOKUP_CODE,
  DEMO_SECRET,
  demoCode,
  demoDossiers,
  demoDossiersByLookupCode,
  LATE_CODE,
  LONG_HISTORY_CODE,
  MISSING_CODE,
  UNKNOWN_STATUS_CODE,
} from './fixtures/dossier-views.js';
import { shadowPart } from './support.js';

type LookupBackend = 'demo' | 'lookup-code' | 'rate-limited' | 'slow' | 'not-a-backend';

interface LookupArgs {
  /** Which demo backend answers (the `adapter` property). */
  backend: LookupBackend;
  code: string;
  lang: '' | 'vi' | 'en';
}

const TAG = 'dvc-status-lookup';
const NO_CATALOG = { agencies: [], procedures: [] };

/** A lookup that never answers (until cancelled): the loading state. */
class SlowLookupAdapter extends DemoAdapter {
  override lookupDossier(_request: DossierLookup, options?: RequestOptions): Promise<DossierView> {
    return new Promise((_resolve, reject) =>
      options?.signal?.addEventListener('abort', () =>
        reject(new DOMException('The request was aborted.', 'AbortError')),
      ),
    );
  }
}

/** An `api` address that is some other server: it answers 404 naming nothing, as the REST client then says. */
class NotABackendAdapter extends DemoAdapter {
  override getService(): Promise<ServiceInfo> {
    return Promise.reject(
      new BackendError('config', 'Not a dvc-widgets backend: does `api` lack /api/v1?', { status: 404 }),
    );
  }
}

const adapters: Record<LookupBackend, () => DemoAdapter> = {
  demo: () => new DemoAdapter(NO_CATALOG, { lookup: new DemoLookup(demoDossiers) }),
  'lookup-code': () =>
    new DemoAdapter(NO_CATALOG, { lookup: new DemoLookup(demoDossiersByLookupCode, { secret: 'lookup-code' }) }),
  'rate-limited': () => new DemoAdapter(NO_CATALOG, { lookup: new DemoLookup(demoDossiers, { rateLimitSeconds: 45 }) }),
  slow: () => new SlowLookupAdapter(NO_CATALOG, { lookup: new DemoLookup(demoDossiers) }),
  'not-a-backend': () => new NotABackendAdapter(NO_CATALOG),
};
const made = new Map<LookupBackend, DemoAdapter>();
const adapter = (backend: LookupBackend) => made.get(backend) ?? made.set(backend, adapters[backend]()).get(backend)!;

const render = (args: LookupArgs) => html`
  <dvc-status-lookup .adapter=${adapter(args.backend)} code=${args.code || nothing} lang=${args.lang || nothing}></dvc-status-lookup>
`;

type Play = NonNullable<Story['play']>;

/** Types the secret, presses "Tra cứu", and returns what `selector` matches once it shows. */
async function lookUp(canvasElement: HTMLElement, selector: string, secret = DEMO_SECRET): Promise<HTMLElement> {
  const input = await shadowPart<HTMLInputElement>(canvasElement, TAG, '#secret');
  await userEvent.type(input, secret);
  await userEvent.click(await shadowPart(canvasElement, TAG, '[part="submit-button"]'));
  return shadowPart(canvasElement, TAG, selector);
}

/** Looks the dossier up and checks the status line names `status`. */
const showsStatus =
  (status: string): Play =>
  async ({ canvasElement }) => {
    const line = await lookUp(canvasElement, '[part="status"]');
    await expect(line.textContent).toContain(status);
  };

const statusStory = (code: number): Story => ({
  name: `Status ${code}: ${DOSSIER_STATUS_NAMES[code]}`,
  args: { code: demoCode(code) },
  play: showsStatus(DOSSIER_STATUS_NAMES[code]!),
});

const meta = {
  title: 'Widgets/Status lookup',
  component: TAG,
  render,
  args: { backend: 'demo', code: '', lang: '' },
  argTypes: {
    backend: {
      control: 'select',
      options: Object.keys(adapters),
      description: 'Demo backend set as the `adapter` property.',
    },
    lang: { control: 'inline-radio', options: ['', 'vi', 'en'] },
  },
} satisfies Meta<LookupArgs>;

export default meta;
type Story = StoryObj<LookupArgs>;

export const EmptyForm: Story = {
  name: 'Empty form',
  play: async ({ canvasElement }) => {
    const label = await shadowPart(canvasElement, TAG, 'label[for="secret"]');
    await expect(label.textContent).toBe('Số định danh cá nhân (hoặc mã số thuế) của người nộp');
  },
};

export const FieldErrors: Story = {
  name: 'Field errors',
  args: { code: 'HS-2026/15' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await shadowPart(canvasElement, TAG, '[part="submit-button"]'));
    const summary = await shadowPart(canvasElement, TAG, '[part="error-summary"]');
    await expect(summary.querySelectorAll('li')).toHaveLength(2);
    await expect((await shadowPart(canvasElement, TAG, '#code')).getAttribute('aria-invalid')).toBe('true');
  },
};

export const Loading: Story = {
  args: { backend: 'slow', code: demoCode(4) },
  play: async ({ canvasElement }) => {
    const loading = await lookUp(canvasElement, '[part="loading"]');
    await expect(loading.textContent).toContain('Đang tra cứu');
  },
};

export const Status1: Story = {
  ...statusStory(1),
  play: async (context) => {
    await showsStatus(DOSSIER_STATUS_NAMES[1]!)(context);
    // Not received yet: the date is the filing's.
    const result = await shadowPart(context.canvasElement, TAG, '[part="result"]');
    await expect(result.textContent).toContain('Ngày nộp hồ sơ');
  },
};
export const Status2: Story = statusStory(2);
export const Status3: Story = statusStory(3);
export const Status4: Story = statusStory(4);
export const Status5: Story = statusStory(5);
export const Status6: Story = statusStory(6);
export const Status7: Story = statusStory(7);
export const Status8: Story = statusStory(8);
export const Status9: Story = statusStory(9);
export const Status10: Story = statusStory(10);

export const LateWithApology: Story = {
  name: 'Late, with an apology',
  args: { code: LATE_CODE },
  play: async ({ canvasElement }) => {
    const apology = await lookUp(canvasElement, '[part="apology"]');
    await expect(apology.textContent).toContain('Ngày hẹn trả kết quả mới');
    await expect((await shadowPart(canvasElement, TAG, '.late')).textContent).toBe('Trễ hạn');
  },
};

export const SupplementRequested: Story = {
  name: 'Supplement requested',
  args: { code: demoCode(5) },
  play: async ({ canvasElement }) => {
    const supplement = await lookUp(canvasElement, '[part="supplement"]');
    await expect(supplement.querySelectorAll('li')).toHaveLength(2);
    await expect(supplement.textContent).toContain('Hạn bổ sung');
    // The agency's clock is stopped while it waits: no appointment date, no "Trong hạn".
    const result = await shadowPart(canvasElement, TAG, '[part="result"]');
    await expect(result.textContent).toContain('Tạm dừng, chờ bổ sung giấy tờ');
    await expect(result.textContent).toContain('Tính lại khi nhận đủ giấy tờ bổ sung');
  },
};

export const PaymentRequested: Story = {
  name: 'Payment requested',
  args: { code: demoCode(6) },
  play: async ({ canvasElement }) => {
    const payment = await lookUp(canvasElement, '[part="payment"]');
    await expect(payment.textContent).toMatch(/20\.000\s*₫/);
    await expect(payment.textContent).toContain('Chưa nộp');
  },
};

export const WithCase: Story = {
  name: 'A dossier of one of its procedure’s cases',
  args: { code: CASE_CODE },
  play: async ({ canvasElement }) => {
    const facts = await lookUp(canvasElement, 'dl');
    await expect(facts.textContent).toContain('Trường hợpCấp lại để sử dụng vào mục đích khác');
  },
};

export const ResultReady: Story = {
  name: 'Result ready, with delivery',
  args: { code: demoCode(9) },
  play: async ({ canvasElement }) => {
    const delivery = await lookUp(canvasElement, '[part="delivery"]');
    await expect(delivery.textContent).toContain('Trực tiếp tại Bộ phận Một cửa');
  },
};

export const NotFound: Story = {
  name: 'Not found',
  args: { code: MISSING_CODE },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    const error = await lookUp(canvasElement, '[part="error"]');
    await expect(error.textContent).toContain('Không tìm thấy hồ sơ');
  },
};

export const FieldErrorsAfterNotFound: Story = {
  name: 'Field errors after "not found"',
  args: { code: MISSING_CODE },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, '[part="error"]');
    // The citizen empties the secret (the lookup reads the field as it is at the press).
    (await shadowPart<HTMLInputElement>(canvasElement, TAG, '#secret')).value = '';
    await userEvent.click(await shadowPart(canvasElement, TAG, '[part="submit-button"]'));
    const summary = await shadowPart(canvasElement, TAG, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Có vấn đề cần sửa');
    const root = canvasElement.querySelector(TAG)!.shadowRoot!;
    await expect(root.querySelector('[part="error"]')).toBeNull();
  },
};

export const NotADvcWidgetsBackend: Story = {
  name: 'Wrong api address (not a dvc-widgets backend)',
  args: { backend: 'not-a-backend' },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    const error = await shadowPart(canvasElement, TAG, '[part="error"]');
    await expect(error.textContent).toContain('không phải địa chỉ máy chủ dvc-widgets');
  },
};

export const RateLimited: Story = {
  name: 'Rate limited',
  args: { backend: 'rate-limited', code: demoCode(4) },
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    const error = await lookUp(canvasElement, '[part="error"]');
    await expect(error.textContent).toContain('45 giây');
  },
};

export const UnknownStatus: Story = {
  name: 'Unknown status code',
  args: { code: UNKNOWN_STATUS_CODE },
  play: showsStatus('Chờ lãnh đạo ký số'),
};

export const LongHistory: Story = {
  name: 'History of 300 steps',
  args: { code: LONG_HISTORY_CODE },
  play: async ({ canvasElement }) => {
    const showAll = await lookUp(canvasElement, '[part="show-all"]');
    await expect(showAll.textContent?.trim()).toBe('Xem toàn bộ 300 bước');
    await userEvent.click(showAll);
    const eleventh = await shadowPart(canvasElement, TAG, '.history > li:nth-child(11):not([hidden])');
    await expect(eleventh.getRootNode()).toHaveProperty('activeElement', eleventh);
  },
};

export const LookupCodeSecret: Story = {
  name: 'Secret: the printed lookup code',
  args: { backend: 'lookup-code', code: demoCode(2) },
  play: async ({ canvasElement }) => {
    const label = await shadowPart(canvasElement, TAG, 'label[for="secret"]');
    await expect(label.textContent).toBe('Mã tra cứu in trên giấy tiếp nhận');
    const status = await lookUp(canvasElement, '[part="status"]', DEMO_LOOKUP_CODE.toLowerCase());
    await expect(status.textContent).toContain(DOSSIER_STATUS_NAMES[2]);
  },
};

/** A 360 px phone (the most common Android width); fails if anything sticks out sideways. */
export const PhoneWidth: Story = {
  name: 'Phone width (360 px)',
  args: { code: LATE_CODE },
  parameters: {
    viewport: {
      options: { phone360: { name: 'Phone, 360 px', styles: { width: '360px', height: '780px' }, type: 'mobile' } },
    },
  },
  globals: { viewport: { value: 'phone360', isRotated: false } },
  decorators: [(story) => html`<div style="width: 360px; outline: 1px dashed #6b7280">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const result = await lookUp(canvasElement, '[part="result"]');
    const root = result.closest('[part="base"]')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

export const English: Story = {
  args: { lang: 'en', code: LATE_CODE },
  play: async ({ canvasElement }) => {
    const status = await lookUp(canvasElement, '[part="status"]');
    await expect(status.textContent).toContain('Status: Being processed');
    await expect((await shadowPart(canvasElement, TAG, '.late')).textContent).toBe('Late');
  },
};
