/**
 * Two instances of the backend on one PostgreSQL and one upload store, as
 * behind a load balancer: a client writing an upload slowly through one,
 * and a retry of the same upload through the other. With the lock shared
 * in PostgreSQL (uploads/pg-locker.ts) the two never write at once: the
 * retry asks the first request to stop, takes the lock, and the upload
 * ends byte for byte. (With tus's in-memory lock, one per instance, both
 * wrote at once: checked when this test was written.) Needs DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { PostgresLocker } from '../../demo/server/uploads/pg-locker.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { API, DATABASE_URL, openTestDatabase, type TestDatabase } from './helpers.js';
import {
  create,
  head,
  idOf,
  metadataFor,
  MiB,
  samples,
  secretHeader,
  sha256,
  storedBytes,
  tricklePatch,
} from './uploads-fixtures.js';

let database: TestDatabase;
let root: string;
let store: UploadStore;
const instances: RunningServer[] = [];
const lockers: PostgresLocker[] = [];
/** Writes under way on each upload, across both instances, and the most seen at once. */
const writing = new Map<string, number>();
let mostAtOnce = 0;

describe('one upload, two instances', { skip: DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' }, () => {
  before(async () => {
    database = await openTestDatabase();
    root = await mkdtemp(join(tmpdir(), 'dvc-instances-'));
    const config = readUploadConfig({}, root);
    const real = await createUploadStore(config);
    store = Object.assign(Object.create(real) as UploadStore, {
      write: async (...args: Parameters<UploadStore['write']>) => {
        const id = args[1];
        writing.set(id, (writing.get(id) ?? 0) + 1);
        mostAtOnce = Math.max(mostAtOnce, writing.get(id)!);
        try {
          return await real.write(...args);
        } finally {
          writing.set(id, writing.get(id)! - 1);
        }
      },
    });
    for (let i = 0; i < 2; i++) {
      const locker = new PostgresLocker(DATABASE_URL!, () => {});
      lockers.push(locker);
      instances.push(
        await startServer({
          host: '127.0.0.1',
          db: database.db,
          log: () => {},
          uploads: { store, limits: config.limits, locker },
        }),
      );
    }
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await Promise.all(lockers.map((locker) => locker.close()));
    await database?.close();
    await rm(root, { recursive: true, force: true });
  });

  test('a retry through the other instance takes over from a slow writer; never two writers; the file is whole', async () => {
    const data = samples.pdf(2 * MiB);
    const metadata = metadataFor('giay-to.pdf', 'application/pdf');
    const created = await create(`${instances[0]!.url}${API}/uploads`, data.length, metadata);
    assert.equal(created.status, 201);
    const path = created.location!;
    const slow = tricklePatch(`${instances[0]!.url}${path}`, metadata.draft, 0, data, 40);
    await new Promise((settled) => setTimeout(settled, 300));

    // The client gives up on the slow request and resumes through the other instance, where the offset says.
    const resumeThrough = async (instance: RunningServer) => {
      const offset = Number((await head(`${instance.url}${path}`, metadata.draft)).headers.get('upload-offset'));
      const response = await fetch(`${instance.url}${path}`, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
          ...secretHeader(metadata.draft),
        },
        body: new Uint8Array(data.subarray(offset)),
      });
      return response.status;
    };
    let status = await resumeThrough(instances[1]!);
    // An offset that moved between the HEAD and the PATCH (the slow writer's last bytes) is a 409: ask again.
    for (let tries = 0; status === 409 && tries < 5; tries++) status = await resumeThrough(instances[1]!);
    assert.equal(status, 204);
    await slow;
    assert.equal(mostAtOnce, 1, 'two requests wrote the same upload at once');
    assert.equal(sha256(await storedBytes(join(root, 'uploads'), idOf(`${instances[1]!.url}${path}`))), sha256(data));
  });
});
