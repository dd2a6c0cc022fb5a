/**
 * The steps a citizen reaches last, the review and the receipt, as one
 * chunk (late-steps.ts says when it is fetched and why).
 */
export { reviewStep } from './review.js';
export { receiptView } from './receipt.js';
