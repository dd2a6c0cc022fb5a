/**
 * What the shape of a form definition (`forms.ts`) cannot say: rules over
 * the whole definition. Apart from the zod schemas so that the browser's
 * generated check of a definition (`../generated/forms.ts`) runs these very
 * functions without carrying zod, and the reference backend refuses a broken
 * definition at start in the same words.
 */
import type { ApplicantAnswer, Condition, FormDefinition, FormField, SimpleField } from './forms.js';

type AnyField = SimpleField | FormField;
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

/** The kinds of field that can hold each of the applicant's answers. */
const HOLDS: Record<ApplicantAnswer, string[]> = {
  fullName: ['text'],
  birthDate: ['date'],
  sex: ['radio', 'select'],
  personalId: ['personal-id'],
  address: ['address'],
};

function fieldProblems(field: AnyField, scope: readonly AnyField[], path: PropertyKey[]): DefinitionProblem[] {
  const own = (message: string | undefined, at = path): DefinitionProblem[] =>
    message ? [{ path: at, message: `${field.id}: ${message}` }] : [];
  const birthDate = field.type === 'personal-id' && field.birthDateField;
  const answer = field.applicantField;
  return [
    ...own(
      answer && !HOLDS[answer].includes(field.type)
        ? `a ${field.type} field cannot hold the applicant's ${answer}`
        : undefined,
      [...path, 'applicantField'],
    ),
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
 * ID's birth-date field) name a field beside them that can hold the value; a
 * field that holds an applicant's answer is of a kind that can;
 * ids, options and slots are unique. Part of `FormDefinition`, so a widget
 * refuses a broken definition from any backend (a clear error instead of a
 * form that never shows a field or never lets the citizen send), and the
 * reference backend refuses to start with one, in the same words.
 */
export function definitionProblems(form: FormDefinition): DefinitionProblem[] {
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
    ...form.sections.flatMap((section, s) => {
      const problem = conditionProblem(section.applicantIs, fields, '');
      return [
        ...(problem ? [{ path: ['sections', s, 'applicantIs'], message: `${section.id}: ${problem}` }] : []),
        ...section.fields.flatMap((field, f) => fieldProblems(field, fields, ['sections', s, 'fields', f])),
      ];
    }),
    ...form.documents.flatMap((slot, d) => {
      const problem = conditionProblem(slot.when, fields, '');
      return problem ? [{ path: ['documents', d, 'when'], message: `attachments.${slot.slot}: ${problem}` }] : [];
    }),
  ];
}
