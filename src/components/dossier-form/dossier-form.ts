import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { FormAdapter } from '../../api/adapter.js';
import type { Messages } from '../../i18n/catalog.js';
import { DvcElement } from '../shared/dvc-element.js';
import { errorSummaryStyles } from '../shared/error-summary.js';
import { fieldFrameStyles } from '../shared/field-frame.js';
import { DossierController } from './dossier-controller.js';
import { formStyles } from './dossier-form.styles.js';
import { catalog, type FormMessages } from './messages.js';
import { stepFrame, type StepContext } from './steps/frame.js';
import { lateKit } from './steps/late-kit.js';
import { draftOffer, stateNotice } from './steps/notices.js';

/**
 * Files a dossier (nộp hồ sơ trực tuyến) for one procedure, from the
 * procedure's electronic form as the backend defines it: the applicant, the
 * form, the documents, a review, then the receipt. Checks every answer as
 * the desk would (the rules the backend runs again), keeps the draft on the
 * device (with consent) so nothing is lost, and files exactly once however
 * often the citizen presses "Gửi hồ sơ" or the connection drops.
 *
 * @summary Fill in and file a dossier for a procedure.
 * @tag dvc-dossier-form
 *
 * @attr api - Backend base URL. Falls back to the nearest `<dvc-provider>`.
 * @attr lang - `vi` (default) or `en`; falls back to the nearest ancestor's `lang`.
 * @attr timeout - Seconds to wait for the backend (default 10).
 * @attr procedure - Code of the procedure, e.g. `1.001193`; else `?procedure=` in the page address.
 * @attr case - The procedure's case (trường hợp), where it has several filed online; else `?case=` in the page address; else the citizen chooses it first.
 * @attr lookup-url - Page holding `<dvc-status-lookup>`; the receipt links there with `?code=<dossier code>`.
 * @attr procedure-url - Page holding `<dvc-procedure-search>`; a procedure that cannot be filed online links there with `?procedure=<code>`.
 * @attr draft-hours - Hours a draft kept on the device (with the citizen's consent) lasts (default 24).
 * @attr no-history - Do not add browser history entries per step or read `?procedure=` from the page address.
 *
 * @event dvc-step-change - The step shown changed. `detail: { step, index }` (`applicant`, `form`, `documents`, `review`, `done`).
 * @event dvc-dossier-submitted - The dossier was filed. `detail: { code, appointmentAt }`. Bubbles and is composed.
 *
 * @csspart base - The widget's outer box.
 * @csspart progress - The list of steps.
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart next-button - "Tiếp tục".
 * @csspart back-button - "Quay lại".
 * @csspart send-button - "Gửi hồ sơ".
 * @csspart receipt - The receipt.
 * @csspart error - An error message.
 * @csspart retry-button - The "Thử lại" button of an error.
 *
 * @cssprop --dvc-color-primary - Buttons, links and accents (default #0b5cad).
 * @cssprop --dvc-color-on-primary - Text on primary buttons (default #fff).
 * @cssprop --dvc-color-text - Body text (default #1b1b1b).
 * @cssprop --dvc-color-text-muted - Help text (default #4b5563).
 * @cssprop --dvc-color-background - Background (default #fff).
 * @cssprop --dvc-color-surface - Notices (default #f3f5f8).
 * @cssprop --dvc-color-border - Field borders (default #6b7280).
 * @cssprop --dvc-color-error - Errors (default #b3261e).
 * @cssprop --dvc-color-focus - Focus outline (default #b35c00).
 * @cssprop --dvc-radius - Corner radius (default 0.25em).
 * @cssprop --dvc-space - Base spacing (default 1em).
 * @cssprop --dvc-font-family - Font (default: the page's).
 * @cssprop --dvc-font-size - Base text size (default: the larger of 1rem and 16px).
 */
export class DvcDossierForm extends DvcElement<FormAdapter> {
  static override styles = [...DvcElement.styles, errorSummaryStyles, fieldFrameStyles, formStyles];

  @property() procedure?: string;
  @property() case?: string;
  @property({ attribute: 'lookup-url' }) lookupUrl?: string;
  @property({ attribute: 'procedure-url' }) procedureUrl?: string;
  @property({ type: Number, attribute: 'draft-hours' }) draftHours = 24;
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;

  private readonly form = new DossierController(this, {
    adapter: () => this.adapterOrThrow(),
    configured: () => this.config.adapter,
    messages: () => this.messages,
    focusSoon: (selector) => this.focusSoon(selector),
    report: (error) => this.toBackendError(error),
  });

  private get messages(): Messages<FormMessages> | undefined {
    return catalog.get(this.config.lang, () => this.requestUpdate());
  }

  protected override render() {
    const messages = this.messages;
    return html`<div class="root" part="base" translate="no">${this.liveRegion()}${messages ? this.renderState(messages) : nothing}</div>`;
  }

  private renderState({ own: t, common }: Messages<FormMessages>) {
    const form = this.form;
    const context: StepContext = {
      form,
      t,
      common,
      adapter: this.config.adapter as FormAdapter,
      draftHours: this.draftHours,
    };
    if (form.status === 'offer') return draftOffer(context);
    if (form.status !== 'ready') return stateNotice(context, this.procedureUrl);
    const { receipt, late } = form;
    return receipt && late ? late.receiptView(lateKit, context, receipt, this.lookupUrl) : stepFrame(context);
  }
}
