/**
 * Turns zod issues into the `validation_failed` answer of the contract.
 * zod/mini ships no messages ("Invalid input" for everything) and the
 * format issues carry regular expressions, which mean nothing to the person
 * building a widget page; so each detail is written here, in plain words.
 */
import * as z from 'zod/mini';
import { DossierCode, Slug, ProcedureCode, SearchQuery } from '../../../src/api/contract/index.js';
import { HttpError } from './replies.js';

/**
 * What a valid value looks like, for the parameters whose format is a
 * pattern, by name and pattern (the pattern tells a `code` apart: a
 * procedure code on the catalogue's routes, a dossier code on the officer's).
 */
const FORMAT_EXAMPLES = new Map(
  (
    [
      ['code', ProcedureCode, 'a procedure code such as 1.001193'],
      ['code', DossierCode, 'a dossier code such as 000.00.01.H99-261122-0001'],
      ['agency', SearchQuery.shape.agency, 'one or more agency codes such as 000.00.00.H37, separated by commas'],
      ['field', Slug, 'a field code such as ho-tich'],
    ] as const
  ).map(([name, schema, example]) => [`${name} /${String(z.toJSONSchema(schema).pattern)}/`, example]),
);

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
      return `must be ${FORMAT_EXAMPLES.get(`${name} ${issue.pattern}`) ?? 'in the documented format'}`;
    default:
      return 'is not valid';
  }
}

/** The 400 answer for a request whose parameters or body break the contract, one detail per wrong value. */
export function validationFailed(
  details: { path: string; message: string }[],
  where: 'parameters' | 'body' = 'parameters',
): HttpError {
  const names = [...new Set(details.map((detail) => detail.path || '(body)'))].join(', ');
  const vietnamese = where === 'body' ? 'Nội dung không hợp lệ' : 'Tham số không hợp lệ';
  return new HttpError(
    400,
    'validation_failed',
    `Invalid request ${where}: ${names}. See details. (${vietnamese}: ${names}.)`,
    details,
  );
}

/** {@link validationFailed} for the issues zod found. */
export const validationError = (issues: z.core.$ZodIssue[], where: 'parameters' | 'body' = 'parameters'): HttpError =>
  validationFailed(
    issues.map((issue) => ({ path: issue.path.join('.'), message: describeIssue(issue) })),
    where,
  );
