/**
 * The backend contract, version 1: the catalogue's entities (agencies,
 * fields, procedures) and the search widget's answers. Only the search
 * widget imports it in the browser; what every widget shares is in
 * `common.ts`, and the request parsing of `requests.ts` (coercion,
 * defaults) stays out of the browser.
 */
import * as z from 'zod/mini';
import { AgencyCode, AgencyRef, FormTemplate, Money, ProcedureCode, Text, Url } from './common.js';

/** Slug for a field (lĩnh vực), e.g. `ho-tich`. */
export const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/**
 * Online level under Decree 42/2022/NĐ-CP: `toan-trinh` (fully online),
 * `mot-phan` (partly online); `thong-tin` is an information-only procedure
 * that cannot be filed online at all.
 */
export const OnlineLevel = z.enum(['toan-trinh', 'mot-phan', 'thong-tin']);

/** Unit of a processing time: same day, working days, calendar days, hours. */
export const TimeUnit = z.enum(['same-day', 'working-days', 'days', 'hours']);

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

export const FieldOfActivity = z.object({ code: Slug, name: Text });
export const FieldOfActivityWithCount = z.object({ code: Slug, name: Text, count: z.int().check(z.nonnegative()) });

export const ProcedureSummary = z.object({
  code: ProcedureCode,
  name: Text,
  field: FieldOfActivity,
  agency: AgencyRef,
  /** At the desk, of the procedure's first case (the usual one). */
  processingTime: ProcessingTime,
  /** Over all its cases. */
  feeSummary: FeeSummary,
  /** The official online level; whether this site takes it online is `onlineSubmission`. */
  onlineLevel: OnlineLevel,
  /** Whether a dossier can be filed online through the form widget (for at least one case). */
  onlineSubmission: z.boolean(),
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

/**
 * Where a case is filed instead of here, e.g. birth registration together
 * with permanent residence and the child's health insurance card, an
 * interlinked package (Decree 63/2024/NĐ-CP, Decision 296/QĐ-VPCP) that
 * citizens file on the national portal or in the VNeID app.
 */
export const FiledElsewhere = z.object({
  /** E.g. "Cổng Dịch vụ công quốc gia". */
  name: Text,
  url: Url,
  /** Why, in a sentence the citizen reads before following the link. */
  reason: Text,
});

/**
 * A case (trường hợp) of a procedure: the same procedure asks different
 * documents, fees and time of, say, a first certificate and a reissue.
 * Every procedure has at least one; a procedure with one case is shown
 * as if it had none.
 */
export const ProcedureCase = z.object({
  /** A slug unique within the procedure (`CaseCode` in filing.ts, the rule of `Slug`), e.g. `cap-lai`. */
  code: Slug,
  name: Text,
  documents: z.array(RequiredDocument),
  fees: z.array(Fee),
  /** At the desk. */
  processingTime: ProcessingTime,
  /** When filed online, where the published data says it differs (often shorter). */
  onlineProcessingTime: z.optional(ProcessingTime),
  /** Whether a representative (người được ủy quyền) may file it; absent where the published data does not say. */
  representative: z.optional(z.boolean()),
  /** Whether this case can be filed online through the form widget. */
  onlineSubmission: z.boolean(),
  filedElsewhere: z.optional(FiledElsewhere),
});

export const ProcedureDetail = z.object({
  ...ProcedureSummary.shape,
  agency: Agency,
  cases: z.array(ProcedureCase).check(z.minLength(1), z.maxLength(30)),
  steps: z.array(Text),
  conditions: z.array(Text),
  legalBasis: z.array(LegalBasis),
  forms: z.array(FormTemplate),
  /** What the citizen receives, e.g. "Giấy khai sinh (bản chính)". */
  results: z.array(Text),
});

export const SearchResult = z.object({
  items: z.array(ProcedureSummary),
  total: z.int().check(z.nonnegative()),
  page: z.int().check(z.positive()),
  pageSize: z.int().check(z.positive()),
  /**
   * Only when a query matches nothing: the procedures matching most of its
   * words, best first, at most 5, for "Có phải bạn muốn tìm…".
   */
  closest: z.optional(z.array(ProcedureSummary).check(z.maxLength(5))),
});

export const AgencyList = z.object({ items: z.array(Agency) });
/** A life event (sự kiện trong cuộc sống) to browse by, with its number of procedures. */
export const LifeEvent = z.object({ code: Slug, name: Text, count: z.int().check(z.positive()) });
export const LifeEventList = z.object({ items: z.array(LifeEvent) });
export const FieldOfActivityList = z.object({ items: z.array(FieldOfActivityWithCount) });

export type OnlineLevel = z.infer<typeof OnlineLevel>;
export type TimeUnit = z.infer<typeof TimeUnit>;
export type ProcessingTime = z.infer<typeof ProcessingTime>;
export type FeeSummary = z.infer<typeof FeeSummary>;
export type Agency = z.infer<typeof Agency>;
export type FieldOfActivity = z.infer<typeof FieldOfActivity>;
export type FieldOfActivityWithCount = z.infer<typeof FieldOfActivityWithCount>;
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;
export type RequiredDocument = z.infer<typeof RequiredDocument>;
export type Fee = z.infer<typeof Fee>;
export type LegalBasis = z.infer<typeof LegalBasis>;
export type ProcedureCase = z.infer<typeof ProcedureCase>;
export type FiledElsewhere = z.infer<typeof FiledElsewhere>;
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;
export type SearchResult = z.infer<typeof SearchResult>;
export type AgencyList = z.infer<typeof AgencyList>;
export type FieldOfActivityList = z.infer<typeof FieldOfActivityList>;
export type LifeEventList = z.infer<typeof LifeEventList>;
