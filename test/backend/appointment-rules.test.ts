/**
 * The appointment rules beyond the hand-worked table
 * (appointment-table.test.ts): isLate, the input the rules refuse, and
 * properties checked over every quarter hour around Tết 2025 and Quốc
 * khánh 2026. Every time is Vietnam time, parsed with an explicit +07:00.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcessingTime } from '../../src/api/contract/catalogue.js';
import { appointmentFor, isLate, pausedAppointment } from '../../demo/server/calendar/appointment.js';
import { formatLocal } from '../../demo/server/calendar/working-days.js';
import {
  days,
  describeTime,
  hours,
  SAME_DAY,
  SATURDAY_DESK,
  vn,
  WEEKDAYS_ONLY,
  workingDays,
} from './appointment-cases.js';

describe('isLate', () => {
  const due = vn('2025-03-06 17:00');
  test('finished at the appointment or before is on time', () => {
    assert.equal(isLate(due, vn('2025-03-06 17:00')), false);
    assert.equal(isLate(due, vn('2025-03-05 09:00')), false);
  });
  test('finished a moment after the appointment is late', () => {
    assert.equal(isLate(due, new Date(due.getTime() + 1)), true);
    assert.equal(isLate(due, vn('2025-03-07 07:30')), true);
  });
  test('a pause that moves the appointment can turn late into on time', () => {
    const finished = vn('2025-03-07 09:00');
    const moved = pausedAppointment(due, vn('2025-03-04 10:00'), vn('2025-03-04 15:00'), WEEKDAYS_ONLY).due;
    assert.equal(isLate(due, finished), true);
    assert.equal(isLate(moved, finished), false);
  });
});

describe('input the rules refuse', () => {
  const received = vn('2025-03-03 10:00');
  const refused: [string, ProcessingTime][] = [
    ['half a working day', workingDays(0.5)],
    ['1.5 calendar days', days(1.5)],
    ['zero working days', workingDays(0)],
    ['working days without a value', { unit: 'working-days' }],
    ['zero hours', hours(0)],
    ['a time that is not whole minutes', hours(0.001)],
    ['a value on same-day', { unit: 'same-day', value: 1 }],
    ['a malformed cutoff', { unit: 'same-day', sameDayCutoff: '3pm' }],
  ];
  for (const [what, time] of refused) {
    test(what, () => assert.throws(() => appointmentFor(received, time, WEEKDAYS_ONLY), RangeError));
  }
  test('an invalid received date', () => {
    assert.throws(() => appointmentFor(new Date('not a date'), SAME_DAY, WEEKDAYS_ONLY), RangeError);
  });
  test('a year without holiday data, rather than a guess', () => {
    assert.throws(() => appointmentFor(vn('2024-12-20 10:00'), SAME_DAY, WEEKDAYS_ONLY), /2024/);
    assert.throws(() => appointmentFor(vn('2027-12-28 10:00'), workingDays(5), WEEKDAYS_ONLY), /2028/);
  });
  test('a pause that ends before it starts', () => {
    assert.throws(
      () => pausedAppointment(vn('2025-03-06 17:00'), vn('2025-03-05 10:00'), vn('2025-03-04 10:00'), WEEKDAYS_ONLY),
      RangeError,
    );
  });
});

describe('properties over every quarter hour around Tết 2025 and Quốc khánh 2026', () => {
  const instants = (from: string, to: string): Date[] => {
    const list: Date[] = [];
    for (let t = vn(from).getTime(); t <= vn(to).getTime(); t += 15 * 60_000) list.push(new Date(t));
    return list;
  };
  const sweep = [
    ...instants('2025-01-18 00:00', '2025-02-08 00:00'),
    ...instants('2026-08-19 00:00', '2026-09-06 00:00'),
  ];
  const times = [SAME_DAY, { unit: 'same-day' } as const, workingDays(3), days(5), hours(4)];
  for (const calendar of [WEEKDAYS_ONLY, SATURDAY_DESK]) {
    for (const time of times) {
      test(`${describeTime(time)}, Saturday desk ${calendar.saturdayMorning}: never before reception, never earlier for a later reception`, () => {
        let previous = 0;
        for (const received of sweep) {
          const due = appointmentFor(received, time, calendar).due.getTime();
          assert.ok(due > received.getTime(), `${formatLocal(received)}: due before reception`);
          assert.ok(due >= previous, `${formatLocal(received)}: due earlier than for an earlier reception`);
          previous = due;
        }
      });
    }
  }
});
