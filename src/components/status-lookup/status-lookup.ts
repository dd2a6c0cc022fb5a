import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LookupAdapter } from '../../api/adapter.js';
import { getService, lookupDossier } from '../../api/lookup-calls.js';
import { passes } from '../../api/check.js';
import { DossierCode } from '../../api/generated/dossiers.js';
import { normaliseDossierCode, normaliseLookupSecret, type LookupSecretKind } from '../../api/contract/dossiers.js';
import { type DossierLookup, type DossierView } from '../../api/contract/lookup.js';
import type { Messages } from '../../i18n/catalog.js';
import { DvcElement } from '../shared/dvc-element.js';
import { MessagesController } from '../shared/messages-controller.js';
import { errorNotice } from '../shared/error-notice.js';
import { ERROR_SUMMARY, errorSummary, errorSummaryStyles } from '../shared/error-summary.js';
import { fieldFrame, fieldFrameStyles, type FieldControl } from '../shared/field-frame.js';
import { renderDossier, statusName, VISIBLE_STEPS } from './dossier-view.js';
import { catalog, type LookupMessages } from './messages.js';
import { lookupStyles } from './status-lookup.styles.js';

type Problem = 'codeMissing' | 'codeFormat' | 'secretMissing' | 'secretFormat';
type Field = 'code' | 'secret';

/** The page address parameters a receipt's link or QR code may carry the dossier code in. */
const CODE_PARAMS = ['code', 'ma-ho-so'];

/** A printed lookup code, after normalisation (as on the receipt, `DossierReceipt.lookup.value`). */
const LOOKUP_CODE = /^[A-Z0-9]{4,12}$/;

/**
 * Tracks a dossier (tra cứu hồ sơ) with its code and a second secret: the
 * applicant's ID number (an organisation's tax code) or the lookup code
 * printed on the receipt, whichever the backend asks for (`GET /service`).
 * Shows the status, the dates, whether it is on time, what the citizen must
 * do (supplement, payment), the delivery, an apology when late, and the
 * whole history.
 *
 * The secret is sent in a POST body only: never in the page address, the
 * browser history or any storage.
 *
 * @summary Look up a dossier's status with its code and a second secret.
 * @tag dvc-status-lookup
 *
 * @attr api - Backend base URL. Falls back to the nearest `<dvc-provider>`.
 * @attr lang - `vi` (default) or `en`; falls back to the nearest ancestor's `lang`.
 * @attr timeout - Seconds to wait for the backend (default 10).
 * @attr code - A dossier code to fill in (spaces and lower case are fixed). Without it, `?code=` or `?ma-ho-so=` in the page address fills it.
 *
 * @event dvc-lookup-result - A lookup (or a refresh) found the dossier. `detail: { code, status: { code, label } }`. Bubbles and is composed.
 *
 * @csspart base - The widget's outer box.
 * @csspart form - The lookup form.
 * @csspart error-summary - The list of field problems above the form.
 * @csspart code-input - The dossier code field.
 * @csspart secret-input - The second secret's field.
 * @csspart submit-button - "Tra cứu".
 * @csspart loading - The line shown while looking up.
 * @csspart error - An error message (also "not found").
 * @csspart retry-button - The "Thử lại" button of an error.
 * @csspart result - The dossier found.
 * @csspart status - Its status line.
 * @csspart refresh-button - "Cập nhật trạng thái".
 * @csspart print-button - "In kết quả tra cứu".
 * @csspart apology - The apology and new date of a late dossier.
 * @csspart supplement - What a supplement request asks for.
 * @csspart payment - The fees to pay and how.
 * @csspart delivery - How and where the result is delivered.
 * @csspart history - The processing history.
 * @csspart show-all - "Xem toàn bộ N bước" on a long history.
 */
export class DvcStatusLookup extends DvcElement<LookupAdapter> {
  static override styles = [...DvcElement.styles, errorSummaryStyles, fieldFrameStyles, lookupStyles];

  /** A dossier code to fill in. */
  @property() code?: string;

  /** What the code field shows (normalised once the citizen leaves it). */
  @state() private codeValue = '';
  @state() private problems: Partial<Record<Field, Problem>> = {};
  /** The dossier shown; kept while a refresh runs, so the refresh button keeps focus. */
  @state() private view?: DossierView;
  @state() private expanded = false;
  /** False from a submit refused for field problems until the next lookup: the last outcome no longer answers the form. */
  @state() private outcomeShown = true;

  // Getters rather than Lit's @query: its decorator is code every page would download.
  private get codeInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#code')!;
  }

  private get secretInput(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#secret')!;
  }

  /** The last lookup, in memory only, for "Cập nhật trạng thái" and "Thử lại". */
  private lastLookup?: DossierLookup;
  private refreshing = false;

  private readonly serviceTask = new Task(this, {
    task: async (_args, { signal }) => getService(this.adapterOrThrow(), signal),
    args: () => [this.config.adapter] as const,
  });

  private readonly lookupTask = new Task(this, {
    task: async ([lookup]: readonly [DossierLookup], { signal }) =>
      lookupDossier(this.adapterOrThrow(), lookup, signal),
    autoRun: false,
    onComplete: (view) => this.show(view),
    onError: () => {
      if (!this.refreshing) this.view = undefined;
    },
  });

  private readonly messages = new MessagesController(this, catalog, () => this.config.lang);

  private get secretKind(): LookupSecretKind {
    return this.serviceTask.value?.lookupSecret ?? 'applicant-id';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code') && this.code) this.codeValue = normaliseDossierCode(this.code);
    if (!this.hasUpdated && !this.code) {
      const params = new URL(location.href).searchParams;
      const fromAddress = CODE_PARAMS.map((name) => params.get(name)).find(Boolean);
      if (fromAddress) this.codeValue = normaliseDossierCode(fromAddress).slice(0, 100);
    }
  }

  private onSubmit(event: SubmitEvent): void {
    // First, whatever else happens: the form must never be sent by the browser itself.
    event.preventDefault();
    const code = (this.codeValue = normaliseDossierCode(this.codeInput.value));
    const typed = this.secretInput.value.trim();
    const lookupCode = this.secretKind === 'lookup-code';
    const secret = lookupCode ? normaliseLookupSecret(typed) : typed;
    const problems: Partial<Record<Field, Problem>> = {};
    if (!code) problems.code = 'codeMissing';
    else if (!passes(DossierCode, code)) problems.code = 'codeFormat';
    if (!secret) problems.secret = 'secretMissing';
    else if (lookupCode && !LOOKUP_CODE.test(secret)) problems.secret = 'secretFormat';
    this.problems = problems;
    if (problems.code || problems.secret) {
      // The summary alone: an old "not found" beside it would contradict it, and a screen reader would read both.
      this.outcomeShown = false;
      this.focusSoon(ERROR_SUMMARY);
      return;
    }
    this.expanded = false;
    this.run({ code, secret }, false);
  }

  private run(lookup: DossierLookup, refresh: boolean): void {
    this.lastLookup = lookup;
    this.refreshing = refresh;
    this.outcomeShown = true;
    if (!refresh) this.view = undefined;
    // A new lookup lands on the dossier's heading (or the error); a refresh leaves focus on its button.
    this.focusWhenReady = refresh
      ? undefined
      : () => {
          const status = this.lookupTask.status;
          if (status === TaskStatus.COMPLETE) return this.focusIn('#result-heading');
          return status === TaskStatus.ERROR && this.focusIn('[part="error"]');
        };
    void this.lookupTask.run([lookup]);
  }

  private readonly refresh = (): void => {
    if (this.lastLookup) this.run(this.lastLookup, true);
  };

  private readonly showAll = (): void => {
    this.expanded = true;
    // On the first step that was hidden: reading goes on where the visible list ended.
    this.focusWhenReady = () => this.focusIn(`.history > li:nth-child(${VISIBLE_STEPS + 1})`);
  };

  private show(view: DossierView): void {
    this.view = view;
    const t = this.messages.current?.own;
    if (t) {
      const status = statusName(view.status, t);
      this.announce(this.refreshing ? t.updated(status) : t.found(status));
    }
    this.emit('dvc-lookup-result', { code: view.code, status: view.status });
  }

  protected override render() {
    const messages = this.messages.current;
    return html`
      <div class="root" part="base" translate="no">
        ${this.liveRegion()}
        ${messages ? this.renderBody(messages) : nothing}
      </div>
    `;
  }

  private renderBody(messages: Messages<LookupMessages>) {
    const service = this.serviceTask;
    if (service.status === TaskStatus.ERROR) {
      const error = this.toBackendError(service.error);
      return error ? errorNotice(error, messages.common, () => void service.run()) : nothing;
    }
    if (service.status !== TaskStatus.COMPLETE)
      return html`<p class="loading" part="loading">${messages.common.loading}</p>`;
    return html`${this.renderForm(messages.own)}${this.outcomeShown ? this.renderOutcome(messages) : nothing}`;
  }

  private problemText(field: Field, t: LookupMessages): string | undefined {
    const problem = this.problems[field];
    if (!problem) return undefined;
    return problem === 'secretMissing' ? t.secretMissing(t.secret[this.secretKind]) : t[problem];
  }

  private renderField(
    field: Field,
    label: string,
    hint: string,
    t: LookupMessages,
    input: (control: FieldControl) => unknown,
  ) {
    const error = this.problemText(field, t);
    return html`<div class="field">${fieldFrame({ id: field, label, hint, error, errorPrefix: t.errorPrefix }, input)}</div>`;
  }

  private renderForm(t: LookupMessages) {
    const kind = this.secretKind;
    const problems = (['code', 'secret'] as const).flatMap((id) => {
      const text = this.problemText(id, t);
      return text ? [{ id, text }] : [];
    });
    const summary = errorSummary({ title: t.problem, problems, focusField: ({ id }) => this.focusIn(`#${id}`) });
    // No `name` on the fields: even a form sent by the browser itself would carry nothing.
    return html`
      <form part="form" aria-label=${t.heading} novalidate @submit=${this.onSubmit}>
        ${summary}
        <div class="fields">
          ${this.renderField(
            'code',
            t.code,
            t.codeHint,
            t,
            ({ describedBy, invalid }) => html`
            <input id="code" part="code-input" type="text" autocomplete="off" spellcheck="false" autocapitalize="characters" maxlength="120"
              aria-describedby=${describedBy} aria-invalid=${invalid}
              .value=${this.codeValue}
              @input=${(event: Event) => (this.codeValue = (event.target as HTMLInputElement).value)}
              @change=${(event: Event) => (this.codeValue = normaliseDossierCode((event.target as HTMLInputElement).value))} />`,
          )}
          ${this.renderField(
            'secret',
            t.secret[kind],
            t.secretHint[kind],
            t,
            ({ describedBy, invalid }) => html`
            <input id="secret" part="secret-input" type="text" autocomplete="off" spellcheck="false" maxlength="100"
              class=${kind === 'lookup-code' ? 'upper' : ''}
              inputmode=${kind === 'lookup-code' ? 'text' : 'numeric'}
              autocapitalize=${kind === 'lookup-code' ? 'characters' : 'off'}
              aria-describedby=${describedBy} aria-invalid=${invalid} />`,
          )}
        </div>
        <button type="submit" class="primary" part="submit-button">${t.submit}</button>
      </form>
    `;
  }

  private renderOutcome({ own: t, common }: Messages<LookupMessages>) {
    const task = this.lookupTask;
    const pending = task.status === TaskStatus.PENDING;
    const error = task.status === TaskStatus.ERROR ? this.toBackendError(task.error) : undefined;
    return html`
      <div aria-busy=${pending ? 'true' : 'false'}>
        ${pending ? html`<p class="loading" part="loading">${t.looking}</p>` : nothing}
        ${
          error?.kind === 'not-found'
            ? html`<div class="notice error" role="alert" part="error" tabindex="-1"><p>${t.notFound(t.secret[this.secretKind])}</p></div>`
            : error
              ? errorNotice(error, common, () => this.lastLookup && this.run(this.lastLookup, this.refreshing))
              : nothing
        }
        ${this.view ? renderDossier(this.view, { t, common, expanded: this.expanded, showAll: this.showAll, refresh: this.refresh }) : nothing}
      </div>
    `;
  }
}
