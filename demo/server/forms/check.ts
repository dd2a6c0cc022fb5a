/**
 * Checks the reference backend's form definitions when it starts (and in the
 * tests): the contract's own checks (its schema, and what the schema checks
 * beyond shape, such as a condition naming a field that does not exist), then
 * what only this backend knows: its upload limit, that its text is NFC, and
 * settings that would do nothing (an operator would believe them at work).
 * A broken definition would otherwise reach citizens as a form that never
 * shows a field or never lets them send, so the server refuses to start.
 *
 * Each problem keeps its path inside the definition ({@link definitionIssues}),
 * so that the forms folder (`folder.ts`) can name the file and the place in
 * it that the operator has to edit.
 */
import type * as z from 'zod/mini';
import { DEFAULT_UPLOAD_LIMITS, FormDefinition } from '../../../src/api/contract/index.js';

/** One problem of a definition, at its path inside it. */
export interface DefinitionIssue {
  path: PropertyKey[];
  message: string;
}

/** The path of the first string (at or under `value`) that is not in Unicode NFC. */
function notNfc(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (typeof value === 'string') return value === value.normalize('NFC') ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = notNfc(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );

/** The limit of a size issue, in words: "at most 20", "more than 0", "at least 1 item", "at most 100 characters". */
function bound(issue: { origin: string; inclusive?: boolean }, most: boolean, limit: number | bigint): string {
  const word = issue.inclusive === false ? (most ? 'less than' : 'more than') : most ? 'at most' : 'at least';
  const unit = { array: ' item', string: ' character', set: ' item' }[issue.origin];
  return `${word} ${limit}${unit ? `${unit}${limit === 1 ? '' : 's'}` : ''}`;
}

/** A schema issue in plain words (zod/mini says "Invalid input" to everything). */
function describeSchemaIssue(issue: z.core.$ZodIssue, definition: unknown): string {
  if (valueAt(definition, issue.path) === undefined) return 'missing';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'must be a whole number'
        : `must be ${issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}`;
    case 'too_big':
      return `must be ${bound(issue, true, issue.maximum)}`;
    case 'too_small':
      return `must be ${bound(issue, false, issue.minimum)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.join(', ')}`;
    case 'invalid_format':
      return `must match ${issue.pattern ?? issue.format}`;
    case 'invalid_union':
      return 'options' in issue ? `must be one of: ${(issue.options as unknown[]).join(', ')}` : 'is not valid';
    default:
      return issue.message;
  }
}

const schemaIssues = (definition: unknown, issues: readonly z.core.$ZodIssue[]): DefinitionIssue[] =>
  issues.map((issue) => ({ path: issue.path, message: describeSchemaIssue(issue, definition) }));

/**
 * Settings the widget would ignore: an applicant's answer named by a field
 * of a repeating group (a section's person is one person), and a starting
 * answer longer than its box takes. (A field of a section without
 * `applicantIs` may name one: the `person` part names them wherever it is
 * used, and they wait for a form that says when its person is the applicant.)
 */
function idleSettings(form: FormDefinition): DefinitionIssue[] {
  return form.sections.flatMap((section, s) =>
    section.fields.flatMap((field, f) => {
      const at = ['sections', s, 'fields', f];
      const inner = field.type === 'group' ? field.fields.filter((item) => item.applicantField) : [];
      const idle = [
        ...inner.map((item) => `${field.id}.${item.id}: applicantField does nothing inside a repeating group`),
        ...('default' in field && field.default && field.maxLength && field.default.length > field.maxLength
          ? [`${field.id}: default is longer than maxLength`]
          : []),
      ];
      return idle.map((message) => ({ path: at, message }));
    }),
  );
}

/** What only this backend refuses in a definition the contract takes. */
function backendIssues(form: FormDefinition): DefinitionIssue[] {
  const nfc = notNfc(form, []);
  return [
    ...idleSettings(form),
    ...form.documents.flatMap((slot, d) =>
      slot.maxFileBytes > DEFAULT_UPLOAD_LIMITS.maxFileBytes
        ? [
            {
              path: ['documents', d, 'maxFileBytes'],
              message: `attachments.${slot.slot}: maxFileBytes above the upload limit`,
            },
          ]
        : [],
    ),
    ...(nfc ? [{ path: nfc, message: 'text not in Unicode NFC' }] : []),
  ];
}

/**
 * Properties of `input` that the schema does not know (a misspelt
 * `requried`), found as those its parsed copy `output` left out: the
 * contract strips them silently, which would hide the mistake.
 */
function unknownProperties(input: unknown, output: unknown, path: PropertyKey[]): DefinitionIssue[] {
  if (typeof input !== 'object' || input === null || typeof output !== 'object' || output === null) return [];
  return Object.entries(input).flatMap(([key, item]) => {
    const at = [...path, Array.isArray(input) ? Number(key) : key];
    return key in output
      ? unknownProperties(item, (output as Record<string, unknown>)[key], at)
      : [{ path: at, message: `unknown property "${key}"` }];
  });
}

/** Every problem of one definition, each at its path: schema, unknown properties, this backend's limits. */
export function definitionIssues(definition: unknown): DefinitionIssue[] {
  const parsed = FormDefinition.safeParse(definition);
  if (!parsed.success) return schemaIssues(definition, parsed.error.issues);
  return [...unknownProperties(definition, parsed.data, []), ...backendIssues(parsed.data)];
}

/** Every problem of one definition, in words; empty when it is sound. */
export function checkDefinition(definition: unknown): string[] {
  const parsed = FormDefinition.safeParse(definition);
  if (!parsed.success) {
    const { procedure, version } = (definition ?? {}) as { procedure?: unknown; version?: unknown };
    return schemaIssues(definition, parsed.error.issues).map(
      (issue) => `${String(procedure)} v${String(version)}: ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const form = parsed.data;
  return backendIssues(form).map(({ message }) => `${form.procedure} v${form.version}: ${message}`);
}

/**
 * Throws with every problem of every definition; used at start-up. A
 * procedure may have several (one per case), told apart by their ids.
 */
export function assertDefinitions(definitions: readonly unknown[]): void {
  const problems = definitions.flatMap(checkDefinition);
  if (problems.length > 0) throw new Error(`Broken form definitions:\n${problems.join('\n')}`);
}
