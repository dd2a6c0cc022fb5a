/**
 * The receipt's chunk (steps/receipt.ts, with its Vietnamese text):
 * imported once the citizen reaches the review, not with the form, so that
 * a page with the form stays within its size budget. Fetched while the connection is there:
 * if it drops as the citizen sends, "Thử lại" then needs only the backend.
 */
import { BackendError } from '../../api/errors.js';

/** The receipt's view (steps/receipt.ts). */
export type ReceiptView = (typeof import('./steps/receipt.js'))['receiptView'];

/** A chunk that cannot be fetched (the connection dropped) is told as the network failing, as a failed filing is. */
const receiptView = (): Promise<ReceiptView> =>
  import('./steps/receipt.js').then(
    (module) => module.receiptView,
    (cause: unknown) => {
      throw new BackendError('network', 'The receipt chunk did not load.', { cause });
    },
  );

/**
 * A function that gives the receipt's view, loading or loaded; a load that
 * failed is forgotten, so that a retry fetches the chunk again.
 */
export function receiptLoader(): () => Promise<ReceiptView> {
  let loading: Promise<ReceiptView> | undefined;
  return () =>
    (loading ??= receiptView().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
