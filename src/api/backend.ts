/**
 * What the widgets call: an adapter wrapped so that every answer is checked
 * against the contract before a widget sees it. A wrong shape becomes a
 * BackendError('invalid-response') with the issues for the console, and
 * the citizen gets a clear message instead of a blank or broken widget.
 */
import type { BackendAdapter } from './adapter.js';
import { issuesOf, type Check } from './check.js';
import { BackendError } from './errors.js';
import { safeHref } from './safe-url.js';

/** The answer, once `check` (generated from the contract's schema, see `check.ts`) finds nothing wrong in it. */
export async function validated<T>(check: Check<T>, what: string, answer: Promise<unknown>): Promise<T> {
  const value = await answer;
  const issues = issuesOf(check, value);
  if (issues.length)
    throw new BackendError('invalid-response', `The backend's ${what} does not follow the contract.`, { issues });
  return value as T;
}

export class Backend {
  constructor(readonly adapter: BackendAdapter) {}

  get uploadEndpoint(): string | undefined {
    return this.adapter.uploadEndpoint;
  }

  get uploadHttpStack() {
    return this.adapter.uploadHttpStack;
  }

  /** An adapter's address made safe to put in a link (http or https only). */
  resolveUrl(url: string): string {
    return safeHref(this.adapter.resolveUrl(url), location.href);
  }
}
