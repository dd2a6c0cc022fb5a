/**
 * Officers' own credentials (demo/server/officer/credentials.ts): issued,
 * listed and revoked by `npm run officer`, the token shown once and only
 * its hash stored; the acting officer's name from the credential, not the
 * body; another agency's dossier unknown (404) to them; failed sign-ins
 * throttled per address (429, Retry-After), and the officer routes on a
 * listener of their own when asked (the public one answers 404 there).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../../demo/server/app.js';
import { openDatabase } from '../../demo/server/db/index.js';
import { issueCredential, revokeCredential } from '../../demo/server/officer/credentials.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';
import { AGENCY, insertDossier, postJson } from './lifecycle-fixtures.js';

const RECEIVED = new Date('2026-10-12T08:00:00+07:00');
let backend: TestBackend;
let sequence = 0;
const newDossier = () => insertDossier(backend.db, { sequence: ++sequence, receivedAt: RECEIVED, appointmentAt: null });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const actionUrl = (base: string, code: string) => `${base}${API}/officer/dossiers/${code}/actions`;

before(async () => {
  backend = await startTestBackend({
    dossiers: { officerFailureLimit: { limit: 3, windowSeconds: 60, maxKeys: 1000 } },
  });
});
after(() => backend.close());

describe('officer credentials', () => {
  test('the history names the credential’s officer, whatever the body says', async () => {
    const { token } = await issueCredential(backend.db, 'Trần Thị Bình', [AGENCY.code]);
    const { code } = await newDossier();
    const answer = await postJson(
      actionUrl(backend.url, code),
      { action: 'receive', actor: 'Giám đốc' },
      bearer(token),
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const rows = await backend.db.query<{ actor: string }>(
      'SELECT actor FROM dossier_history WHERE dossier_code = $1 ORDER BY id',
      [code],
    );
    assert.equal(rows.at(-1)!.actor, 'Trần Thị Bình');
  });

  test('a token of another agency: the dossier and its files are unknown (404), nothing changes', async () => {
    const { token } = await issueCredential(backend.db, 'Lê Văn Cường', ['000.00.02.H99']);
    const { code } = await newDossier();
    const acted = await postJson(actionUrl(backend.url, code), { action: 'receive' }, bearer(token));
    assert.equal(acted.status, 404);
    assert.equal((acted.body as { error: { code: string } }).error.code, 'dossier_not_found');
    const files = await fetch(`${backend.url}${API}/officer/dossiers/${code}/attachments`, { headers: bearer(token) });
    assert.equal(files.status, 404);
    const [{ status }] = await backend.db.query<{ status: number }>('SELECT status FROM dossiers WHERE code = $1', [
      code,
    ]);
    assert.equal(status, 1, 'nothing changed');
  });

  test('only the hash is stored; a revoked token, a made-up one or one of the wrong shape is 401', async () => {
    const { id, token } = await issueCredential(backend.db, 'Phạm Thu Hà', [AGENCY.code]);
    const stored = JSON.stringify(await backend.db.query('SELECT * FROM officer_credentials WHERE id = $1', [id]));
    assert.ok(!stored.includes(token.slice(5)), 'the token is not in the database');
    assert.match(token, /^dvco_[A-Za-z0-9_-]{43}$/, '256 random bits');
    assert.equal(await revokeCredential(backend.db, id), true);
    const { code } = await newDossier();
    const client = '127.0.0.51';
    for (const given of [token, `dvco_${'A'.repeat(43)}`, 'short']) {
      const answer = await postFrom(client, actionUrl(backend.url, code), bearer(given));
      assert.equal(answer.status, 401, given);
    }
  });

  test('failed sign-ins are throttled per address: 429 with Retry-After, even for a good token', async () => {
    const { token } = await issueCredential(backend.db, 'Vũ Minh Đức', [AGENCY.code]);
    const { code } = await newDossier();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await postFrom('127.0.0.52', actionUrl(backend.url, code), bearer('x'))).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const blocked = await postFrom('127.0.0.52', actionUrl(backend.url, code), bearer(token));
    assert.equal(blocked.status, 429);
    assert.match(blocked.headers.get('retry-after') ?? '', /^\d+$/);
    assert.equal((await postFrom('127.0.0.53', actionUrl(backend.url, code), bearer(token))).status, 200);
  });

  test('routes: public answers 404 on the officer paths, the officer listener serves only those', async () => {
    const { token } = await issueCredential(backend.db, 'Đỗ Hải Yến', [AGENCY.code]);
    const { code } = await newDossier();
    const servers: RunningServer[] = [];
    const start = async (routes: 'public' | 'officer') => {
      const server = await startServer({ host: '127.0.0.1', db: backend.db, log: () => {}, routes });
      servers.push(server);
      return server.url;
    };
    try {
      const [publicUrl, officerUrl] = [await start('public'), await start('officer')];
      assert.equal((await postJson(actionUrl(publicUrl, code), { action: 'receive' }, bearer(token))).status, 404);
      assert.equal((await fetch(`${publicUrl}${API}/procedures`)).status, 200);
      assert.equal((await fetch(`${officerUrl}${API}/procedures`)).status, 404);
      assert.equal((await postJson(actionUrl(officerUrl, code), { action: 'receive' }, bearer(token))).status, 200);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});

/** A POST from a chosen loopback address, so one test plays several clients. */
async function postFrom(localAddress: string, url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Headers }>((done, fail) => {
    const body = JSON.stringify({ action: 'receive' });
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { ...headers, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          done({
            status: res.statusCode!,
            headers: new Headers(Object.entries(res.headers).map(([k, v]): [string, string] => [k, String(v)])),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('npm run officer: issue, list, revoke', () => {
  test('the token is printed once; list shows the officer, never the token; revoke ends it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dvc-officer-'));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'demo/scripts/officer.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
    try {
      const issued = await run('issue', 'Ngô Thị Lan', '--agency', `${AGENCY.code},000.00.02.H99`);
      const token = /^(dvco_\S+)$/m.exec(issued.stdout)?.[1];
      assert.ok(token, issued.stdout);
      const listed = (await run('list')).stdout;
      assert.match(listed, /^1 {2}Ngô Thị Lan {2}000\.00\.01\.H99,000\.00\.02\.H99 {2}issued /m);
      assert.ok(!listed.includes(token));
      assert.match((await run('revoke', '1')).stdout, /Credential 1 revoked/);
      assert.match((await run('list')).stdout, /REVOKED/);
      await assert.rejects(run('issue', 'Không cơ quan'), /--agency/);
      const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
      const rows = await db.query<{ revoked: boolean }>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM officer_credentials',
      );
      await db.close();
      assert.deepEqual(rows, [{ revoked: true }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
