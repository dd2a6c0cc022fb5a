import { html, nothing } from 'lit';
import type { BackendError } from '../../api/errors.js';
import { errorMessage, type CommonMessages } from '../../i18n/common.js';

/**
 * The error box every widget shows: the sentence for the citizen and, where a
 * retry can help, a "Thử lại" button. `role="alert"` makes screen readers
 * read it out as soon as it appears, wherever focus is.
 */
export const errorNotice = (error: BackendError, t: CommonMessages, retry: () => void) => html`
  <div class="notice error" role="alert" part="error" tabindex="-1">
    <p>${errorMessage(error, t)}</p>
    ${error.retryable ? html`<button type="button" part="retry-button" @click=${retry}>${t.retry}</button>` : nothing}
  </div>
`;
