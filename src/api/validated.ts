/**
 * Every answer a widget gets is checked against the contract first, whoever
 * gave it (the REST client or a site's own adapter). A wrong shape becomes a
 * BackendError('invalid-response') with the zod issues for the console, and
 * the citizen gets a clear message instead of a blank or broken widget.
 */
import type * as z from 'zod/mini';
import { BackendError } from './errors.js';

// No `z.config({ jitless: true })`: full zod compiles object parsers with
// `new Function`, which a strict Content-Security-Policy reports, but
// zod/mini's objects never do (test/hosts/strict-csp.html counts the
// reports). The setting would also reach every other zod schema of the page.

export async function validated<S extends z.ZodMiniType>(
  schema: S,
  what: string,
  answer: Promise<unknown>,
): Promise<z.infer<S>> {
  const result = schema.safeParse(await answer);
  if (!result.success) {
    throw new BackendError('invalid-response', `The backend's ${what} does not follow the contract.`, {
      issues: result.error.issues,
    });
  }
  return result.data;
}
