/**
 * Every state of `<dvc-attachment-upload>`, on the in-browser demo backend
 * (`DemoAdapter` with its in-memory tus server), so uploads move at a
 * simulated 3G speed without a server. Play functions choose files the way
 * the picker does, then wait for the state before the a11y check runs.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { DemoAdapter, type DemoAdapterOptions } from './adapters/demo-adapter.js';
import type { FinishedUpload } from '../src/attachment-upload.js';
import '../src/attachment-upload.js';
import { seedCatalogue, shadowPart } from './support.js';

const TAG = 'dvc-attachment-upload';

interface UploadArgs {
  /** How the demo backend treats uploads. */
  speed: 'fast' | '3g' | 'stalled' | 'refuses' | 'infected' | 'over-quota';
  lang: '' | 'vi' | 'en';
  multiple: boolean;
  'max-files': number;
  required: boolean;
  label: string;
  hint: string;
  /** Uploads that finished earlier, as restored from a draft. */
  finished: FinishedUpload[];
}

const speeds: Record<UploadArgs['speed'], DemoAdapterOptions['uploads']> = {
  fast: { bytesPerSecond: 50_000_000 },
  '3g': { bytesPerSecond: 150_000 },
  stalled: { bytesPerSecond: 1 },
  refuses: { refuseWith: 415 },
  infected: { refuseWith: 422, refusalCode: 'upload_infected' },
  'over-quota': { refuseWith: 413, refusalCode: 'address_quota_exceeded' },
};

const render = (args: UploadArgs) => html`
  <dvc-attachment-upload
    .adapter=${new DemoAdapter(seedCatalogue, { uploads: speeds[args.speed] })}
    .value=${args.finished}
    lang=${args.lang || nothing}
    ?multiple=${args.multiple}
    max-files=${args['max-files']}
    ?required=${args.required}
    label=${args.label || nothing}
    hint=${args.hint || nothing}
    procedure="1.001193"
    slot-id="giay-chung-sinh"
  ></dvc-attachment-upload>
`;

const pdf = (name: string, size: number) =>
  new File(['%PDF-1.7\n', new Uint8Array(size)], name, { type: 'application/pdf' });
const jpeg = (name: string, size: number) =>
  new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(size)], name, { type: 'image/jpeg' });

/** Chooses files as the picker does, inside the widget's shadow root. */
async function choose(canvas: HTMLElement, ...files: File[]): Promise<void> {
  const input = await shadowPart<HTMLInputElement>(canvas, TAG, '#picker');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const done = (name: string, size: number, type = 'application/pdf'): FinishedUpload => ({
  id: `demo-${name}`,
  name,
  size,
  type,
});

const meta = {
  title: 'Widgets/Attachment upload',
  component: TAG,
  render,
  args: {
    speed: '3g',
    lang: '',
    multiple: true,
    'max-files': 5,
    required: true,
    label: 'Giấy chứng sinh',
    hint: '',
    finished: [],
  },
  argTypes: {
    speed: { control: 'inline-radio', options: Object.keys(speeds) },
    lang: { control: 'inline-radio', options: ['', 'vi', 'en'] },
  },
} satisfies Meta<UploadArgs>;

export default meta;
type Story = StoryObj<UploadArgs>;

export const Empty: Story = {
  play: async ({ canvasElement }) => void (await shadowPart(canvasElement, TAG, '[part="choose-button"]')),
};

export const DraggingOver: Story = {
  name: 'Dragging a file over',
  play: async ({ canvasElement }) => {
    const zone = await shadowPart(canvasElement, TAG, '[part="dropzone"]');
    zone.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }),
    );
    await shadowPart(canvasElement, TAG, '.dropzone.over');
  },
};

export const Uploading: Story = {
  args: { speed: 'stalled' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 900_000));
    await shadowPart(canvasElement, TAG, '[part="progress"]');
  },
};

export const Paused: Story = {
  args: { speed: '3g' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 2_000_000));
    const pause = await shadowPart(canvasElement, TAG, 'button[aria-label^="Tạm dừng"], button[aria-label^="Pause"]');
    await userEvent.click(pause);
    await shadowPart(canvasElement, TAG, 'button[aria-label^="Tiếp tục"], button[aria-label^="Resume"]');
  },
};

/** The server refused the file after it was sent (here: its content is not what its name says). */
export const Failed: Story = {
  args: { speed: 'refuses' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 50_000));
    await shadowPart(canvasElement, TAG, '.file.failed .error-text');
  },
};

/** The virus scan found malware in the finished file: removed, with advice and no pointless retry. */
export const Infected: Story = {
  args: { speed: 'infected' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 50_000));
    const error = await shadowPart(canvasElement, TAG, '.file.failed .error-text');
    await expect(error).toHaveTextContent(/vi-rút|virus/);
  },
};

/** The citizen's network holds too many unfiled uploads (the per-address quota, UPLOAD_MAX_ADDRESS_BYTES). */
export const OverQuota: Story = {
  name: 'Over the address quota',
  args: { speed: 'over-quota' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 50_000));
    const error = await shadowPart(canvasElement, TAG, '.file.failed .error-text');
    await expect(error).toHaveTextContent(/chưa nộp|not yet filed/);
  },
};

export const Done: Story = {
  args: { speed: 'fast' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, pdf('giay-chung-sinh.pdf', 120_000));
    await shadowPart(canvasElement, TAG, '.file.done');
  },
};

/** Refused before sending: an empty file, and an executable renamed `.pdf`. */
export const RejectedFile: Story = {
  name: 'Rejected files',
  play: async ({ canvasElement }) => {
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), new Uint8Array(300)], 'giay-chung-sinh.pdf', {
      type: 'application/pdf',
    });
    await choose(canvasElement, new File([], 'trong.pdf', { type: 'application/pdf' }), exe);
    const error = await shadowPart(canvasElement, TAG, '[part="error"] + [part="error"]');
    await expect(error.textContent).toContain('giay-chung-sinh.pdf');
  },
};

export const ManyFiles: Story = {
  name: 'Many files',
  args: {
    speed: 'stalled',
    'max-files': 10,
    finished: [
      done('to-khai-dang-ky-khai-sinh.pdf', 245_000),
      done('giay-chung-sinh-trang-1.jpg', 812_000, 'image/jpeg'),
      done('giay-chung-sinh-trang-2.jpg', 790_000, 'image/jpeg'),
      done('van-ban-uy-quyen-co-cong-chung-cua-ong-nguyen-van-a-cho-ba-tran-thi-b.pdf', 1_350_000),
    ],
  },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, jpeg('anh-chup-giay-to-tuy-than.jpg', 600_000));
    await shadowPart(canvasElement, TAG, '[part="file"]:nth-child(5) [part="progress"]');
  },
};

export const PhoneWidth: Story = {
  name: 'Phone width (320 px)',
  args: { finished: [done('van-ban-uy-quyen-co-cong-chung-cua-ong-nguyen-van-a.pdf', 1_350_000)] },
  decorators: [(story) => html`<div style="width: 320px; outline: 1px dashed #6b7280">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const root = await shadowPart(canvasElement, TAG, '[part="base"]');
    await shadowPart(canvasElement, TAG, '.file.done');
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

export const English: Story = {
  args: { lang: 'en', label: 'Birth certificate', speed: 'fast' },
  play: async ({ canvasElement }) => {
    const button = await shadowPart(canvasElement, TAG, '[part="choose-button"]');
    await expect(button.textContent?.trim()).toBe('Choose files');
    await choose(canvasElement, pdf('birth-certificate.pdf', 80_000));
    await shadowPart(canvasElement, TAG, '.file.done');
  },
};
