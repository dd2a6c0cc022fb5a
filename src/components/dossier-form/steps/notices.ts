/**
 * What the form says outside its steps: while it loads, when it cannot be
 * shown (no procedure, an unknown one, one not filed online, a broken
 * definition, the backend down), the offer of a kept draft, the warning that
 * another tab fills the same dossier, and a filing that failed (the answers
 * kept, one button to send again).
 */
import { html, nothing } from 'lit';
import type { CaseFee } from '../../../api/contract/index.js';
import { errorMessage } from '../../../i18n/common.js';
import { dateTime } from '../../../i18n/dates.js';
import { errorNotice } from '../../shared/error-notice.js';
import { safeHref } from '../../../api/safe-url.js';
import type { StepContext } from './frame.js';

/** `url` with one query parameter set, if it is an http(s) address. */
export function withParam(url: string, name: string, value: string): string | undefined {
  const href = safeHref(url, location.href);
  if (href === 'about:blank') return undefined;
  const target = new URL(href);
  target.searchParams.set(name, value);
  return target.href;
}

/**
 * A line of a description list. Not the kit's `descriptionRow`: on a page
 * with only the form, that one-line helper comes in a chunk of its own
 * (192 B gzip, most of it the chunk's overhead) and the page is at its budget.
 */
export const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

/**
 * A case's fees as the review and the receipt show them: each with its
 * amount ("free"; none where the catalogue fixes none, as in the search's
 * detail) and its note, which says what the amount is per ("8.000
 * đồng/bản") or who sets it; "free" when none costs anything.
 */
export function feeList({ t, common }: StepContext, fees: readonly CaseFee[]) {
  if (fees.every((fee) => fee.amount === 0)) return t.noFee;
  // The note's space is outside its template: the build trims a template's leading space.
  return html`<ul>${fees.map(
    ({ label, amount, note }) =>
      html`<li><span lang="vi">${label}</span>${amount === null ? nothing : html`: <b>${amount ? common.money(amount) : t.free}</b>`} ${note ? html`(<span lang="vi">${note}</span>)` : nothing}</li>`,
  )}</ul>`;
}

const alert = (text: string, extra: unknown = nothing, kind = 'notice error') =>
  html`<div class=${kind} role="alert" part="error"><p>${text}</p>${extra}</div>`;

/** The widget when it shows no step: loading, or why it cannot. */
export function stateNotice({ form, t, common }: StepContext, procedureUrl: string | undefined) {
  switch (form.status) {
    case 'no-procedure':
      return alert(t.noProcedure);
    case 'not-found':
      return alert(t.notFound);
    case 'broken':
      return alert(t.brokenForm);
    case 'not-online': {
      const code = form.code;
      const href = procedureUrl && code ? withParam(procedureUrl, 'procedure', code) : undefined;
      return alert(t.notOnline, href ? html`<p><a href=${href}>${t.procedureInfo}</a></p>` : nothing, 'notice');
    }
    case 'error':
      return form.loadError ? errorNotice(form.loadError, common, () => form.load()) : nothing;
    default:
      return html`<p class="loading">${t.loading}</p>`;
  }
}

/** Another tab fills the same dossier: this one saves nothing until the citizen takes over. */
export function conflictNotice({ form, t }: StepContext) {
  if (!form.conflict) return nothing;
  return alert(
    t.otherTab,
    html`<button type="button" @click=${() => form.takeOver()}>${t.takeOver}</button>`,
    'notice error conflict',
  );
}

/** A kept draft: continue it, or start over. */
export function draftOffer(context: StepContext) {
  const { form, t } = context;
  const saved = form.saved;
  if (!saved) return nothing;
  return html`
    ${conflictNotice(context)}
    <h2 id="step-heading" tabindex="-1">${t.restoreHeading}</h2>
    <p>${t.restoreText(dateTime(new Date(saved.savedAt).toISOString()), saved.consent)}</p>
    <div class="buttons">
      <button type="button" class="primary" @click=${() => form.resume()}>${t.restore}</button>
      <button type="button" @click=${() => form.startOver()}>${t.startOver}</button>
    </div>
  `;
}

/** A filing that failed: why, that nothing is lost, and "Gửi lại". */
export function sendError({ form, t, common }: StepContext) {
  const error = form.sendError;
  if (!error) return nothing;
  const reason = error.details['status'] === 413 ? t.tooLarge : errorMessage(error, common);
  return html`
    <div class="notice error send-error" role="alert" part="error" tabindex="-1">
      <p><b>${t.sendFailed}</b> ${reason}</p>
      <p>${t.dataKept}</p>
      <button type="button" part="retry-button" @click=${() => void form.send()}>${common.retry}</button>
    </div>
  `;
}
