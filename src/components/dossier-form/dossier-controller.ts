/**
 * Everything `<dvc-dossier-form>` does, apart from drawing it: on top of
 * its state (dossier-state.ts: the form loaded, the draft, the problems),
 * the steps and the browser's back button, and filing exactly once. The
 * element and the step modules only read this and call its actions.
 */
import type { ReactiveController } from 'lit';
import type { DossierReceipt } from '../../api/contract/index.js';
import { BackendError } from '../../api/errors.js';
import { submitDossier } from '../../api/form-calls.js';
import { type ApplicantDraft, clearDraft, type Draft } from './draft.js';
import { DossierState } from './dossier-state.js';
import { followApplicant, withDefaults } from './draft-fields.js';
import { isCurrentStep, recordStep, stepIn } from './history.js';
import type { FormMessages } from './messages.js';
import type { Issue, StepName } from './problems.js';
import { firstStepWith } from './problems.js';
import { submissionOf } from './submission.js';

export class DossierController extends DossierState implements ReactiveController {
  /** The applicant's answers as the citizen last arrived at their step. */
  private applicantWas?: ApplicantDraft;

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    if (this.definition && !this.watch) this.openWatch(this.definition);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.watch?.close();
    this.watch = undefined;
  }

  // ---- Steps and history ----

  /** Moves to a step: records it in history, focuses its heading and tells the page. */
  protected goTo(index: number, history: 'push' | 'replace' | 'none' = 'push', focus = true): void {
    const draft = this.draft;
    if (!draft) return;
    draft.step = index;
    if (index === this.steps.length - 1) this.changing = false;
    // What the applicant's step holds as the citizen arrives there: what the form's boxes took from it.
    if (!index) this.applicantWas = structuredClone(draft.applicant);
    // Moving on retries the review's code after a failure (late-steps.ts), as "Thử lại" does.
    this.lateError = undefined;
    this.problems.clear();
    this.save();
    if (!this.host.noHistory && history !== 'none') recordStep(draft.id, index, history === 'push');
    if (focus) this.focusSoon('#step-heading');
    this.host.requestUpdate();
    this.host.emit('dvc-step-change', { step: this.steps[index], index });
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    if (this.host.noHistory || this.receipt || !this.draft) return;
    const index = stepIn(event.state, this.draft.id);
    if (index !== undefined && index !== this.draft.step && index < this.steps.length) this.goTo(index, 'none');
  };

  /** "Tiếp tục": the step's problems, or the next step. */
  next(event: Event): void {
    event.preventDefault();
    const { draft, t } = this;
    if (!draft || !t) return;
    const issues = this.check(this.step, t);
    if (issues.length) return this.showProblems(issues, t);
    // Out of the applicant's step: the form's starting answers where none was given yet, and the boxes that
    // hold the applicant's answers follow a correction made there.
    if (!draft.step && this.definition) {
      withDefaults(this.definition, draft.answers);
      followApplicant(this.definition, draft, this.applicantWas ?? draft.applicant);
    }
    this.goTo(this.changing ? this.steps.length - 1 : draft.step + 1);
  }

  /** "Quay lại": through the browser's history when the step is its last entry, so Back and this agree. */
  back(): void {
    const draft = this.draft;
    if (!draft) return;
    const index = draft.step - 1;
    if (!this.host.noHistory && isCurrentStep(draft.id, draft.step) && index >= 0) window.history.back();
    else this.goTo(index);
  }

  /** "Thay đổi" on the review: back to a step, at a section of the form; "Tiếp tục" there returns to the review. */
  change(step: StepName, section?: string): void {
    this.goTo(this.steps.indexOf(step));
    this.changing = true;
    if (section) this.focusSoon(`#sec-${section}`);
  }

  // ---- Sending ----

  /** "Gửi hồ sơ": every step checked again, then filed once, with the same key on every retry. */
  async send(event?: Event): Promise<void> {
    event?.preventDefault();
    // A kept draft's case may have its form still on its way: the dossier is checked and built on that form only
    // (the one shown may lack the case's document slots). A case form that failed to load shows its error instead.
    if (this.caseFormPending()) await this.pending;
    const { draft, definition, t } = this;
    if (this.sending || !draft || !definition || !t || !this.late || this.caseFormPending()) return;
    // Every step again: a kept draft or a changed form may have left a problem behind.
    for (const step of this.steps) {
      const issues = this.check(step, t);
      if (issues.length) return this.showOn(step, issues, t);
    }
    this.sending = true;
    this.sendError = undefined;
    this.notice = undefined;
    this.host.requestUpdate();
    try {
      // The review shows once its chunk, which holds the receipt too, is here (late-steps.ts).
      this.filed(await submitDossier(this.services.adapter(), submissionOf(definition, draft), draft.key), draft);
    } catch (error) {
      this.refused(error, t);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private filed(receipt: DossierReceipt, draft: Draft): void {
    clearDraft(draft.procedure);
    if (this.watch) this.watch.active = false;
    this.receipt = receipt;
    this.focusSoon('#step-heading');
    this.host.emit('dvc-step-change', { step: 'done', index: this.steps.length });
    this.host.emit('dvc-dossier-submitted', { code: receipt.code, appointmentAt: receipt.appointmentAt });
  }

  private refused(error: unknown, t: FormMessages): void {
    const backendError = error instanceof BackendError ? error : this.services.report(error);
    if (!backendError) return;
    if (backendError.kind === 'validation') {
      const [step, issues] = firstStepWith((backendError.details['problems'] ?? []) as Issue[], this.steps);
      this.showOn(step, issues, t);
    } else if (backendError.details['code'] === 'form_version_changed') {
      // The form changed on the backend meanwhile: the new one, with the answers kept, checked again before sending.
      this.load('changed');
    } else {
      // Logged without the dossier: its answers are personal.
      if (backendError.details['status'] !== 413) this.services.report(backendError);
      this.sendError = backendError;
      this.focusSoon('.send-error');
    }
  }
}
