/**
 * The working-day calendar of one receiving desk: which days are working
 * days, when the desk is open, and arithmetic on both.
 *
 * Two notions, on purpose:
 * - a **working day** (ngày làm việc) is Monday to Friday, less the listed
 *   days off, plus the Saturdays worked in exchange (làm bù). Civil servants
 *   work a five-day week (Quyết định 188/1999/QĐ-TTg); processing times "in
 *   working days" count these days only;
 * - **office time** is when the desk is open: the working days' sessions
 *   (07:30–11:30 and 13:30–17:00 by default) and, at a desk that also
 *   receives on Saturday mornings, the Saturday session (07:30–11:30). It is
 *   what times in hours, the reception moment and the return of a result
 *   use. A Saturday inside an announced break (a run of weekend days and days
 *   off that contains a listed day off, like "nghỉ 9 ngày liên tục từ thứ
 *   Bảy 14/2") has no Saturday session: the notices announce those breaks as
 *   continuous.
 *
 * Dates are `YYYY-MM-DD` strings; instants are `Date`s. All calendar math is
 * done at the fixed offset of Asia/Ho_Chi_Minh, UTC+07:00 (no daylight saving
 * since 1975), from the epoch milliseconds: nothing here reads the machine's
 * time zone.
 */
import { HOLIDAY_YEARS, type DayOff, type HolidayYear, type IsoDate } from './holidays.js';

export type { IsoDate } from './holidays.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Asia/Ho_Chi_Minh: UTC+07:00 all year. */
export const VIETNAM_OFFSET_MS = 7 * 60 * MINUTE_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

const dateOfDayNumber = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on anything else (2025-02-30 included). */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
  if (!Number.isInteger(day) || dateOfDayNumber(day) !== date) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return day;
}

export const addCalendarDays = (date: IsoDate, days: number): IsoDate => dateOfDayNumber(dayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

/** Minutes after midnight of `HH:MM`. */
export function parseClock(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`Not a time of day (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const localMs = (instant: Date): number => instant.getTime() + VIETNAM_OFFSET_MS;

/** The date in Vietnam at an instant. */
export const localDate = (instant: Date): IsoDate => dateOfDayNumber(Math.floor(localMs(instant) / DAY_MS));

/** The instant at `minutes` after midnight, Vietnam time, on `date`. */
export const instantAt = (date: IsoDate, minutes: number): Date =>
  new Date(dayNumber(date) * DAY_MS + minutes * MINUTE_MS - VIETNAM_OFFSET_MS);

/** `YYYY-MM-DD HH:MM`, Vietnam time: for explanations and messages. */
export function formatLocal(instant: Date): string {
  return new Date(localMs(instant)).toISOString().slice(0, 16).replace('T', ' ');
}

/** A reception session, `HH:MM` to `HH:MM`. */
export interface OfficeSession {
  start: string;
  end: string;
}

/** A session: minutes after midnight as configured, epoch milliseconds once placed on a day. */
interface Span {
  start: number;
  end: number;
}

export const DEFAULT_WEEKDAY_HOURS: readonly OfficeSession[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
export const DEFAULT_SATURDAY_HOURS: readonly OfficeSession[] = [{ start: '07:30', end: '11:30' }];

function toSpans(sessions: readonly OfficeSession[], what: string): readonly Span[] {
  const spans = sessions.map(({ start, end }) => ({ start: parseClock(start), end: parseClock(end) }));
  const ordered = spans.every((span, i) => span.start < span.end && (i === 0 || spans[i - 1]!.end <= span.start));
  if (spans.length === 0 || !ordered)
    throw new RangeError(`${what}: give at least one session, in order, none overlapping`);
  return spans;
}

export interface WorkingCalendarOptions {
  /** The desk also receives on Saturday mornings (a reception session, not a working day). */
  saturdayMorning: boolean;
  /** Sessions of a working day; 07:30–11:30 and 13:30–17:00 by default. */
  weekdayHours?: readonly OfficeSession[];
  /** Sessions of a Saturday morning, when `saturdayMorning`; 07:30–11:30 by default. */
  saturdayHours?: readonly OfficeSession[];
  /** The official days off; {@link HOLIDAY_YEARS} by default. */
  holidays?: readonly HolidayYear[];
}

/**
 * One desk's calendar. Every question about a date outside the years of the
 * holiday data throws a `RangeError`: a wrong appointment date is worse than
 * none, so a missing year must be added, not guessed (see `README.md`).
 */
export class WorkingCalendar {
  readonly saturdayMorning: boolean;
  private readonly weekdaySpans: readonly Span[];
  private readonly saturdaySpans: readonly Span[];
  private readonly years: ReadonlySet<number>;
  private readonly daysOff: ReadonlyMap<IsoDate, DayOff>;
  private readonly extraWorkingDays: ReadonlySet<IsoDate>;

  constructor(options: WorkingCalendarOptions) {
    const holidays = options.holidays ?? HOLIDAY_YEARS;
    this.saturdayMorning = options.saturdayMorning;
    this.weekdaySpans = toSpans(options.weekdayHours ?? DEFAULT_WEEKDAY_HOURS, 'weekdayHours');
    this.saturdaySpans = toSpans(options.saturdayHours ?? DEFAULT_SATURDAY_HOURS, 'saturdayHours');
    this.years = new Set(holidays.map((year) => year.year));
    this.daysOff = new Map(holidays.flatMap((year) => year.daysOff.map((day) => [day.date, day] as const)));
    this.extraWorkingDays = new Set(holidays.flatMap((year) => year.extraWorkingDays.map((day) => day.date)));
  }

  /** `date` itself, once checked to be a real date (dayNumber throws) in a year of the data. */
  private covered(date: IsoDate): IsoDate {
    dayNumber(date);
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year))
      throw new RangeError(`No holiday data for ${year} (asked about ${date}): add the year to holidays.ts`);
    return date;
  }

  /** The listed day off on `date`, if any. */
  dayOff(date: IsoDate): DayOff | undefined {
    return this.daysOff.get(this.covered(date));
  }

  /** A ngày làm việc: Monday–Friday not off, or a Saturday worked in exchange. */
  isWorkingDay(date: IsoDate): boolean {
    if (this.extraWorkingDays.has(this.covered(date))) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6 && !this.daysOff.has(date);
  }

  /** Whether `date` lies in a run of non-working days that holds a listed day off. */
  private inAnnouncedBreak(date: IsoDate): boolean {
    return [-1, 1].some((step) => {
      for (let day = date; !this.isWorkingDay(day); day = addCalendarDays(day, step)) {
        if (this.daysOff.has(day)) return true;
      }
      return false;
    });
  }

  private spansOn(date: IsoDate): readonly Span[] {
    if (this.isWorkingDay(date)) return this.weekdaySpans;
    const saturdaySession = this.saturdayMorning && weekday(date) === 6 && !this.inAnnouncedBreak(date);
    return saturdaySession ? this.saturdaySpans : [];
  }

  /** Whether the desk is open at all on `date` (a working day, or its Saturday morning). */
  isOpen(date: IsoDate): boolean {
    return this.spansOn(date).length > 0;
  }

  private nextWhere(date: IsoDate, wanted: (day: IsoDate) => boolean): IsoDate {
    let day = addCalendarDays(date, 1);
    while (!wanted(day)) day = addCalendarDays(day, 1);
    return day;
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.nextWhere(date, (day) => this.isWorkingDay(day));
  }

  /** The first day after `date` on which the desk is open. */
  nextOpenDay(date: IsoDate): IsoDate {
    return this.nextWhere(date, (day) => this.isOpen(day));
  }

  /**
   * The `n`th working day after `start`; `start` itself is not counted
   * (Bộ luật Dân sự 2015 art. 147: a period in days starts the day after).
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number ≥ 0, got ${n}`);
    let day = this.covered(start);
    for (let counted = 0; counted < n; counted++) day = this.nextWorkingDay(day);
    return day;
  }

  /** The end of the last session of an open day. */
  closingTime(date: IsoDate): Date {
    const last = this.spansOn(date).at(-1);
    if (!last) throw new RangeError(`The desk is closed on ${date}`);
    return instantAt(date, last.end);
  }

  /** Each session on the days from the date of `from` on, as epoch-ms spans, in order, without end. */
  private *sessionsFrom(from: Date): Generator<Span, never> {
    for (let day = localDate(from); ; day = addCalendarDays(day, 1)) {
      for (const span of this.spansOn(day)) {
        yield { start: instantAt(day, span.start).getTime(), end: instantAt(day, span.end).getTime() };
      }
    }
  }

  /** `instant` itself when the desk is open then, else the start of the next session. */
  nextOfficeMoment(instant: Date): Date {
    const sessions = this.sessionsFrom(instant);
    for (;;) {
      const { start, end } = sessions.next().value;
      if (instant.getTime() < end) return new Date(Math.max(instant.getTime(), start));
    }
  }

  /**
   * The earliest instant by which `ms` of office time has passed since
   * `instant`. So a period that fills a session ends at its close (4 h from
   * 07:30 is 11:30, not 13:30), and a zero period is `instant` itself.
   */
  addOfficeTime(instant: Date, ms: number): Date {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`addOfficeTime needs a duration ≥ 0, got ${ms}`);
    if (ms === 0) return instant;
    const sessions = this.sessionsFrom(instant);
    for (let remaining = ms; ;) {
      const session = sessions.next().value;
      const start = Math.max(instant.getTime(), session.start);
      if (start >= session.end) continue;
      if (remaining <= session.end - start) return new Date(start + remaining);
      remaining -= session.end - start;
    }
  }

  /** Milliseconds of office time in [`from`, `to`); 0 when `to` is not after `from`. */
  officeTimeBetween(from: Date, to: Date): number {
    const sessions = this.sessionsFrom(from);
    for (let total = 0; ;) {
      const { start, end } = sessions.next().value;
      if (start >= to.getTime()) return total;
      total += Math.max(0, Math.min(to.getTime(), end) - Math.max(from.getTime(), start));
    }
  }
}
