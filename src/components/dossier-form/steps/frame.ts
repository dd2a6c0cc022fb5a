/**
 * What every step shares: the list of steps, the other-tab warning, the
 * form with its heading, the kit's error summary and the buttons. The documents' upload
 * elements are drawn on every step (hidden but one), so an upload going on
 * when the citizen moves on is not stopped.
 */
import { html, nothing } from 'lit';
import type { FormAdapter } from '../../../api/adapter.js';
import type { CommonMessages } from '../../../i18n/common.js';
import { errorSummary } from '../../shared/error-summary.js';
import type { DossierController } from '../dossier-controller.js';
import { idOf } from '../fields.js';
import type { FormMessages } from '../messages.js';
import { applicantStep } from './applicant.js';
import { answersStep } from './answers.js';
import { documentsStep } from './documents.js';
import { conflictNotice } from './notices.js';
import { lateKit } from './late-kit.js';
import { errorNotice } from '../../shared/error-notice.js';

/** What the steps need of the element besides the controller. */
export interface StepContext {
  form: DossierController;
  t: FormMessages;
  common: CommonMessages;
  adapter: FormAdapter;
  draftHours: number;
}

/** The kit's error summary (GOV.UK's pattern), one link per problem, each focusing its field. */
const summary = ({ form, t }: StepContext) =>
  errorSummary({
    title: t.summaryTitle,
    problems: form.problems.lines.map((problem) => ({ ...problem, id: idOf(problem.path), text: problem.message })),
    focusField: (problem) => form.focusField(problem.path),
    level: 3,
  });

function headingOf({ form, t }: StepContext): string {
  const step = form.step;
  return step === 'applicant'
    ? t.applicantHeading
    : step === 'form'
      ? (form.definition?.title ?? '')
      : step === 'documents'
        ? t.steps.documents
        : t.reviewHeading;
}

/**
 * The review, once its chunk is here (late-steps.ts); until then a line
 * that says it loads, or why it did not, with "Thử lại" (a review reached
 * offline): an alert, read out as it appears; after "Thử lại", focus goes
 * to the review's heading or back to the notice (DossierState.fetchLate).
 */
function reviewBody(context: StepContext) {
  const { form, common } = context;
  if (form.late) return form.late.reviewStep(lateKit, context);
  return form.lateError
    ? errorNotice(form.lateError, common, () => form.fetchLate(true))
    : html`<p>${common.loading}</p>`;
}

function stepBody(context: StepContext) {
  switch (context.form.step) {
    case 'applicant':
      return applicantStep(context);
    case 'form':
      return answersStep(context);
    case 'review':
      return reviewBody(context);
    case 'documents':
      return nothing;
  }
}

/**
 * The step the draft is at, in its frame. Above it the list of steps, or on a
 * narrow screen, where the list would take two lines, only "Bước 2/4: Tờ khai"
 * (dossier-form.styles.ts); screen readers read the list at every width.
 */
export function stepFrame(context: StepContext) {
  const { form, t } = context;
  const current = form.draft?.step ?? 0;
  const review = form.step === 'review';
  return html`
    <nav aria-label=${t.progress}>
      <p class="step-of" aria-hidden="true">${t.stepOf(current + 1, form.steps.length, t.steps[form.step])}</p>
      <ol class="progress" part="progress">
        ${form.steps.map(
          (name, index) => html`<li aria-current=${index === current ? 'step' : nothing}>
          ${index + 1}. ${t.steps[name]}</li>`,
        )}
      </ol>
    </nav>
    ${conflictNotice(context)}
    <form novalidate @submit=${(event: Event) => (review ? void form.send(event) : form.next(event))}>
      <p class="caption" part="procedure-name" lang="vi">${form.definition?.procedureName}</p>
      <h2 id="step-heading" tabindex="-1">${headingOf(context)}</h2>
      ${summary(context)}
      ${stepBody(context)}
      ${form.definition?.documents.length ? documentsStep(context, form.step !== 'documents') : nothing}
      <div class="buttons">
        ${
          review && !form.late
            ? nothing
            : review
              ? html`<button type="submit" class="primary" part="send-button" aria-disabled=${form.sending ? 'true' : 'false'}>${form.sending ? t.sending : t.send}</button>`
              : html`<button type="submit" class="primary" part="next-button">${t.next}</button>`
        }
        ${current > 0 ? html`<button type="button" part="back-button" @click=${() => form.back()}>${t.back}</button>` : nothing}
      </div>
    </form>
  `;
}
