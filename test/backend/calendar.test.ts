/**
 * The holiday data against the Labour Code's rules, the working-day
 * calendar built on it, and independence from the machine's time zone.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HOLIDAY_YEARS, type IsoDate } from '../../demo/server/calendar/holidays.js';
import {
  addCalendarDays,
  dayNumber,
  formatLocal,
  instantAt,
  localDate,
  parseClock,
  weekday,
  WorkingCalendar,
} from '../../demo/server/calendar/working-days.js';

const WEEKDAYS_ONLY = new WorkingCalendar({ saturdayMorning: false });
const SATURDAY_DESK = new WorkingCalendar({ saturdayMorning: true });
const vn = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;

describe('holiday data', () => {
  test('covers 2025, 2026 and 2027, in order', () => {
    assert.deepEqual(
      HOLIDAY_YEARS.map((year) => year.year),
      [2025, 2026, 2027],
    );
  });

  for (const year of HOLIDAY_YEARS) {
    describe(String(year.year), () => {
      const entries = [...year.daysOff, ...year.extraWorkingDays];
      const holidays = year.daysOff.filter((day) => day.kind === 'holiday');
      const dates = (list: readonly { date: IsoDate }[]) => list.map((day) => day.date);

      test('ISO dates within the year, each list sorted, no date twice', () => {
        for (const { date } of entries) {
          assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
          assert.doesNotThrow(() => dayNumber(date), date);
          assert.equal(date.slice(0, 4), String(year.year), date);
        }
        for (const list of [year.daysOff, year.extraWorkingDays]) {
          assert.deepEqual(dates(list), dates(list).toSorted(), 'sorted');
        }
        assert.equal(new Set(dates(entries)).size, entries.length, 'no duplicates');
      });

      test('names are non-empty Vietnamese text in NFC', () => {
        for (const { name } of entries) {
          assert.ok(name.trim().length > 0);
          assert.equal(name, name.normalize('NFC'), name);
        }
      });

      test('the days of BLLĐ 2019 art. 112(1) are all there, and 24/11 from 2026', () => {
        const on = (monthDay: string) => holidays.some((day) => day.date === `${year.year}-${monthDay}`);
        for (const monthDay of ['01-01', '04-30', '05-01', '09-02']) assert.ok(on(monthDay), monthDay);
        assert.equal(on('11-24'), year.year >= 2026, '24/11 (NQ 28/2026/QH16, from 1/7/2026)');
        assert.ok(on('09-01') !== on('09-03'), 'Quốc khánh: exactly one adjacent day, 1/9 or 3/9');
        const tet = holidays.filter((day) => day.name.startsWith('Tết Nguyên đán')).map((day) => dayNumber(day.date));
        assert.deepEqual(
          tet,
          [0, 1, 2, 3, 4].map((i) => tet[0]! + i),
          'Tết: five consecutive days',
        );
        assert.equal(holidays.filter((day) => day.name.startsWith('Giỗ Tổ')).length, 1);
        assert.equal(holidays.length, year.year >= 2026 ? 12 : 11);
      });

      test('art. 111(3): a holiday on a weekly rest day is made up on the next working day', () => {
        const notWorking = new Set(dates(year.daysOff.filter((day) => day.kind !== 'compensatory')));
        const expected = new Map<IsoDate, IsoDate>();
        for (const holiday of holidays.filter((day) => isWeekend(day.date))) {
          let makeUp = addCalendarDays(holiday.date, 1);
          while (isWeekend(makeUp) || notWorking.has(makeUp) || expected.has(makeUp))
            makeUp = addCalendarDays(makeUp, 1);
          expected.set(makeUp, holiday.date);
        }
        const listed = new Map(
          year.daysOff.flatMap((day) => (day.kind === 'compensatory' ? [[day.date, day.for]] : [])),
        );
        assert.deepEqual(listed, expected);
      });

      test('swaps: each swapped day is a weekday, paired with exactly one Saturday worked', () => {
        const swapped = dates(year.daysOff.filter((day) => day.kind === 'swapped'));
        assert.deepEqual(year.extraWorkingDays.map((day) => day.for).toSorted(), swapped);
        for (const date of swapped) assert.ok(!isWeekend(date), date);
        for (const { date } of year.extraWorkingDays) assert.equal(weekday(date), 6, `${date} is a Saturday`);
      });

      test('provisional entries only in a year not yet announced, which says so', () => {
        const provisional = year.daysOff.some((day) => day.provisional);
        assert.equal(provisional, !year.announced);
        assert.ok(year.sources.length > (year.announced ? 1 : 0), 'an announced year cites its notices');
      });
    });
  }
});

describe('working days', () => {
  test('no listed day off is a working day, or open at any desk', () => {
    for (const { date } of HOLIDAY_YEARS.flatMap((year) => year.daysOff)) {
      for (const calendar of [WEEKDAYS_ONLY, SATURDAY_DESK]) {
        assert.equal(calendar.isWorkingDay(date), false, date);
        assert.equal(calendar.isOpen(date), false, date);
      }
    }
  });

  test('a Saturday worked in exchange is a full working day at every desk', () => {
    for (const { date } of HOLIDAY_YEARS.flatMap((year) => year.extraWorkingDays)) {
      for (const calendar of [WEEKDAYS_ONLY, SATURDAY_DESK]) {
        assert.equal(calendar.isWorkingDay(date), true, date);
        assert.equal(formatLocal(calendar.closingTime(date)), `${date} 17:00`);
      }
    }
  });

  test('art. 111 moves apply: Giỗ Tổ on Sunday 26/4/2026 makes Monday 27/4 a day off', () => {
    assert.equal(WEEKDAYS_ONLY.dayOff('2026-04-27')?.kind, 'compensatory');
    assert.equal(WEEKDAYS_ONLY.nextWorkingDay('2026-04-24'), '2026-04-28');
    assert.equal(WEEKDAYS_ONLY.nextWorkingDay('2027-04-29'), '2027-05-04');
  });

  test('a Saturday morning is a reception session, not a working day', () => {
    assert.equal(SATURDAY_DESK.isWorkingDay('2025-03-08'), false);
    assert.equal(SATURDAY_DESK.isOpen('2025-03-08'), true);
    assert.equal(formatLocal(SATURDAY_DESK.closingTime('2025-03-08')), '2025-03-08 11:30');
    assert.equal(WEEKDAYS_ONLY.isOpen('2025-03-08'), false);
    assert.equal(SATURDAY_DESK.isOpen('2025-03-09'), false, 'never on Sunday');
  });

  test('no Saturday session inside an announced break', () => {
    // Tết 2025 and 2026, Giỗ Tổ 2025, 30/4 2025, Quốc khánh 2025 and 2026, 1/5/2027 itself.
    for (const date of [
      '2025-01-25',
      '2025-02-01',
      '2025-04-05',
      '2025-05-03',
      '2025-08-30',
      '2026-02-14',
      '2026-02-21',
      '2026-08-29',
      '2027-05-01',
    ]) {
      assert.equal(SATURDAY_DESK.isOpen(date), false, date);
    }
    assert.equal(SATURDAY_DESK.isOpen('2026-11-21'), true, 'the weekend before 24/11/2026 is not part of a break');
  });

  test('next working day, and adding working days (the start not counted)', () => {
    assert.equal(WEEKDAYS_ONLY.nextWorkingDay('2025-01-24'), '2025-02-03');
    assert.equal(WEEKDAYS_ONLY.nextWorkingDay('2026-01-09'), '2026-01-10');
    assert.equal(WEEKDAYS_ONLY.addWorkingDays('2025-03-03', 0), '2025-03-03');
    assert.equal(WEEKDAYS_ONLY.addWorkingDays('2025-03-07', 1), '2025-03-10');
    assert.equal(SATURDAY_DESK.addWorkingDays('2025-03-07', 1), '2025-03-10');
    assert.throws(() => WEEKDAYS_ONLY.addWorkingDays('2025-03-03', 1.5), RangeError);
  });

  test('a date outside the holiday data is refused, not guessed', () => {
    assert.throws(() => WEEKDAYS_ONLY.isWorkingDay('2024-12-31'), /2024/);
    assert.throws(() => WEEKDAYS_ONLY.nextWorkingDay('2027-12-31'), /2028/);
    assert.throws(() => WEEKDAYS_ONLY.isWorkingDay('2025-02-30'), RangeError);
  });
});

describe('office time', () => {
  test('the next office moment', () => {
    const next = (local: string) => formatLocal(WEEKDAYS_ONLY.nextOfficeMoment(vn(local)));
    assert.equal(next('2025-03-04 07:30'), '2025-03-04 07:30');
    assert.equal(next('2025-03-04 11:30'), '2025-03-04 13:30', 'a session ends at its close');
    assert.equal(next('2025-03-04 17:00'), '2025-03-05 07:30');
    assert.equal(next('2025-03-07 17:00'), '2025-03-10 07:30');
    assert.equal(formatLocal(SATURDAY_DESK.nextOfficeMoment(vn('2025-03-07 17:00'))), '2025-03-08 07:30');
  });

  test('office time between two instants', () => {
    const between = (from: string, to: string, calendar = WEEKDAYS_ONLY) =>
      calendar.officeTimeBetween(vn(from), vn(to)) / 3_600_000;
    assert.equal(between('2025-03-04 00:00', '2025-03-05 00:00'), 7.5);
    assert.equal(between('2025-03-04 10:00', '2025-03-04 14:00'), 2);
    assert.equal(between('2025-03-08 00:00', '2025-03-10 00:00'), 0);
    assert.equal(between('2025-03-08 00:00', '2025-03-10 00:00', SATURDAY_DESK), 4);
    assert.equal(between('2025-03-05 00:00', '2025-03-04 00:00'), 0, 'reversed');
    assert.equal(between('2025-01-24 00:00', '2025-02-03 00:00'), 7.5, 'only Friday before Tết');
  });

  test('adding office time', () => {
    const add = (local: string, h: number) => formatLocal(WEEKDAYS_ONLY.addOfficeTime(vn(local), h * 3_600_000));
    assert.equal(add('2025-03-04 07:30', 4), '2025-03-04 11:30');
    assert.equal(add('2025-03-04 07:30', 4.5), '2025-03-04 14:00');
    assert.equal(add('2025-03-04 17:00', 0), '2025-03-04 17:00', 'nothing to add: unchanged');
    assert.equal(add('2025-03-04 17:00', 1), '2025-03-05 08:30');
    assert.throws(() => WEEKDAYS_ONLY.addOfficeTime(vn('2025-03-04 07:30'), -1), RangeError);
  });

  test('office hours are configurable, and checked', () => {
    const calendar = new WorkingCalendar({
      saturdayMorning: true,
      weekdayHours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
      saturdayHours: [{ start: '08:00', end: '11:00' }],
    });
    assert.equal(formatLocal(calendar.closingTime('2025-03-04')), '2025-03-04 17:30');
    assert.equal(formatLocal(calendar.closingTime('2025-03-08')), '2025-03-08 11:00');
    assert.equal(formatLocal(calendar.addOfficeTime(vn('2025-03-04 08:00'), 4 * 3_600_000)), '2025-03-04 12:00');
    const bad = [
      [],
      [{ start: '13:00', end: '12:00' }],
      [
        { start: '07:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      [{ start: '7:30', end: '11:30' }],
    ];
    for (const weekdayHours of bad) {
      assert.throws(
        () => new WorkingCalendar({ saturdayMorning: false, weekdayHours }),
        RangeError,
        JSON.stringify(weekdayHours),
      );
    }
  });
});

describe('dates and times at +07:00, whatever the machine', () => {
  test('date helpers', () => {
    assert.equal(weekday('2025-01-01'), 3, 'a Wednesday');
    assert.equal(weekday('1969-12-28'), 0, 'a Sunday, before the epoch');
    assert.equal(addCalendarDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
    for (const bad of ['2025-2-3', '2025-02-30', '2025-13-01', ''])
      assert.throws(() => dayNumber(bad), RangeError, bad);
    assert.equal(parseClock('15:00'), 900);
    for (const bad of ['24:00', '7:30', '15:60']) assert.throws(() => parseClock(bad), RangeError, bad);
  });

  test('instants and Vietnam dates', () => {
    // 17:00 UTC on New Year's Eve is already midnight in Vietnam.
    assert.equal(localDate(new Date('2024-12-31T16:59:59Z')), '2024-12-31');
    assert.equal(localDate(new Date('2024-12-31T17:00:00Z')), '2025-01-01');
    assert.equal(instantAt('2025-01-01', 0).toISOString(), '2024-12-31T17:00:00.000Z');
    assert.equal(formatLocal(new Date('2025-03-03T08:00:00Z')), '2025-03-03 15:00');
  });

  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Zones well behind Vietnam, where its office hours fall on the previous
  // date: a slip into machine time shows there (in UTC or east of Vietnam it
  // can hide, as office hours keep their date).
  for (const zone of ['America/New_York', 'Pacific/Honolulu']) {
    test(`the appointment table passes with TZ=${zone}`, () => {
      const env: NodeJS.ProcessEnv = { ...process.env, TZ: zone };
      delete env.NODE_TEST_CONTEXT;
      const offset = spawnSync(process.execPath, ['-p', 'new Date(2025, 0, 1).getTimezoneOffset()'], {
        env,
        encoding: 'utf8',
      });
      assert.notEqual(offset.stdout.trim(), '-420', 'the child really runs in another zone than Vietnam');
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/backend/appointment-table.test.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      assert.equal(
        run.status,
        0,
        run.stdout
          .split('\n')
          .filter((line) => /not ok|expected|actual|got /.test(line))
          .join('\n'),
      );
      assert.match(run.stdout, /# fail 0/);
    });
  }
});
