/**
 * The terms a dossier is filed in, which the form, the dossier and the
 * lookup all name: the procedure's case and its fees, who files, how the
 * result comes back. A module of their own, not in forms.ts with the form they are asked
 * in: the browser's checks are generated one module per contract module
 * (demo/scripts/generate-validators.ts), and the lookup, which names these,
 * carried the whole form definition's checks with them (1.4 KB gzip).
 */
import * as z from 'zod/mini';
import { Money, Text } from './common.js';

/**
 * Slug of a procedure's case (trường hợp), unique within its procedure,
 * e.g. `cap-lai`. Not in common.ts: the search never names a dossier's case
 * and should not carry it. The catalogue's cases use the same slug rule
 * (`Slug`, catalogue.ts).
 */
export const CaseCode = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/** A case by its code and name, as a receipt and a lookup name the dossier's. */
export const CaseRef = z.object({ code: CaseCode, name: Text });

/**
 * A fee (phí, lệ phí) of a case, as the form's review and the receipt show
 * it: the same shape as the catalogue's `Fee` (catalogue.ts), declared here
 * so that the form's and the dossier's checks do not pull in the search's catalogue module.
 */
export const CaseFee = z.object({
  label: Text,
  /** Null where the amount is not fixed (see note). */
  amount: z.nullable(Money),
  /** E.g. "Thu theo số bản sao: 8.000 đồng/bản." */
  note: z.optional(Text),
});

/** How the result reaches the citizen: online, by public postal service, at the desk. */
export const DeliveryMethod = z.enum(['online', 'post', 'desk']);

export const ApplicantKind = z.enum(['person', 'organisation']);

export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export type ApplicantKind = z.infer<typeof ApplicantKind>;
export type CaseRef = z.infer<typeof CaseRef>;
export type CaseFee = z.infer<typeof CaseFee>;
