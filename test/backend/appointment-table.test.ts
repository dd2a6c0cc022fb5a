/**
 * The appointment-date rules against a table worked out by hand from the
 * rules in `demo/server/calendar/appointment.ts` and the days off of
 * `holidays.ts` (2027's Tết, Giỗ Tổ and second Quốc khánh day are
 * provisional there: rows 38, 39 and 41 change with the 2027 notice).
 *
 * Every time is Vietnam time, parsed with an explicit +07:00, so the table
 * means the same whatever the machine's time zone (calendar.test.ts runs
 * this file again under other zones). Office hours are the defaults:
 * 07:30–11:30 and 13:30–17:00 on working days, 07:30–11:30 on Saturday at a
 * desk that receives then.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appointmentFor, pausedAppointment } from '../../demo/server/calendar/appointment.js';
import { formatLocal } from '../../demo/server/calendar/working-days.js';
import {
  type Case,
  days,
  describeTime,
  hours,
  SAME_DAY_AND_WORKING_DAY_CASES,
  SATURDAY_DESK,
  vn,
  WEEKDAYS_ONLY,
  workingDays,
} from './appointment-cases.js';

const CASES: Case[] = [
  ...SAME_DAY_AND_WORKING_DAY_CASES,
  // days: calendar days; a due day the desk is closed moves on
  {
    received: '2025-03-03 10:00',
    time: days(30),
    saturday: false,
    due: '2025-04-02 17:00',
    why: 'ends on a working day',
  },
  {
    received: '2025-04-02 10:00',
    time: days(5),
    saturday: false,
    due: '2025-04-08 17:00',
    why: 'ends on Giỗ Tổ 7/4/2025: moved to Tue 8',
  },
  {
    received: '2025-03-07 10:00',
    time: days(1),
    saturday: false,
    due: '2025-03-10 17:00',
    why: 'ends on a Saturday: moved to Monday',
  },
  {
    received: '2025-03-07 10:00',
    time: days(1),
    saturday: true,
    due: '2025-03-08 11:30',
    why: 'ends on a Saturday at a Saturday desk: its 11:30 close',
  },
  {
    received: '2025-03-08 09:00',
    time: days(2),
    saturday: false,
    due: '2025-03-12 17:00',
    why: 'received on a Saturday without reception: counted from Monday',
  },
  {
    received: '2026-01-30 10:00',
    time: days(20),
    saturday: false,
    due: '2026-02-23 17:00',
    why: 'ends 19/2/2026, mùng 3 Tết: moved past the break',
  },
  {
    received: '2026-08-03 10:00',
    time: days(30),
    saturday: false,
    due: '2026-09-03 17:00',
    why: 'ends on Quốc khánh 2/9/2026: moved to Thu 3',
  },
  {
    received: '2026-10-26 10:00',
    time: days(29),
    saturday: false,
    due: '2026-11-25 17:00',
    why: 'ends on Ngày Văn hóa Việt Nam 24/11/2026: moved to Wed 25',
  },
  // hours: office time only
  {
    received: '2025-03-03 10:00',
    time: hours(4),
    saturday: false,
    due: '2025-03-03 16:00',
    why: 'across lunch: 1.5 h, then 2.5 h from 13:30',
  },
  {
    received: '2025-03-03 15:00',
    time: hours(8),
    saturday: false,
    due: '2025-03-04 15:30',
    why: 'across days: 2 + 4 + 2',
  },
  {
    received: '2025-03-07 15:00',
    time: hours(8),
    saturday: true,
    due: '2025-03-10 09:30',
    why: 'the Saturday morning is office time: 2 + 4 (Sat) + 2',
  },
  {
    received: '2025-03-07 15:00',
    time: hours(8),
    saturday: false,
    due: '2025-03-10 15:30',
    why: "no Saturday: 2 + 4 + 2, all but Friday's on Monday",
  },
  {
    received: '2025-03-04 07:30',
    time: hours(4),
    saturday: false,
    due: '2025-03-04 11:30',
    why: 'fills the morning: 11:30, not 13:30',
  },
  {
    received: '2025-03-04 05:00',
    time: hours(2),
    saturday: false,
    due: '2025-03-04 09:30',
    why: 'early morning: counted from 07:30',
  },
  {
    received: '2025-03-04 12:00',
    time: hours(1.5),
    saturday: false,
    due: '2025-03-04 15:00',
    why: 'at lunch: counted from 13:30; half hours are fine',
  },
  {
    received: '2025-01-24 10:00',
    time: hours(24),
    saturday: false,
    due: '2025-02-05 11:30',
    why: 'over Tết 2025: 5 + 7.5 + 7.5 + 4',
  },
  {
    received: '2026-08-28 15:00',
    time: hours(4),
    saturday: true,
    due: '2026-09-03 09:30',
    why: 'Saturday 29/8/2026 is in the Quốc khánh break: no session; 2 + 2',
  },
  {
    received: '2025-04-25 16:00',
    time: hours(4),
    saturday: false,
    due: '2025-04-26 10:30',
    why: 'the làm bù Saturday has full hours: 1 + 3',
  },
  {
    received: '2026-11-21 10:00',
    time: hours(2),
    saturday: true,
    due: '2026-11-23 08:00',
    why: 'an ordinary Saturday morning (24/11 does not touch the weekend): 1.5 + 0.5',
  },
  // waiting for a supplement does not count against the agency
  {
    received: '2025-03-03 10:00',
    time: workingDays(3),
    saturday: false,
    paused: ['2025-03-04 07:30', '2025-03-05 07:30'],
    due: '2025-03-07 17:00',
    why: 'paused one whole working day: due a working day later',
  },
  {
    received: '2025-03-03 10:00',
    time: workingDays(3),
    saturday: false,
    paused: ['2025-03-04 10:00', '2025-03-04 15:00'],
    due: '2025-03-07 10:30',
    why: 'paused 3 office hours (lunch not counted)',
  },
  {
    received: '2025-01-20 09:00',
    time: workingDays(5),
    saturday: false,
    paused: ['2025-01-24 13:30', '2025-02-03 11:30'],
    due: '2025-02-04 17:00',
    why: 'paused over Tết 2025: only 3.5 + 4 office hours count',
  },
  {
    received: '2025-03-06 10:00',
    time: workingDays(3),
    saturday: false,
    paused: ['2025-03-08 09:00', '2025-03-09 20:00'],
    due: '2025-03-11 17:00',
    why: 'paused over a weekend only: nothing to add',
  },
  {
    received: '2025-03-06 10:00',
    time: workingDays(3),
    saturday: true,
    paused: ['2025-03-08 09:00', '2025-03-09 20:00'],
    due: '2025-03-12 10:00',
    why: 'the same at a Saturday desk: its 2.5 h Saturday morning counts',
  },
];

describe('appointment dates, worked out by hand', () => {
  test('the table has at least 40 cases', () => assert.ok(CASES.length >= 40, `${CASES.length} cases`));

  CASES.forEach((row, i) => {
    const desk = row.saturday ? 'Saturday desk' : 'weekdays only';
    test(`${i + 1}. ${row.received}, ${describeTime(row.time)}, ${desk}: ${row.why}`, () => {
      const calendar = row.saturday ? SATURDAY_DESK : WEEKDAYS_ONLY;
      const first = appointmentFor(vn(row.received), row.time, calendar);
      const { due, rule } = row.paused
        ? pausedAppointment(first.due, vn(row.paused[0]), vn(row.paused[1]), calendar)
        : first;
      assert.equal(due.getTime(), vn(row.due).getTime(), `got ${formatLocal(due)}; ${first.rule}; ${rule}`);
    });
  });
});
