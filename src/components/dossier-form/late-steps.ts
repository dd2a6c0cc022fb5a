/**
 * The review's and the receipt's code (steps/late.ts, with the receipt's
 * Vietnamese text), in a chunk of their own: fetched once the citizen is
 * past the first step, not with the form, so that a page with the form
 * stays within its size budget (the review alone is 1.4 KB gzip). Fetched
 * early, while the citizen still types, so that the connection is there:
 * a review reached offline says so and offers "Thử lại"; a dossier sent as
 * the connection drops needs only the backend to "Thử lại".
 */
import { BackendError } from '../../api/errors.js';

/** What the chunk gives: `reviewStep` and `receiptView`. */
export type LateSteps = typeof import('./steps/late.js');

/** A chunk that cannot be fetched (the connection dropped) is told as the network failing, as a failed filing is. */
const fetchLateSteps = (): Promise<LateSteps> =>
  import('./steps/late.js').catch((cause: unknown) => {
    throw new BackendError('network', 'The review and receipt chunk did not load.', { cause });
  });

/**
 * A function that gives the chunk, loading or loaded; a load that failed is
 * forgotten, so that a retry fetches the chunk again.
 */
export function lateStepsLoader(): () => Promise<LateSteps> {
  let loading: Promise<LateSteps> | undefined;
  return () =>
    (loading ??= fetchLateSteps().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
