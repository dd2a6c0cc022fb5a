/**
 * The server stays up and answers like a good one whatever one client does:
 * a route that throws, a client that hangs up mid-body, a body sent one byte
 * a second, headers that never finish, more connections than the cap; and it
 * tells a balancer whether it is alive and ready (`/healthz`, `/readyz`).
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { startServer, type RunningServer } from '../../demo/server/app.js';
import type { Database } from '../../demo/server/db/index.js';
import { API, openTestDatabase, startTestBackend, type TestBackend, type TestDatabase } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A raw connection to `url`'s server, collecting what it answers until it closes. */
function openSocket(url: string): Promise<{ socket: Socket; answer: Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((ready, fail) => {
    const socket = connect(Number(port), hostname, () => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      const answer = new Promise<string>((done) => socket.on('close', () => done(Buffer.concat(chunks).toString())));
      ready({ socket, answer });
    });
    socket.on('error', fail);
  });
}

/** The JSON body of a raw HTTP answer. */
const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

/** `db` with `query` replaced: what a route meets when its database misbehaves. */
const withQuery = (db: Database, query: Database['query']): Database =>
  new Proxy(db, { get: (target, name) => (name === 'query' ? query : Reflect.get(target, name)) });

describe('health checks for the balancer', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend();
  });
  after(() => backend.close());

  test('/healthz says the process is alive, /readyz that the database answers; neither is logged when fine', async () => {
    for (const [path, status] of [
      ['/healthz', 'alive'],
      ['/readyz', 'ready'],
    ]) {
      const response = await fetch(`${backend.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await response.json(), { status });
    }
    assert.equal(backend.logs.filter((line) => /healthz|readyz/.test(line)).length, 0);
  });
});

describe('health of an instance in trouble', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  test('a database that fails makes /readyz 503 while /healthz stays 200', async () => {
    const failing = withQuery(database.db, () => Promise.reject(new Error('connection refused')));
    const server = await startServer({ host: '127.0.0.1', db: failing, log: () => {} });
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: 'database unavailable' });
    } finally {
      await server.close();
    }
  });

  test('a draining instance is unready, and still serves the requests it gets', async () => {
    const server = await startServer({ host: '127.0.0.1', db: database.db, log: () => {} });
    try {
      server.drain();
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: 'stopping' });
      assert.equal((await fetch(`${server.url}${API}/agencies`)).status, 200);
    } finally {
      await server.close();
    }
  });

  test('a route that throws answers 500, and the process still answers the next requests', async () => {
    const logs: string[] = [];
    const throwing = withQuery(database.db, () => {
      throw new TypeError('a bug in a route');
    });
    const server = await startServer({ host: '127.0.0.1', db: throwing, log: (line) => logs.push(line) });
    try {
      const failed = await fetch(`${server.url}${API}/agencies`);
      assert.equal(failed.status, 500);
      assert.equal(ApiError.parse(await failed.json()).error.code, 'internal_error');
      assert.ok(logs.some((line) => line.includes('a bug in a route')));
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('slow and greedy clients', () => {
  let database: TestDatabase;
  let server: RunningServer;
  before(async () => {
    database = await openTestDatabase();
    server = await startServer({
      host: '127.0.0.1',
      db: database.db,
      log: () => {},
      limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, maxConnections: 4 },
    });
  });
  after(async () => {
    await server.close();
    await database.close();
  });

  test('a body sent one byte a second is cut with a clear 408, in Vietnamese and English', async () => {
    const { socket, answer } = await openSocket(server.url);
    socket.write(
      `POST ${API}/dossiers/lookup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
    );
    const trickle = setInterval(() => socket.writable && socket.write('{'), 1000);
    const started = Date.now();
    const text = await answer;
    clearInterval(trickle);
    assert.match(text, /^HTTP\/1\.1 408 Request Timeout\r\n/);
    assert.match(text, /\r\nConnection: close\r\n/i);
    const body = ApiError.parse(bodyOf(text));
    assert.equal(body.error.code, 'request_timeout');
    assert.match(body.error.message, /quá chậm/);
    assert.match(body.error.message, /too slowly/);
    assert.ok(Date.now() - started < 5000, `cut after ${Date.now() - started} ms`);
  });

  test('headers that never finish are cut too, and the server goes on', async () => {
    const { socket, answer } = await openSocket(server.url);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-A: b\r\n'), 300);
    const text = await answer;
    clearInterval(trickle);
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('a client that hangs up in the middle of its body leaves the server answering', async () => {
    const { socket } = await openSocket(server.url);
    socket.write(
      `POST ${API}/dossiers/lookup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":`,
    );
    await sleep(100);
    socket.destroy();
    await sleep(100);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('connections over the cap are closed at once; those under it are served', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => openSocket(server.url)));
    await sleep(100);
    const over = await openSocket(server.url);
    over.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal(await over.answer, '');
    for (const { socket } of held) socket.destroy();
    await sleep(100);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});
