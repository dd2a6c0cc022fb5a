/**
 * `UploadBody` (demo/server/uploads/node-body.ts) on its own: the stream
 * between a request and the upload store. What it promises, checked here
 * byte by byte with a store that records when each byte arrived:
 * - no byte past the head (the upload's first 4 KiB) reaches the store
 *   before the check of the head passed, whatever the chunk sizes, the
 *   offset the body starts at, or when the body ends;
 * - a refused head lets nothing past the head through, and the refusal is
 *   the stream's error;
 * - what arrives before the store reads (the read-ahead) is all passed on,
 *   in order, once the check allows it.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import type { Upload } from '@tus/utils';
import { SNIFF_BYTES } from '../../src/api/file-types.js';
import { type HeadPolicy, UploadBody } from '../../demo/server/uploads/node-body.js';

const KiB = 1024;

/** A file whose every byte says where it is (position modulo 251), so order and place can be checked. */
const fileOf = (size: number): Buffer => Buffer.from(Array.from({ length: size }, (_, i) => i % 251));

interface Case {
  size: number;
  /** Where the body starts (a PATCH resuming there); the bytes before it are "stored" already. */
  offset?: number;
  /** How the body is cut into socket reads. */
  chunk: number;
  /** The body ends before the upload does (a request cut short). */
  bodyBytes?: number;
  /** Whether the check finds the declared type. */
  passes: boolean;
  /** Milliseconds before the store starts reading (as a database row would take). */
  delay?: number;
}

interface Outcome {
  /** Bytes the store received, from the body's start. */
  stored: Buffer;
  /** How many bytes the store had received when the check ran (undefined: it never ran). */
  storedAtCheck: number | undefined;
  error: unknown;
}

async function run({ size, offset = 0, chunk, bodyBytes, passes, delay = 0 }: Case): Promise<Outcome> {
  const file = fileOf(size);
  const body = file.subarray(offset, offset + (bodyBytes ?? size - offset));
  const request = new PassThrough() as unknown as IncomingMessage;
  const uploadBody = new UploadBody(request, offset);
  const received: Buffer[] = [];
  let storedAtCheck: number | undefined;
  const refusal = new Error('not the declared type');
  const policy: HeadPolicy = {
    check(_upload, head) {
      storedAtCheck = Buffer.concat(received).length;
      assert.deepEqual(
        Buffer.from(head),
        file.subarray(0, Math.min(SNIFF_BYTES, size)),
        "the check sees the upload's head",
      );
      if (!passes) throw refusal;
    },
    storedHead: async () => file.subarray(0, offset),
    discard: async () => {},
    // The quota is not this test's: uploads-quota.test.ts runs it on the real endpoint.
    admit: async () => {},
    received: async () => {},
  };
  const feeding = (async () => {
    for (let at = 0; at < body.length; at += chunk) {
      if (!(request as unknown as PassThrough).write(body.subarray(at, at + chunk))) {
        await new Promise((drained) => (request as unknown as PassThrough).once('drain', drained));
      }
    }
    (request as unknown as PassThrough).end();
  })();
  await new Promise((waited) => setTimeout(waited, delay));
  let error: unknown;
  try {
    await uploadBody.guard({ id: 'u', offset, size } as Upload, policy);
    await pipeline(
      uploadBody,
      new Writable({
        write(piece: Buffer, _encoding, done) {
          received.push(piece);
          done();
        },
      }),
    );
  } catch (caught) {
    error = caught;
  }
  if (!error) await feeding;
  return { stored: Buffer.concat(received), storedAtCheck, error };
}

/** Nothing at or past the head's end arrived before the check passed. */
function assertGated(outcome: Outcome, { size, offset = 0 }: Case): void {
  const headEnd = Math.min(SNIFF_BYTES, size);
  const before = outcome.storedAtCheck ?? outcome.stored.length;
  assert.ok(
    offset + before <= headEnd,
    `${before} bytes from ${offset} were stored before the check: past the head's ${headEnd}`,
  );
}

describe('UploadBody', () => {
  const passing: Case[] = [
    { size: 20 * KiB * KiB, chunk: 64 * KiB },
    { size: 20 * KiB * KiB, chunk: 64 * KiB, delay: 20 },
    { size: 100 * KiB, chunk: KiB },
    { size: 100 * KiB, chunk: 1000, delay: 5 },
    { size: 100 * KiB, chunk: 7 },
    { size: 3000, chunk: 64 * KiB },
    { size: 3000, chunk: 100 },
    { size: SNIFF_BYTES, chunk: SNIFF_BYTES },
    { size: 100 * KiB, offset: 3 * KiB, chunk: KiB },
    { size: 100 * KiB, offset: 3 * KiB, chunk: 64 * KiB, delay: 5 },
    { size: 100 * KiB, offset: 8 * KiB, chunk: 64 * KiB },
  ].map((entry) => ({ ...entry, passes: true }));

  for (const entry of passing) {
    test(`${entry.size} B from ${entry.offset ?? 0} in reads of ${entry.chunk} B${entry.delay ? `, the store ${entry.delay} ms late` : ''}: passed on whole, in order, after the check`, async () => {
      const outcome = await run(entry);
      assert.equal(outcome.error, undefined);
      assert.ok(
        outcome.stored.equals(fileOf(entry.size).subarray(entry.offset ?? 0)),
        'the store got the body, byte for byte',
      );
      if ((entry.offset ?? 0) >= SNIFF_BYTES) return; // the head was checked by an earlier request
      assert.notEqual(outcome.storedAtCheck, undefined, 'the check ran');
      assertGated(outcome, entry);
    });
  }

  const refused: Case[] = [
    { size: 20 * KiB * KiB, chunk: 64 * KiB },
    { size: 100 * KiB, chunk: KiB },
    { size: 100 * KiB, chunk: 7, delay: 5 },
    { size: 3000, chunk: 100 },
    { size: 100 * KiB, offset: 3 * KiB, chunk: KiB },
  ].map((entry) => ({ ...entry, passes: false }));

  for (const entry of refused) {
    test(`refused: ${entry.size} B from ${entry.offset ?? 0} in reads of ${entry.chunk} B: nothing past the head is stored, the refusal is the error`, async () => {
      const outcome = await run(entry);
      assert.equal((outcome.error as Error | undefined)?.message, 'not the declared type');
      assert.ok(
        (entry.offset ?? 0) + outcome.stored.length <= Math.min(SNIFF_BYTES, entry.size),
        `${outcome.stored.length} bytes stored`,
      );
    });
  }

  test('a body that ends inside the head passes on what it brought, unchecked: it cannot complete the upload', async () => {
    const entry: Case = { size: 100 * KiB, chunk: 500, bodyBytes: 3000, passes: false };
    const outcome = await run(entry);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.storedAtCheck, undefined, 'no check: the head is not all there');
    assert.ok(outcome.stored.equals(fileOf(3000)));
  });

  test('a body that ends before the store reads is held, then passed on once checked', async () => {
    const entry: Case = { size: 10 * KiB, chunk: KiB, passes: true, delay: 20 };
    const outcome = await run(entry);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.storedAtCheck, 0, 'checked before anything was stored');
    assert.ok(outcome.stored.equals(fileOf(10 * KiB)));
  });
});
