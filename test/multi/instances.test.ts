/**
 * Several instances, for real: three backends (`demo/server/main.ts`,
 * `NODE_ENV=production`) on one PostgreSQL database and one S3-compatible
 * bucket, behind nginx running the repository's demo/deploy/nginx.conf
 * (test/support/cluster.ts). Every request goes through nginx, which
 * spreads them over the instances as it would in production; its access
 * log says which instance answered.
 *
 * Needs nginx, PostgreSQL (DATABASE_URL, default the CI server) and an
 * S3-compatible server (S3_TEST_ENDPOINT); skipped when one is missing.
 * CI (`.ci/run`) has all three:
 *   .ci/s3-server start && S3_TEST_ENDPOINT=http://127.0.0.1:18089 npm run test:multi
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import * as tus from 'tus-js-client';
import type { DossierReceipt } from '../../src/api/contract/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, type UploadStore } from '../../demo/server/uploads/store.js';
import { newIdempotencyKey, postDossier, submissionFor } from '../backend/dossier-fixtures.js';
import { API } from '../backend/helpers.js';
import {
  create,
  idOf,
  KiB,
  metadataFor,
  MiB,
  samples,
  secretHeader,
  sha256,
  tricklePatch,
  tusRequest,
  tusUpload,
} from '../backend/uploads-fixtures.js';
import { type AccessLine, type Cluster, nginxPath, startCluster } from '../support/cluster.js';

const S3_ENDPOINT = process.env.S3_TEST_ENDPOINT?.trim();
const PDF = 'application/pdf';
/** The two procedures filed without attachments: filings that exercise the codes, not the bucket. */
const NO_FILES = ['2.000635', '1.004873'];
/** The upload locks' namespace in pg_locks (demo/server/uploads/pg-locker.ts). */
const UPLOAD_LOCK_NAMESPACE = 71042028;

const missing = [
  ...(nginxPath() ? [] : ['nginx (apt-get install nginx)']),
  ...(S3_ENDPOINT ? [] : ['S3_TEST_ENDPOINT (.ci/s3-server start)']),
];

let cluster: Cluster;
const sleep = (ms: number): Promise<void> => new Promise((wait) => setTimeout(wait, ms));
let store: UploadStore;
let db: pg.Client;

async function storedSha256(id: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(id)) chunks.push(chunk as Buffer);
  return sha256(Buffer.concat(chunks));
}

/** nginx's log lines written while `work` ran. */
async function loggedDuring(work: () => Promise<void>): Promise<AccessLine[]> {
  const before = (await cluster.accessLog()).length;
  await work();
  // nginx writes a line when the answer is sent; give it a moment.
  await sleep(200);
  return (await cluster.accessLog()).slice(before);
}

const instancesOf = (lines: AccessLine[]): Set<string> => new Set(lines.flatMap((line) => line.upstreams));

/** The instance (its name) whose PostgreSQL session holds an upload lock, once one does. */
async function uploadLockHolder(): Promise<string> {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await db.query<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND a.datname = current_database()`,
      [UPLOAD_LOCK_NAMESPACE],
    );
    if (rows[0]) return rows[0].name;
    await sleep(25);
  }
  throw new Error('no instance took the upload lock');
}

describe('three instances behind nginx', { skip: missing.length ? `needs ${missing.join(' and ')}` : false }, () => {
  before(async () => {
    cluster = await startCluster({ instances: 3, s3Endpoint: S3_ENDPOINT!, env: { TRUST_PROXY: '127.0.0.1' } });
    store = await createUploadStore(readUploadConfig(cluster.env, '/nonexistent'));
    db = new pg.Client({ connectionString: cluster.env.DATABASE_URL });
    await db.connect();
  });
  after(async () => {
    await db?.end();
    await cluster?.stop();
  });

  test('an upload started through one instance and resumed through another completes with the right sha256', async () => {
    const endpoint = `${cluster.url}${API}/uploads`;
    const data = samples.pdf(3 * MiB + 77);
    const metadata = metadataFor('giay-chung-sinh.pdf', PDF);
    let uploadUrl = '';
    const started = await loggedDuring(async () => {
      // The first client stops after 1 MiB (a closed tab): only the upload's address survives.
      uploadUrl = await new Promise<string>((done, fail) => {
        const upload: tus.Upload = new tus.Upload(data, {
          endpoint,
          metadata: { ...metadata },
          headers: secretHeader(metadata.draft),
          chunkSize: 512 * KiB,
          retryDelays: [],
          storeFingerprintForResuming: false,
          onChunkComplete: (_size, accepted) => {
            if (accepted < MiB) return;
            void upload.abort();
            done(upload.url!);
          },
          onSuccess: () => fail(new Error('finished before it was stopped')),
          onError: fail,
        });
        upload.start();
      });
    });
    let chunks: number[] = [];
    const resumed = await loggedDuring(async () => {
      ({ chunks } = await tusUpload(endpoint, data, metadata, { chunkSize: 512 * KiB, uploadUrl }));
    });
    assert.equal(new URL(uploadUrl).origin, cluster.url, "the upload's address is nginx's, not an instance's");
    assert.equal(chunks.length, 5, 'the resumed client started over instead of at 1 MiB');
    assert.equal(await storedSha256(idOf(uploadUrl)), sha256(data));
    const first = instancesOf(started.filter((line) => line.method === 'POST'));
    const later = instancesOf(resumed.filter((line) => line.method === 'PATCH'));
    assert.equal(first.size, 1);
    assert.ok(
      [...later].some((instance) => !first.has(instance)),
      `created on ${[...first]}, resumed on ${[...later]} only`,
    );
    assert.ok(
      [...started, ...resumed].every((line) => !line.path.includes(idOf(uploadUrl))),
      'an upload id reached the access log',
    );
  });

  test('300 filings spread over the instances get 300 unique codes; a retried Idempotency-Key never makes a second dossier', async () => {
    const submissions = Array.from({ length: 300 }, (_, i) => submissionFor(NO_FILES[i % NO_FILES.length]!));
    const keys = submissions.map(() => newIdempotencyKey());
    const file = async (i: number) => ({ i, ...(await postDossier(cluster.url, submissions[i], keys[i])) });
    const firsts: Awaited<ReturnType<typeof file>>[] = [];
    const retries: Awaited<ReturnType<typeof file>>[] = [];
    const logged = await loggedDuring(async () => {
      // 20 citizens at a time; every tenth filing is sent twice at once (a double tap), which nginx spreads over two instances.
      for (let batch = 0; batch < submissions.length; batch += 20) {
        const indexes = Array.from({ length: 20 }, (_, i) => batch + i);
        const [answers, doubles] = await Promise.all([
          Promise.all(indexes.map(file)),
          Promise.all(indexes.filter((i) => i % 10 === 0).map(file)),
        ]);
        firsts.push(...answers);
        retries.push(...doubles);
      }
      // Then every phone that lost its answer sends its filing again with its key.
      retries.push(...(await Promise.all(submissions.map((_, i) => file(i)))));
    });
    assert.deepEqual(
      firsts.filter((answer) => answer.status !== 201 && answer.status !== 200),
      [],
      'every filing answered with a receipt',
    );
    const { rows } = await db.query<{ key: string; dossiers: number; code: string }>(
      `SELECT idempotency_key AS key, count(*)::int AS dossiers, min(code) AS code FROM dossiers
       WHERE idempotency_key = ANY($1) GROUP BY idempotency_key`,
      [keys],
    );
    assert.equal(rows.length, 300, 'a filing has no dossier');
    assert.deepEqual(
      rows.filter((row) => row.dossiers !== 1),
      [],
      'a key made two dossiers',
    );
    assert.equal(new Set(rows.map((row) => row.code)).size, 300, 'two dossiers share a code');
    const codeOf = new Map(rows.map((row) => [row.key, row.code]));
    assert.deepEqual(
      [...firsts, ...retries].filter((answer) => (answer.body as DossierReceipt).code !== codeOf.get(keys[answer.i]!)),
      [],
      "an answer is not the receipt of its key's dossier",
    );
    const filings = logged.filter((line) => line.method === 'POST' && line.path === `${API}/dossiers`);
    assert.equal(filings.length, 300 + 30 + 300);
    assert.equal(instancesOf(filings).size, 3, 'the filings did not reach every instance');
  });

  test('the lookup limit holds across instances, per citizen', async () => {
    // One citizen tries 12 codes that match nothing: the 11th is refused whichever instance answers, because the
    // instances share one count (with a count per process, each had seen about 4). The citizens are 203.0.113.7 and
    // .8, as a proxy this side of nginx says (this test's client, from 127.0.0.1, which TRUST_PROXY lists).
    const lookUp = async (citizen: string, i: number) => {
      const response = await fetch(`${cluster.url}${API}/dossiers/lookup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': citizen },
        body: JSON.stringify({ code: `000.00.01.H99-261122-${9000 + i}`, secret: 'AB12CD' }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const statuses: number[] = [];
    const logged = await loggedDuring(async () => {
      for (let i = 0; i < 12; i++) statuses.push(await lookUp('203.0.113.7', i));
    });
    assert.equal(instancesOf(logged).size, 3, 'the lookups did not reach every instance');
    assert.deepEqual(statuses, [...Array(10).fill(404), 429, 429]);
    // Another citizen behind the same nginx is not locked out by the first.
    assert.equal(await lookUp('203.0.113.8', 20), 404);
  });

  test('an instance killed (SIGKILL) in the middle of an upload: the upload finishes through the others', async () => {
    const data = samples.pdf(4 * MiB + 5);
    const metadata = metadataFor('so-ho-khau.pdf', PDF);
    const created = await create(`${cluster.url}${API}/uploads`, data.length, metadata);
    assert.equal(created.status, 201);
    const uploadUrl = `${cluster.url}${created.location!}`;
    // The first MiB arrives whole; then a slow phone sends the rest in one PATCH, and the instance writing it dies half-way.
    const first = await tusRequest(uploadUrl, 'PATCH', metadata.draft, {
      headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(data.subarray(0, MiB)),
    });
    assert.equal(first.status, 204);
    // Through nginx, 64 KiB every 20 ms.
    const slow = tricklePatch(uploadUrl, metadata.draft, MiB, data.subarray(MiB), 20);
    const writer = await uploadLockHolder();
    const victim = cluster.instances.find((instance) => instance.name === writer);
    assert.ok(victim, `the lock holder ${writer} is none of the instances`);
    await sleep(300);
    victim.process.kill('SIGKILL');
    assert.notEqual(await slow, 204, 'the PATCH finished although its instance was killed');

    // The phone's tus client asks where the upload stands and sends the rest, through nginx, to whoever is alive.
    let chunks: number[] = [];
    const resumed = await loggedDuring(async () => {
      ({ chunks } = await tusUpload(`${cluster.url}${API}/uploads`, data, metadata, {
        uploadUrl,
        chunkSize: MiB,
        retryDelays: [100, 500, 1000, 2000],
      }));
    });
    // The killed PATCH's bytes are lost. The first MiB may be lost with them: the S3 store keeps a part under
    // 5 MiB as an "incomplete part" that the next PATCH takes up, deletes and sends again with its own bytes,
    // so a writer killed in between takes it along. Then the client learns offset 0 and sends the file once
    // more: the citizen's file is whole either way, and the client never sends more than the file again
    // (plus the one attempt nginx gave the dead instance).
    const resent = chunks.reduce((sum, size) => sum + size, 0);
    assert.ok(resent <= data.length + MiB, `the resumed client sent ${resent} bytes`);
    assert.ok(chunks.length <= 6, `the resumed client sent ${chunks.length} chunks`);
    assert.equal(await storedSha256(idOf(uploadUrl)), sha256(data));
    const served = resumed.filter((line) => line.status < 500).flatMap((line) => line.upstreams.slice(-1));
    assert.ok(!served.includes(victim.address), 'a request was answered by the killed instance');
  });

  test('exactly one sweep runs at a time', async () => {
    // Every instance sweeps as it starts: restarted together, the three try at once.
    const restartAll = (env?: Record<string, string>) =>
      Promise.all(cluster.instances.map((_, index) => cluster.restart(index, env)));
    const unclaimed = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads WHERE dossier_code IS NULL')).rows[0]!.n;
    const untilSwept = async () => {
      for (let tries = 0; tries < 300 && (await unclaimed()) > 0; tries++) await sleep(100);
      assert.equal(await unclaimed(), 0, 'the sweep left uploads behind');
      await sleep(500); // the sweeper logs once its run has ended
    };
    // Uploads expire 18 s after their creation from now on; the earlier tests' go at this restart (made
    // older than that first: on a quick machine the last of them is only seconds old, and the next sweep
    // after the one at start-up is 15 minutes away).
    const ttl = { UPLOAD_TTL_HOURS: '0.005' };
    await db.query("UPDATE uploads SET created_at = created_at - interval '1 minute' WHERE dossier_code IS NULL");
    await restartAll(ttl);
    await untilSwept();
    // One after the other: each must be whole before it expires, even on a busy machine.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { url } = await tusUpload(
        `${cluster.url}${API}/uploads`,
        samples.pdf(100 * KiB),
        metadataFor(`giay-to-${i}.pdf`, PDF),
      );
      ids.push(idOf(url));
    }
    await sleep(19_000);
    const sweepers = await restartAll(ttl);
    await untilSwept();

    const lines = sweepers.flatMap((instance) => instance.output.filter((line) => /Upload sweep/.test(line)));
    assert.deepEqual(lines, ['Upload sweep: removed 6 expired upload(s)'], 'one sweeper removed each upload once');
    for (const id of ids) await assert.rejects(store.getUpload(id), `upload ${id} is still in the bucket`);
  });
});
