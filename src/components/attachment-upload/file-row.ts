/**
 * One row of the upload's file list: thumbnail, name, size and status, the
 * progress bar, the error, and the buttons that act on that file (pause,
 * resume or retry in one place, so the button keeps focus as its label
 * changes; cancel or remove), each named after its file for screen readers.
 * A render function sharing the element's shadow root and styles.
 */
import { kindOfMimeType } from '../../api/file-types.js';
import { html, nothing } from 'lit';
import type { FileUpload } from './file-upload.js';
import type { UploadMessages } from './messages.js';

export interface RowContext {
  t: UploadMessages;
  /** The element is disabled: no button acts. */
  inactive: boolean;
  formatSize(bytes: number): string;
  remove(file: FileUpload): void;
}

export function renderFile(file: FileUpload, { t, inactive, formatSize, remove }: RowContext) {
  const percent = Math.floor(file.progress * 100);
  const status = {
    uploading: t.uploading(percent),
    paused: t.paused(percent),
    done: t.done,
    failed: t.failed,
    cancelled: '',
  }[file.status];
  const action = (label: string, accessibleName: string, run: () => void) =>
    html`<button type="button" class="small" aria-label=${accessibleName} ?disabled=${inactive} @click=${run}>${label}</button>`;
  // One binding for pause / resume / retry: the same button changes its label and keeps focus.
  const next =
    file.status === 'uploading'
      ? action(t.pause, t.pauseFile(file.name), () => file.pause())
      : file.status === 'paused'
        ? action(t.resume, t.resumeFile(file.name), () => void file.start())
        : file.status === 'failed' && file.retryable
          ? action(t.retry, t.retryFile(file.name), () => void file.start())
          : nothing;
  const finishedOrFailed = file.status === 'done' || file.status === 'failed';
  return html`
    <li part="file" class="file ${file.status}">
      ${file.thumbnail ? html`<img part="thumbnail" src=${file.thumbnail} alt="" width="48" height="48" />` : html`<span class="icon" aria-hidden="true">${kindOfMimeType(file.type)}</span>`}
      <div class="details">
        <span class="name">${file.name}</span>
        <span class="meta">${formatSize(file.size)} · ${status}</span>
        ${
          file.status === 'uploading' || file.status === 'paused'
            ? html`<progress part="progress" max="100" .value=${percent} aria-label=${t.progressLabel(file.name)}></progress>`
            : nothing
        }
        ${file.error ? html`<span class="error-text">${file.error}</span>` : nothing}
      </div>
      <div class="actions">
        ${next}
        ${action(finishedOrFailed ? t.remove : t.cancel, finishedOrFailed ? t.removeFile(file.name) : t.cancelFile(file.name), () => remove(file))}
      </div>
    </li>
  `;
}

/** Formatters by locale and unit: building one costs more than a whole render of the file list. */
const sizeFormats = new Map<string, Intl.NumberFormat>();

/** "1,2 MB", "350 kB": sizes as people read them. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  const exponent = Math.min(Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)), units.length - 1);
  const key = `${locale} ${exponent}`;
  let format = sizeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: units[exponent],
      maximumFractionDigits: exponent > 1 ? 1 : 0,
    });
    sizeFormats.set(key, format);
  }
  return format.format(bytes / 1024 ** exponent);
}
