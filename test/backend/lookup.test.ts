/**
 * `POST /dossiers/lookup`: what a citizen with the code and the second
 * secret sees, and what anyone else does not: one 404 for an unknown code,
 * a wrong secret and a malformed code; normalised input; hostile strings;
 * oversized input; the rate limit per address and per code; a long history.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ApiError, DossierView } from '../../src/api/contract/index.js';
import { type RunningServer, startServer } from '../../demo/server/app.js';
import type { DossierOptions } from '../../demo/server/dossiers/options.js';
import { FixedWindowLimiter } from '../../demo/server/lookup/rate-limit.js';
import { API, assertSchema, startTestBackend, type TestBackend } from './helpers.js';
import { AGENCY, insertDossier, lookup, PROCEDURE } from './lifecycle-fixtures.js';

const at = (local: string): Date => new Date(`${local}+07:00`);
const RECEIVED = at('2026-10-12T08:00:00');
const DUE = at('2026-10-16T17:00:00');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A lookup sent from a chosen loopback address (127.0.0.x), so one test plays several clients. */
function lookupFrom(base: string, localAddress: string, payload: unknown): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const body = JSON.stringify(payload);
  return new Promise((done, fail) => {
    const req = request(
      {
        hostname,
        port,
        localAddress,
        method: 'POST',
        path: `${API}/dossiers/lookup`,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const errorOf = (answer: Answer): ApiError['error'] => assertSchema(ApiError, JSON.parse(answer.body)).error;

let backend: TestBackend;
let clock = at('2026-10-13T10:00:00');
const dossierOptions = (lookupRateLimit: DossierOptions['lookupRateLimit']): DossierOptions => ({
  now: () => clock,
  lookupRateLimit,
});
/** Servers on the same database with other rate limits: each server counts on its own. */
const extraServers: RunningServer[] = [];
const serverWith = async (limit: DossierOptions['lookupRateLimit']): Promise<string> => {
  const server = await startServer({
    host: '127.0.0.1',
    db: backend.db,
    validateResponses: true,
    log: () => {},
    dossiers: dossierOptions(limit),
  });
  extraServers.push(server);
  return server.url;
};
const ask = (payload: unknown, from = '127.0.0.1') => lookupFrom(backend.url, from, payload);

let sequence = 0;
const newDossier = () => insertDossier(backend.db, { sequence: ++sequence, receivedAt: RECEIVED, appointmentAt: DUE });

before(async () => {
  backend = await startTestBackend({
    dossiers: dossierOptions({ perAddress: 1000, perCode: 1000, windowSeconds: 60 }),
  });
});
after(async () => {
  await Promise.all(extraServers.map((server) => server.close()));
  await backend.close();
});

describe('POST /dossiers/lookup: the right code and secret', () => {
  test('answers the dossier as filed, times at +07:00, on time', async () => {
    const { code, secret } = await newDossier();
    const view = await lookup(backend.url, code, secret);
    assert.deepEqual(view, {
      code,
      status: { code: 1, label: 'Mới đăng ký' },
      procedure: PROCEDURE,
      agency: AGENCY,
      applicantKind: 'person',
      receivedAt: '2026-10-12T08:00:00+07:00',
      appointmentAt: '2026-10-16T17:00:00+07:00',
      finishedAt: null,
      onTime: true,
      history: [
        {
          at: '2026-10-12T08:00:00+07:00',
          step: 'Nộp hồ sơ trực tuyến',
          status: { code: 1, label: 'Mới đăng ký' },
          note: 'Hồ sơ đã được gửi đến cơ quan tiếp nhận.',
        },
      ],
    });
  });

  test('the code is normalised: spaces anywhere, lower case; the secret too', async () => {
    const { code, secret } = await newDossier();
    const spaced = ` ${code.toLowerCase().replace('-', ' - ').replace('.', '. ')}\u00a0`;
    assert.equal((await lookup(backend.url, spaced, secret)).code, code);
    const typed = `${secret.slice(0, 3)} ${secret.slice(3, 6)}.${secret.slice(6)} `;
    assert.equal((await lookup(backend.url, code, typed)).code, code);
    // Pasted from a chat app (a zero-width space) and typed on a full-width keyboard (ＡＢ１２ → AB12).
    const pasted = `${code.slice(0, 5)}\u200b${code.slice(5)}`;
    const fullWidth = [...secret].map((char) => String.fromCodePoint(char.codePointAt(0)! + 0xfee0)).join('');
    assert.equal((await lookup(backend.url, pasted, fullWidth)).code, code);
  });

  test('a history of 300 steps comes back whole and in order', async () => {
    const { code, secret } = await newDossier();
    await backend.db.query(
      `INSERT INTO dossier_history (dossier_code, at, step, status, note, actor)
       SELECT $1, $2::timestamptz + n * interval '1 minute', 'Bước ' || n, 4, CASE WHEN n % 2 = 0 THEN 'Ghi chú ' || n END, 'Cán bộ ' || n
       FROM generate_series(1, 299) AS n`,
      [code, RECEIVED],
    );
    const { history } = await lookup(backend.url, code, secret);
    assert.equal(history.length, 300);
    assert.deepEqual(
      history.slice(1).map((entry) => entry.step),
      Array.from({ length: 299 }, (_, i) => `Bước ${i + 1}`),
    );
    assert.equal(history[2]!.note, 'Ghi chú 2');
    assert.equal(history[1]!.note, undefined);
    assert.equal(history[299]!.at, '2026-10-12T12:59:00+07:00');
    assert.ok(history.every((entry, i) => i === 0 || entry.at >= history[i - 1]!.at));
  });
});

describe('POST /dossiers/lookup: nothing for anyone else', () => {
  test('an unknown code, a wrong secret and a malformed code get the same 404, byte for byte', async () => {
    const { code, secret } = await newDossier();
    const answers = await Promise.all([
      ask({ code: code.replace(/\d{4}$/, '9999'), secret }),
      ask({ code, secret: '001099999999' }),
      ask({ code, secret: `${secret}0` }),
      ask({ code: 'HS-KHONG-CO', secret }),
    ]);
    for (const answer of answers) {
      assert.equal(answer.status, 404);
      assert.equal(answer.body, answers[0]!.body);
      assert.equal(answer.headers['content-length'], answers[0]!.headers['content-length']);
    }
    assert.equal(errorOf(answers[0]!).code, 'dossier_not_found');
    assert.match(errorOf(answers[0]!).message, /^No dossier matches .*\. \(Không tìm thấy .*\.\)$/);
  });

  test('SQL-like and script-like strings are only ever unknown codes or wrong secrets', async () => {
    const { code, secret } = await newDossier();
    const hostile = [
      "' OR '1'='1",
      `${code}' OR '1'='1' --`,
      "'; DROP TABLE dossiers; --",
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '${7*7}',
      '%27%20OR%201%3D1',
      "\\' OR 1=1 #",
      '\u0000',
      'Ａ'.repeat(100),
    ];
    for (const value of hostile) {
      for (const payload of [
        { code: value, secret },
        { code, secret: value },
      ]) {
        const answer = await ask(payload);
        assert.equal(answer.status, 404, JSON.stringify(payload));
        assert.ok(!answer.body.includes(value.slice(0, 8)) || value === '\u0000', 'the input is never echoed');
      }
    }
    assert.equal((await lookup(backend.url, code, secret)).code, code, 'the table is still there');
  });

  test('10,000-character inputs are refused by the contract: 400 validation_failed', async () => {
    const long = 'A'.repeat(10_000);
    for (const payload of [
      { code: long, secret: '001099000001' },
      { code: '000.00.01.H99-261012-0001', secret: long },
    ]) {
      const answer = await ask(payload);
      assert.equal(answer.status, 400);
      assert.equal(errorOf(answer).code, 'validation_failed');
    }
    for (const payload of [{}, { code: '', secret: '' }, { code: 1, secret: ['x'] }]) {
      assert.equal((await ask(payload)).status, 400, JSON.stringify(payload));
    }
  });

  test('the log names the route and the status only: no code, no secret', async () => {
    const { code, secret } = await newDossier();
    await lookup(backend.url, code, secret);
    await ask({ code, secret: 'sai' });
    const lines = backend.logs.join('\n');
    assert.match(lines, /POST \/api\/v1\/dossiers\/lookup 404/);
    assert.ok(!lines.includes(secret) && !lines.includes(code));
  });
});

describe('POST /dossiers/lookup: rate limit', () => {
  test('per address: the 4th try in a minute is 429 with Retry-After; other addresses go on; the window ends', async () => {
    const url = await serverWith({ perAddress: 3, perCode: 100, windowSeconds: 60 });
    const { code, secret } = await newDossier();
    const from = (address: string, payload = { code, secret }) => lookupFrom(url, address, payload);
    clock = at('2026-10-13T10:00:00');
    assert.equal((await from('127.0.0.1')).status, 200);
    assert.equal((await from('127.0.0.1', { code, secret: 'sai' })).status, 404, 'wrong secrets count too');
    assert.equal((await from('127.0.0.1', { code: 'rác', secret })).status, 404);
    const refused = await from('127.0.0.1');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['retry-after'], '60');
    assert.equal(errorOf(refused).code, 'rate_limited');
    assert.match(errorOf(refused).message, /^Too many lookups\. .* \(Tra cứu quá nhiều lần, .*\)$/);
    assert.equal((await from('127.0.0.2')).status, 200, 'another address');
    clock = at('2026-10-13T10:00:45');
    assert.equal((await from('127.0.0.1')).headers['retry-after'], '15');
    clock = at('2026-10-13T10:01:00');
    assert.equal((await from('127.0.0.1')).status, 200, 'a new window');
  });

  test('per code: tries on one code from many addresses are limited; other codes are not', async () => {
    const url = await serverWith({ perAddress: 100, perCode: 2, windowSeconds: 60 });
    const target = await newDossier();
    const other = await newDossier();
    clock = at('2026-10-13T11:00:00');
    assert.equal((await lookupFrom(url, '127.0.0.3', { code: target.code, secret: '001099000000' })).status, 404);
    assert.equal(
      (await lookupFrom(url, '127.0.0.4', { code: target.code.toLowerCase(), secret: '001099000001' })).status,
      404,
    );
    const refused = await lookupFrom(url, '127.0.0.5', target);
    assert.equal(refused.status, 429, 'the normalised code is what counts');
    assert.equal(refused.headers['retry-after'], '60');
    assert.equal((await lookupFrom(url, '127.0.0.5', other)).status, 200);
  });

  test('the limiter keeps a bounded number of keys, dropping expired windows first', () => {
    const limiter = new FixedWindowLimiter(5, 60, 100);
    for (let i = 0; i < 1000; i++) limiter.record(`10.0.${i >> 8}.${i & 255}`, 0);
    assert.ok(limiter.size <= 100, `${limiter.size} keys`);
    limiter.record('kept', 30_000);
    for (let i = 0; i < 5; i++) limiter.record('hot', 30_000);
    for (let i = 0; i < 200; i++) limiter.record(`late-${i}`, 61_000);
    assert.ok(limiter.size <= 100);
    assert.equal(
      limiter.retryAfter('hot', 61_000),
      0,
      'evicted once over the bound: the limiter fails open, never grows',
    );
    const fresh = new FixedWindowLimiter(2, 60, 100);
    fresh.record('a', 0);
    fresh.record('a', 1000);
    assert.equal(fresh.retryAfter('a', 1000), 59);
    assert.equal(fresh.retryAfter('a', 60_000), 0);
  });
});

describe('POST /dossiers/lookup: the view follows the lifecycle', () => {
  test('an unfinished dossier past its appointment is not on time', async () => {
    const { code, secret } = await newDossier();
    clock = at('2026-10-16T17:00:00');
    assert.equal((await lookup(backend.url, code, secret)).onTime, true);
    clock = at('2026-10-19T08:00:00');
    const view = assertSchema(DossierView, await lookup(backend.url, code, secret));
    assert.equal(view.onTime, false);
  });
});
