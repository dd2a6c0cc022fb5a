/**
 * One file's upload: a thin state machine around a tus-js-client Upload.
 * The tus client (15 KB gzip) comes in `upload-client.ts`, imported the first
 * time a file is chosen, never before: most visitors never attach anything.
 *
 * Resuming: the server keeps every byte it received, so an upload stopped by
 * a dropped connection, a pause or a reload continues from the server's
 * offset. After a reload, choosing the same file again finds the upload
 * address through `resume-storage.ts`.
 */
import type { DetailedError, HttpStack, Upload } from 'tus-js-client';
import { passes } from '../../api/check.js';
import { UPLOAD_SECRET_HEADER } from '../../api/contract/common.js';
import { ApiError } from '../../api/generated/common.js';
import type { UploadErrorCode } from '../../api/contract/uploads.js';
import type { ChunkSizer } from './chunk-size.js';

let uploadClient: Promise<typeof import('./upload-client.js')> | undefined;

/**
 * The upload client chunk, imported the first time a file is chosen. The
 * promise is kept: importing a loaded module again still costs the browser
 * a task or two, milliseconds before every upload. A failed import (offline)
 * is forgotten, so a retry fetches the chunk again.
 */
export const loadUploadClient = () =>
  (uploadClient ??= import('./upload-client.js').catch((error: unknown) => {
    uploadClient = undefined;
    throw error;
  }));
import type { UploadMessages } from './messages.js';

export interface FinishedUpload {
  /** The upload id the backend gave; what the form submits. */
  id: string;
  name: string;
  size: number;
  type: string;
}

export type UploadStatus = 'uploading' | 'paused' | 'done' | 'failed' | 'cancelled';

export interface UploadEvents {
  changed(upload: FileUpload): void;
  finished(upload: FileUpload): void;
  failed(upload: FileUpload, message: string): void;
}

export interface UploadOptions {
  endpoint: string;
  /** Another transport for the tus requests (the Storybook demo backend). */
  httpStack?: HttpStack | undefined;
  metadata: { procedure?: string | undefined; slot?: string | undefined; draft: string };
  /** The draft's upload secret, sent with every request about this upload (contract/uploads.ts). */
  secret: string;
  messages: UploadMessages;
  events: UploadEvents;
}

/**
 * One chunk sizer per widget, so that a widget's later files start at the
 * speed its earlier ones measured. A widget is known here by the event
 * listeners it hands every upload.
 */
const chunkSizers = new WeakMap<UploadEvents, ChunkSizer>();

/** Waits between automatic retries: quick at first for a blip, then patient for a dead zone. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];

export class FileUpload {
  status: UploadStatus = 'uploading';
  progress = 0;
  error?: string;
  /** Whether trying again can help (a network failure) or not (the server refused the file). */
  retryable = true;
  finished?: FinishedUpload;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly thumbnail?: string;
  private upload?: Upload;
  /** The tus Upload being made: kept as a promise so that two quick `start()` calls make one, not two. */
  private creating?: Promise<Upload>;
  /** When the chunk in flight started; reset on every start so a pause does not count as slowness. */
  private chunkStarted = 0;

  /** An upload that finished in an earlier visit, restored from a draft. */
  static restored(finished: FinishedUpload, events: UploadEvents): FileUpload {
    const upload = new FileUpload(undefined, finished, events);
    upload.status = 'done';
    upload.progress = 1;
    upload.finished = finished;
    return upload;
  }

  /** A file that passed the checks, declared as `mimeType` (what its content was found to be). */
  static fromFile(file: File, mimeType: string, options: UploadOptions): FileUpload {
    return new FileUpload(
      file,
      { name: file.name.normalize('NFC'), size: file.size, type: mimeType },
      options.events,
      options,
    );
  }

  private constructor(
    private readonly file: File | undefined,
    identity: Omit<FinishedUpload, 'id'>,
    private readonly events: UploadEvents,
    private readonly options?: UploadOptions,
  ) {
    this.name = identity.name;
    this.size = identity.size;
    this.type = identity.type;
    if (file && /^image\/(jpeg|png)$/.test(identity.type)) this.thumbnail = URL.createObjectURL(file);
  }

  async start(): Promise<void> {
    const { file, options } = this;
    if (!file || !options || this.status === 'done' || this.status === 'cancelled') return;
    // A new upload is 'uploading' from the start and already drawn so: only a paused or failed one changes here.
    if (this.status !== 'uploading') {
      this.error = undefined;
      this.setStatus('uploading');
    }
    let upload: Upload;
    try {
      upload = this.upload ??= await (this.creating ??= this.createUpload(file, options));
    } catch (error) {
      // The tus client's chunk did not arrive (offline?): a retry can fetch it.
      this.creating = undefined;
      this.fail(error as Error);
      return;
    }
    // Paused, cancelled or started again while the client was loading: only the latest wish counts.
    if (this.status !== 'uploading') return;
    this.chunkStarted = performance.now();
    upload.start();
  }

  private async createUpload(file: File, options: UploadOptions): Promise<Upload> {
    const { Upload, ChunkSizer, fileReader, fingerprint, sessionUrlStorage } = await loadUploadClient();
    const sizer = chunkSizers.get(this.events) ?? new ChunkSizer();
    chunkSizers.set(this.events, sizer);
    const { procedure, slot, draft } = options.metadata;
    const metadata: Record<string, string> = { filename: this.name, filetype: this.type, draft };
    if (procedure) metadata['procedure'] = procedure;
    if (slot) metadata['slot'] = slot;
    const upload: Upload = new Upload(file, {
      endpoint: options.endpoint,
      ...(options.httpStack && { httpStack: options.httpStack }),
      fileReader,
      chunkSize: sizer.first(),
      // The first chunk travels with the creation request: one round trip less.
      uploadDataDuringCreation: true,
      retryDelays: RETRY_DELAYS,
      metadata,
      headers: { [UPLOAD_SECRET_HEADER]: options.secret },
      urlStorage: sessionUrlStorage,
      fingerprint: (chosen) => fingerprint(chosen as File, options.endpoint, `${draft}/${slot ?? ''}`),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => {
        const progress = total ? sent / total : 0;
        // tus-js-client reports the offset again before each request: the widget need not be drawn again for that.
        if (progress === this.progress) return;
        this.progress = progress;
        this.events.changed(this);
      },
      onChunkComplete: (chunkBytes) => {
        // tus-js-client reads `chunkSize` afresh for every request.
        upload.options.chunkSize = sizer.next(chunkBytes, performance.now() - this.chunkStarted);
        this.chunkStarted = performance.now();
      },
      onSuccess: () => this.succeed(),
      onError: (error) => this.fail(error),
    });
    const [previous] = await upload.findPreviousUploads();
    if (previous) upload.resumeFromPreviousUpload(previous);
    return upload;
  }

  /** Stops sending; the server keeps what it has, and `start()` continues from there. */
  pause(): void {
    if (this.status !== 'uploading') return;
    void this.upload?.abort(false);
    this.setStatus('paused');
  }

  /**
   * Stops for good, asks the server to delete what it has (finished or not:
   * a citizen who removes a document expects it gone, not kept for a day),
   * and frees the thumbnail. Uploads restored from a draft have no client
   * here; the backend's expiry removes them if no dossier takes them.
   */
  cancel(): void {
    this.status = 'cancelled';
    // Once: the upload made, or the one being made when it is ready (asking both sent two DELETEs).
    void (this.upload ? Promise.resolve(this.upload) : this.creating)
      ?.then((upload) => upload.abort(true))
      .catch(() => undefined);
    this.dispose();
  }

  /** Leaving the list without the citizen asking (a form reset, a restored draft): stop what is unfinished. */
  cancelUnfinished(): void {
    if (this.status === 'done') this.dispose();
    else this.cancel();
  }

  dispose(): void {
    if (this.thumbnail) URL.revokeObjectURL(this.thumbnail);
  }

  private setStatus(status: UploadStatus): void {
    if (this.status === 'cancelled') return;
    this.status = status;
    this.events.changed(this);
  }

  private succeed(): void {
    if (this.status === 'cancelled') return;
    const id = new URL(this.upload!.url!).pathname.split('/').pop()!;
    this.finished = { id, name: this.name, size: this.size, type: this.type };
    this.progress = 1;
    this.setStatus('done');
    this.events.finished(this);
  }

  private fail(error: Error | DetailedError): void {
    if (this.status === 'cancelled') return;
    const response = 'originalResponse' in error ? error.originalResponse : undefined;
    const status = response?.getStatus();
    // Support staff get the status in the console; never the file name, which is often a person's name.
    console.warn(`<dvc-attachment-upload>: an upload failed (${status ?? 'no answer'}).`);
    // 4xx other than "busy" answers mean the server refused this file: retrying the same bytes will not help.
    this.retryable = !status || status >= 500 || status === 409 || status === 423 || status === 429;
    this.error = this.explain(status, refusalCode(response?.getBody()));
    this.setStatus('failed');
    this.events.failed(this, this.error);
  }

  /** The sentence for a failure: the backend's refusal code where it gave one (see contract/uploads.ts). */
  private explain(status: number | undefined, code: string | undefined): string {
    const t = this.options!.messages;
    const refusal = code === undefined ? undefined : REFUSALS.get(code);
    if (refusal) return refusal(t, this.name);
    if (status === 415) return t.notWhatItSays(this.name);
    if (!this.retryable) return t.refusedByServer(this.name);
    return navigator.onLine === false ? t.offline : t.interrupted;
  }
}

/** What the citizen is told of each refusal of the file itself; other refusals are the protocol's. */
type Refusal = (t: UploadMessages, name: string) => string;
const REFUSALS = new Map<string, Refusal>([
  ['empty_file', (t, name) => t.empty(name)],
  ['file_too_large', (t, name) => t.serverTooLarge(name)],
  ['draft_too_large', (t, name) => t.draftTooLarge(name)],
  ['address_quota_exceeded', (t, name) => t.addressQuota(name)],
  ['type_not_accepted', (t, name) => t.notWhatItSays(name)],
  ['content_mismatch', (t, name) => t.notWhatItSays(name)],
  ['upload_infected', (t, name) => t.infected(name)],
] satisfies [UploadErrorCode, Refusal][]);

/** `error.code` of a refusal, read with the contract's error shape (`ApiError`) when the answer is one. */
function refusalCode(body: string | undefined): string | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
  return passes(ApiError, answer) ? answer.error.code : undefined;
}
