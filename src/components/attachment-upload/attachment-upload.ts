import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { UploadAdapter } from '../../api/adapter.js';
import { BackendError } from '../../api/errors.js';
import { locale } from '../../i18n/lang.js';
import { DvcElement } from '../shared/dvc-element.js';
import { MessagesController } from '../shared/messages-controller.js';
import { FormAssociatedElement, type OwnValidity } from '../shared/form-associated.js';
import { errorNotice } from '../shared/error-notice.js';
import { uploadStyles } from './attachment-upload.styles.js';
import { tabKept } from './tab-storage.js';
import { checkFile, describeAccept, type Rejection } from './checks.js';
import { catalog } from './messages.js';
import { FileUpload, loadUploadClient, type FinishedUpload } from './file-upload.js';
import { formatSize, renderFile } from './file-row.js';

/** Progress is announced at these steps, not at every percent (a screen reader would never stop talking). */
const ANNOUNCED_STEPS = [25, 50, 75];

const DEFAULT_ACCEPT = '.pdf,.jpg,.jpeg,.png';
const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

/**
 * Attaches documents to a dossier: resumable uploads (tus) that survive slow
 * links, dropped connections and reloads, with every file checked in the
 * browser (type by extension and by content, size, count) before a byte is
 * sent. Works alone in a plain `<form>` (it is form-associated: its value is
 * the finished upload ids) or inside `<dvc-dossier-form>`.
 *
 * @summary Resumable, validated, accessible file upload.
 * @tag dvc-attachment-upload
 *
 * @attr api - Backend base URL; uploads go to `<api>/uploads`. Falls back to the nearest `<dvc-provider>`.
 * @attr lang - `vi` (default) or `en`; falls back to the nearest ancestor's `lang`.
 * @attr accept - Accepted types, as for `<input type=file>`: extensions and MIME types (default `.pdf,.jpg,.jpeg,.png`).
 * @attr max-size - Largest file in bytes (default 10 MiB).
 * @attr max-files - Most files (default 1, or 10 with `multiple`).
 * @attr multiple - Allow several files.
 * @attr name - Form field name.
 * @attr required - At least one finished upload is needed for the form to be valid.
 * @attr disabled - No choosing or removing files.
 * @attr label - Visible label (default "Tệp đính kèm").
 * @attr hint - Help text under the label.
 * @attr procedure - Code of the procedure the document is for (sent with the upload).
 * @attr slot-id - Id of the document slot (thành phần hồ sơ) the files fill (sent with the upload).
 * @attr draft - Id of the dossier draft the upload belongs to; the backend limits the total size per draft.
 * @prop uploadSecret - The draft's upload secret, which binds its files to this browser (a property, never an attribute).
 * @attr max-image-dimension - JPEG photos larger than this many pixels on their long side are scaled down
 *   before upload (default 2560; 0 keeps photos as they are).
 *
 * @event dvc-upload-complete - A file finished uploading. `detail: { id, name, size, type }`.
 * @event dvc-upload-error - A file was refused or failed. `detail: { name, message }`.
 * @event change - The set of finished uploads changed (the form value).
 *
 * @csspart base - The widget's outer box.
 * @csspart dropzone - The area files can be dropped on, holding the buttons.
 * @csspart choose-button - "Chọn tệp".
 * @csspart camera-button - "Chụp ảnh" (shown where images are accepted).
 * @csspart file-list - The list of files.
 * @csspart file - One file.
 * @csspart thumbnail - An image's thumbnail.
 * @csspart progress - A file's progress bar.
 * @csspart error - A message about a refused file or a failure.
 */
export class DvcAttachmentUpload extends FormAssociatedElement<FinishedUpload[], UploadAdapter> {
  static override styles = [...DvcElement.styles, uploadStyles];

  @property() accept = DEFAULT_ACCEPT;
  @property({ type: Number, attribute: 'max-size' }) maxSize = DEFAULT_MAX_SIZE;
  @property({ type: Number, attribute: 'max-files' }) maxFiles?: number;
  @property({ type: Boolean }) multiple = false;
  @property() label?: string;
  @property() hint?: string;
  @property() procedure?: string;
  @property({ attribute: 'slot-id' }) slotId?: string;
  @property() draft?: string;
  /**
   * The draft's upload secret (43 base64url characters), sent with every
   * request about its files: a property only, never an attribute, so that
   * it stays out of the page's markup. `<dvc-dossier-form>` sets it; alone,
   * the element makes one and keeps it for the tab.
   */
  @property({ attribute: false }) uploadSecret?: string;
  @property({ type: Number, attribute: 'max-image-dimension' }) maxImageDimension = 2560;

  @state() private files: FileUpload[] = [];
  @state() private rejections: Rejection[] = [];
  @state() private dragging = false;
  /** Files chosen and still being checked (and photos being scaled): they make the form wait too. */
  @state() private checking = 0;
  /** Batches of chosen files are handled one after the other, so two quick choices cannot both pass the limits. */
  private adding: Promise<void> = Promise.resolve();

  private readonly announced = new WeakMap<FileUpload, number>();
  /** Uploads paused because the element left the page; they go on if it comes back (a framework moving it). */
  private readonly pausedWhileAway = new Set<FileUpload>();

  /** The uploads that have finished, as the form sees them. */
  get value(): FinishedUpload[] {
    return this.files.flatMap((file) => (file.finished ? [file.finished] : []));
  }

  /**
   * Shows uploads that finished earlier (from a saved draft) as done.
   * Only ids, names, sizes and types: the files themselves stay on the server.
   */
  set value(uploads: FinishedUpload[]) {
    for (const file of this.files) file.cancelUnfinished();
    this.pausedWhileAway.clear();
    this.files = uploads.map((upload) => FileUpload.restored(upload, this.uploadEvents));
    this.syncForm();
  }

  private readonly messages = new MessagesController(this, catalog, () => this.config.lang);

  private get limit(): number {
    return this.maxFiles ?? (this.multiple ? 10 : 1);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    for (const file of this.pausedWhileAway) void file.start();
    this.pausedWhileAway.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    for (const file of this.files) {
      if (file.status !== 'uploading') continue;
      file.pause();
      this.pausedWhileAway.add(file);
    }
  }

  /** A form reset clears the list (uploads already on the server expire there by themselves) and the refusals. */
  override formResetCallback(): void {
    super.formResetCallback();
    this.rejections = [];
  }

  /** Focuses "Chọn tệp", as a native file input takes focus (the error summary's link, a page script). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part="choose-button"]')?.focus(options);
  }

  protected get defaultValue(): FinishedUpload[] {
    return [];
  }

  /** One entry per finished upload (its id); the finished uploads themselves to restore. */
  protected formValue() {
    const finished = this.value;
    const data = new FormData();
    for (const upload of finished) data.append(this.name || 'attachment', upload.id);
    return { data, state: JSON.stringify(finished) };
  }

  protected restoreValue(state: string): void {
    try {
      this.value = JSON.parse(state) as FinishedUpload[];
    } catch {
      // An unreadable saved state: start with an empty list.
    }
  }

  protected ownValidity(): OwnValidity | undefined {
    const t = this.messages.current?.own;
    // A file still checking, uploading, paused or waiting for a retry must not be left behind by a submit.
    const busy = this.checking > 0 || this.files.some((file) => file.status === 'uploading');
    const stuck = this.files.some((file) => file.status === 'paused' || (file.status === 'failed' && file.retryable));
    if (busy) return { flags: { customError: true }, message: t?.stillUploading ?? '' };
    if (stuck) return { flags: { customError: true }, message: t?.notReady ?? '' };
    if (this.required && this.value.length === 0) return { flags: { valueMissing: true }, message: t?.required ?? '' };
    return undefined;
  }

  protected validationAnchor(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('[part="choose-button"]') ?? undefined;
  }

  private readonly uploadEvents = {
    changed: (file: FileUpload) => {
      if (!this.files.includes(file)) return;
      this.requestUpdate();
      this.announceProgress(file);
    },
    finished: (file: FileUpload) => {
      if (!this.files.includes(file)) return;
      const upload = file.finished!;
      this.announce(this.messages.current?.own.announceDone(upload.name));
      // The form value first, so a `change` listener reading the form sees the new file.
      this.syncForm();
      this.emit('dvc-upload-complete', upload);
      this.dispatchEvent(new Event('change', { bubbles: true }));
    },
    failed: (file: FileUpload, message: string) => {
      if (!this.files.includes(file)) return;
      this.announce(message);
      this.reportError(file.name, message);
    },
  };

  private reportError(name: string, message: string): void {
    this.syncForm();
    this.emit('dvc-upload-error', { name, message });
  }

  private announceProgress(file: FileUpload): void {
    const percent = Math.floor(file.progress * 100);
    const step = ANNOUNCED_STEPS.filter((mark) => percent >= mark).pop();
    if (file.status !== 'uploading' || step === undefined || (this.announced.get(file) ?? 0) >= step) return;
    this.announced.set(file, step);
    this.announce(this.messages.current?.own.announceProgress(file.name, step));
  }

  /** Checks each chosen file, then uploads the good ones. Refusals name the file and the limit. */
  private addFiles(chosen: readonly File[]): void {
    if (this.inactive || chosen.length === 0) return;
    this.checking += chosen.length;
    this.markInteracted();
    this.syncForm();
    this.adding = this.adding
      .then(() => this.addBatch(chosen))
      .finally(() => {
        this.checking -= chosen.length;
        this.syncForm();
      });
  }

  private async addBatch(chosen: readonly File[]): Promise<void> {
    const messages = this.messages.current;
    const adapter = this.config.adapter;
    if (!messages || adapter instanceof BackendError || !adapter.uploadEndpoint) return;
    const endpoint = adapter.uploadEndpoint;
    // Alone on a page, the element keeps a draft id and its secret for the tab; in a dossier form, the draft's.
    const draft = this.draft ?? tabKept(`dvc-upload-draft:${location.pathname}:${this.name}`);
    const rejections: Rejection[] = [];
    for (const chosenFile of chosen) {
      const refuse = (rejection: Rejection) => {
        rejections.push(rejection);
        this.reportError(rejection.name, rejection.message);
      };
      try {
        // Photos are scaled first: the limits apply to what is sent, not to what the camera made.
        const { downscalePhoto } = await loadUploadClient();
        const file = await downscalePhoto(chosenFile, this.maxImageDimension);
        const taken = this.files.filter((entry) => entry.status !== 'failed');
        const verdict = await checkFile(
          file,
          { accept: this.accept, maxSize: this.maxSize, limit: this.limit, taken },
          messages.own,
          this.formatSize,
        );
        if ('message' in verdict) {
          refuse(verdict);
          continue;
        }
        const upload = FileUpload.fromFile(file, verdict.mimeType, {
          endpoint,
          httpStack: adapter.uploadHttpStack,
          metadata: { procedure: this.procedure, slot: this.slotId, draft },
          secret: this.uploadSecret ?? tabKept(`dvc-upload-secret:${draft}`, 32),
          messages: messages.own,
          events: this.uploadEvents,
        });
        this.files = [...this.files, upload];
        void upload.start();
      } catch {
        // A file that cannot be read (a cloud file changed meanwhile) or storage the page may not use.
        refuse({ name: chosenFile.name, message: messages.own.unreadable(chosenFile.name.normalize('NFC')) });
      }
    }
    this.rejections = rejections;
    // Focus the first refusal so a keyboard or screen reader user hears why, and can act on it.
    if (rejections.length)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="error"]')?.focus());
  }

  private readonly formatSize = (bytes: number): string => formatSize(bytes, locale(this.config.lang));

  private removeFile(file: FileUpload): void {
    const wasFinished = Boolean(file.finished);
    file.cancel();
    this.files = this.files.filter((entry) => entry !== file);
    this.pausedWhileAway.delete(file);
    this.announce(this.messages.current?.own.announceRemoved(file.name));
    this.markInteracted();
    if (wasFinished) this.dispatchEvent(new Event('change', { bubbles: true }));
    // Focus would be lost with the removed row: put it on the button that adds files again.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="choose-button"]')?.focus());
  }

  /** Coming back online resumes what the dropped connection stopped. */
  private readonly onOnline = (): void => {
    for (const file of this.files) if (file.status === 'failed' && file.retryable) file.start();
  };

  private onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.addFiles([...(input.files ?? [])]);
    // Cleared so that choosing the same file again fires `change` again.
    input.value = '';
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  private onDragOver(event: DragEvent): void {
    if (this.inactive) return;
    event.preventDefault();
    this.dragging = true;
  }

  private pick(selector: string): void {
    this.renderRoot.querySelector<HTMLInputElement>(selector)?.click();
  }

  protected override render() {
    const messages = this.messages.current;
    const adapter = this.config.adapter;
    if (!messages) return html`<div class="root" part="base" translate="no"></div>`;
    const { own: t, common } = messages;
    const kinds = describeAccept(this.accept);
    // The camera makes JPEG photos: offer it only where a JPEG is accepted.
    const acceptsImages = kinds.photos;
    return html`
      <div class="root" part="base" translate="no" role="group" aria-labelledby="label">
        <div id="label" class="label">
          ${this.label ?? t.label}${this.required ? html` <span aria-hidden="true">*</span><span class="visually-hidden">${t.requiredMark}</span>` : nothing}
        </div>
        <p id="hint" class="hint">
          ${this.hint ? `${this.hint} ` : nothing}${t.limits(kinds.labels, this.formatSize(this.maxSize), this.limit)}
        </p>
        ${
          adapter instanceof BackendError
            ? errorNotice(adapter, common, () => this.requestUpdate())
            : adapter.uploadEndpoint
              ? nothing
              : html`<div class="notice error" role="alert" part="error">${t.noEndpoint}</div>`
        }
        <div
          class="dropzone ${this.dragging ? 'over' : ''}"
          part="dropzone"
          @dragover=${this.onDragOver}
          @dragleave=${() => (this.dragging = false)}
          @drop=${this.onDrop}
        >
          <button type="button" class="primary" part="choose-button" aria-describedby="hint" ?disabled=${this.inactive} @click=${() => this.pick('#picker')}>
            ${t.chooseFiles}
          </button>
          ${
            acceptsImages
              ? html`<button type="button" part="camera-button" ?disabled=${this.inactive} @click=${() => this.pick('#camera')}>${t.takePhoto}</button>`
              : nothing
          }
          <span class="drop-hint">${this.dragging ? t.dropNow : t.dropHint}</span>
          <input id="picker" type="file" hidden accept=${this.accept} ?multiple=${this.multiple} @change=${this.onPicked} />
          ${acceptsImages ? html`<input id="camera" type="file" hidden accept="image/*" capture="environment" @change=${this.onPicked} />` : nothing}
        </div>
        ${this.liveRegion()}
        ${this.checking ? html`<p class="hint">${t.checking}</p>` : nothing}
        ${this.rejections.map((rejection) => html`<p class="notice error" part="error" tabindex="-1">${rejection.message}</p>`)}
        ${
          this.files.length
            ? html`<ul class="files" part="file-list" aria-label=${t.fileList}>${this.files.map((file) => renderFile(file, { t, inactive: this.inactive, formatSize: this.formatSize, remove: (gone) => this.removeFile(gone) }))}</ul>`
            : nothing
        }
      </div>
    `;
  }
}
