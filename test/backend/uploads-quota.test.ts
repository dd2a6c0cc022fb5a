/**
 * The quota per client address on uploads no dossier has taken yet
 * (UPLOAD_MAX_ADDRESS_BYTES, migration 012): a draft id is the client's to
 * choose, so without it one client making draft after draft could fill the
 * store. Clients are told apart as the lookup's rate limit tells them
 * (http/client-address.ts): behind a trusted proxy by `X-Forwarded-For`,
 * IPv6 per /64. Here the test runner is that proxy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseTrustedProxies } from '../../demo/server/http/client-address.js';
import { PDF, startUploadBackend, type UploadBackend } from './uploads-backend.js';
import { create, metadataFor, MiB, newDraftId, tusRequest } from './uploads-fixtures.js';

/** 6 MiB per address: one full 5 MiB draft and a little more. */
const QUOTA = 6 * MiB;

let backend: UploadBackend;

before(async () => {
  backend = await startUploadBackend(
    { UPLOAD_MAX_ADDRESS_BYTES: String(QUOTA) },
    { trustedProxies: parseTrustedProxies('127.0.0.1, ::1') },
  );
});
after(() => backend.close());

/** Creates an upload of `bytes` in `draft` (a new one by default) as the client at `address`. */
const createFrom = (address: string, bytes: number, draft = newDraftId()) =>
  create(backend.endpoint, bytes, metadataFor('giay-to.pdf', PDF, { draft }), { 'X-Forwarded-For': address });

describe('the quota per client address', () => {
  test('a client spreading files over new drafts is refused past its quota, with 413 and the figures', async () => {
    const client = '198.51.100.7';
    for (let i = 0; i < 3; i++) assert.equal((await createFrom(client, 2 * MiB)).status, 201, `file ${i + 1}`);
    const over = await createFrom(client, 1);
    assert.equal(over.status, 413);
    assert.equal(over.error?.code, 'address_quota_exceeded');
    assert.match(over.error!.message, /6 MiB of the 6 MiB/);
    assert.match(over.error!.message, /Mạng của bạn đã tải lên quá nhiều tệp chưa nộp/);
    assert.equal((await createFrom('198.51.100.8', 2 * MiB)).status, 201, 'another client has its own quota');
  });

  test('the addresses of one IPv6 /64 share a quota; another /64 has its own', async () => {
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::9']) {
      assert.equal((await createFrom(address, 2 * MiB)).status, 201, address);
    }
    assert.equal((await createFrom('2001:db8:1:2::abcd', MiB)).error?.code, 'address_quota_exceeded');
    assert.equal((await createFrom('2001:db8:1:3::1', 2 * MiB)).status, 201);
  });

  test('cancelling an upload frees its share of the quota', async () => {
    const client = '198.51.100.9';
    const draft = newDraftId();
    const first = await createFrom(client, 2 * MiB, draft);
    await createFrom(client, 2 * MiB);
    await createFrom(client, 2 * MiB);
    assert.equal((await createFrom(client, MiB)).status, 413);
    const cancelled = await tusRequest(`${backend.url}${first.location}`, 'DELETE', draft);
    assert.equal(cancelled.status, 204);
    assert.equal((await createFrom(client, MiB)).status, 201);
  });

  test('uploads created at once from one address cannot pass the quota together', async () => {
    const client = '198.51.100.10';
    const answers = await Promise.all(Array.from({ length: 8 }, () => createFrom(client, 2 * MiB)));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [201, 201, 201, 413, 413, 413, 413, 413]);
  });

  test('a forged X-Forwarded-For from a client that is not a trusted proxy counts against its own address', async () => {
    const untrusted = await startUploadBackend({ UPLOAD_MAX_ADDRESS_BYTES: String(QUOTA) });
    try {
      const forged = (i: number) =>
        create(untrusted.endpoint, 2 * MiB, metadataFor('a.pdf', PDF, { draft: newDraftId() }), {
          'X-Forwarded-For': `203.0.113.${i}`,
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await forged(i)).status);
      assert.deepEqual(statuses, [201, 201, 201, 413]);
    } finally {
      await untrusted.close();
    }
  });
});
