/**
 * Every answer a widget gets is checked against the contract first, whoever
 * gave it (the REST client or a site's own adapter). A wrong shape becomes a
 * BackendError('invalid-response') with the issues for the console, and
 * the citizen gets a clear message instead of a blank or broken widget.
 */
import { issuesOf, type Check } from './check.js';
import { BackendError } from './errors.js';

/** The answer, once `check` (generated from the contract's schema, see `check.ts`) finds nothing wrong in it. */
export async function validated<T>(check: Check<T>, what: string, answer: Promise<unknown>): Promise<T> {
  const value = await answer;
  const issues = issuesOf(check, value);
  if (issues.length)
    throw new BackendError('invalid-response', `The backend's ${what} does not follow the contract.`, { issues });
  return value as T;
}
