/**
 * The dossier lifecycle over the national status codes (`DOSSIER_STATUS_NAMES`,
 * `DOMAIN.md` §3): which officer action is allowed from which status, what
 * it changes, and the history entry it leaves. Pure: (state, action, now) →
 * the new state and its history entry, or a refusal. The route does the I/O.
 *
 * Decisions worth knowing:
 * - **receive** (1 → 2) keeps the appointment printed on the receipt. That
 *   date was computed from the submission moment, counted as received at
 *   the desk's next opening; an officer receiving it later must not push
 *   back what the citizen was promised. A procedure without a fixed time
 *   has no appointment, before or after.
 * - **The supplement pause.** From the request (→ 5) until the dossier
 *   leaves status 5, the agency's clock stops (one-stop rules): on leaving,
 *   the appointment moves on by the office time spent waiting
 *   (`pausedAppointment`). While still waiting, `onTime` counts the pause up
 *   to now. The request is made once, listing everything: a second one is
 *   refused (the national index counts a dossier asked twice as late).
 * - **Finished** (`finished_at`): on refusal (3), withdrawal after reception
 *   (7 from 2/4/5/6), stop (8) and result ready (9); the return (10) keeps the
 *   time the result was ready. A withdrawal before reception never entered
 *   the agency's clock and counts as on time.
 * - **apologise** is only for a dossier past its appointment (or finished
 *   after it) and needs a new date still ahead. The appointment itself is not
 *   changed: a late dossier stays late in the count, the apology carries
 *   the new date.
 */
import * as z from 'zod/mini';
import { DOSSIER_STATUS_NAMES, type DossierView, type OfficerAction, Text } from '../../../src/api/contract/index.js';
import { isLate, pausedAppointment } from '../calendar/appointment.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { vietnamIso } from './desk-time.js';

export type Supplement = NonNullable<DossierView['supplement']>;
export type Payment = NonNullable<DossierView['payment']>;
export type DeliveryInfo = NonNullable<DossierView['delivery']>;
export type Apology = NonNullable<DossierView['apology']>;

/** What the lifecycle reads and writes of a dossier (columns of `dossiers`). */
export interface DossierState {
  status: number;
  appointmentAt: Date | null;
  finishedAt: Date | null;
  /** Set while the dossier waits for the citizen's supplement: when the clock stopped. */
  pausedAt: Date | null;
  supplementRequests: number;
  supplement: Supplement | null;
  payment: Payment | null;
  delivery: DeliveryInfo | null;
  apology: Apology | null;
}

/** One row of `dossier_history`. */
export interface HistoryRecord {
  at: Date;
  step: string;
  status: number;
  /** For the citizen. */
  note: string | null;
  /** For the agency only; never shown by the lookup. */
  actor: string;
}

export interface LifecycleContext {
  now: Date;
  /** The receiving desk's calendar: a supplement pause gives back office time. */
  calendar: WorkingCalendar;
}

export type Refusal = {
  ok: false;
  httpStatus: 400 | 409;
  code:
    | 'transition_not_allowed'
    | 'supplement_already_requested'
    | 'not_late'
    | 'new_appointment_not_ahead'
    | 'note_too_long';
  message: string;
};
export type Outcome = { ok: true; state: DossierState; history: HistoryRecord } | Refusal;

export const DEFAULT_ACTOR = 'Cán bộ một cửa';

export const STATUS = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplementRequested: 5,
  paymentRequested: 6,
  withdrawn: 7,
  stopped: 8,
  resultReady: 9,
  returned: 10,
} as const;

export const statusLabel = (code: number): string => DOSSIER_STATUS_NAMES[code] ?? `Trạng thái ${code}`;

type ActionName = OfficerAction['action'];
type ActionOf<K extends ActionName> = Extract<OfficerAction, { action: K }>;

interface Rule<A extends OfficerAction> {
  from: readonly number[];
  /** The status after the action; undefined: unchanged. */
  to?: number;
  /** Vietnamese step name shown in the history. */
  step: string;
  /** A refusal particular to this action that says more than the status would (the second supplement request). */
  precondition?: (state: DossierState, action: A, context: LifecycleContext) => Refusal | undefined;
  /** A refusal checked once the status allows the action. */
  guard?: (state: DossierState, action: A, context: LifecycleContext) => Refusal | undefined;
  /** What the action records besides the status. */
  apply?: (state: DossierState, action: A, context: LifecycleContext) => Partial<DossierState>;
  /** The note for the citizen in the history; default the officer's `note`. */
  note?: (action: A) => string | undefined;
}

const OPEN_AFTER_RECEPTION = [STATUS.received, STATUS.processing, STATUS.supplementRequested, STATUS.paymentRequested];

/** Where a second supplement request gets its own refusal rather than `transition_not_allowed`. */
const SUPPLEMENT_ASKABLE: readonly number[] = [STATUS.received, STATUS.processing, STATUS.supplementRequested];

const refusal = (httpStatus: Refusal['httpStatus'], code: Refusal['code'], message: string): Refusal => ({
  ok: false,
  httpStatus,
  code,
  message,
});

/** A refusal or a stop always tells the citizen why, before any note of the officer's. */
const withReason = (action: { reason: string; note?: string | undefined }): string =>
  [`Lý do: ${action.reason}`, action.note].filter(Boolean).join(' ');

const sum = (amounts: number[]): number => amounts.reduce((total, amount) => total + amount, 0);

const RULES: { [K in ActionName]: Rule<ActionOf<K>> } = {
  receive: { from: [STATUS.submitted], to: STATUS.received, step: 'Tiếp nhận hồ sơ' },
  refuse: {
    from: [STATUS.submitted],
    to: STATUS.refused,
    step: 'Từ chối tiếp nhận hồ sơ',
    note: withReason,
  },
  'request-supplement': {
    from: [STATUS.received, STATUS.processing],
    to: STATUS.supplementRequested,
    step: 'Yêu cầu bổ sung hồ sơ',
    // Asked again while processing or still waiting: name the once-and-in-full rule, not the status.
    precondition: (state) =>
      state.supplementRequests > 0 && SUPPLEMENT_ASKABLE.includes(state.status)
        ? refusal(
            409,
            'supplement_already_requested',
            'A supplement was already requested for this dossier; everything missing must be asked for at once. (Hồ sơ đã được yêu cầu bổ sung một lần; mọi thành phần còn thiếu phải được yêu cầu một lần, đầy đủ.)',
          )
        : undefined,
    apply: (state, action, { now }) => ({
      pausedAt: now,
      supplementRequests: state.supplementRequests + 1,
      supplement: {
        requestedAt: vietnamIso(now),
        items: action.items,
        ...(action.dueAt && { dueAt: action.dueAt }),
        ...(action.note && { note: action.note }),
      },
    }),
    note: (action) => action.note ?? `Cần bổ sung: ${action.items.join('; ')}.`,
  },
  'supplement-received': { from: [STATUS.supplementRequested], to: STATUS.processing, step: 'Nhận hồ sơ bổ sung' },
  'request-payment': {
    from: [STATUS.received, STATUS.processing],
    to: STATUS.paymentRequested,
    step: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    apply: (_state, action) => ({
      payment: {
        items: action.items,
        total: sum(action.items.map((item) => item.amount)),
        how: action.how,
        ...(action.dueAt && { dueAt: action.dueAt }),
        paid: false,
      },
    }),
    note: (action) => action.note ?? action.how,
  },
  'payment-received': {
    from: [STATUS.paymentRequested],
    to: STATUS.processing,
    step: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
    apply: (state) => (state.payment ? { payment: { ...state.payment, paid: true } } : {}),
  },
  process: { from: [STATUS.received], to: STATUS.processing, step: 'Chuyển xử lý hồ sơ' },
  'result-ready': {
    from: [STATUS.processing],
    to: STATUS.resultReady,
    step: 'Có kết quả giải quyết',
    apply: (_state, action) => ({ delivery: action.delivery }),
    note: (action) => action.note ?? `Nhận kết quả: ${action.delivery.where}`,
  },
  'return-result': { from: [STATUS.resultReady], to: STATUS.returned, step: 'Trả kết quả' },
  stop: {
    from: OPEN_AFTER_RECEPTION,
    to: STATUS.stopped,
    step: 'Dừng xử lý hồ sơ',
    note: withReason,
  },
  withdraw: {
    from: [STATUS.submitted, ...OPEN_AFTER_RECEPTION],
    to: STATUS.withdrawn,
    step: 'Rút hồ sơ theo yêu cầu của công dân',
  },
  apologise: {
    from: [STATUS.submitted, ...OPEN_AFTER_RECEPTION, STATUS.resultReady],
    step: 'Xin lỗi và hẹn lại ngày trả kết quả',
    guard: (state, action, context) => {
      if (isOnTime(state, context)) {
        return refusal(
          409,
          'not_late',
          'The dossier is not late: an apology is only issued once the appointment has passed. (Hồ sơ chưa quá hạn, chưa cần văn bản xin lỗi.)',
        );
      }
      if (Date.parse(action.newAppointmentAt) <= context.now.getTime()) {
        return refusal(
          400,
          'new_appointment_not_ahead',
          'The new appointment must be later than now. (Ngày hẹn mới phải sau thời điểm hiện tại.)',
        );
      }
      return undefined;
    },
    apply: (_state, action, { now }) => ({
      apology: { issuedAt: vietnamIso(now), text: action.text, newAppointmentAt: action.newAppointmentAt },
    }),
    note: (action) => action.note ?? action.text,
  },
};

export interface Transition {
  action: ActionName;
  from: readonly number[];
  /** Undefined: the status does not change. */
  to: number | undefined;
  step: string;
}

/** The transition table, for the officer CLI's `--help` and the tests. */
export const TRANSITIONS: readonly Transition[] = (Object.keys(RULES) as ActionName[]).map((action) => ({
  action,
  from: RULES[action].from,
  to: RULES[action].to,
  step: RULES[action].step,
}));

/**
 * The appointment counting a pause still running: the clock stopped when the
 * supplement was asked for. A dossier already late when the agency asked
 * stays late: the waiting time is given back only to a date not yet passed.
 */
function effectiveAppointment(state: DossierState, { now, calendar }: LifecycleContext): Date | null {
  if (!state.appointmentAt || !state.pausedAt || isLate(state.appointmentAt, state.pausedAt))
    return state.appointmentAt;
  return pausedAppointment(state.appointmentAt, state.pausedAt, now, calendar).due;
}

/** Finished by the appointment, or still open and not past it (`DOMAIN.md` §3, "on time"). */
export function isOnTime(state: DossierState, context: LifecycleContext): boolean {
  // While the dossier waits for the citizen the clock is stopped: the date moves on with every
  // office hour that passes (see effectiveAppointment), so it is on time exactly when it was at
  // the request. Said without the calendar, a lookup works in a year whose holidays are not in
  // the data yet.
  if (state.pausedAt && !state.finishedAt && state.appointmentAt) return !isLate(state.appointmentAt, state.pausedAt);
  const due = effectiveAppointment(state, context);
  if (!due) return true;
  if (state.finishedAt) return !isLate(due, state.finishedAt);
  if (state.status === STATUS.withdrawn) return true;
  return !isLate(due, context.now);
}

/** Leaving status 5: the waiting time is given back to the agency and the pause ends. */
function resumed(state: DossierState, context: LifecycleContext): Partial<DossierState> {
  if (!state.pausedAt) return {};
  return { appointmentAt: effectiveAppointment(state, context), pausedAt: null };
}

/** When the dossier finished, if `to` finishes it (a withdrawal only after reception). */
function finishedAt(state: DossierState, to: number, now: Date): Date | null {
  if (state.finishedAt) return state.finishedAt;
  const finishes =
    to === STATUS.refused ||
    to === STATUS.stopped ||
    to === STATUS.resultReady ||
    to === STATUS.returned ||
    (to === STATUS.withdrawn && state.status !== STATUS.submitted);
  return finishes ? now : null;
}

function notAllowed(action: ActionName, status: number): Refusal {
  const label = statusLabel(status);
  return refusal(
    409,
    'transition_not_allowed',
    `"${action}" is not allowed while the dossier is at status ${status} (${label}). (Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái "${label}".)`,
  );
}

/** The longest note the citizen may be shown: one `Text` of the contract. */
const NOTE_MAX_LENGTH = Number(z.toJSONSchema(Text).maxLength);

/**
 * A note made of the officer's parts (a reason, the items asked for, where
 * the result waits, with the note) may come out longer than one `Text`
 * while each part fits: the officer shortens them, rather than the citizen
 * reading a note cut short (or the lookup breaking the contract).
 */
const noteTooLong = (note: string): Refusal =>
  refusal(
    400,
    'note_too_long',
    `The citizen's note made of this action would be ${note.length} characters long; shorten it to at most ${NOTE_MAX_LENGTH}. ` +
      `(Nội dung thông báo cho công dân quá dài, tối đa ${NOTE_MAX_LENGTH} ký tự.)`,
  );

/** Applies `action` to a dossier in `state` at `context.now`, or says why not. */
export function applyAction(state: DossierState, action: OfficerAction, context: LifecycleContext): Outcome {
  // One rule per action name; TypeScript cannot pair the union member with its rule by itself.
  const rule = RULES[action.action] as Rule<OfficerAction>;
  const early = rule.precondition?.(state, action, context);
  if (early) return early;
  if (!rule.from.includes(state.status)) return notAllowed(action.action, state.status);
  const late = rule.guard?.(state, action, context);
  if (late) return late;

  const to = rule.to ?? state.status;
  const next: DossierState = {
    ...state,
    ...(to !== STATUS.supplementRequested && resumed(state, context)),
    ...rule.apply?.(state, action, context),
    status: to,
    finishedAt: finishedAt(state, to, context.now),
  };
  const note = (rule.note ? rule.note(action) : action.note) ?? null;
  if (note !== null && !Text.safeParse(note).success) return noteTooLong(note);
  return {
    ok: true,
    state: next,
    history: { at: context.now, step: rule.step, status: to, note, actor: action.actor ?? DEFAULT_ACTOR },
  };
}
