/**
 * Checks a form definition beyond its schema: what zod cannot see, such as
 * a condition naming a field that does not exist. A broken definition would
 * otherwise reach citizens as a form that never shows a field or never lets
 * them send; the server runs these checks when it starts and refuses to
 * start, and the tests run them too.
 */
import {
  type Condition, DEFAULT_UPLOAD_LIMITS, FormDefinition, type FormField, type SimpleField,
} from '../../../src/api/contract/index.js';

/** The fields one condition or birth-date reference may name: the form's top level, or one group item. */
type Scope = ReadonlyMap<string, SimpleField | FormField>;

const scopeOf = (fields: readonly (SimpleField | FormField)[]): Scope => new Map(fields.map((field) => [field.id, field]));

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Whether a condition can ever hold for the field it names: a real option, or a boolean for yes/no. */
function conditionProblems(condition: Condition | undefined, scope: Scope, owner: string): string[] {
  if (!condition) return [];
  const target = scope.get(condition.field);
  if (!target) return [`${owner}: condition names "${condition.field}", which is not a field beside it`];
  if (target.id === owner) return [`${owner}: condition names the field itself`];
  const wanted = Array.isArray(condition.is) ? condition.is : [condition.is];
  if (target.type === 'yesno') {
    return wanted.every((value) => typeof value === 'boolean') ? [] : [`${owner}: condition on yes/no "${target.id}" must be true or false`];
  }
  if (target.type === 'select' || target.type === 'radio' || target.type === 'checkboxes') {
    const values = new Set(target.options.map((option) => option.value));
    const unknown = wanted.filter((value) => typeof value !== 'string' || !values.has(value));
    return unknown.length === 0 ? [] : [`${owner}: condition on "${target.id}" names no option ${unknown.join(', ')}`];
  }
  return [`${owner}: condition on "${target.id}" (${target.type}); only choices and yes/no fields can show other fields`];
}

function fieldProblems(field: SimpleField | FormField, scope: Scope): string[] {
  const problems = conditionProblems(field.when, scope, field.id);
  if (field.type === 'personal-id' && field.birthDateField && scope.get(field.birthDateField)?.type !== 'date') {
    problems.push(`${field.id}: birthDateField "${field.birthDateField}" is not a date field beside it`);
  }
  if (field.type === 'select' || field.type === 'radio' || field.type === 'checkboxes') {
    problems.push(...duplicates(field.options.map((option) => option.value)).map((value) => `${field.id}: option "${value}" twice`));
  }
  if (field.type === 'group') {
    const inner = scopeOf(field.fields);
    problems.push(...duplicates(field.fields.map((item) => item.id)).map((id) => `${field.id}: field "${id}" twice`));
    problems.push(...field.fields.flatMap((item) => fieldProblems(item, inner).map((problem) => `${field.id}.${problem}`)));
    if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems) problems.push(`${field.id}: minItems > maxItems`);
  }
  return problems;
}

/** Every problem of one definition, in words; empty when it is sound. */
export function checkDefinition(definition: unknown): string[] {
  const parsed = FormDefinition.safeParse(definition);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const form = parsed.data;
  const fields = form.sections.flatMap((section) => section.fields);
  const scope = scopeOf(fields);
  const slots = form.documents.map((slot) => slot.slot);
  const text = JSON.stringify(form);
  return [
    ...duplicates(form.sections.map((section) => section.id)).map((id) => `section "${id}" twice`),
    ...duplicates(fields.map((field) => field.id)).map((id) => `field "${id}" twice`),
    ...duplicates(slots).map((slot) => `document slot "${slot}" twice`),
    ...fields.flatMap((field) => fieldProblems(field, scope)),
    ...form.documents.flatMap((slot) => [
      ...conditionProblems(slot.when, scope, `attachments.${slot.slot}`),
      ...(slot.maxFileBytes > DEFAULT_UPLOAD_LIMITS.maxFileBytes ? [`attachments.${slot.slot}: maxFileBytes above the upload limit`] : []),
    ]),
    ...(text === text.normalize('NFC') ? [] : ['text not in Unicode NFC']),
  ].map((problem) => `${form.procedure} v${form.version}: ${problem}`);
}

/** Throws with every problem of every definition (and any procedure defined twice); used at start-up. */
export function assertDefinitions(definitions: readonly unknown[]): void {
  const problems = definitions.flatMap(checkDefinition);
  const codes = definitions.map((definition) => (definition as { procedure?: string }).procedure ?? '');
  problems.push(...duplicates(codes).map((code) => `${code}: two form definitions`));
  if (problems.length > 0) throw new Error(`Broken form definitions:\n${problems.join('\n')}`);
}
