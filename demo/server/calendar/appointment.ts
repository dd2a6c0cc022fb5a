/**
 * The appointment date (ngày hẹn trả kết quả) of a dossier, from the moment
 * it was received and the procedure's processing time, on a desk's
 * {@link WorkingCalendar}. The rules, and where they come from:
 *
 * 1. **Reception.** A dossier received outside office time (online, at
 *    night, on a day off, at lunch) counts as received at the next opening of
 *    the desk: that is the earliest an officer can receive it (common
 *    practice of the portals; the statutes read do not say it in so many
 *    words). When the procedure has a `sameDayCutoff` — the 15:00 rule of
 *    civil status (Luật Hộ tịch 2014) and certification (Nghị định
 *    23/2015/NĐ-CP art. 7) — a dossier received *after* that time ("sau 15
 *    giờ": 15:00:00 itself is not after) counts as received at the next
 *    opening on a later day.
 * 2. **`same-day`**: due at the close of the reception day.
 * 3. **`working-days`**: the reception day is not counted; `value` working
 *    days are counted from the next one (Bộ luật Dân sự 2015 art. 147: a
 *    period in days starts the day after the event), and the dossier is due
 *    at the close of the last one. A Saturday reception morning is not a
 *    working day; a Saturday worked in exchange (làm bù) is.
 * 4. **`days`**: calendar days, counted the same way; when the last day is
 *    one the desk is closed, due at the close of the next day it is open
 *    (Bộ luật Dân sự 2015 art. 148: a period ending on a weekly rest day or a
 *    holiday ends with the next working day).
 * 5. **`hours`**: office time only, from the reception moment (art. 147(1):
 *    a period in hours starts at the moment itself).
 *
 * Due is always an instant: the close of the day for day-based units, since
 * the result is handed over during office hours. Fractions of a day have no
 * closing time to aim at and are refused; give such a time in hours. A
 * procedure described as "7 + 2 working days" is stored as its total, 9.
 */
import type { ProcessingTime } from '../../../src/api/contract/catalogue.js';
import {
  addCalendarDays,
  formatLocal,
  instantAt,
  type IsoDate,
  localDate,
  parseClock,
  type WorkingCalendar,
} from './working-days.js';

export interface Appointment {
  due: Date;
  /** How `due` was reached, in words, for logs and support. */
  rule: string;
}

interface Reception {
  /** The moment the dossier counts as received: always within office time. */
  at: Date;
  day: IsoDate;
  note: string;
}

function validInstant(instant: Date, what: string): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${what} is not a valid date`);
  return instant;
}

/** Rule 1: when the dossier counts as received. */
function receptionOf(received: Date, cutoff: string | undefined, calendar: WorkingCalendar): Reception {
  const opened = calendar.nextOfficeMoment(received);
  const day = localDate(opened);
  if (cutoff !== undefined && opened.getTime() > instantAt(day, parseClock(cutoff)).getTime()) {
    const at = calendar.nextOfficeMoment(calendar.closingTime(day));
    return {
      at,
      day: localDate(at),
      note: `received ${formatLocal(received)}, after the ${cutoff} cutoff: counts as received ${formatLocal(at)}`,
    };
  }
  const note =
    opened.getTime() === received.getTime()
      ? `received ${formatLocal(received)}`
      : `received ${formatLocal(received)} outside office hours: counts as received ${formatLocal(opened)}`;
  return { at: opened, day, note };
}

function wholeDays(time: ProcessingTime): number {
  const { value, unit } = time;
  if (value === undefined || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${unit} needs a whole number of days ≥ 1, got ${value}; give a fraction of a day in hours`);
  }
  return value;
}

function hoursInMs(value: number | undefined): number {
  const minutes = (value ?? Number.NaN) * 60;
  if (!(minutes > 0) || Math.abs(minutes - Math.round(minutes)) > 1e-9) {
    throw new RangeError(`hours needs a positive whole number of minutes, got ${value} h`);
  }
  return Math.round(minutes) * 60_000;
}

/** The appointment for a dossier received at `received` (see the rules above). */
export function appointmentFor(received: Date, time: ProcessingTime, calendar: WorkingCalendar): Appointment {
  const reception = receptionOf(validInstant(received, 'received'), time.sameDayCutoff, calendar);
  const rule = (how: string): string => `${time.unit}: ${reception.note}; ${how}`;
  switch (time.unit) {
    case 'same-day': {
      if (time.value !== undefined) throw new RangeError(`same-day takes no value, got ${time.value}`);
      return { due: calendar.closingTime(reception.day), rule: rule(`due at the close of ${reception.day}`) };
    }
    case 'working-days': {
      const n = wholeDays(time);
      const last = calendar.addWorkingDays(reception.day, n);
      return {
        due: calendar.closingTime(last),
        rule: rule(`${n} working days after ${reception.day} (not counted) end on ${last}; due at its close`),
      };
    }
    case 'days': {
      const n = wholeDays(time);
      const last = addCalendarDays(reception.day, n);
      const dueDay = calendar.isOpen(last) ? last : calendar.nextOpenDay(last);
      const moved = dueDay === last ? '' : `, the desk is closed: moved to ${dueDay}`;
      return {
        due: calendar.closingTime(dueDay),
        rule: rule(`${n} calendar days after ${reception.day} (not counted) end on ${last}${moved}; due at its close`),
      };
    }
    case 'hours': {
      const ms = hoursInMs(time.value);
      return {
        due: calendar.addOfficeTime(reception.at, ms),
        rule: rule(`${time.value} office hours from ${formatLocal(reception.at)}`),
      };
    }
  }
}

/**
 * The appointment once a supplement request has been answered: the time the
 * dossier waited for the citizen (from the request to the supplement) does
 * not count against the agency (one-stop rules, `DOMAIN.md` §3; issue 5), so
 * `due` moves on by the office time spent paused. Office time, not calendar
 * time: a pause over a weekend or Tết gives back only the hours the desk was
 * open. Call once per pause.
 */
export function pausedAppointment(
  due: Date,
  pausedFrom: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
): Appointment {
  validInstant(due, 'due');
  if (validInstant(resumedAt, 'resumedAt').getTime() < validInstant(pausedFrom, 'pausedFrom').getTime()) {
    throw new RangeError(`resumed (${formatLocal(resumedAt)}) before paused (${formatLocal(pausedFrom)})`);
  }
  const paused = calendar.officeTimeBetween(pausedFrom, resumedAt);
  return {
    due: calendar.addOfficeTime(due, paused),
    rule: `paused ${formatLocal(pausedFrom)} → ${formatLocal(resumedAt)} waiting for a supplement: ${paused / 60_000} min of office time added to ${formatLocal(due)}`,
  };
}

/**
 * Whether a dossier finished (or still open) at `at` is late: finished after
 * the appointment instant. Pass the finish time, or now for an open dossier.
 */
export function isLate(due: Date, at: Date): boolean {
  return validInstant(at, 'at').getTime() > validInstant(due, 'due').getTime();
}
