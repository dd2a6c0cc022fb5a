/**
 * The backend contract, version 1: dossiers (hồ sơ). What a citizen sends
 * (`DossierSubmission`), the receipt that comes back (`DossierReceipt`),
 * and what a dossier's status is; what a lookup shows is in `lookup.ts`.
 *
 * Sending is idempotent: the widget generates an `Idempotency-Key` header
 * once per dossier and repeats it on every retry; the backend answers a
 * repeat with the first dossier's receipt, never a second dossier.
 */
import * as z from 'zod/mini';
import { AgencyRef, ProcedureCode, Text } from './common.js';
import { CaseCode, CaseFee, CaseRef, DeliveryMethod } from './filing.js';
import { FieldId } from './forms.js';
import { DocumentSlot, DraftId, UploadId, UploadSecret } from './uploads.js';
import { Address } from './units.js';

/**
 * A dossier code in the national form: the receiving agency's electronic
 * code, the reception date `yymmdd` and a sequence per agency per day,
 * e.g. `000.00.01.H99-261122-0001`.
 */
export const DossierCode = z.string().check(z.regex(/^[A-Z0-9][A-Z0-9.]{0,63}-\d{6}-\d{4,6}$/));

/**
 * How what a citizen types or pastes is compared: compatibility forms folded
 * (full-width digits from some keyboards), every kind of space dropped (also
 * the non-breaking and zero-width ones that come with text copied from a PDF
 * or a chat app), upper case. The widgets, the demo backend and the
 * reference backend all compare through these two.
 */
const fold = (raw: string, drop: RegExp): string => raw.normalize('NFKC').replace(drop, '').toUpperCase();

/** A dossier code as typed: "000.00.01.h99 - 261122-0001" is `000.00.01.H99-261122-0001`. */
export const normaliseDossierCode = (raw: string): string => fold(raw, /[\s\u200b-\u200d]/g);

/** A lookup secret (a personal ID, a tax code, a printed code), also without the dots and dashes people write in them. */
export const normaliseLookupSecret = (raw: string): string => fold(raw, /[\s\u200b-\u200d.-]/g);

/** Header that makes `POST /dossiers` idempotent (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** An instant with its offset, e.g. `2026-11-22T09:30:00+07:00`. */
export const IsoDateTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/));

const Name = z.string().check(z.minLength(1), z.maxLength(100));
const ShortText = z.string().check(z.maxLength(254));

export const Sex = z.enum(['nam', 'nu']);

/** A citizen filing for themselves or for a family member. */
export const PersonApplicant = z.object({
  kind: z.literal('person'),
  fullName: Name,
  birthDate: IsoDate,
  sex: Sex,
  personalId: ShortText,
  phone: ShortText,
  email: z.optional(ShortText),
  address: Address,
});

/** An organisation, through its legal representative. */
export const OrganisationApplicant = z.object({
  kind: z.literal('organisation'),
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  taxCode: ShortText,
  representative: z.object({ fullName: Name, personalId: ShortText, position: z.optional(ShortText) }),
  phone: ShortText,
  email: z.optional(ShortText),
  address: Address,
});

export const Applicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant]);

/** The value of one simple field: text (also dates, choices, IDs), a number, a yes/no, ticked choices, an address. */
export const SimpleAnswer = z.union([
  z.string().check(z.maxLength(4000)),
  z.number(),
  z.boolean(),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(300)),
  Address,
]);
/** The value of a repeating group: one object of simple answers per item. */
export const GroupAnswer = z.array(z.record(FieldId, SimpleAnswer)).check(z.maxLength(50));
export const Answers = z.record(FieldId, z.union([SimpleAnswer, GroupAnswer]));

export const Attachment = z.object({
  slot: DocumentSlot,
  uploads: z.array(UploadId).check(z.minLength(1), z.maxLength(20)),
});

export const Delivery = z.object({
  method: DeliveryMethod,
  /** Where the post should bring the result; required for `post`. */
  address: z.optional(Address),
});

/** Body of `POST /dossiers`. */
export const DossierSubmission = z.object({
  procedure: ProcedureCode,
  /** The procedure's case (trường hợp) the form was filled for; default its first online case. */
  case: z.optional(CaseCode),
  /** The `version` of the form definition the answers were given against. */
  formVersion: z.int().check(z.positive()),
  /** The draft id the attachments were uploaded under (tus metadata `draft`). */
  draft: DraftId,
  /**
   * The draft's upload secret, which every attachment was uploaded with
   * (the `Dvc-Upload-Secret` header): proof that the uploads are this
   * citizen's. Required when `attachments` is not empty; never stored.
   */
  uploadSecret: z.optional(UploadSecret),
  applicant: Applicant,
  answers: Answers,
  attachments: z.array(Attachment).check(z.maxLength(30)),
  delivery: Delivery,
  /** The citizen ticked the declaration. */
  declaration: z.literal(true),
});

/**
 * Why a value is wrong, in a dossier's `validation_failed` details: the
 * widgets translate these; `message` carries the backend's own Vietnamese
 * sentence for any other client.
 */
export const ProblemCode = z.enum([
  'required',
  'too-long',
  'too-short',
  'not-a-number',
  'too-small',
  'too-large',
  'not-whole',
  'date-format',
  'date-future',
  'date-past',
  'choice',
  'too-few',
  'too-many',
  'id-format',
  'id-province',
  'id-birth-year',
  'id-sex',
  'tax-format',
  'tax-check-digit',
  'phone',
  'email',
  'commune',
  'applicant-kind',
  'delivery',
  /** An attachment's upload does not exist, is not finished, belongs to another draft or was uploaded with another secret. */
  'attachment',
  'attachment-type',
  'attachment-size',
]);

/** The dossier's status: one of the 10 national codes (widgets show `label` for a code they do not know). */
export const DossierStatus = z.object({ code: z.int().check(z.positive()), label: Text });

/** How the citizen proves, besides the code, that a dossier is theirs; the backend chooses. */
export const LookupSecretKind = z.enum([
  /** The applicant's personal ID (an organisation's: its tax code). */
  'applicant-id',
  /** A short code printed on the receipt. */
  'lookup-code',
]);

/**
 * Where the citizen goes and whom they call about the dossier: the
 * receiving agency's desk (Bộ phận Một cửa), as its catalogue entry has it.
 */
export const Desk = z.object({
  name: Text,
  address: z.optional(Text),
  phone: z.optional(z.string().check(z.maxLength(40))),
  /** Reception hours in plain text, e.g. "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00". */
  openingHours: z.optional(Text),
});

/** A document submitted with the dossier: its name and the names of the files attached for it. */
export const SubmittedDocument = z.object({
  name: Text,
  files: z.array(Text).check(z.minLength(1), z.maxLength(20)),
});

/**
 * Answer of `POST /dossiers` (201): the receipt (giấy biên nhận) the citizen
 * prints. The parts after `nextSteps` came later than the rest: the receipt
 * of a dossier filed before them, answered again to a retry of its key,
 * lacks them.
 */
export const DossierReceipt = z.object({
  code: DossierCode,
  procedure: z.object({ code: ProcedureCode, name: Text }),
  /** The dossier's case, when the procedure has several. */
  case: z.optional(CaseRef),
  agency: AgencyRef,
  status: DossierStatus,
  receivedAt: IsoDateTime,
  /** Ngày hẹn trả kết quả; null when the procedure has no fixed time. */
  appointmentAt: z.nullable(IsoDateTime),
  /** What the lookup will ask for; `value` is the printed lookup code when `kind` is `lookup-code`. */
  lookup: z.object({ kind: LookupSecretKind, value: z.optional(z.string().check(z.regex(/^[A-Z0-9]{4,12}$/))) }),
  /** What happens next, one sentence each ("Cán bộ tiếp nhận sẽ kiểm tra hồ sơ trong giờ hành chính."). */
  nextSteps: z.array(Text),
  /** Who filed it: the person's full name, or the organisation's name. */
  applicantName: z.optional(Text),
  /** The documents attached, in the form's order. */
  documents: z.optional(z.array(SubmittedDocument).check(z.maxLength(30))),
  /** The case's fees (empty: free); how and when to pay is among `nextSteps`. */
  fees: z.optional(z.array(CaseFee).check(z.maxLength(30))),
  desk: z.optional(Desk),
});

export type DossierCode = z.infer<typeof DossierCode>;
export type PersonApplicant = z.infer<typeof PersonApplicant>;
export type OrganisationApplicant = z.infer<typeof OrganisationApplicant>;
export type Applicant = z.infer<typeof Applicant>;
export type SimpleAnswer = z.infer<typeof SimpleAnswer>;
export type GroupAnswer = z.infer<typeof GroupAnswer>;
export type Answers = z.infer<typeof Answers>;
export type Attachment = z.infer<typeof Attachment>;
export type Delivery = z.infer<typeof Delivery>;
export type DossierSubmission = z.infer<typeof DossierSubmission>;
export type ProblemCode = z.infer<typeof ProblemCode>;
export type DossierStatus = z.infer<typeof DossierStatus>;
export type LookupSecretKind = z.infer<typeof LookupSecretKind>;
export type DossierReceipt = z.infer<typeof DossierReceipt>;
export type Desk = z.infer<typeof Desk>;
export type SubmittedDocument = z.infer<typeof SubmittedDocument>;
