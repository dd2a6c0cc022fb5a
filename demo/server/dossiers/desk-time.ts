/**
 * Time as a dossier sees it: instants written the way the contract shows
 * them (ISO 8601 at +07:00, the citizen's own clock, whatever the server's
 * time zone), and the working calendar of the desk that received it.
 */
import { VIETNAM_OFFSET_MS, WorkingCalendar } from '../calendar/working-days.js';

/** `2026-11-22T09:30:00+07:00`: Vietnam time with its offset, to the second. */
export function vietnamIso(instant: Date): string {
  return `${new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The calendar is built once per kind: it indexes every listed day off. */
const WEEKDAYS_ONLY = new WorkingCalendar({ saturdayMorning: false });
const WITH_SATURDAY = new WorkingCalendar({ saturdayMorning: true });

/** The calendar of the desk of `agencyCode`: with a Saturday morning session when the options list the agency. */
export const deskCalendar = (agencyCode: string, saturdayAgencies: readonly string[] = []): WorkingCalendar =>
  saturdayAgencies.includes(agencyCode) ? WITH_SATURDAY : WEEKDAYS_ONLY;
