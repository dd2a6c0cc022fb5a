/**
 * The dossier lifecycle: the pure state machine (every allowed transition,
 * every refused one, finishing times, the supplement pause, lateness), then
 * the officer endpoint end to end over HTTP on the test database (PGlite, or
 * PostgreSQL with DATABASE_URL): history, refusals, the apology, the token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError, type OfficerAction } from '../../src/api/contract/index.js';
import { startServer } from '../../demo/server/app.js';
import { WorkingCalendar } from '../../demo/server/calendar/working-days.js';
import {
  applyAction,
  DEFAULT_ACTOR,
  type DossierState,
  isOnTime,
  type LifecycleContext,
  STATUS,
  TRANSITIONS,
} from '../../demo/server/dossiers/lifecycle.js';
import { API, assertSchema, startTestBackend, type TestBackend } from './helpers.js';
import { act, actRefused, insertDossier, lookup, OFFICER_TOKEN, postJson } from './lifecycle-fixtures.js';

const calendar = new WorkingCalendar({ saturdayMorning: false });
const at = (local: string): Date => new Date(`${local}+07:00`);
const context = (now: string): LifecycleContext => ({ now: at(now), calendar });

/** Mon 12 Oct 2026 is an ordinary week: no day off from 12 to 23 October. */
const RECEIVED = '2026-10-12T08:00:00';
const DUE = '2026-10-16T17:00:00';
const NOW = '2026-10-13T10:00:00';

const state = (overrides: Partial<DossierState> = {}): DossierState => ({
  status: STATUS.submitted,
  appointmentAt: at(DUE),
  finishedAt: null,
  pausedAt: null,
  supplementRequests: 0,
  supplement: null,
  payment: null,
  delivery: null,
  apology: null,
  ...overrides,
});

/** One valid example of each action. */
const SAMPLE: { [K in OfficerAction['action']]: Extract<OfficerAction, { action: K }> } = {
  receive: { action: 'receive' },
  refuse: { action: 'refuse', reason: 'Thiếu Giấy chứng sinh.' },
  'request-supplement': { action: 'request-supplement', items: ['Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền'] },
  'supplement-received': { action: 'supplement-received' },
  'request-payment': {
    action: 'request-payment',
    items: [{ label: 'Lệ phí đăng ký khai sinh quá hạn', amount: 8000 }],
    how: 'Nộp tại Bộ phận Một cửa.',
  },
  'payment-received': { action: 'payment-received' },
  process: { action: 'process' },
  'result-ready': { action: 'result-ready', delivery: { method: 'desk', where: 'Bộ phận Một cửa, UBND xã Minh Họa' } },
  'return-result': { action: 'return-result' },
  stop: { action: 'stop', reason: 'Người yêu cầu đã được đăng ký khai sinh ở nơi khác.' },
  withdraw: { action: 'withdraw' },
  apologise: {
    action: 'apologise',
    text: 'UBND xã xin lỗi vì trả kết quả chậm.',
    newAppointmentAt: '2026-10-23T17:00:00+07:00',
  },
};

/** The lifecycle as the issue states it: action, from, to (undefined: unchanged). */
const EXPECTED: [OfficerAction['action'], number[], number | undefined][] = [
  ['receive', [1], 2],
  ['refuse', [1], 3],
  ['request-supplement', [2, 4], 5],
  ['supplement-received', [5], 4],
  ['request-payment', [2, 4], 6],
  ['payment-received', [6], 4],
  ['process', [2], 4],
  ['result-ready', [4], 9],
  ['return-result', [9], 10],
  ['stop', [2, 4, 5, 6], 8],
  ['withdraw', [1, 2, 4, 5, 6], 7],
  ['apologise', [1, 2, 4, 5, 6, 9], undefined],
];

/** A state in which `action` may be taken from `status` (an apology needs a late dossier). */
function stateFor(action: OfficerAction['action'], status: number): DossierState {
  const late = action === 'apologise' ? { appointmentAt: at('2026-10-12T17:00:00') } : {};
  const waiting = status === STATUS.supplementRequested ? { pausedAt: at(NOW), supplementRequests: 1 } : {};
  const finished = status >= STATUS.resultReady ? { finishedAt: at('2026-10-13T09:00:00') } : {};
  return state({ status, ...late, ...waiting, ...finished });
}

describe('lifecycle: the transition table', () => {
  test('is exactly the one of the issue', () => {
    assert.deepEqual(
      TRANSITIONS.map((t) => [t.action, [...t.from], t.to]),
      EXPECTED,
    );
    assert.ok(
      TRANSITIONS.every((t) => t.step.normalize('NFC') === t.step && /[ạ-ỹ]/u.test(t.step)),
      'Vietnamese NFC step names',
    );
  });

  for (const [action, from, to] of EXPECTED) {
    for (const status of from) {
      test(`${action}: ${status} → ${to ?? status}`, () => {
        const outcome = applyAction(stateFor(action, status), SAMPLE[action], context(NOW));
        assert.ok(outcome.ok, JSON.stringify(outcome));
        assert.equal(outcome.state.status, to ?? status);
        assert.equal(outcome.history.status, to ?? status);
        assert.equal(outcome.history.actor, DEFAULT_ACTOR);
        assert.deepEqual(outcome.history.at, at(NOW));
      });
    }
  }

  test('every other (action, status) pair is refused with 409 transition_not_allowed, naming the status', () => {
    let refused = 0;
    for (const [action, from] of EXPECTED) {
      for (let status = 1; status <= 10; status++) {
        if (from.includes(status)) continue;
        const outcome = applyAction(stateFor(action, status), SAMPLE[action], context(NOW));
        assert.ok(!outcome.ok, `${action} from ${status} must be refused`);
        assert.equal(outcome.httpStatus, 409);
        refused++;
        if (action === 'request-supplement' && status === STATUS.supplementRequested) {
          assert.equal(outcome.code, 'supplement_already_requested', 'asked again while waiting');
          continue;
        }
        assert.equal(outcome.code, 'transition_not_allowed', `${action} from ${status}`);
        assert.match(outcome.message, new RegExp(`status ${status} `));
      }
    }
    assert.equal(refused, 12 * 10 - EXPECTED.reduce((n, [, from]) => n + from.length, 0));
  });
});

describe('lifecycle: what each transition records', () => {
  test('the officer named in `actor` is kept; the note for the citizen defaults sensibly', () => {
    const outcome = applyAction(
      state(),
      {
        action: 'refuse',
        reason: 'Sai thẩm quyền.',
        note: 'Đề nghị nộp tại UBND xã Hòa Bình.',
        actor: 'Trần Thị Bình',
      },
      context(NOW),
    );
    assert.ok(outcome.ok);
    assert.equal(outcome.history.actor, 'Trần Thị Bình');
    assert.equal(outcome.history.note, 'Lý do: Sai thẩm quyền. Đề nghị nộp tại UBND xã Hòa Bình.');
    assert.equal(outcome.history.step, 'Từ chối tiếp nhận hồ sơ');
  });

  test('finished_at: set on 3, 7 after reception, 8, 9; kept on 10; not on 7 before reception', () => {
    const finishes = (from: number, action: OfficerAction): Date | null => {
      const outcome = applyAction(stateFor(action.action, from), action, context(NOW));
      assert.ok(outcome.ok);
      return outcome.state.finishedAt;
    };
    assert.deepEqual(finishes(1, SAMPLE.refuse), at(NOW));
    assert.deepEqual(finishes(2, SAMPLE.withdraw), at(NOW));
    assert.deepEqual(finishes(6, SAMPLE.stop), at(NOW));
    assert.deepEqual(finishes(4, SAMPLE['result-ready']), at(NOW));
    assert.deepEqual(finishes(9, SAMPLE['return-result']), at('2026-10-13T09:00:00'), 'the result was ready then');
    assert.equal(finishes(1, SAMPLE.withdraw), null);
    assert.equal(finishes(2, SAMPLE.process), null);
  });

  test('a payment request totals its items; payment-received marks it paid', () => {
    const items = [
      { label: 'Lệ phí', amount: 8000 },
      { label: 'Phí cấp bản sao', amount: 16000 },
    ];
    const requested = applyAction(state({ status: 4 }), { ...SAMPLE['request-payment'], items }, context(NOW));
    assert.ok(requested.ok);
    assert.deepEqual(requested.state.payment, { items, total: 24000, how: 'Nộp tại Bộ phận Một cửa.', paid: false });
    const paid = applyAction(requested.state, SAMPLE['payment-received'], context(NOW));
    assert.ok(paid.ok);
    assert.equal(paid.state.payment?.paid, true);
  });

  test('a second supplement request is refused, even after the first was answered', () => {
    const first = applyAction(state({ status: 2 }), SAMPLE['request-supplement'], context(NOW));
    assert.ok(first.ok);
    assert.deepEqual(first.state.supplement, {
      requestedAt: '2026-10-13T10:00:00+07:00',
      items: SAMPLE['request-supplement'].items,
    });
    const back = applyAction(first.state, SAMPLE['supplement-received'], context('2026-10-14T10:00:00'));
    assert.ok(back.ok);
    for (const again of [first.state, back.state]) {
      const outcome = applyAction(again, SAMPLE['request-supplement'], context('2026-10-14T11:00:00'));
      assert.ok(!outcome.ok);
      assert.equal(outcome.code, 'supplement_already_requested');
      assert.equal(outcome.httpStatus, 409);
    }
  });

  test('a note made of parts that each fit but together pass 4000 characters is refused, 400 note_too_long', () => {
    const long = 'x'.repeat(4000);
    const tooLong: [number, OfficerAction][] = [
      [1, { action: 'refuse', reason: long }],
      [2, { action: 'stop', reason: 'Lý do.', note: long }],
      [2, { action: 'request-supplement', items: Array(50).fill('y'.repeat(100)) }],
      [4, { action: 'result-ready', delivery: { method: 'desk', where: long } }],
    ];
    for (const [status, action] of tooLong) {
      const outcome = applyAction(state({ status }), action, context(NOW));
      assert.ok(!outcome.ok, action.action);
      assert.equal(outcome.code, 'note_too_long');
      assert.equal(outcome.httpStatus, 400);
      assert.match(outcome.message, /at most 4000\b/);
    }
    const fits = applyAction(state(), { action: 'refuse', reason: 'x'.repeat(4000 - 'Lý do: '.length) }, context(NOW));
    assert.ok(fits.ok);
    assert.equal(fits.history.note?.length, 4000);
  });
});

describe('lifecycle: the supplement pause and lateness', () => {
  test('the office time spent waiting for the citizen moves the appointment (worked by hand)', () => {
    // Asked Mon 12/10 09:00, answered Tue 13/10 09:00: 2h30 + 3h30 on Monday and 1h30 on
    // Tuesday of office time, 7h30 in all. Due Fri 16/10 17:00 (closing) + 7h30 = Mon 19/10 17:00.
    const asked = applyAction(state({ status: 4 }), SAMPLE['request-supplement'], context('2026-10-12T09:00:00'));
    assert.ok(asked.ok);
    assert.deepEqual(asked.state.pausedAt, at('2026-10-12T09:00:00'));
    const answered = applyAction(asked.state, SAMPLE['supplement-received'], context('2026-10-13T09:00:00'));
    assert.ok(answered.ok);
    assert.deepEqual(answered.state.appointmentAt, at('2026-10-19T17:00:00'));
    assert.equal(answered.state.pausedAt, null);
  });

  test('stopping or withdrawing while waiting also gives the waiting time back', () => {
    const waiting = state({ status: 5, pausedAt: at('2026-10-12T09:00:00'), supplementRequests: 1 });
    for (const action of [SAMPLE.stop, SAMPLE.withdraw]) {
      const outcome = applyAction(waiting, action, context('2026-10-13T09:00:00'));
      assert.ok(outcome.ok);
      assert.deepEqual(outcome.state.appointmentAt, at('2026-10-19T17:00:00'), action.action);
    }
  });

  test('onTime: open and not yet due; open and past due; finished before or after the appointment', () => {
    assert.equal(isOnTime(state({ status: 4 }), context(DUE)), true, 'due at 17:00 is not late at 17:00');
    assert.equal(isOnTime(state({ status: 4 }), context('2026-10-16T17:00:01')), false);
    assert.equal(
      isOnTime(state({ status: 9, finishedAt: at('2026-10-16T16:00:00') }), context('2026-10-30T10:00:00')),
      true,
    );
    assert.equal(
      isOnTime(state({ status: 10, finishedAt: at('2026-10-19T08:00:00') }), context('2026-10-30T10:00:00')),
      false,
    );
    assert.equal(isOnTime(state({ status: 7 }), context('2026-10-30T10:00:00')), true, 'withdrawn before reception');
    assert.equal(
      isOnTime(state({ appointmentAt: null, status: 4 }), context('2027-06-30T10:00:00')),
      true,
      'no fixed time',
    );
  });

  test('onTime while waiting for the citizen: the clock stopped at the request', () => {
    const waiting = state({ status: 5, pausedAt: at('2026-10-15T09:00:00'), supplementRequests: 1 });
    assert.equal(isOnTime(waiting, context('2026-10-22T10:00:00')), true, 'past the date, but the agency was waiting');
    const askedLate = state({ status: 5, pausedAt: at('2026-10-19T09:00:00'), supplementRequests: 1 });
    assert.equal(isOnTime(askedLate, context('2026-10-22T10:00:00')), false, 'already late when it asked');
    // Asked after closing time on the due day (due Fri 16 Oct 17:00): late while waiting, and still late
    // once the supplement arrives; the waiting time is not given back to a date already passed.
    const askedAfterHours = state({ status: 5, pausedAt: at('2026-10-16T18:30:00'), supplementRequests: 1 });
    assert.equal(isOnTime(askedAfterHours, context('2026-10-19T10:00:00')), false, 'asked after the due time');
    const answeredLate = applyAction(askedAfterHours, SAMPLE['supplement-received'], context('2026-10-19T10:00:00'));
    assert.ok(answeredLate.ok);
    assert.deepEqual(answeredLate.state.appointmentAt, at(DUE), 'the passed date stays');
    assert.equal(isOnTime(answeredLate.state, context('2026-10-19T10:00:01')), false);
    // Years after the holiday data (which asks for the calendar throws): a lookup still answers.
    const waitingLater = state({
      status: 5,
      appointmentAt: at('2028-03-10T17:00:00'),
      pausedAt: at('2028-03-08T09:00:00'),
      supplementRequests: 1,
    });
    assert.equal(isOnTime(waitingLater, context('2028-04-20T10:00:00')), true);
    assert.equal(
      isOnTime({ ...waitingLater, pausedAt: at('2028-03-13T09:00:00') }, context('2028-04-20T10:00:00')),
      false,
    );
  });

  test('an apology only for a late dossier, with a new date ahead', () => {
    const onTime = applyAction(state({ status: 4 }), SAMPLE.apologise, context(NOW));
    assert.ok(!onTime.ok);
    assert.equal(onTime.code, 'not_late');
    const late = state({ status: 4 });
    const past = applyAction(
      late,
      { ...SAMPLE.apologise, newAppointmentAt: '2026-10-17T10:00:00+07:00' },
      context('2026-10-19T08:00:00'),
    );
    assert.ok(!past.ok);
    assert.equal(past.code, 'new_appointment_not_ahead');
    const done = applyAction(late, SAMPLE.apologise, context('2026-10-19T08:00:00'));
    assert.ok(done.ok);
    assert.equal(done.state.status, 4);
    assert.deepEqual(done.state.appointmentAt, at(DUE), 'the appointment stays: a late dossier counts as late');
    assert.deepEqual(done.state.apology, {
      issuedAt: '2026-10-19T08:00:00+07:00',
      text: SAMPLE.apologise.text,
      newAppointmentAt: SAMPLE.apologise.newAppointmentAt,
    });
  });
});

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
