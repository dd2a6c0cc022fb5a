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
import { parseTrustedProxies } from '../../demo/server/http/client-address.js';
import { tryOnce } from '../../demo/server/lookup/rate-limit.js';
import { rekeyDossierHashes } from '../../demo/server/lookup/rekey.js';
import { DEV_LOOKUP_KEY, secretHash, sha256Hex } from '../../demo/server/dossiers/secret.js';
import { normaliseLookupSecret } from '../../src/api/contract/dossiers.js';
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
function lookupFrom(
  base: string,
  localAddress: string,
  payload: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
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
        headers: { ...extraHeaders, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
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
/** Servers on the same database with other rate limits (the windows are the database's, shared by all). */
const extraServers: RunningServer[] = [];
const serverWith = async (limit: DossierOptions['lookupRateLimit'], trustProxy?: string): Promise<string> => {
  const server = await startServer({
    trustedProxies: parseTrustedProxies(trustProxy),
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
    assert.equal((await from('127.0.0.11')).status, 200);
    assert.equal((await from('127.0.0.11', { code, secret: 'sai' })).status, 404, 'wrong secrets count too');
    assert.equal((await from('127.0.0.11', { code: 'rác', secret })).status, 404);
    const refused = await from('127.0.0.11');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['retry-after'], '60');
    assert.equal(errorOf(refused).code, 'rate_limited');
    assert.match(errorOf(refused).message, /^Too many lookups\. .* \(Tra cứu quá nhiều lần, .*\)$/);
    assert.equal((await from('127.0.0.12')).status, 200, 'another address');
    clock = at('2026-10-13T10:00:45');
    assert.equal((await from('127.0.0.11')).headers['retry-after'], '15');
    clock = at('2026-10-13T10:01:00');
    assert.equal((await from('127.0.0.11')).status, 200, 'a new window');
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

  test('malformed codes take no window of their own: they count against the address only', async () => {
    const url = await serverWith({ perAddress: 3, perCode: 1, windowSeconds: 60 });
    clock = at('2026-10-13T12:00:00');
    const codeKeys = async () =>
      (
        await backend.db.query<{ keys: number }>(
          "SELECT count(*)::int AS keys FROM rate_limits WHERE key LIKE 'lookup-code:%'",
        )
      )[0]!.keys;
    const before = await codeKeys();
    for (const address of ['127.0.0.21', '127.0.0.22'])
      assert.equal((await lookupFrom(url, address, { code: 'rác', secret: 'x' })).status, 404);
    assert.equal(await codeKeys(), before);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await lookupFrom(url, '127.0.0.21', { code: 'rác', secret: 'x' })).status);
    assert.deepEqual(statuses, [404, 404, 429], 'the address counts');
  });

  test('a flood of 100,000 made-up codes neither grows the table nor resets a live window', async () => {
    const window = { limit: 2, windowSeconds: 60, maxKeys: 1000 };
    const now = at('2026-10-13T13:00:00');
    await backend.db.exec('DELETE FROM rate_limits; UPDATE rate_limit_size SET held = 0');
    assert.equal(await tryOnce(backend.db, 'lookup-code:target', window, now), 0);
    assert.equal(await tryOnce(backend.db, 'lookup-code:target', window, now), 0);
    // In statements of 10,000, as many lookups in flight would come in transactions of their own.
    let refused = 0;
    for (let from = 1; from <= 100_000; from += 10_000) {
      const [batch] = await backend.db.query<{ refused: number }>(
        `SELECT count(*) FILTER (WHERE rate_limit_try('lookup-code:made-up-' || n, 2, 60, 1000, $1) > 0)::int AS refused
         FROM generate_series($2::int, $2::int + 9999) AS n`,
        [now, from],
      );
      refused += batch!.refused;
    }
    assert.equal(refused, 100_000 - 999, 'new keys refused once the table is full');
    const [{ rows }] = await backend.db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM rate_limits');
    assert.equal(rows, 1000);
    assert.equal(await tryOnce(backend.db, 'lookup-code:target', window, now), 60, 'the target is still counted');
    const later = at('2026-10-13T13:01:00');
    assert.equal(await tryOnce(backend.db, 'lookup-code:new', window, later), 0, 'expired rows purged for a new key');
    const [{ left }] = await backend.db.query<{ left: number }>('SELECT count(*)::int AS left FROM rate_limits');
    assert.equal(left, 1);
  });

  test('the limit holds across instances on one database, and a forged X-Forwarded-For changes nothing', async () => {
    const limit = { perAddress: 4, perCode: 100, windowSeconds: 60 };
    const [one, two] = [await serverWith(limit), await serverWith(limit)];
    const { code, secret } = await newDossier();
    clock = at('2026-10-13T14:00:00');
    const statuses: number[] = [];
    for (const [i, url] of [one, two, one, two, one, two].entries()) {
      const forged = { 'X-Forwarded-For': `198.51.100.${i}` };
      statuses.push((await lookupFrom(url, '127.0.0.31', { code, secret }, forged)).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
  });

  test('behind a trusted proxy, each forwarded client has its own budget, IPv6 per /64', async () => {
    const url = await serverWith({ perAddress: 1, perCode: 100, windowSeconds: 60 }, '127.0.0.0/8');
    const { code, secret } = await newDossier();
    clock = at('2026-10-13T15:00:00');
    const from = (forwarded: string) =>
      lookupFrom(url, '127.0.0.41', { code, secret }, { 'X-Forwarded-For': forwarded }).then((a) => a.status);
    assert.equal(await from('203.0.113.1'), 200);
    assert.equal(await from('203.0.113.1'), 429);
    assert.equal(await from('1.2.3.4, 203.0.113.2'), 200, 'the client cannot choose its hop');
    assert.equal(await from('9.9.9.9, 203.0.113.2'), 429);
    assert.equal(await from('2001:db8:1:2::1'), 200);
    assert.equal(await from('2001:db8:1:2:ffff::9'), 429, 'same /64');
    assert.equal(await from('2001:db8:1:3::1'), 200, 'another /64');
  });
});

describe('POST /dossiers/lookup: keyed hashes', () => {
  test('a dossier hashed before LOOKUP_KEY (plain SHA-256) is rekeyed at start and found as before', async () => {
    const { code, secret } = await newDossier();
    await backend.db.query(
      'UPDATE dossiers SET lookup_secret_hash = $2, request_hash = $3, hashes_keyed = false WHERE code = $1',
      [code, sha256Hex(normaliseLookupSecret(secret)), sha256Hex('request')],
    );
    assert.equal((await ask({ code, secret })).status, 404, 'an unkeyed hash matches nothing');
    assert.ok((await rekeyDossierHashes(backend.db, DEV_LOOKUP_KEY)) >= 1);
    assert.equal(await rekeyDossierHashes(backend.db, DEV_LOOKUP_KEY), 0, 'each row once');
    assert.equal((await lookup(backend.url, code, secret)).code, code);
    const [row] = await backend.db.query<{ lookup_secret_hash: string }>(
      'SELECT lookup_secret_hash FROM dossiers WHERE code = $1',
      [code],
    );
    assert.notEqual(row!.lookup_secret_hash, sha256Hex(normaliseLookupSecret(secret)));
    assert.equal(row!.lookup_secret_hash, secretHash(secret, DEV_LOOKUP_KEY));
    assert.notEqual(secretHash(secret, 'another-key-of-at-least-32-characters'), row!.lookup_secret_hash);
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
