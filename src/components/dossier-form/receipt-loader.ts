/**
 * The receipt's chunk (steps/receipt.ts, with its text): imported once the
 * citizen reaches the review, not with the form, so that a page with the
 * form stays within its size budget. Fetched while the connection is there:
 * if it drops as the citizen sends, "Thử lại" then needs only the backend.
 */
import { BackendError } from '../../api/errors.js';
import type { Lang } from '../../i18n/lang.js';
import type { ReceiptMessages } from './steps/receipt-messages.js';

type ReceiptModule = typeof import('./steps/receipt.js');

/** The receipt's view, and its text in the page's language. */
export interface ReceiptPart {
  view: ReceiptModule['receiptView'];
  text: ReceiptMessages;
}

/**
 * The view and its text, the English text imported from here rather than
 * from the receipt's chunk: an import() there would tie that chunk to the
 * loader's preload code, and the form's chunk would carry the list of what
 * to preload. A chunk that cannot be fetched (the connection dropped) is
 * told as the network failing, as a failed filing is.
 */
const receiptPart = (lang: Lang): Promise<ReceiptPart> =>
  Promise.all([
    import('./steps/receipt.js'),
    lang === 'en' ? import('./steps/receipt-messages.en.js') : undefined,
  ]).then(
    ([module, english]) => ({ view: module.receiptView, text: english?.english ?? module.receiptVi }),
    (cause: unknown) => {
      throw new BackendError('network', 'The receipt chunk did not load.', { cause });
    },
  );

/**
 * `load()` gives the receipt's chunk, loading or loaded; one that failed is
 * forgotten, so that a retry fetches it again.
 */
export function receiptLoader(lang: () => Lang): () => Promise<ReceiptPart> {
  let loading: Promise<ReceiptPart> | undefined;
  return () =>
    (loading ??= receiptPart(lang()).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
