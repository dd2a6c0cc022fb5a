/**
 * What the appointment tests (appointment-*.test.ts) share: Vietnam times
 * parsed with an explicit +07:00, the two desk calendars, the processing
 * times, and the first half of the table worked out by hand (the same-day
 * and working-day rows; appointment-table.test.ts holds the rest and runs
 * them all, numbered in order).
 */
import type { ProcessingTime } from '../../src/api/contract/catalogue.js';
import { WorkingCalendar } from '../../demo/server/calendar/working-days.js';

/** `YYYY-MM-DD HH:MM` in Vietnam → the instant. */
export const vn = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+07:00`);

export const WEEKDAYS_ONLY = new WorkingCalendar({ saturdayMorning: false });
export const SATURDAY_DESK = new WorkingCalendar({ saturdayMorning: true });

export const SAME_DAY: ProcessingTime = { unit: 'same-day', sameDayCutoff: '15:00' };
export const workingDays = (value: number): ProcessingTime => ({ unit: 'working-days', value });
export const days = (value: number): ProcessingTime => ({ unit: 'days', value });
export const hours = (value: number): ProcessingTime => ({ unit: 'hours', value });

export interface Case {
  received: string;
  time: ProcessingTime;
  /** The desk receives on Saturday mornings. */
  saturday: boolean;
  /** Waiting for a supplement, from → to. */
  paused?: [string, string];
  due: string;
  why: string;
}

/** The same-day and working-day rows of the table, in its order. */
export const SAME_DAY_AND_WORKING_DAY_CASES: Case[] = [
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
];

export const describeTime = (time: ProcessingTime): string =>
  [time.unit, time.value, time.sameDayCutoff && `after ${time.sameDayCutoff}`].filter(Boolean).join(' ');
