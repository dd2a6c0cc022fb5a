/**
 * Checks the reference backend's form definitions when it starts (and in the
 * tests): the contract's own checks (its schema, and what the schema checks
 * beyond shape, such as a condition naming a field that does not exist), then
 * what only this backend knows: its upload limit, and that its text is NFC.
 * A broken definition would otherwise reach citizens as a form that never
 * shows a field or never lets them send, so the server refuses to start.
 */
import { DEFAULT_UPLOAD_LIMITS, FormDefinition, repeatedValues } from '../../../src/api/contract/index.js';

/** Every problem of one definition, in words; empty when it is sound. */
export function checkDefinition(definition: unknown): string[] {
  const parsed = FormDefinition.safeParse(definition);
  if (!parsed.success) {
    const { procedure, version } = (definition ?? {}) as { procedure?: unknown; version?: unknown };
    return parsed.error.issues.map(
      (issue) => `${String(procedure)} v${String(version)}: ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const form = parsed.data;
  const text = JSON.stringify(form);
  return [
    ...form.documents.flatMap((slot) =>
      slot.maxFileBytes > DEFAULT_UPLOAD_LIMITS.maxFileBytes
        ? [`attachments.${slot.slot}: maxFileBytes above the upload limit`]
        : [],
    ),
    ...(text === text.normalize('NFC') ? [] : ['text not in Unicode NFC']),
  ].map((problem) => `${form.procedure} v${form.version}: ${problem}`);
}

/** Throws with every problem of every definition (and any procedure defined twice); used at start-up. */
export function assertDefinitions(definitions: readonly unknown[]): void {
  const problems = definitions.flatMap(checkDefinition);
  const codes = definitions.map((definition) => (definition as { procedure?: string }).procedure ?? '');
  problems.push(...repeatedValues(codes).map((code) => `${code}: two form definitions`));
  if (problems.length > 0) throw new Error(`Broken form definitions:\n${problems.join('\n')}`);
}
