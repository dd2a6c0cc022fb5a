/**
 * The checks a commune desk makes on a dossier, as pure functions over a
 * form definition and the citizen's answers. The form widget runs them as
 * the citizen types and before each step; the reference backend runs them
 * again on `POST /dossiers` and answers the same problem codes, which the
 * widget shows at the same fields. One implementation, so the two can never
 * disagree about what is valid.
 *
 * A problem's `path` is dotted: `applicant.personalId`, `answers.ngay-sinh`,
 * `answers.thanh-vien.0.ho-ten`, `attachments.giay-chung-sinh`, `delivery.address`.
 */
import type { Answers, Applicant, Attachment, Delivery, ProblemCode, SimpleAnswer } from './dossiers.js';
import type { Condition, DocumentSlotDefinition, FormDefinition, FormField, SimpleField } from './forms.js';
import { checkPersonalId, checkTaxCode, isEmail, isIsoDate, isMobile } from './identity.js';

export interface Problem {
  path: string;
  code: ProblemCode;
  /** The limit broken, for messages such as "at most 200 characters". */
  limit?: number;
}

type Values = Readonly<Record<string, unknown>>;

/** Today's date in Vietnam (UTC+7, no daylight saving), `YYYY-MM-DD`: "no birth in the future" is judged on local dates. */
export const todayInVietnam = (now: Date = new Date()): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Whether a field or slot with this condition is shown, given the values beside it. */
export function isShown(condition: Condition | undefined, values: Values): boolean {
  if (!condition) return true;
  const value = values[condition.field];
  const wanted = Array.isArray(condition.is) ? condition.is : [condition.is];
  if (Array.isArray(value)) return value.some((item) => wanted.includes(item as string));
  return wanted.includes(value as string | boolean);
}

type Check = Omit<Problem, 'path'> | undefined;

function checkText(field: SimpleField, value: string): Check {
  if ((field.type === 'text' || field.type === 'textarea') && field.maxLength && [...value].length > field.maxLength) {
    return { code: 'too-long', limit: field.maxLength };
  }
  return undefined;
}

function checkNumber(field: Extract<SimpleField, { type: 'number' }>, value: unknown): Check {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'not-a-number' };
  if (field.integer && !Number.isInteger(value)) return { code: 'not-whole' };
  if (field.min !== undefined && value < field.min) return { code: 'too-small', limit: field.min };
  if (field.max !== undefined && value > field.max) return { code: 'too-large', limit: field.max };
  return undefined;
}

function checkDate(value: string, range: 'past' | 'future' | undefined, today: string): Check {
  if (!isIsoDate(value)) return { code: 'date-format' };
  if (range === 'past' && value > today) return { code: 'date-future' };
  if (range === 'future' && value < today) return { code: 'date-past' };
  return undefined;
}

function checkChoice(field: Extract<SimpleField, { type: 'select' | 'radio' | 'checkboxes' }>, value: unknown): Check {
  const allowed = new Set(field.options.map((option) => option.value));
  const chosen = field.type === 'checkboxes' ? value : [value];
  return Array.isArray(chosen) && chosen.every((item) => typeof item === 'string' && allowed.has(item))
    ? undefined
    : { code: 'choice' };
}

function checkAddress(value: unknown): Check {
  const address = value as { street?: unknown; commune?: unknown; province?: unknown } | null;
  if (typeof address !== 'object' || address === null) return { code: 'required' };
  return [address.street, address.commune, address.province].some(
    (part) => typeof part !== 'string' || part.trim() === '',
  )
    ? { code: 'required' }
    : undefined;
}

/** One filled-in simple field's value; `siblings` are the values beside it (for a personal ID's date of birth). */
export function checkValue(field: SimpleField, value: unknown, siblings: Values, today: string): Check {
  switch (field.type) {
    case 'number':
      return checkNumber(field, value);
    case 'yesno':
      return typeof value === 'boolean' ? undefined : { code: 'required' };
    case 'select':
    case 'radio':
    case 'checkboxes':
      return checkChoice(field, value);
    case 'address':
      return checkAddress(value);
    default:
      break;
  }
  if (typeof value !== 'string') return { code: 'required' };
  switch (field.type) {
    case 'date':
      return checkDate(value, field.range, today);
    case 'personal-id': {
      const birthDate = field.birthDateField ? siblings[field.birthDateField] : undefined;
      const code = checkPersonalId(value, {
        birthDate: typeof birthDate === 'string' && isIsoDate(birthDate) ? birthDate : undefined,
        sex: field.sex,
      });
      return code && { code };
    }
    case 'tax-code': {
      const code = checkTaxCode(value);
      return code && { code };
    }
    case 'phone':
      return isMobile(value) ? undefined : { code: 'phone' };
    case 'email':
      return isEmail(value) ? undefined : { code: 'email' };
    default:
      return checkText(field, value);
  }
}

/** A field as the citizen sees it: required and empty, or filled and wrong, or fine. */
export function checkField(field: SimpleField, value: unknown, siblings: Values, today: string): Check {
  if (isEmpty(value)) return field.required ? { code: 'required' } : undefined;
  return checkValue(field, value, siblings, today);
}

function checkFields(fields: readonly SimpleField[], values: Values, prefix: string, today: string): Problem[] {
  return fields.flatMap((field) => {
    if (!isShown(field.when, values)) return [];
    const problem = checkField(field, values[field.id], values, today);
    return problem ? [{ path: `${prefix}${field.id}`, ...problem }] : [];
  });
}

function checkGroup(
  field: Extract<FormField, { type: 'group' }>,
  value: unknown,
  prefix: string,
  today: string,
): Problem[] {
  const path = `${prefix}${field.id}`;
  // Answered with anything but a list: wrong, as a simple field answered with anything but text (checkValue).
  if (value !== undefined && !Array.isArray(value)) return [{ path, code: 'required' }];
  const items = (value ?? []) as Values[];
  const min = field.minItems ?? (field.required ? 1 : 0);
  if (items.length < min) return [{ path, code: items.length === 0 ? 'required' : 'too-few', limit: min }];
  if (field.maxItems !== undefined && items.length > field.maxItems)
    return [{ path, code: 'too-many', limit: field.maxItems }];
  return items.flatMap((item, index) => checkFields(field.fields, item ?? {}, `${path}.${index}.`, today));
}

/** Every field of the form's sections that is shown. */
export function checkAnswers(definition: FormDefinition, answers: Answers, today: string): Problem[] {
  const fields = definition.sections.flatMap((section) => section.fields);
  return fields.flatMap((field) => {
    if (!isShown(field.when, answers)) return [];
    if (field.type === 'group') return checkGroup(field, answers[field.id], 'answers.', today);
    return checkFields([field], answers, 'answers.', today);
  });
}

/** The answers without the fields that are hidden by their condition: what is sent and kept. */
export function shownAnswers(definition: FormDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    const answer = answers[field.id];
    // A group answered with anything but a list is refused (`checkGroup`) and has nothing to keep.
    if (!isShown(field.when, answers) || answer === undefined || (field.type === 'group' && !Array.isArray(answer)))
      continue;
    kept[field.id] =
      field.type === 'group'
        ? (answer as Record<string, SimpleAnswer>[]).map((item) =>
            Object.fromEntries(
              field.fields
                .filter((inner) => isShown(inner.when, item) && item[inner.id] !== undefined)
                .map((inner) => [inner.id, item[inner.id]!]),
            ),
          )
        : answer;
  }
  return kept;
}

/** An applicant's field, checked as an e-form's field is (required unless said). */
const own = (id: string, type: SimpleField['type'], more?: object): SimpleField =>
  ({ id, type, label: id, required: true, ...more }) as SimpleField;

/** The applicant: who may file, and each of their numbers as the desk checks them (a person's ID against their birth date and sex). */
export function checkApplicant(definition: FormDefinition, applicant: Applicant, today: string): Problem[] {
  if (!definition.applicantKinds.includes(applicant.kind)) return [{ path: 'applicant.kind', code: 'applicant-kind' }];
  const check = (fields: SimpleField[], values: object = applicant, prefix = 'applicant.') =>
    checkFields(fields, values as Values, prefix, today);
  const contact = check([own('phone', 'phone'), own('email', 'email', { required: false }), own('address', 'address')]);
  if (applicant.kind === 'organisation')
    return [
      ...check([own('name', 'text'), own('taxCode', 'tax-code')]),
      ...check(
        [own('fullName', 'text'), own('personalId', 'personal-id')],
        applicant.representative,
        'applicant.representative.',
      ),
      ...contact,
    ];
  return [
    ...check([
      own('fullName', 'text'),
      own('birthDate', 'date', { range: 'past' }),
      own('sex', 'text'),
      own('personalId', 'personal-id', { birthDateField: 'birthDate', sex: applicant.sex }),
    ]),
    ...contact,
  ];
}

/** The document slots shown for these answers. */
export const shownDocuments = (definition: FormDefinition, answers: Answers): DocumentSlotDefinition[] =>
  definition.documents.filter((slot) => isShown(slot.when, answers));

/** Each shown slot has its required files and no more than its maximum; no files for a slot the form does not have. */
export function checkAttachments(
  definition: FormDefinition,
  answers: Answers,
  attachments: readonly Attachment[],
): Problem[] {
  const slots = shownDocuments(definition, answers);
  const bySlot = new Map(attachments.map((attachment) => [attachment.slot, attachment.uploads.length]));
  return [
    ...slots.flatMap((slot): Problem[] => {
      const count = bySlot.get(slot.slot) ?? 0;
      if (count === 0) return slot.required ? [{ path: `attachments.${slot.slot}`, code: 'required' }] : [];
      return count > slot.maxFiles
        ? [{ path: `attachments.${slot.slot}`, code: 'too-many', limit: slot.maxFiles }]
        : [];
    }),
    ...attachments
      .filter((attachment) => !slots.some((slot) => slot.slot === attachment.slot))
      .map((attachment): Problem => ({ path: `attachments.${attachment.slot}`, code: 'attachment' })),
  ];
}

/** A delivery method the procedure offers, with an address when the result goes by post. */
export function checkDelivery(definition: FormDefinition, delivery: Delivery): Problem[] {
  if (!definition.delivery.includes(delivery.method)) return [{ path: 'delivery.method', code: 'delivery' }];
  return delivery.method === 'post' && checkAddress(delivery.address)
    ? [{ path: 'delivery.address', code: 'required' }]
    : [];
}
