/**
 * The backend contract, version 1: following a dossier (tra cứu hồ sơ). What
 * a lookup sends (the code and a second secret, in a body) and what it shows
 * (`DossierView`). Apart from `dossiers.ts` so that only the lookup widget
 * carries these schemas.
 */
import * as z from 'zod/mini';
import { AgencyRef, Money, ProcedureCode, Text } from './common.js';
import { DossierCode, DossierStatus, IsoDateTime, LookupSecretKind } from './dossiers.js';
import { ApplicantKind, CaseRef, DeliveryMethod } from './filing.js';

/**
 * The 10 national status codes (used when syncing with the National Public
 * Service Portal) and their names. A backend may send others; widgets show
 * the label it sends.
 */
export const DOSSIER_STATUS_NAMES: Readonly<Record<number, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** Body of `POST /dossiers/lookup`: in a body, never in an address, so the secret stays out of logs and history. */
export const DossierLookup = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  secret: z.string().check(z.minLength(1), z.maxLength(100)),
});

export const HistoryEntry = z.object({
  at: IsoDateTime,
  /** The step, e.g. "Tiếp nhận hồ sơ". */
  step: Text,
  status: DossierStatus,
  /** The note meant for the citizen. */
  note: z.optional(Text),
});

/** What a lookup shows (`POST /dossiers/lookup`). */
export const DossierView = z.object({
  code: DossierCode,
  status: DossierStatus,
  procedure: z.object({ code: ProcedureCode, name: Text }),
  /** The dossier's case, when the procedure has several. */
  case: z.optional(CaseRef),
  agency: AgencyRef,
  applicantKind: ApplicantKind,
  receivedAt: IsoDateTime,
  appointmentAt: z.nullable(IsoDateTime),
  finishedAt: z.nullable(IsoDateTime),
  /** Finished by the appointment, or still within it; false once it has passed unfinished. */
  onTime: z.boolean(),
  history: z.array(HistoryEntry),
  /** A supplement request (yêu cầu bổ sung), while one is open or was made. */
  supplement: z.optional(
    z.object({
      requestedAt: IsoDateTime,
      items: z.array(Text).check(z.minLength(1)),
      dueAt: z.optional(IsoDateTime),
      note: z.optional(Text),
    }),
  ),
  /** A payment request (nghĩa vụ tài chính). */
  payment: z.optional(
    z.object({
      items: z.array(z.object({ label: Text, amount: Money })).check(z.minLength(1)),
      total: Money,
      /** How to pay, e.g. "Thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia hoặc nộp tại Bộ phận Một cửa". */
      how: Text,
      dueAt: z.optional(IsoDateTime),
      paid: z.boolean(),
    }),
  ),
  /** How and where the result is delivered. */
  delivery: z.optional(z.object({ method: DeliveryMethod, where: Text })),
  /** The apology and new date when late (Văn bản xin lỗi và hẹn lại ngày trả kết quả). */
  apology: z.optional(z.object({ issuedAt: IsoDateTime, text: Text, newAppointmentAt: IsoDateTime })),
});

/** Answer of `GET /service`: what this backend does, so widgets adapt (e.g. the lookup's second field). */
export const ServiceInfo = z.object({
  contractVersion: z.string(),
  lookupSecret: LookupSecretKind,
});

export type DossierLookup = z.infer<typeof DossierLookup>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type DossierView = z.infer<typeof DossierView>;
export type ServiceInfo = z.infer<typeof ServiceInfo>;
