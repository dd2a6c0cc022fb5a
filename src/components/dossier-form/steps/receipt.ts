/**
 * The receipt (giấy biên nhận): the dossier's code, when it was received and
 * when the result is due, how to look it up (the printed lookup code when
 * the backend gives one), the next steps, and print / look up / file another.
 */
import { html, nothing } from 'lit';
import type { DossierReceipt } from '../../../api/contract/index.js';
import { dateTime } from '../../../i18n/dates.js';
import { type StepContext, withParam } from './frame.js';
import { row } from './notices.js';

export function receiptView({ form, t }: StepContext, receipt: DossierReceipt, lookupUrl: string | undefined) {
  const lookupHref = lookupUrl ? withParam(lookupUrl, 'code', receipt.code) : undefined;
  return html`
    <section class="receipt" part="receipt" aria-labelledby="step-heading">
      <h2 id="step-heading" tabindex="-1">${t.doneHeading}</h2>
      <dl>
        ${row(t.receiptCode, html`<strong>${receipt.code}</strong>`)}
        ${row(t.procedure, html`<span lang="vi">${receipt.procedure.name}</span>`)}
        ${row(t.agency, html`<span lang="vi">${receipt.agency.name}</span>`)}
        ${row(t.receivedAt, dateTime(receipt.receivedAt))}
        ${row(t.appointmentAt, receipt.appointmentAt ? dateTime(receipt.appointmentAt, false) : t.noAppointment)}
      </dl>
      ${
        receipt.lookup.kind === 'lookup-code' && receipt.lookup.value
          ? html`<div class="lookup-code"><p>${t.lookupCode}: <strong>${receipt.lookup.value}</strong></p><p class="hint">${t.lookupCodeHint}</p></div>`
          : html`<p>${t.lookupIdHint}</p>`
      }
      ${
        receipt.nextSteps.length
          ? html`<h3>${t.nextSteps}</h3><ul lang="vi">${receipt.nextSteps.map((line) => html`<li>${line}</li>`)}</ul>`
          : nothing
      }
      <div class="actions">
        ${lookupHref ? html`<a class="primary" href=${lookupHref}>${t.lookupLink}</a>` : nothing}
        <button type="button" @click=${() => window.print()}>${t.print}</button>
        <button type="button" @click=${() => form.anotherDossier()}>${t.another}</button>
      </div>
    </section>
  `;
}
