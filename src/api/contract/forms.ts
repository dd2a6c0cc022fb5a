/**
 * The backend contract, version 1: a procedure's electronic form (tờ khai
 * điện tử), as data. `<dvc-dossier-form>` renders any definition that
 * follows this schema, and the reference backend checks a submitted dossier
 * against the same definition with the same rules (`form-rules.ts`), so a
 * form can change on the backend without a new widget release.
 *
 * A definition has a `version`; a dossier names the version it was filled
 * against, so that a draft kept on a device across a form change is caught
 * (the backend answers `form_version_changed`) instead of being misread.
 */
import * as z from 'zod/mini';
import { FormTemplate, ProcedureCode, Text } from './common.js';
import { definitionProblems } from './definition-rules.js';
import { ApplicantKind, CaseCode, CaseFee, CaseRef, DeliveryMethod } from './filing.js';
import { DocumentSlot } from './uploads.js';

/** Id of a field, unique within its form (or within its repeating group), e.g. `ho-ten-cha`. */
export const FieldId = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,63}$/));

/**
 * Show a field (or a document slot) only when another field of the same
 * form, or of the same group item, has one of these values. A hidden field
 * is neither required nor sent.
 */
export const Condition = z.object({
  field: FieldId,
  /** The value(s) that show it: a choice's value, or `true`/`false` for a yes/no field. */
  is: z.union([z.string(), z.boolean(), z.array(z.string())]),
});

/**
 * The applicant's answers (the first step's) that a field of a person's
 * block can start from, when that person is the applicant (`applicantIs`).
 */
export const ApplicantAnswer = z.enum(['fullName', 'birthDate', 'sex', 'personalId', 'address']);

const ChoiceOption = z.object({ value: z.string().check(z.minLength(1), z.maxLength(64)), label: Text });

const fieldBase = {
  id: FieldId,
  label: Text,
  /** Shown under the label, e.g. "Ghi theo Giấy chứng sinh". */
  help: z.optional(Text),
  required: z.optional(z.boolean()),
  when: z.optional(Condition),
  /** The applicant's answer this field holds when its section's person is the applicant (`applicantIs`). */
  applicantField: z.optional(ApplicantAnswer),
};

const TextField = z.object({
  ...fieldBase,
  type: z.enum(['text', 'textarea']),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(4000))),
  /** The answer a dossier starts with, e.g. "Việt Nam" for a nationality; the citizen may change it. */
  default: z.optional(Text),
});

const NumberField = z.object({
  ...fieldBase,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Whole numbers only (a count of people); default false. */
  integer: z.optional(z.boolean()),
  /** Shown after the box, e.g. "bản", "đồng". */
  unit: z.optional(z.string().check(z.maxLength(20))),
});

const DateField = z.object({
  ...fieldBase,
  type: z.literal('date'),
  /** `past`: today or earlier (a birth); `future`: today or later (a wished date). */
  range: z.optional(z.enum(['past', 'future'])),
});

const ChoiceField = z.object({
  ...fieldBase,
  type: z.enum(['select', 'radio', 'checkboxes']),
  options: z.array(ChoiceOption).check(z.minLength(1), z.maxLength(300)),
});

/** Fields whose format the form checks: each one's rule is in `identity.ts`. */
const FormattedField = z.object({
  ...fieldBase,
  type: z.enum(['yesno', 'tax-code', 'phone', 'email', 'address']),
});

const PersonalIdField = z.object({
  ...fieldBase,
  type: z.literal('personal-id'),
  /** A date field whose value the ID's century and year digits must fit (e.g. the father's date of birth). */
  birthDateField: z.optional(FieldId),
  /** The sex the ID's century digit must say, when the role fixes it (a mother is `nu`). */
  sex: z.optional(z.enum(['nam', 'nu'])),
});

const SimpleField = z.discriminatedUnion('type', [
  TextField,
  NumberField,
  DateField,
  ChoiceField,
  FormattedField,
  PersonalIdField,
]);

/** A repeating group, e.g. the family members living with the applicant. Groups do not nest. */
const GroupField = z.object({
  ...fieldBase,
  type: z.literal('group'),
  /** Label of one item, numbered by the widget: "Thành viên" → "Thành viên 1". */
  itemLabel: Text,
  fields: z.array(SimpleField).check(z.minLength(1), z.maxLength(40)),
  minItems: z.optional(z.int().check(z.nonnegative())),
  maxItems: z.optional(z.int().check(z.positive(), z.lte(50))),
});

export const FormField = z.discriminatedUnion('type', [
  TextField,
  NumberField,
  DateField,
  ChoiceField,
  FormattedField,
  PersonalIdField,
  GroupField,
]);

export const FormSection = z.object({
  id: FieldId,
  title: Text,
  description: z.optional(Text),
  /**
   * When this holds, the section's person is the applicant (a mother files
   * her child's birth): as it comes to hold, the section's fields with an
   * `applicantField` take the applicant's answers where they are empty, and
   * the citizen may change them. Nobody types the same things twice.
   */
  applicantIs: z.optional(Condition),
  fields: z.array(FormField).check(z.minLength(1), z.maxLength(100)),
});

/** A kind of file a slot accepts; the rules for each are in `file-types.ts`. */
export const FileKindName = z.enum(['pdf', 'jpeg', 'png', 'heic', 'doc', 'docx', 'odt']);

/** One required document (thành phần hồ sơ) and the upload slot that carries it. */
export const DocumentSlotDefinition = z.object({
  slot: DocumentSlot,
  name: Text,
  /** When the document is needed, e.g. "Trường hợp người đi đăng ký là người được ủy quyền". */
  note: z.optional(Text),
  required: z.boolean(),
  accept: z.array(FileKindName).check(z.minLength(1)),
  maxFileBytes: z.int().check(z.positive()),
  maxFiles: z.int().check(z.positive(), z.lte(20)),
  template: z.optional(FormTemplate),
  when: z.optional(Condition),
});

const FormShape = z.object({
  procedure: ProcedureCode,
  version: z.int().check(z.positive()),
  /** The form's name, e.g. "Tờ khai đăng ký khai sinh". */
  title: Text,
  /** Who may file: a person, an organisation, or either. */
  applicantKinds: z.array(ApplicantKind).check(z.minLength(1)),
  sections: z.array(FormSection).check(z.maxLength(20)),
  documents: z.array(DocumentSlotDefinition).check(z.maxLength(30)),
  delivery: z.array(DeliveryMethod).check(z.minLength(1)),
  /** The declaration the citizen ticks before sending ("Tôi xin cam đoan…"). */
  declaration: Text,
  /**
   * Filled in by the backend from its catalogue when it serves the form (an
   * authored definition leaves them out): the procedure's name, the case
   * this form is for, and every case of the procedure filed online, when
   * there are several, for the citizen to choose from first; and the case's
   * fees, which the citizen sees before sending (empty: free).
   */
  procedureName: z.optional(Text),
  case: z.optional(CaseCode),
  cases: z.optional(z.array(CaseRef).check(z.maxLength(30))),
  fees: z.optional(z.array(CaseFee).check(z.maxLength(30))),
});

export const FormDefinition = FormShape.check(
  z.superRefine((form, payload) => {
    // Only a definition of the right shape can be read for these (the shape's own issues are reported already).
    if (payload.issues.length) return;
    for (const { path, message } of definitionProblems(form))
      payload.addIssue({ code: 'custom', path, message, input: form });
  }),
);

export type FieldId = z.infer<typeof FieldId>;
export type Condition = z.infer<typeof Condition>;
export type ApplicantAnswer = z.infer<typeof ApplicantAnswer>;
export type FormField = z.infer<typeof FormField>;
export type SimpleField = z.infer<typeof SimpleField>;
export type GroupField = z.infer<typeof GroupField>;
export type FormSection = z.infer<typeof FormSection>;
export type DocumentSlotDefinition = z.infer<typeof DocumentSlotDefinition>;
export type FormDefinition = z.infer<typeof FormDefinition>;
