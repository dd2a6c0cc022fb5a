/**
 * What a browser really downloads from the reference backend: the CDN
 * build and the API compressed as the client asks (brotli first, else gzip,
 * else as they are; `Vary: Accept-Encoding` always), hashed chunks cached
 * for a year as immutable, the unhashed entry script for minutes then
 * revalidated with its ETag.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ApiError } from '../../src/api/contract/index.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';

interface BinaryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose answer is kept as the bytes sent (fetch would decompress them). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<BinaryResponse> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const decoded = ({ headers, body }: BinaryResponse): string => {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return gunzipSync(body).toString();
  assert.equal(encoding, undefined);
  return body.toString();
};

const CHROME = 'gzip, deflate, br, zstd';
/** A script like the build's: long and repetitive enough to be worth compressing. */
const SCRIPT = `export const messages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Thủ tục số ${i}`))};\n`;

describe('the CDN build as a browser downloads it', () => {
  let backend: TestBackend;
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dvc-compression-'));
    await mkdir(join(root, 'cdn', 'chunks'), { recursive: true });
    await writeFile(join(root, 'cdn', 'dvc-widgets.js'), SCRIPT);
    await writeFile(join(root, 'cdn', 'chunks', 'lit-Bx3kQ_9a.js'), SCRIPT);
    await writeFile(join(root, 'cdn', 'tiny.js'), 'export {};');
    await writeFile(join(root, 'cdn', 'pixel.png'), Buffer.alloc(4096, 7));
    backend = await startTestBackend({ staticDirs: { '/cdn/': { dir: join(root, 'cdn'), immutable: /^chunks\// } } });
  });
  after(async () => {
    await backend.close();
    await rm(root, { recursive: true, force: true });
  });

  test("a browser's usual Accept-Encoding gets brotli, several times smaller, the same script once decoded", async () => {
    const response = await get(`${backend.url}/cdn/dvc-widgets.js`, { 'Accept-Encoding': CHROME });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.match(String(response.headers.vary), /(^|, )Accept-Encoding$/);
    assert.equal(response.headers['content-length'], String(response.body.length));
    assert.ok(response.body.length * 4 < Buffer.byteLength(SCRIPT), `${response.body.length} bytes`);
    assert.equal(decoded(response), SCRIPT);
  });

  test('gzip for a client without brotli, or refusing it; as it is for a client asking neither', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const response = await get(`${backend.url}/cdn/dvc-widgets.js`, { 'Accept-Encoding': accept });
      assert.equal(response.headers['content-encoding'], 'gzip', accept);
      assert.equal(decoded(response), SCRIPT, accept);
    }
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'zstd' }] as Record<
      string,
      string
    >[]) {
      const response = await get(`${backend.url}/cdn/dvc-widgets.js`, headers);
      assert.equal(response.headers['content-encoding'], undefined);
      assert.match(String(response.headers.vary), /(^|, )Accept-Encoding$/);
      assert.equal(response.body.toString(), SCRIPT);
    }
  });

  test('HEAD announces the length of the compressed body', async () => {
    const full = await get(`${backend.url}/cdn/dvc-widgets.js`, { 'Accept-Encoding': 'br' });
    const headOnly = await get(`${backend.url}/cdn/dvc-widgets.js`, { 'Accept-Encoding': 'br' }, 'HEAD');
    assert.equal(headOnly.headers['content-length'], String(full.body.length));
    assert.equal(headOnly.body.length, 0);
  });

  test('small files and images are sent as they are', async () => {
    for (const path of ['/cdn/tiny.js', '/cdn/pixel.png']) {
      const response = await get(`${backend.url}${path}`, { 'Accept-Encoding': CHROME });
      assert.equal(response.headers['content-encoding'], undefined, path);
    }
  });

  test('hashed chunks are kept a year without revalidation', async () => {
    const response = await get(`${backend.url}/cdn/chunks/lit-Bx3kQ_9a.js`, { 'Accept-Encoding': CHROME });
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(decoded(response), SCRIPT);
  });

  test('the unhashed entry script is kept five minutes, then revalidated with its ETag, compressed or not', async () => {
    const first = await get(`${backend.url}/cdn/dvc-widgets.js`, { 'Accept-Encoding': CHROME });
    assert.equal(first.headers['cache-control'], 'public, max-age=300');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    for (const accept of [CHROME, 'identity']) {
      const again = await get(`${backend.url}/cdn/dvc-widgets.js`, {
        'Accept-Encoding': accept,
        'If-None-Match': etag,
      });
      assert.equal(again.status, 304, accept);
      assert.equal(again.body.length, 0);
    }
  });
});

describe('API answers as a browser downloads them', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend({ corsOrigins: ['https://xa-minh-hoa.example'] });
  });
  after(() => backend.close());

  test('a page of search results comes compressed, varying on Origin and Accept-Encoding; the same JSON', async () => {
    const url = `${backend.url}${API}/procedures?pageSize=50`;
    const plain = await get(url);
    const response = await get(url, { 'Accept-Encoding': CHROME, Origin: 'https://xa-minh-hoa.example' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(response.headers.vary, 'Origin, Accept-Encoding');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.ok(response.body.length * 3 < plain.body.length, `${response.body.length} of ${plain.body.length} bytes`);
    assert.deepEqual(JSON.parse(decoded(response)), JSON.parse(plain.body.toString()));
  });

  test('a short answer (an error) is sent as it is', async () => {
    const response = await get(`${backend.url}${API}/procedures/nope`, { 'Accept-Encoding': CHROME });
    assert.equal(response.status, 400);
    assert.equal(response.headers['content-encoding'], undefined);
    assert.ok(ApiError.parse(JSON.parse(response.body.toString())));
  });
});
