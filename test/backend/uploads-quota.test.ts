/**
 * The quota per client address on uploads no dossier has taken yet
 * (UPLOAD_MAX_ADDRESS_BYTES, migrations 012 and 016): a draft id is the
 * client's to choose, so without it one client making draft after draft
 * could fill the store. It counts the bytes an address has stored, not the
 * sizes it declared: creations that never send a byte must not lock out the
 * citizens who share the address (a commune office's NAT). Clients are told
 * apart as the lookup's rate limit tells them (http/client-address.ts):
 * behind a trusted proxy by `X-Forwarded-For`, IPv6 per /64. Here the test
 * runner is that proxy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseTrustedProxies } from '../../demo/server/http/client-address.js';
import { PDF, startUploadBackend, type UploadBackend } from './uploads-backend.js';
import { create, metadataFor, MiB, newDraftId, samples, tusRequest } from './uploads-fixtures.js';

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

/** Creates an upload of `bytes` in `draft` (a new one by default) as the client at `address`, sending nothing. */
const createFrom = (address: string, bytes: number, draft = newDraftId()) =>
  create(backend.endpoint, bytes, metadataFor('giay-to.pdf', PDF, { draft }), { 'X-Forwarded-For': address });

/** Sends upload `location`'s whole body as the client at `address`; the answer's status and error code. */
async function sendFrom(address: string, location: string, draft: string, bytes: number) {
  const answer = await tusRequest(`${backend.url}${location}`, 'PATCH', draft, {
    headers: {
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
      'X-Forwarded-For': address,
    },
    body: Uint8Array.from(samples.pdf(bytes)),
  });
  const text = await answer.text();
  return {
    status: answer.status,
    code: answer.ok ? undefined : (JSON.parse(text) as { error: { code: string } }).error.code,
  };
}

/** Creates and sends a whole upload of `bytes` as the client at `address`; the status of the step that refused, or 204. */
async function storeFrom(address: string, bytes: number): Promise<{ status: number; code?: string | undefined }> {
  const draft = newDraftId();
  const created = await createFrom(address, bytes, draft);
  if (created.status !== 201) return { status: created.status, code: created.error?.code };
  return sendFrom(address, created.location!, draft, bytes);
}

describe('the quota per client address', () => {
  test('what a client stored over new drafts counts: past the quota it is refused with 413 and the figures', async () => {
    const client = '198.51.100.7';
    for (let i = 0; i < 3; i++) assert.equal((await storeFrom(client, 2 * MiB)).status, 204, `file ${i + 1}`);
    const over = await createFrom(client, 1);
    assert.equal(over.status, 413);
    assert.equal(over.error?.code, 'address_quota_exceeded');
    assert.match(over.error!.message, /6 MiB of the 6 MiB/);
    assert.match(over.error!.message, /Mạng của bạn đã tải lên quá nhiều tệp chưa nộp/);
    assert.equal((await storeFrom('198.51.100.8', 2 * MiB)).status, 204, 'another client has its own quota');
  });

  test('creations that never send a byte hold nothing: they cannot lock out the others on the address', async () => {
    const shared = '198.51.100.20';
    for (let i = 0; i < 40; i++) assert.equal((await createFrom(shared, 2 * MiB)).status, 201);
    assert.equal((await storeFrom(shared, 2 * MiB)).status, 204, 'a citizen behind the same address still uploads');
  });

  test('uploads created before any stored a byte cannot together store past the quota', async () => {
    const client = '198.51.100.10';
    const drafts = Array.from({ length: 5 }, () => newDraftId());
    const created = await Promise.all(drafts.map((draft) => createFrom(client, 2 * MiB, draft)));
    assert.deepEqual(
      created.map((answer) => answer.status),
      [201, 201, 201, 201, 201],
    );
    const sent = [];
    for (const [i, answer] of created.entries())
      sent.push(await sendFrom(client, answer.location!, drafts[i]!, 2 * MiB));
    assert.deepEqual(
      sent.map((answer) => answer.status),
      [204, 204, 204, 413, 413],
    );
    assert.equal(sent[3]!.code, 'address_quota_exceeded');
  });

  test('the addresses of one IPv6 /64 share a quota; another /64 has its own', async () => {
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::9']) {
      assert.equal((await storeFrom(address, 2 * MiB)).status, 204, address);
    }
    assert.equal((await createFrom('2001:db8:1:2::abcd', MiB)).error?.code, 'address_quota_exceeded');
    assert.equal((await storeFrom('2001:db8:1:3::1', 2 * MiB)).status, 204);
  });

  test('cancelling an upload frees its share of the quota', async () => {
    const client = '198.51.100.9';
    const draft = newDraftId();
    const first = await createFrom(client, 2 * MiB, draft);
    assert.equal((await sendFrom(client, first.location!, draft, 2 * MiB)).status, 204);
    await storeFrom(client, 2 * MiB);
    await storeFrom(client, 2 * MiB);
    assert.equal((await createFrom(client, MiB)).status, 413);
    const cancelled = await tusRequest(`${backend.url}${first.location}`, 'DELETE', draft);
    assert.equal(cancelled.status, 204);
    assert.equal((await createFrom(client, MiB)).status, 201);
  });

  test('a forged X-Forwarded-For from a client that is not a trusted proxy counts against its own address', async () => {
    const untrusted = await startUploadBackend({ UPLOAD_MAX_ADDRESS_BYTES: String(QUOTA) });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const draft = newDraftId();
        const forged = { 'X-Forwarded-For': `203.0.113.${i}` };
        const created = await create(untrusted.endpoint, 2 * MiB, metadataFor('a.pdf', PDF, { draft }), forged);
        if (created.status !== 201) {
          statuses.push(created.status);
          continue;
        }
        const sent = await tusRequest(`${untrusted.url}${created.location}`, 'PATCH', draft, {
          headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream', ...forged },
          body: Uint8Array.from(samples.pdf(2 * MiB)),
        });
        statuses.push(sent.status);
      }
      assert.deepEqual(statuses, [204, 204, 204, 413]);
    } finally {
      await untrusted.close();
    }
  });
});
