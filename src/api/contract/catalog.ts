/**
 * The backend contract, version 1, part one: the catalog's entities and the
 * answers the widgets receive. The widgets import only this module, so the
 * request parsing of `requests.ts` (coercion, defaults) stays out of the
 * browser; the backend and the OpenAPI document import `index.ts`.
 *
 * We use `zod/mini`: the same schemas as full zod at about a twentieth of the
 * size in the browser, which is what lets a whole widget fit its size budget.
 *
 * Conventions: codes are the national ones; money is an integer in đồng;
 * text from the backend is plain text (never HTML) in Vietnamese, NFC.
 */
import * as z from 'zod/mini';

/** Agency electronic code (Decision 20/2020/QĐ-TTg), e.g. `000.00.00.H37`. */
export const AgencyCode = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/));

/** National procedure code, e.g. `1.001193`, optionally with a local suffix `1.001193.000.00.00.H37`. */
export const ProcedureCode = z.string().check(z.regex(/^\d\.\d{6}(?:\.[A-Za-z0-9.]{1,40})?$/));

/** Slug for a field (lĩnh vực), e.g. `ho-tich`. */
export const FieldCode = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/**
 * Online level under Decree 42/2022/NĐ-CP: `toan-trinh` (fully online),
 * `mot-phan` (partly online); `thong-tin` is an information-only procedure
 * that cannot be filed online at all.
 */
export const OnlineLevel = z.enum(['toan-trinh', 'mot-phan', 'thong-tin']);

/** Unit of a processing time: same day, working days, calendar days, hours. */
export const TimeUnit = z.enum(['same-day', 'working-days', 'days', 'hours']);

/** An amount of money in Vietnamese đồng. */
export const Money = z.int().check(z.nonnegative());

/** Plain text from the backend: never HTML, NFC, not empty. */
export const Text = z.string().check(z.minLength(1), z.maxLength(4000));
const Url = z.string().check(z.minLength(1), z.maxLength(2000));

export const ProcessingTime = z.object({
  /** Number of units; absent for `same-day`. */
  value: z.optional(z.number().check(z.positive())),
  unit: TimeUnit,
  /** Received after this local time (HH:MM) counts from the next working day: the 15:00 rule. */
  sameDayCutoff: z.optional(z.string().check(z.regex(/^\d{2}:\d{2}$/))),
  /** Plain-text qualification, e.g. "Tối đa 5 ngày làm việc nếu phải xác minh". */
  note: z.optional(Text),
});

/** The fee range for a list: both 0 is free; `max` null means "from `min`". */
export const FeeSummary = z.object({ min: Money, max: z.nullable(Money) });

export const AgencyRef = z.object({ code: AgencyCode, name: Text });

export const Agency = z.object({
  code: AgencyCode,
  name: Text,
  /** The agency this one belongs to (e.g. the commune police under the province police). */
  parent: z.optional(Text),
  address: z.optional(Text),
  phone: z.optional(z.string().check(z.maxLength(40))),
  email: z.optional(z.string().check(z.maxLength(200))),
  /** Reception hours in plain text, e.g. "Thứ Hai – Thứ Sáu, 7:30–11:30, 13:30–17:00". */
  openingHours: z.optional(Text),
  /** True for demonstration data, which must never be mistaken for a real agency. */
  sample: z.boolean(),
});

export const Field = z.object({ code: FieldCode, name: Text });
export const FieldWithCount = z.object({ code: FieldCode, name: Text, count: z.int().check(z.nonnegative()) });

export const ProcedureSummary = z.object({
  code: ProcedureCode,
  name: Text,
  field: Field,
  agency: AgencyRef,
  processingTime: ProcessingTime,
  feeSummary: FeeSummary,
  onlineLevel: OnlineLevel,
  /** Whether a dossier can be filed online through the form widget. */
  onlineSubmission: z.boolean(),
});

export const FormTemplate = z.object({
  /** Form number and name, e.g. "Tờ khai đăng ký khai sinh". */
  name: Text,
  /** Download address, absolute or relative to the API base. */
  url: Url,
  /** File format shown to the citizen, e.g. `docx`, `pdf`, `rtf`. */
  format: z.string().check(z.regex(/^[a-z0-9]{2,5}$/)),
});

export const RequiredDocument = z.object({
  name: Text,
  /** Number of originals (bản chính) and copies (bản sao) to submit. */
  originals: z.int().check(z.nonnegative()),
  copies: z.int().check(z.nonnegative()),
  /** Whether an online dossier must carry an upload for this document. */
  uploadRequired: z.boolean(),
  /** When the document is needed, e.g. "Trường hợp ủy quyền". */
  note: z.optional(Text),
  template: z.optional(FormTemplate),
});

export const Fee = z.object({
  label: Text,
  /** Null where the amount is not fixed (see note). */
  amount: z.nullable(Money),
  note: z.optional(Text),
});

export const LegalBasis = z.object({ title: Text, url: z.optional(Url) });

export const ProcedureDetail = z.object({
  ...ProcedureSummary.shape,
  agency: Agency,
  documents: z.array(RequiredDocument),
  steps: z.array(Text),
  conditions: z.array(Text),
  legalBasis: z.array(LegalBasis),
  forms: z.array(FormTemplate),
  fees: z.array(Fee),
  /** What the citizen receives, e.g. "Giấy khai sinh (bản chính)". */
  results: z.array(Text),
});

export const SearchResult = z.object({
  items: z.array(ProcedureSummary),
  total: z.int().check(z.nonnegative()),
  page: z.int().check(z.positive()),
  pageSize: z.int().check(z.positive()),
});

export const AgencyList = z.object({ items: z.array(Agency) });
export const FieldList = z.object({ items: z.array(FieldWithCount) });

/** Every 4xx/5xx answer of the contract carries this body. */
export const ApiError = z.object({
  error: z.object({
    /** Stable machine code, e.g. `validation_failed`, `procedure_not_found`, `agency_not_found`. */
    code: z.string(),
    message: z.string(),
    /**
     * One entry per wrong value. `path` is dotted (`applicant.personalId`,
     * `answers.members.1.birthDate`); `code`, where given, is a stable reason
     * (see `ProblemCode` in `dossiers.ts`) that a widget translates and shows at the field.
     */
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string(), code: z.optional(z.string()) }))),
  }),
});

export type AgencyCode = z.infer<typeof AgencyCode>;
export type OnlineLevel = z.infer<typeof OnlineLevel>;
export type TimeUnit = z.infer<typeof TimeUnit>;
export type ProcessingTime = z.infer<typeof ProcessingTime>;
export type FeeSummary = z.infer<typeof FeeSummary>;
export type Agency = z.infer<typeof Agency>;
export type Field = z.infer<typeof Field>;
export type FieldWithCount = z.infer<typeof FieldWithCount>;
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;
export type FormTemplate = z.infer<typeof FormTemplate>;
export type RequiredDocument = z.infer<typeof RequiredDocument>;
export type Fee = z.infer<typeof Fee>;
export type LegalBasis = z.infer<typeof LegalBasis>;
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;
export type SearchResult = z.infer<typeof SearchResult>;
export type AgencyList = z.infer<typeof AgencyList>;
export type FieldList = z.infer<typeof FieldList>;
export type ApiError = z.infer<typeof ApiError>;

