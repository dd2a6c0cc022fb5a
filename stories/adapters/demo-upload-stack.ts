/**
 * An in-browser tus server for Storybook previews ONLY (outside src/, so
 * nothing of it ships): tus-js-client's pluggable HTTP stack, answering from memory
 * at a chosen speed, so stories can show an upload in progress, paused,
 * refused or finished without a backend.
 */
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import type { UploadErrorCode } from '../../src/api/contract/index.js';

export interface DemoUploadOptions {
  /** Simulated link speed (default 200 kB/s: a decent 3G). */
  bytesPerSecond?: number;
  /** Refuse every new upload with this status (415: wrong type, 413: too large, 422: a virus, 500: failure)… */
  refuseWith?: 413 | 415 | 422 | 500;
  /** …and this contract error code (contract/uploads.ts), as the reference backend does. */
  refusalCode?: UploadErrorCode;
}

interface StoredUpload {
  length: number;
  offset: number;
}

const response = (status: number, headers: Record<string, string> = {}, body = ''): HttpResponse => ({
  getStatus: () => status,
  getHeader: (name) => headers[name.toLowerCase()],
  getBody: () => body,
  getUnderlyingObject: () => undefined,
});

/** An `ApiError` body with `code` (the message is the backend's, never shown: the widget words its own). */
const refusalBody = (code: UploadErrorCode): string => JSON.stringify({ error: { code, message: code } });

export class DemoUploadStack implements HttpStack {
  private readonly uploads = new Map<string, StoredUpload>();
  private next = 0;

  constructor(private readonly options: DemoUploadOptions = {}) {}

  getName(): string {
    return 'DemoUploadStack';
  }

  createRequest(method: string, url: string): HttpRequest {
    const headers: Record<string, string> = {};
    let onProgress: (bytesSent: number) => void = () => {};
    let aborted = false;
    const answer = (body: unknown): Promise<HttpResponse> =>
      this.answer(method, url, headers, body, onProgress, () => aborted);
    return {
      getMethod: () => method,
      getURL: () => url,
      setHeader: (name, value) => void (headers[name.toLowerCase()] = value),
      getHeader: (name) => headers[name.toLowerCase()],
      setProgressHandler: (handler) => void (onProgress = handler),
      send: answer,
      abort: async () => void (aborted = true),
      getUnderlyingObject: () => undefined,
    };
  }

  private async answer(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: unknown,
    onProgress: (bytesSent: number) => void,
    aborted: () => boolean,
  ): Promise<HttpResponse> {
    const upload = this.uploads.get(url);
    if (method === 'POST') {
      const { refuseWith, refusalCode } = this.options;
      if (refuseWith) return response(refuseWith, {}, refusalCode ? refusalBody(refusalCode) : '');
      const location = `${url.replace(/\/$/, '')}/demo-${(this.next += 1)}`;
      this.uploads.set(location, { length: Number(headers['upload-length']), offset: 0 });
      return response(201, { location, 'tus-resumable': '1.0.0' });
    }
    if (!upload) return response(404);
    if (method === 'HEAD')
      return response(200, {
        'upload-offset': String(upload.offset),
        'upload-length': String(upload.length),
        'tus-resumable': '1.0.0',
      });
    if (method === 'DELETE') return (this.uploads.delete(url), response(204));
    // PATCH: the chunk "travels" at the simulated speed, reporting progress as it goes.
    const size = (body as Blob).size;
    const step = Math.max(1, (this.options.bytesPerSecond ?? 200_000) / 10);
    for (let sent = 0; sent < size; sent = Math.min(size, sent + step)) {
      if (aborted()) throw new Error('aborted');
      onProgress(sent);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    upload.offset += size;
    onProgress(size);
    return response(204, { 'upload-offset': String(upload.offset), 'tus-resumable': '1.0.0' });
  }
}
