/**
 * Turns zod issues into the `validation_failed` answer of the contract.
 * zod/mini ships no messages ("Invalid input" for everything) and the
 * format issues carry regular expressions, which mean nothing to the person
 * building a widget page; so each detail is written here, in plain words.
 */
import type * as z from 'zod/mini';
import { HttpError } from './replies.js';

/** What a valid value looks like, for the parameters whose format is a pattern. */
const FORMAT_EXAMPLES: Record<string, string> = {
  code: 'a procedure code such as 1.001193',
  agency: 'one or more agency codes such as 000.00.00.H37, separated by commas',
  field: 'a field code such as ho-tich',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters long`
        : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} characters long`
        : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.join(', ')}`;
    case 'invalid_format':
      return `must be ${FORMAT_EXAMPLES[name] ?? 'in the documented format'}`;
    default:
      return 'is not valid';
  }
}

/** The 400 answer for a request whose parameters or body break the contract. */
export function validationError(issues: z.core.$ZodIssue[], where: 'parameters' | 'body' = 'parameters'): HttpError {
  const details = issues.map((issue) => ({ path: issue.path.join('.'), message: describeIssue(issue) }));
  const names = [...new Set(details.map((detail) => detail.path || '(body)'))].join(', ');
  const vietnamese = where === 'body' ? 'Nội dung không hợp lệ' : 'Tham số không hợp lệ';
  return new HttpError(
    400,
    'validation_failed',
    `Invalid request ${where}: ${names}. See details. (${vietnamese}: ${names}.)`,
    details,
  );
}
