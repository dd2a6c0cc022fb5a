/**
 * The dossier lifecycle as a pure state machine: every allowed transition,
 * every refused one, what each transition records (finishing times, the
 * supplement and payment, the apology), the supplement pause and lateness.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OfficerAction } from '../../src/api/contract/index.js';
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
import { at, DUE, NOW, SAMPLE } from './lifecycle-fixtures.js';

const calendar = new WorkingCalendar({ saturdayMorning: false });
const context = (now: string): LifecycleContext => ({ now: at(now), calendar });

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
