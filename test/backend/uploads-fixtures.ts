/**
 * What the upload tests send: sample files of each accepted kind built
 * here (a real PNG, real zip packages for DOCX and ODT; the other kinds
 * with their true signatures and random bodies, which is all a content
 * check can see), an executable, and helpers to upload with tus-js-client
 * or with a bare tus request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import * as tus from 'tus-js-client';
import { ApiError, UPLOAD_SECRET_HEADER, type UploadMetadata } from '../../src/api/contract/index.js';
import { assertSchema } from './helpers.js';

export const KiB = 1024;
export const MiB = 1024 * KiB;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A stored upload's bytes (file store: the file named by the id). */
export const storedBytes = (uploadDir: string, id: string): Promise<Buffer> => readFile(join(uploadDir, id));

/** Random bytes after a signature, `size` bytes in all. */
const signed = (signature: Uint8Array | string, size: number): Buffer => {
  const head = Buffer.from(signature);
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
};

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A zip of stored (uncompressed) entries, as office suites write `mimetype`. */
function zip(entries: [name: string, content: Buffer | string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of entries) {
    const content = Buffer.from(raw);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, content);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const samples = {
  pdf: (size = 64 * KiB) => signed('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', size),
  /** A real PNG of random RGB pixels (random pixels do not compress, so the size follows the area). */
  png(width = 128, height = 128): Buffer {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const rows = Buffer.concat(
      Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])),
    );
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(rows)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  },
  jpeg: (size = 64 * KiB) => signed(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0')]), size),
  heic: (size = 64 * KiB) => signed(Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic\0\0\0\0mif1heic')]), size),
  doc: (size = 64 * KiB) => signed(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), size),
  docx: (padding = 32 * KiB) =>
    zip([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['_rels/.rels', '<Relationships/>'],
      ['word/document.xml', '<w:document/>'],
      ['word/media/image1.bin', randomBytes(padding)],
    ]),
  odt: (padding = 32 * KiB) =>
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
      ['Pictures/1.bin', randomBytes(padding)],
    ]),
  /** A Windows executable: what a "PDF" from a phishing mail may really be. */
  exe: (size = 64 * KiB) => signed('MZ\x90\x00\x03\x00\x00\x00', size),
};

/** Metadata for a sample of `filetype`, with a fresh draft unless one is given. */
export function metadataFor(
  filename: string,
  filetype: string,
  overrides: Partial<UploadMetadata> = {},
): UploadMetadata {
  return { filename, filetype, procedure: '1.001193', slot: 'giay-chung-sinh', draft: newDraftId(), ...overrides };
}

export const newDraftId = (): string => randomBytes(16).toString('base64url');

/**
 * The upload secret a test's browser would keep with `draft`: derived from
 * the draft id here, so that every helper uploading or filing for one
 * draft agrees without passing it around. A stranger's secret is {@link newUploadSecret}.
 */
export const uploadSecretFor = (draft: string): string =>
  createHash('sha256').update(`upload secret of ${draft}`).digest('base64url');

export const newUploadSecret = (): string => randomBytes(32).toString('base64url');

/** The secret header for `draft`'s uploads. */
export const secretHeader = (draft: string): Record<string, string> => ({
  [UPLOAD_SECRET_HEADER]: uploadSecretFor(draft),
});

/** The `Upload-Metadata` header: `key base64(value)` pairs. */
export const encodeMetadata = (metadata: Record<string, string>): string =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

/** The id of an upload URL (its last segment). */
export const idOf = (uploadUrl: string): string => new URL(uploadUrl).pathname.split('/').at(-1)!;

export interface TusOutcome {
  url: string;
  /** PATCH requests that completed, in order. */
  chunks: number[];
}

/** Uploads `data` with tus-js-client as the widget will; rejects with tus's `DetailedError`. */
export function tusUpload(
  endpoint: string,
  data: Buffer,
  metadata: UploadMetadata,
  options: Partial<tus.UploadOptions> = {},
): Promise<TusOutcome> {
  const chunks: number[] = [];
  return new Promise((done, fail) => {
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint,
      metadata: { ...metadata },
      headers: secretHeader(metadata.draft),
      retryDelays: [],
      storeFingerprintForResuming: false,
      onChunkComplete: (chunkSize) => chunks.push(chunkSize),
      onSuccess: () => done({ url: upload.url!, chunks }),
      onError: fail,
      ...options,
    });
    upload.start();
  });
}

/** Status and contract error body of a tus-js-client failure. */
export function tusFailure(error: unknown): { status: number; error: ApiError['error'] } {
  const response = (error as tus.DetailedError).originalResponse;
  if (!response) throw error;
  return {
    status: response.getStatus(),
    error: assertSchema(ApiError, JSON.parse(response.getBody()), 'tus error body').error,
  };
}

/** A bare creation request (POST), for what tus-js-client would never send; with a new upload secret unless `headers` give one. */
export function createRequest(endpoint: string, headers: Record<string, string>): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', [UPLOAD_SECRET_HEADER]: newUploadSecret(), ...headers },
  });
}

/** A bare tus request about upload `url` (HEAD, PATCH, DELETE), as the browser holding `draft`'s secret sends it. */
export const tusRequest = (
  url: string,
  method: string,
  draft: string,
  init: { headers?: Record<string, string>; body?: BodyInit } = {},
): Promise<Response> =>
  fetch(url, {
    method,
    headers: { 'Tus-Resumable': '1.0.0', ...secretHeader(draft), ...init.headers },
    ...(init.body && { body: init.body }),
  });

/** POSTs a creation and returns the status and, for a refusal, the contract error. */
export async function create(
  endpoint: string,
  length: number,
  metadata: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; location: string | null; error?: ApiError['error'] }> {
  const response = await createRequest(endpoint, {
    'Upload-Length': String(length),
    'Upload-Metadata': encodeMetadata(metadata),
    ...secretHeader(metadata['draft'] ?? ''),
    ...headers,
  });
  const text = await response.text();
  if (response.status < 400) return { status: response.status, location: response.headers.get('location') };
  return {
    status: response.status,
    location: null,
    error: assertSchema(ApiError, JSON.parse(text), `POST ${endpoint} (${response.headers.get('content-type')})`).error,
  };
}

/** A HEAD of upload `url`, as the client holding `draft`'s secret would ask. */
export const head = (url: string, draft: string): Promise<Response> => tusRequest(url, 'HEAD', draft);

/**
 * A PATCH of `body` at `offset` whose bytes trickle in, 64 KiB every `everyMs` (a slow phone), as
 * the client holding `draft`'s secret sends it; resolves with its status, or 'cut' when the
 * connection broke.
 */
export function tricklePatch(
  url: string,
  draft: string,
  offset: number,
  body: Buffer,
  everyMs: number,
): Promise<number | 'cut'> {
  return new Promise((done) => {
    const outgoing = request(url, {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(body.length),
        ...secretHeader(draft),
      },
    });
    outgoing.on('response', (answer) => {
      answer.resume();
      done(answer.statusCode ?? 0);
    });
    outgoing.on('error', () => done('cut'));
    let sent = 0;
    const timer = setInterval(() => {
      if (outgoing.destroyed) return clearInterval(timer);
      outgoing.write(body.subarray(sent, sent + 64 * KiB));
      sent += 64 * KiB;
      if (sent >= body.length) {
        clearInterval(timer);
        outgoing.end();
      }
    }, everyMs);
  });
}
