/**
 * The officer endpoint end to end over HTTP on the test database (PGlite, or
 * PostgreSQL with DATABASE_URL): a whole dossier life and its history,
 * refused transitions, lateness and the apology, malformed requests, and the
 * officer token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { startServer } from '../../demo/server/app.js';
import { DEFAULT_ACTOR } from '../../demo/server/dossiers/lifecycle.js';
import { API, assertSchema, startTestBackend, type TestBackend } from './helpers.js';
import {
  act,
  actRefused,
  at,
  DUE,
  insertDossier,
  lookup,
  NOW,
  OFFICER_TOKEN,
  postJson,
  RECEIVED,
  SAMPLE,
} from './lifecycle-fixtures.js';

describe('officer actions over HTTP', () => {
  let backend: TestBackend;
  let clock = at(RECEIVED);
  const actions = () => `${backend.url}${API}/officer/dossiers`;
  let sequence = 0;
  const newDossier = () =>
    insertDossier(backend.db, { sequence: ++sequence, receivedAt: at(RECEIVED), appointmentAt: at(DUE) });

  before(async () => {
    backend = await startTestBackend({ dossiers: { officerToken: OFFICER_TOKEN, now: () => clock } });
  });
  after(() => backend.close());

  test('a whole life: received, supplement, payment, result, returned; history in order, no actor shown', async () => {
    const { code, secret } = await newDossier();
    const steps: [string, Record<string, unknown>][] = [
      ['2026-10-12T09:00:00', { action: 'receive', actor: 'Lê Văn Cường', note: 'Đã nhận đủ hồ sơ.' }],
      ['2026-10-12T10:00:00', { action: 'process' }],
      [
        '2026-10-12T11:00:00',
        { action: 'request-supplement', items: ['Giấy chứng sinh (bản chính)'], dueAt: '2026-10-20T17:00:00+07:00' },
      ],
      ['2026-10-13T11:00:00', { action: 'supplement-received' }],
      ['2026-10-14T09:00:00', SAMPLE['request-payment']],
      ['2026-10-14T10:00:00', { action: 'payment-received' }],
      ['2026-10-15T09:00:00', SAMPLE['result-ready']],
      ['2026-10-16T09:00:00', { action: 'return-result' }],
    ];
    let view;
    for (const [time, action] of steps) {
      clock = at(time);
      view = await act(backend.url, code, action);
    }
    assert.equal(view!.status.code, 10);
    assert.equal(view!.status.label, 'Đã trả kết quả');
    // Waiting from Mon 11:00 to Tue 11:00: 7h30 of office time, so due Mon 19/10 at 17:00.
    assert.equal(view!.appointmentAt, '2026-10-19T17:00:00+07:00');
    assert.equal(view!.finishedAt, '2026-10-15T09:00:00+07:00');
    assert.equal(view!.onTime, true);
    const { items, how } = SAMPLE['request-payment'];
    assert.deepEqual(view!.payment, { items, total: 8000, how, paid: true });
    assert.deepEqual(view!.delivery, SAMPLE['result-ready'].delivery);
    assert.deepEqual(view!.supplement, {
      requestedAt: '2026-10-12T11:00:00+07:00',
      items: ['Giấy chứng sinh (bản chính)'],
      dueAt: '2026-10-20T17:00:00+07:00',
    });

    const seen = await lookup(backend.url, code, secret);
    assert.deepEqual(seen, view);
    assert.deepEqual(
      seen.history.map((entry) => entry.status.code),
      [1, 2, 4, 5, 4, 6, 4, 9, 10],
    );
    assert.deepEqual(
      seen.history.map((entry) => entry.step),
      [
        'Nộp hồ sơ trực tuyến',
        'Tiếp nhận hồ sơ',
        'Chuyển xử lý hồ sơ',
        'Yêu cầu bổ sung hồ sơ',
        'Nhận hồ sơ bổ sung',
        'Yêu cầu thực hiện nghĩa vụ tài chính',
        'Xác nhận đã thực hiện nghĩa vụ tài chính',
        'Có kết quả giải quyết',
        'Trả kết quả',
      ],
    );
    assert.equal(seen.history[1]!.note, 'Đã nhận đủ hồ sơ.');
    assert.equal(seen.history[1]!.at, '2026-10-12T09:00:00+07:00');
    assert.doesNotMatch(JSON.stringify(seen), /Lê Văn Cường|Cán bộ một cửa|actor/);

    const actors = await backend.db.query<{ actor: string }>(
      'SELECT actor FROM dossier_history WHERE dossier_code = $1 ORDER BY id',
      [code],
    );
    assert.deepEqual(
      actors.map((row) => row.actor),
      ['Công dân', 'Lê Văn Cường', ...Array(7).fill(DEFAULT_ACTOR)],
    );
  });

  test('a refused transition is 409 transition_not_allowed naming the current status, and changes nothing', async () => {
    const { code, secret } = await newDossier();
    const error = await actRefused(backend.url, code, { action: 'return-result' }, 409, 'transition_not_allowed');
    assert.match(error.message, /status 1 \(Mới đăng ký\)/);
    assert.match(error.message, /\(Không thể .* "Mới đăng ký"\.\)$/);
    const view = await lookup(backend.url, code, secret);
    assert.equal(view.status.code, 1);
    assert.equal(view.history.length, 1);
  });

  test('a second supplement request is 409 supplement_already_requested', async () => {
    const { code } = await newDossier();
    await act(backend.url, code, { action: 'receive' });
    await act(backend.url, code, SAMPLE['request-supplement']);
    await act(backend.url, code, { action: 'supplement-received' });
    await actRefused(backend.url, code, SAMPLE['request-supplement'], 409, 'supplement_already_requested');
  });

  test('late: onTime turns false after the appointment; the apology and its new date are shown', async () => {
    clock = at(NOW);
    const { code, secret } = await newDossier();
    await act(backend.url, code, { action: 'receive' });
    await actRefused(backend.url, code, SAMPLE.apologise, 409, 'not_late');
    assert.equal((await lookup(backend.url, code, secret)).onTime, true);
    clock = at('2026-10-16T17:00:01');
    assert.equal((await lookup(backend.url, code, secret)).onTime, false);
    clock = at('2026-10-19T08:00:00');
    const view = await act(backend.url, code, SAMPLE.apologise);
    assert.equal(view.status.code, 2);
    assert.deepEqual(view.apology, {
      issuedAt: '2026-10-19T08:00:00+07:00',
      text: SAMPLE.apologise.text,
      newAppointmentAt: SAMPLE.apologise.newAppointmentAt,
    });
    assert.equal(view.history.at(-1)!.step, 'Xin lỗi và hẹn lại ngày trả kết quả');
    assert.equal(view.history.at(-1)!.note, SAMPLE.apologise.text);
    assert.equal(view.onTime, false);
    clock = at('2026-10-20T08:00:00');
    const finished = await act(backend.url, code, { action: 'process' }).then(() =>
      act(backend.url, code, SAMPLE['result-ready']),
    );
    assert.equal(finished.onTime, false, 'finished after the appointment');
  });

  test('an unknown code is 404; a malformed one 400', async () => {
    clock = at(NOW);
    await actRefused(backend.url, '000.00.01.H99-261012-9999', { action: 'receive' }, 404, 'dossier_not_found');
    await actRefused(backend.url, 'not-a-code', { action: 'receive' }, 400, 'validation_failed');
  });

  test('a reason as long as the contract allows is refused with 400 note_too_long, not a 500, and changes nothing', async () => {
    const { code, secret } = await newDossier();
    await actRefused(backend.url, code, { action: 'refuse', reason: 'x'.repeat(4000) }, 400, 'note_too_long');
    const view = await lookup(backend.url, code, secret);
    assert.equal(view.status.code, 1);
    assert.equal(view.history.length, 1);
  });

  test('a NUL character in a text is 400 validation_failed at its path, not a 500 from the database', async () => {
    const { code, secret } = await newDossier();
    const error = await actRefused(
      backend.url,
      code,
      { action: 'refuse', reason: 'a', note: '\u0000a' },
      400,
      'validation_failed',
    );
    assert.deepEqual(error.details, [{ path: 'note', message: 'must not contain the NUL character (U+0000)' }]);
    assert.equal((await lookup(backend.url, code, secret)).status.code, 1);
  });

  test('a malformed code is told what a dossier code looks like, not a procedure code', async () => {
    const error = await actRefused(backend.url, '1.001193', { action: 'receive' }, 400, 'validation_failed');
    const listed = await fetch(`${actions()}/1.001193/attachments`, {
      headers: { Authorization: `Bearer ${OFFICER_TOKEN}` },
    });
    assert.equal(listed.status, 400);
    for (const { details } of [error, assertSchema(ApiError, await listed.json()).error]) {
      assert.deepEqual(
        details?.map((detail) => detail.path),
        ['code'],
      );
      assert.match(details![0]!.message, /^must be a dossier code such as 000\.00\.01\.H99-261122-0001$/);
    }
  });

  test('the caller is checked before the body: no token and a wrong content type is 401, with the token 415', async () => {
    const { code } = await newDossier();
    const send = (headers: Record<string, string>) =>
      fetch(`${actions()}/${code}/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml', ...headers },
        body: '<action>receive</action>',
      });
    const anonymous = await send({});
    assert.equal(anonymous.status, 401);
    assert.equal(assertSchema(ApiError, await anonymous.json()).error.code, 'unauthorised');
    const officer = await send({ Authorization: `Bearer ${OFFICER_TOKEN}` });
    assert.equal(officer.status, 415);
    assert.equal(assertSchema(ApiError, await officer.json()).error.code, 'unsupported_media_type');
  });

  test('an unknown action, or one missing its reason, is 400 validation_failed', async () => {
    const { code } = await newDossier();
    await actRefused(backend.url, code, { action: 'approve' }, 400, 'validation_failed');
    await actRefused(backend.url, code, { action: 'refuse' }, 400, 'validation_failed');
    await actRefused(backend.url, code, { action: 'request-supplement', items: [] }, 400, 'validation_failed');
  });

  test('without the token 401; with a wrong one 401; on a backend without a token 403', async () => {
    const { code } = await newDossier();
    const url = `${actions()}/${code}/actions`;
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: OFFICER_TOKEN },
    ];
    for (const headers of attempts) {
      const response = await postJson(url, { action: 'receive' }, headers);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    }
    // Same database, no token configured: the officer endpoints are switched off.
    const closed = await startServer({ host: '127.0.0.1', db: backend.db, log: () => {} });
    try {
      const response = await postJson(
        `${closed.url}${API}/officer/dossiers/${code}/actions`,
        { action: 'receive' },
        { Authorization: `Bearer ${OFFICER_TOKEN}` },
      );
      assert.equal(response.status, 403);
      assert.equal((response.body as { error: { code: string } }).error.code, 'officer_actions_disabled');
    } finally {
      await closed.close();
    }
  });
});
