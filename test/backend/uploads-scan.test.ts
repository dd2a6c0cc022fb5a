/**
 * The virus scan of finished uploads (uploads/scan.ts) by a real clamd:
 * `.ci/clamd start` runs one with the project's test signature (the EICAR
 * test string anywhere in a file), then
 *
 *   CLAMD_TEST_SOCKET=/tmp/dvc-clamd/clamd.sock CLAMD_TEST_PORT=13310 node --import tsx --test test/backend/uploads-scan.test.ts
 *
 * (.ci/run does). Without CLAMD_TEST_SOCKET only the tests of a clamd that
 * is down run. The EICAR file is sent as a PDF and as a DOC, with the first
 * bytes of each, since the upload checks the content against the type.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { clamdScanner, readScanConfig, type Scanner } from '../../demo/server/uploads/scan.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';
import { postDossier, submissionFor } from './dossier-fixtures.js';
import { API, assertSchema, startTestBackend, type TestBackend } from './helpers.js';
import { head, idOf, metadataFor, samples, tusFailure, tusUpload } from './uploads-fixtures.js';

const SOCKET = process.env.CLAMD_TEST_SOCKET;
const PORT = process.env.CLAMD_TEST_PORT;
const needsClamd = SOCKET ? false : 'needs CLAMD_TEST_SOCKET (run .ci/clamd start)';

/** The EICAR anti-virus test string, in two halves so that this file is not itself flagged. */
const EICAR = Buffer.from(String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR` + '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
const withEicar = (file: Buffer): Buffer => Buffer.concat([file.subarray(0, 2048), EICAR, file.subarray(2048)]);

let root: string;
let backend: TestBackend;
let endpoint: string;
/** The scanner the backend uses now: clamd's address can be switched to one where nothing listens. */
let scanner: Scanner;
const clamdDown = (): Scanner => clamdScanner({ path: join(root, 'no-clamd.sock') });

const rowOf = async (id: string) =>
  (await backend.db.query<{ scanned_at: Date | null }>('SELECT scanned_at FROM uploads WHERE id = $1', [id]))[0];
const storedIds = async () => (await readdir(join(root, 'uploads'))).filter((name) => !name.endsWith('.json'));
const fileWith = (id: string, draft: string) =>
  submissionFor('1.001193', { draft, attachments: [{ slot: 'giay-chung-sinh', uploads: [id] }] });

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'dvc-scan-'));
  const config = readUploadConfig({}, root);
  const store = await createUploadStore(config);
  scanner = clamdDown();
  backend = await startTestBackend({ uploads: { store, limits: config.limits, scan: (bytes) => scanner(bytes) } });
  endpoint = `${backend.url}${API}/uploads`;
});

after(async () => {
  await backend.close();
  await rm(root, { recursive: true, force: true });
});

describe('with clamd', { skip: needsClamd }, () => {
  before(() => {
    scanner = clamdScanner({ path: SOCKET! });
  });

  test('a clean file is scanned, recorded clean, and a dossier takes it', async () => {
    const metadata = metadataFor('giay-chung-sinh.pdf', 'application/pdf');
    const id = idOf((await tusUpload(endpoint, samples.pdf(), metadata)).url);
    assert.ok((await rowOf(id))?.scanned_at, 'recorded clean');
    const filed = await postDossier(backend.url, fileWith(id, metadata.draft));
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
  });

  for (const [name, type, file] of [
    ['giay-chung-sinh.pdf', 'application/pdf', samples.pdf()],
    ['to-khai.doc', 'application/msword', samples.doc()],
  ] as const) {
    test(`the EICAR test file sent as ${name} is refused with a clear message and removed`, async () => {
      const before = await storedIds();
      const failure = await tusUpload(endpoint, withEicar(file), metadataFor(name, type)).then(
        () => assert.fail('an infected file was accepted'),
        tusFailure,
      );
      assert.equal(failure.status, 422);
      assert.equal(failure.error.code, 'upload_infected');
      assert.match(failure.error.message, new RegExp(`"${name}" contains a virus.*\\(Tệp "${name}" có chứa vi-rút`));
      assert.equal(failure.error.message, failure.error.message.normalize('NFC'));
      assert.deepEqual(await storedIds(), before, 'its file is gone');
      const line = backend.logs.find((entry) => entry.includes('infected'));
      assert.match(line ?? '', /refused a file infected with Dvc\.Test\.EICAR/);
      assert.ok(!line?.includes(name), 'the log never names the file');
    });
  }

  test('clamd over TCP finds the same', { skip: PORT ? false : 'needs CLAMD_TEST_PORT' }, async () => {
    const overTcp = clamdScanner({ host: '127.0.0.1', port: Number(PORT) });
    assert.deepEqual(await overTcp([withEicar(samples.doc())]), {
      infected: true,
      signature: 'Dvc.Test.EICAR.UNOFFICIAL',
    });
    assert.deepEqual(await overTcp([samples.doc()]), { infected: false });
  });

  test('a file larger than chunks of a socket read is streamed whole: the signature near its end is found', async () => {
    const big = samples.pdf(8 * 2 ** 20);
    const late = Buffer.concat([big, EICAR]);
    const chunks = Array.from({ length: Math.ceil(late.length / 65536) }, (_, i) =>
      late.subarray(i * 65536, (i + 1) * 65536),
    );
    assert.deepEqual(await scanner(chunks), { infected: true, signature: 'Dvc.Test.EICAR.UNOFFICIAL' });
  });
});

describe('with clamd down', () => {
  test('the last request answers a retryable 503 and the log says why; no dossier takes the unscanned file', async () => {
    scanner = clamdDown();
    const metadata = metadataFor('giay-chung-sinh.pdf', 'application/pdf');
    const failure = await tusUpload(endpoint, samples.pdf(), metadata).then(
      () => assert.fail('an unscanned file was accepted'),
      tusFailure,
    );
    assert.equal(failure.status, 503);
    assert.equal(failure.error.code, 'scan_unavailable');
    assert.match(failure.error.message, /could not be checked for viruses.*\(Đã nhận tệp nhưng chưa kiểm tra vi-rút/);
    assert.match(backend.logs.join('\n'), /Upload scan could not run.*(ENOENT|ECONNREFUSED)/);

    const [row] = await backend.db.query<{ id: string; scanned_at: Date | null }>(
      'SELECT id, scanned_at FROM uploads WHERE draft = $1',
      [metadata.draft],
    );
    assert.equal(row?.scanned_at, null, 'kept, unscanned');
    const refused = await postDossier(backend.url, fileWith(row.id, metadata.draft));
    assert.equal(refused.status, 400);
    assert.equal(
      assertSchema(ApiError, refused.body).error.details?.[0]?.path,
      'attachments.giay-chung-sinh',
      JSON.stringify(refused.body),
    );
    // A resume asks HEAD first: still no scanner, still a 503.
    assert.equal((await head(`${endpoint}/${row.id}`, metadata.draft)).status, 503);
  });

  test('once clamd is back, the resume scans the file: a clean one completes and is filed, an infected one goes', async (t) => {
    if (needsClamd) return t.skip(needsClamd);
    const upload = async (name: string, file: Buffer) => {
      scanner = clamdDown();
      const metadata = metadataFor(name, 'application/pdf');
      await tusUpload(endpoint, file, metadata).catch(() => {});
      const [{ id }] = (await backend.db.query<{ id: string }>('SELECT id FROM uploads WHERE draft = $1', [
        metadata.draft,
      ])) as [{ id: string }];
      scanner = clamdScanner({ path: SOCKET! });
      return { id, draft: metadata.draft, resumed: await head(`${endpoint}/${id}`, metadata.draft) };
    };
    const clean = await upload('sach.pdf', samples.pdf());
    assert.equal(clean.resumed.status, 200);
    assert.equal(clean.resumed.headers.get('upload-offset'), clean.resumed.headers.get('upload-length'));
    assert.ok((await rowOf(clean.id))?.scanned_at);
    assert.equal((await postDossier(backend.url, fileWith(clean.id, clean.draft))).status, 201);

    const infected = await upload('nhiem.pdf', withEicar(samples.pdf()));
    assert.equal(infected.resumed.status, 422);
    assert.equal(await rowOf(infected.id), undefined);
    assert.ok(!(await storedIds()).includes(infected.id));
  });
});

describe('configuration', () => {
  test('clamd is found by socket or host and port; production refuses to start without it unless told', () => {
    assert.deepEqual(readScanConfig({ CLAMD_SOCKET: '/run/clamav/clamd.ctl' }, true), {
      path: '/run/clamav/clamd.ctl',
    });
    assert.deepEqual(readScanConfig({ CLAMD_HOST: 'clamav.internal' }, true), { host: 'clamav.internal', port: 3310 });
    assert.deepEqual(readScanConfig({ CLAMD_HOST: '10.0.0.5', CLAMD_PORT: '3311' }, true), {
      host: '10.0.0.5',
      port: 3311,
    });
    assert.equal(readScanConfig({}, false), undefined, 'the demo runs without');
    assert.equal(readScanConfig({ UPLOAD_SCAN: 'off' }, true), undefined);
    assert.throws(() => readScanConfig({}, true), /NODE_ENV=production without a virus scanner.*UPLOAD_SCAN=off/);
    assert.throws(() => readScanConfig({ CLAMD_SOCKET: '/a', CLAMD_HOST: 'b' }, false), /not both/);
    assert.throws(() => readScanConfig({ CLAMD_HOST: 'b', CLAMD_PORT: 'x' }, false), /CLAMD_PORT must be a port/);
    assert.throws(() => readScanConfig({ CLAMD_PORT: '3310' }, false), /CLAMD_PORT needs CLAMD_HOST/);
  });
});
