/**
 * The backend dies in the middle of an upload and comes back: the real
 * server (`demo/server/main.ts`) runs as a child process on a data folder
 * of its own, is killed with SIGKILL halfway through a chunk (no chance to
 * flush or close anything), and is started again on the same folder.
 * tus-js-client then resumes at the same upload URL, as the widget does
 * after a failed request or a page reload.
 *
 * Between client and server sits a small TCP relay: it keeps the upload URL
 * valid across the two lives (the second one gets another port), and it
 * lets the test stop the bytes at a chosen point inside a chunk, so the
 * server holds part of a chunk it never acknowledged when it dies.
 *
 * Proven: the upload completes; it resumes where the server's disk stopped,
 * past the last acknowledged chunk, so what is sent again is less than the
 * remainder and never a whole chunk twice; the stored file's sha256 is the
 * original's; its row survived both lives, and the store, which is the
 * record of completion, holds it in full.
 *
 * On PostgreSQL (DATABASE_URL set) the child uses a throw-away schema
 * through the URL's `options`, as the other tests do.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as tus from 'tus-js-client';
import { openDatabase } from '../../demo/server/db/index.js';
import { SERVER_NODE_FLAGS } from '../../demo/server/node-flags.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, storedInFull } from '../../demo/server/uploads/store.js';
import { API, DATABASE_URL, uniqueSchema } from './helpers.js';
import { idOf, KiB, metadataFor, MiB, samples, secretHeader, sha256, storedBytes } from './uploads-fixtures.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CHUNK = 256 * KiB;
const SIZE = 6 * MiB + 12_345;
/** Where the relay stops the bytes: about 45% of the file, inside the 11th chunk. */
const CUT_AT = Math.round(SIZE * 0.45);

let dataDir: string;
let schema: string | undefined;
let env: NodeJS.ProcessEnv;

/**
 * A TCP relay to the backend of the moment. It counts the bytes clients
 * send and, once `cutAt` have passed, forwards nothing more and calls `onCut`.
 */
class Relay {
  target = 0;
  sent = 0;
  cutAt = Infinity;
  onCut = () => {};
  private cut = false;
  readonly server: Server = createServer((client) => {
    const upstream = connect(this.target, '127.0.0.1');
    client.on('data', (bytes: Buffer) => {
      if (this.cut) return;
      this.sent += bytes.length;
      upstream.write(bytes);
      if (this.sent >= this.cutAt) {
        this.cut = true;
        client.pause();
        this.onCut();
      }
    });
    upstream.pipe(client);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
    }
  });

  async listen(): Promise<number> {
    await new Promise<void>((ready) => this.server.listen(0, '127.0.0.1', ready));
    return (this.server.address() as { port: number }).port;
  }

  /** Forwards everything again (the cut is spent). */
  reopen(): void {
    this.cut = false;
    this.cutAt = Infinity;
  }

  close(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}

/** Starts the backend and waits for its start-up lines; returns it and its port. Rejects with its output if it exits first. */
async function startBackend(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'demo/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`backend not ready after 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /Uploads:\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (started) {
        clearTimeout(timer);
        ready(Number(started[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`backend exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, port };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dvc-restart-'));
  env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SINGLE_INSTANCE: '1',
    UPLOAD_SCAN: 'off',
  };
  delete env.DATABASE_URL;
  if (DATABASE_URL) {
    schema = uniqueSchema();
    // Creates the schema; the child then finds its tables there.
    await (await openDatabase({ url: DATABASE_URL, schema })).close();
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    env.DATABASE_URL = url.toString();
  }
});

after(async () => {
  if (schema) {
    const db = await openDatabase({ url: DATABASE_URL!, schema });
    await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  }
  await rm(dataDir, { recursive: true, force: true });
});

test('an upload survives a SIGKILL of the backend and resumes after the restart', async (t) => {
  const data = samples.pdf(SIZE);
  const relay = new Relay();
  const endpoint = `http://127.0.0.1:${await relay.listen()}${API}/uploads`;
  const metadata = metadataFor('giay-chung-sinh.pdf', 'application/pdf');
  let backend = await startBackend();
  let id: string | undefined;
  try {
    // First life: the bytes stop inside a chunk; once the server has written what it got, it is killed.
    relay.target = backend.port;
    relay.cutAt = CUT_AT;
    const killed = backend.child;
    relay.onCut = () => void sleep(300).then(() => killed.kill('SIGKILL'));
    let confirmed = 0;
    const firstUrl = await new Promise<string>((settled) => {
      const upload: tus.Upload = new tus.Upload(data, {
        endpoint,
        chunkSize: CHUNK,
        metadata: { ...metadata },
        headers: secretHeader(metadata.draft),
        retryDelays: [],
        storeFingerprintForResuming: false,
        onChunkComplete: (_chunk, accepted) => (confirmed = accepted),
        onSuccess: () => assert.fail('the upload finished before the kill'),
        onError: () => settled(upload.url!),
      });
      upload.start();
    });
    if (killed.exitCode === null && killed.signalCode === null) await once(killed, 'exit');
    assert.equal(killed.signalCode, 'SIGKILL');
    assert.ok(
      confirmed > 0 && confirmed < CUT_AT && confirmed % CHUNK === 0,
      `${confirmed} bytes acknowledged before the kill`,
    );
    // Bodies and headers: an upper bound of the file bytes the server could have received.
    const forwarded = relay.sent;

    // Second life, same folder, another port behind the same relay: resume at the same URL.
    backend = await startBackend();
    relay.target = backend.port;
    relay.reopen();
    const patches: { offset: number; length: number }[] = [];
    const resumedUrl = await new Promise<string>((done, fail) => {
      const upload: tus.Upload = new tus.Upload(data, {
        uploadUrl: firstUrl,
        chunkSize: CHUNK,
        metadata: { ...metadata },
        headers: secretHeader(metadata.draft),
        retryDelays: [],
        storeFingerprintForResuming: false,
        onBeforeRequest: (request) => {
          if (request.getMethod() !== 'PATCH') return;
          const offset = Number(request.getHeader('Upload-Offset'));
          patches.push({ offset, length: Math.min(CHUNK, SIZE - offset) });
        },
        onSuccess: () => done(upload.url!),
        onError: fail,
      });
      upload.start();
    });
    assert.equal(resumedUrl, firstUrl, 'the same upload, not a new one');

    const resumedAt = patches[0]!.offset;
    const resent = patches.reduce((sum, patch) => sum + patch.length, 0);
    const remainder = SIZE - confirmed;
    t.diagnostic(
      `acknowledged before the kill ${confirmed}, relayed ${forwarded}, resumed at ${resumedAt}, re-sent ${resent} of ${SIZE} bytes`,
    );
    assert.ok(
      resumedAt > confirmed,
      `resumed at ${resumedAt}: the part of the chunk in flight that reached the disk is kept`,
    );
    assert.ok(resumedAt < forwarded, 'nothing the relay held back counts as received');
    assert.equal(resent, SIZE - resumedAt, 'each byte after the resume point sent once');
    assert.ok(
      resent < remainder && remainder - resent < CHUNK,
      `re-sent ${resent} bytes: less than the ${remainder} not acknowledged`,
    );
    id = idOf(firstUrl);
    assert.equal(sha256(await storedBytes(join(dataDir, 'uploads'), id)), sha256(data));
  } finally {
    await stop(backend.child, 'SIGTERM');
    await relay.close();
  }

  // The row written in the first life is there, and the store (the one record of completion) has every byte.
  const db = await openDatabase(schema ? { url: DATABASE_URL!, schema } : { dataDir: join(dataDir, 'pglite') });
  try {
    assert.ok(id, 'the upload finished');
    const rows = await db.query<{ id: string; size: number }>('SELECT id, size::float8 AS size FROM uploads');
    assert.deepEqual(rows, [{ id, size: SIZE }]);
    const store = await createUploadStore(readUploadConfig({}, dataDir));
    assert.ok(await storedInFull(store)(id), 'stored in full');
  } finally {
    await db.close();
  }
});
