/**
 * A dossier as the lookup and the officer see it (`DossierView`), made from
 * what `dossier_view()` returns (repository.ts): instants at +07:00, status
 * labels, whether it is on time by its desk's calendar.
 */
import type { DossierView, HistoryEntry } from '../../../src/api/contract/index.js';
import { deskCalendar, vietnamIso } from './desk-time.js';
import { type DossierState, isOnTime, statusLabel } from './lifecycle.js';
import type { DossierJson } from './repository.js';

const instant = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** What the lifecycle reads of a dossier. */
export const stateOf = (json: DossierJson): DossierState => ({
  status: json.status,
  appointmentAt: instant(json.appointmentAt),
  finishedAt: instant(json.finishedAt),
  pausedAt: instant(json.pausedAt),
  supplementRequests: json.supplementRequests,
  supplement: json.supplement,
  payment: json.payment,
  delivery: json.delivery,
  apology: json.apology,
});

const statusOf = (code: number): DossierView['status'] => ({ code, label: statusLabel(code) });

const historyEntry = (entry: NonNullable<DossierJson['history']>[number]): HistoryEntry => ({
  at: vietnamIso(new Date(entry.at)),
  step: entry.step,
  status: statusOf(entry.status),
  ...(entry.note !== null && { note: entry.note }),
});

export interface ViewContext {
  now: Date;
  saturdayAgencies?: readonly string[] | undefined;
}

export function toView(json: DossierJson, { now, saturdayAgencies }: ViewContext): DossierView {
  const iso = (ms: number | null): string | null => (ms === null ? null : vietnamIso(new Date(ms)));
  return {
    code: json.code,
    status: statusOf(json.status),
    procedure: { code: json.procedureCode, name: json.procedureName },
    ...(json.case && { case: json.case }),
    agency: { code: json.agencyCode, name: json.agencyName },
    applicantKind: json.applicantKind,
    receivedAt: vietnamIso(new Date(json.receivedAt)),
    appointmentAt: iso(json.appointmentAt),
    finishedAt: iso(json.finishedAt),
    onTime: isOnTime(stateOf(json), { now, calendar: deskCalendar(json.agencyCode, saturdayAgencies) }),
    history: (json.history ?? []).map(historyEntry),
    ...(json.supplement && { supplement: json.supplement }),
    ...(json.payment && { payment: json.payment }),
    ...(json.delivery && { delivery: json.delivery }),
    ...(json.apology && { apology: json.apology }),
  };
}
