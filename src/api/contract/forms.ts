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

const ChoiceOption = z.object({ value: z.string().check(z.minLength(1), z.maxLength(64)), label: Text });

const fieldBase = {
  id: FieldId,
  label: Text,
  /** Shown under the label, e.g. "Ghi theo Giấy chứng sinh". */
  help: z.optional(Text),
  required: z.optional(z.boolean()),
  when: z.optional(Condition),
};

const TextField = z.object({
  ...fieldBase,
  type: z.enum(['text', 'textarea']),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(4000))),
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

/** How the result reaches the citizen: online, by public postal service, at the desk. */
export const DeliveryMethod = z.enum(['online', 'post', 'desk']);

export const ApplicantKind = z.enum(['person', 'organisation']);

type AnyField = z.infer<typeof SimpleField> | z.infer<typeof FormField>;
type DefinitionProblem = { path: PropertyKey[]; message: string };

/** The values given more than once, each once. */
export const repeatedValues = (values: readonly string[]): string[] => [
  ...new Set(values.filter((value, i) => values.indexOf(value) !== i)),
];

/** Every value of `values` given twice, as problems at `path`. */
const twice = (values: readonly string[], path: PropertyKey[], what: string): DefinitionProblem[] =>
  repeatedValues(values).map((value) => ({ path, message: `${what} "${value}" twice` }));

/** Why a condition can never hold for the field it names (one beside its owner, a real option, a boolean for yes/no). */
function conditionProblem(when: Condition | undefined, scope: readonly AnyField[], owner: string): string | undefined {
  if (!when) return undefined;
  const target = scope.find((field) => field.id === when.field);
  if (!target) return `condition names "${when.field}", which is not a field beside it`;
  if (target.id === owner) return 'condition names the field itself';
  const wanted = [when.is].flat();
  if (target.type === 'yesno') {
    return wanted.every((value) => typeof value === 'boolean')
      ? undefined
      : `condition on yes/no "${target.id}" must be true or false`;
  }
  if ('options' in target) {
    const unknown = wanted.filter((value) => !target.options.some((option) => option.value === value));
    return unknown.length ? `condition on "${target.id}" names no option ${unknown.join(', ')}` : undefined;
  }
  return `condition on "${target.id}" (${target.type}); only choices and yes/no fields can show other fields`;
}

function fieldProblems(field: AnyField, scope: readonly AnyField[], path: PropertyKey[]): DefinitionProblem[] {
  const own = (message: string | undefined, at = path): DefinitionProblem[] =>
    message ? [{ path: at, message: `${field.id}: ${message}` }] : [];
  const birthDate = field.type === 'personal-id' && field.birthDateField;
  return [
    ...own(conditionProblem(field.when, scope, field.id), [...path, 'when']),
    ...own(
      birthDate && scope.find((other) => other.id === birthDate)?.type !== 'date'
        ? `birthDateField "${birthDate}" is not a date field beside it`
        : undefined,
      [...path, 'birthDateField'],
    ),
    ...('options' in field
      ? twice(
          field.options.map((option) => option.value),
          [...path, 'options'],
          `${field.id}: option`,
        )
      : []),
    ...(field.type === 'group'
      ? [
          ...twice(
            field.fields.map((inner) => inner.id),
            [...path, 'fields'],
            `${field.id}: field`,
          ),
          ...field.fields.flatMap((inner, i) => fieldProblems(inner, field.fields, [...path, 'fields', i])),
          ...own((field.minItems ?? 0) > (field.maxItems ?? 50) ? 'minItems > maxItems' : undefined, [
            ...path,
            'minItems',
          ]),
        ]
      : []),
  ];
}

/**
 * What the shape alone cannot say of a definition: conditions (and a personal
 * ID's birth-date field) name a field beside them that can hold the value;
 * ids, options and slots are unique. Part of `FormDefinition`, so a widget
 * refuses a broken definition from any backend (a clear error instead of a
 * form that never shows a field or never lets the citizen send), and the
 * reference backend refuses to start with one, in the same words.
 */
function definitionProblems(form: z.infer<typeof FormShape>): DefinitionProblem[] {
  const fields = form.sections.flatMap((section) => section.fields);
  return [
    ...twice(
      form.sections.map((section) => section.id),
      ['sections'],
      'section',
    ),
    ...twice(
      fields.map((field) => field.id),
      ['sections'],
      'field',
    ),
    ...twice(
      form.documents.map((slot) => slot.slot),
      ['documents'],
      'document slot',
    ),
    ...form.sections.flatMap((section, s) =>
      section.fields.flatMap((field, f) => fieldProblems(field, fields, ['sections', s, 'fields', f])),
    ),
    ...form.documents.flatMap((slot, d) => {
      const problem = conditionProblem(slot.when, fields, '');
      return problem ? [{ path: ['documents', d, 'when'], message: `attachments.${slot.slot}: ${problem}` }] : [];
    }),
  ];
}

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
export type FormField = z.infer<typeof FormField>;
export type SimpleField = z.infer<typeof SimpleField>;
export type GroupField = z.infer<typeof GroupField>;
export type FormSection = z.infer<typeof FormSection>;
export type DocumentSlotDefinition = z.infer<typeof DocumentSlotDefinition>;
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export type ApplicantKind = z.infer<typeof ApplicantKind>;
export type FormDefinition = z.infer<typeof FormDefinition>;
