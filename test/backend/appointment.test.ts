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
import type { ProcessingTime } from '../../src/api/contract/catalogue.js';
import { appointmentFor, isLate, pausedAppointment } from '../../demo/server/calendar/appointment.js';
import { formatLocal, WorkingCalendar } from '../../demo/server/calendar/working-days.js';

/** `YYYY-MM-DD HH:MM` in Vietnam → the instant. */
const vn = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+07:00`);

const WEEKDAYS_ONLY = new WorkingCalendar({ saturdayMorning: false });
const SATURDAY_DESK = new WorkingCalendar({ saturdayMorning: true });

const SAME_DAY: ProcessingTime = { unit: 'same-day', sameDayCutoff: '15:00' };
const workingDays = (value: number): ProcessingTime => ({ unit: 'working-days', value });
const days = (value: number): ProcessingTime => ({ unit: 'days', value });
const hours = (value: number): ProcessingTime => ({ unit: 'hours', value });

interface Case {
  received: string;
  time: ProcessingTime;
  /** The desk receives on Saturday mornings. */
  saturday: boolean;
  /** Waiting for a supplement, from → to. */
  paused?: [string, string];
  due: string;
  why: string;
}

const CASES: Case[] = [
  // same-day, the 15:00 rule
  {
    received: '2025-03-03 14:59',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-03 17:00',
    why: 'Monday 14:59, before the cutoff: the same day',
  },
  {
    received: '2025-03-03 15:00',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-03 17:00',
    why: '15:00 itself is not "after 15:00"',
  },
  {
    received: '2025-03-03 15:01',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-04 17:00',
    why: 'after 15:00: the next working day',
  },
  {
    received: '2025-03-07 15:30',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-10 17:00',
    why: 'Friday after 15:00: over the weekend to Monday',
  },
  {
    received: '2025-03-07 15:30',
    time: SAME_DAY,
    saturday: true,
    due: '2025-03-08 11:30',
    why: 'Friday after 15:00 at a Saturday desk: Saturday, at its 11:30 close',
  },
  {
    received: '2025-03-08 09:00',
    time: SAME_DAY,
    saturday: true,
    due: '2025-03-08 11:30',
    why: 'Saturday morning at a Saturday desk: that morning',
  },
  {
    received: '2025-03-08 09:00',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-10 17:00',
    why: "Saturday, no Saturday reception: received at Monday's opening",
  },
  {
    received: '2025-03-08 12:00',
    time: SAME_DAY,
    saturday: true,
    due: '2025-03-10 17:00',
    why: 'after the Saturday session has closed: Monday',
  },
  {
    received: '2025-03-04 06:15',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-04 17:00',
    why: 'early morning, before opening: that day',
  },
  {
    received: '2025-03-04 22:40',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-05 17:00',
    why: 'at night: received at the next opening',
  },
  {
    received: '2025-03-04 12:10',
    time: SAME_DAY,
    saturday: false,
    due: '2025-03-04 17:00',
    why: 'at lunch: received at 13:30, before the cutoff',
  },
  {
    received: '2025-03-04 16:30',
    time: { unit: 'same-day' },
    saturday: false,
    due: '2025-03-04 17:00',
    why: 'no cutoff: any time in office hours is the same day',
  },
  {
    received: '2025-12-31 15:05',
    time: SAME_DAY,
    saturday: false,
    due: '2026-01-05 17:00',
    why: '1/1/2026 off, 2/1 swapped off, then the weekend',
  },
  {
    received: '2026-01-09 15:30',
    time: SAME_DAY,
    saturday: false,
    due: '2026-01-10 17:00',
    why: 'the next working day is the làm bù Saturday 10/1/2026, a full day',
  },
  {
    received: '2026-01-10 14:00',
    time: SAME_DAY,
    saturday: false,
    due: '2026-01-10 17:00',
    why: 'on the làm bù Saturday itself, before 15:00',
  },
  {
    received: '2026-02-17 10:00',
    time: SAME_DAY,
    saturday: false,
    due: '2026-02-23 17:00',
    why: 'online on mùng 1 Tết 2026: received when the desk reopens',
  },
  {
    received: '2026-02-13 15:10',
    time: SAME_DAY,
    saturday: true,
    due: '2026-02-23 17:00',
    why: 'Saturday 14/2/2026 opens the Tết break: no Saturday session',
  },
  {
    received: '2025-04-26 10:00',
    time: SAME_DAY,
    saturday: true,
    due: '2025-04-26 17:00',
    why: 'the làm bù Saturday 26/4/2025 has full hours, also at a Saturday desk',
  },
  // working-days: the reception day is not counted
  {
    received: '2025-03-03 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-03-06 17:00',
    why: 'Monday: Tue, Wed, Thu',
  },
  {
    received: '2025-03-07 16:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-03-12 17:00',
    why: 'Friday: Mon, Tue, Wed',
  },
  {
    received: '2025-03-07 21:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-03-13 17:00',
    why: 'Friday night: received Monday; Tue, Wed, Thu',
  },
  {
    received: '2025-03-08 09:00',
    time: workingDays(3),
    saturday: true,
    due: '2025-03-12 17:00',
    why: 'received at the Saturday desk: Mon, Tue, Wed (Saturday is not a working day)',
  },
  {
    received: '2025-03-08 09:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-03-13 17:00',
    why: 'no Saturday reception: received Monday; Tue, Wed, Thu',
  },
  {
    received: '2025-03-03 15:30',
    time: { ...workingDays(3), sameDayCutoff: '15:00' },
    saturday: false,
    due: '2025-03-07 17:00',
    why: 'a cutoff moves any unit: received Tuesday; Wed, Thu, Fri',
  },
  {
    received: '2025-01-22 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-02-03 17:00',
    why: 'spans Tết 2025 (27–31/1): Thu 23, Fri 24, Mon 3/2',
  },
  {
    received: '2026-02-13 09:00',
    time: workingDays(5),
    saturday: false,
    due: '2026-02-27 17:00',
    why: 'the day before the Tết 2026 break (14–22/2): 23–27/2',
  },
  {
    received: '2026-02-18 08:00',
    time: workingDays(2),
    saturday: false,
    due: '2026-02-25 17:00',
    why: 'online on mùng 2 Tết: received Mon 23/2; 24, 25',
  },
  {
    received: '2025-04-24 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-04-28 17:00',
    why: 'the làm bù Saturday 26/4/2025 counts: Fri 25, Sat 26, Mon 28',
  },
  {
    received: '2025-04-28 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2025-05-06 17:00',
    why: '30/4, 1/5 and the swapped 2/5/2025 off: Tue 29, Mon 5, Tue 6',
  },
  {
    received: '2025-08-29 10:00',
    time: workingDays(2),
    saturday: false,
    due: '2025-09-04 17:00',
    why: 'Quốc khánh 2025 (1–2/9): Wed 3, Thu 4',
  },
  {
    received: '2026-08-28 14:00',
    time: workingDays(1),
    saturday: false,
    due: '2026-09-03 17:00',
    why: 'Quốc khánh 2026: 31/8 swapped, 1–2/9 off: Thu 3/9',
  },
  {
    received: '2026-08-20 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2026-08-24 17:00',
    why: 'the làm bù Saturday 22/8/2026 counts: Fri 21, Sat 22, Mon 24',
  },
  {
    received: '2026-04-24 10:00',
    time: workingDays(3),
    saturday: false,
    due: '2026-05-04 17:00',
    why: 'Giỗ Tổ on Sunday 26/4/2026 made up Mon 27 (art. 111), then 30/4–1/5: Tue 28, Wed 29, Mon 4/5',
  },
  {
    received: '2026-11-23 10:00',
    time: workingDays(1),
    saturday: false,
    due: '2026-11-25 17:00',
    why: 'Ngày Văn hóa Việt Nam, Tue 24/11/2026, is off',
  },
  {
    received: '2025-11-24 09:00',
    time: workingDays(1),
    saturday: false,
    due: '2025-11-25 17:00',
    why: '24/11 is not a day off before 2026',
  },
  {
    received: '2026-01-06 10:00',
    time: workingDays(5),
    saturday: false,
    due: '2026-01-12 17:00',
    why: 'Wed 7, Thu 8, Fri 9, the làm bù Sat 10, Mon 12',
  },
  {
    received: '2025-12-22 09:00',
    time: workingDays(9),
    saturday: false,
    due: '2026-01-06 17:00',
    why: '"7 + 2 working days" stored as 9, over New Year 2026',
  },
  {
    received: '2027-02-03 10:00',
    time: workingDays(2),
    saturday: false,
    due: '2027-02-12 17:00',
    why: 'Tết 2027, provisional 5–11/2: Thu 4, Fri 12',
  },
  {
    received: '2027-04-15 10:00',
    time: workingDays(1),
    saturday: false,
    due: '2027-04-19 17:00',
    why: 'Giỗ Tổ 2027 on Fri 16/4 (provisional): Mon 19',
  },
  {
    received: '2027-04-29 10:00',
    time: workingDays(1),
    saturday: false,
    due: '2027-05-04 17:00',
    why: '30/4/2027 off, 1/5 a Saturday made up Mon 3/5 (art. 111): Tue 4',
  },
  {
    received: '2027-09-01 10:00',
    time: workingDays(1),
    saturday: false,
    due: '2027-09-06 17:00',
    why: 'Quốc khánh 2027, Thu 2/9 and (provisional) Fri 3/9: Mon 6',
  },
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

const describeTime = (time: ProcessingTime): string =>
  [time.unit, time.value, time.sameDayCutoff && `after ${time.sameDayCutoff}`].filter(Boolean).join(' ');

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
