/**
 * The receipt (giấy biên nhận): the dossier's code, who filed it for which
 * procedure and case, when it was received and when the result is due, the
 * documents submitted, the fees, how to look it up (the printed lookup code
 * when the backend gives one), the next steps, the desk's address, phone
 * and hours, and print / look up / file another.
 *
 * In the review's chunk with its own text (`receipt-messages.ts`), fetched
 * once the citizen is past the first step (late-steps.ts), so the form's page
 * does not carry it before (the page is at its size budget). It imports no code,
 * only types: Lit and the form's helpers come in `kit` (notices.ts says why).
 * A receipt of a dossier
 * filed before the backend gave the name, documents, fees and desk lacks
 * them: each part shows only when given.
 */
import type { Desk, DossierReceipt } from '../../../api/contract/index.js';
import type { StepContext } from './frame.js';
import type { LateKit } from './late-kit.js';
import { type ReceiptMessages, receiptText } from './receipt-messages.js';

const vi = ({ html }: LateKit, text: string) => html`<span lang="vi">${text}</span>`;

/** The documents submitted, each with its files' names. */
function documentList(kit: LateKit, r: ReceiptMessages, documents: NonNullable<DossierReceipt['documents']>) {
  const { html } = kit;
  if (!documents.length) return r.noDocuments;
  return html`<ul>${documents.map(({ name, files }) => html`<li>${vi(kit, name)}: ${files.join(', ')}</li>`)}</ul>`;
}

/**
 * The desk: where to go, whom to call and when. The phone is a `tel:` link
 * for a phone's dialler; printed, it reads as the number.
 */
function deskPart(kit: LateKit, r: ReceiptMessages, desk: Desk) {
  const { html, nothing, row } = kit;
  const phone = desk.phone;
  return html`
    <h3>${r.desk}</h3>
    <p>${vi(kit, desk.name)}</p>
    <dl>
      ${desk.address ? row(r.address, vi(kit, desk.address)) : nothing}
      ${phone ? row(r.phone, html`<a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>`) : nothing}
      ${desk.openingHours ? row(r.openingHours, vi(kit, desk.openingHours)) : nothing}
    </dl>`;
}

/**
 * The receipt. Its code keeps to one line (dossier-form.styles.ts): on a narrow screen with
 * large text it scrolls in its row, so it takes focus, for keyboards to scroll it in every browser.
 */
export function receiptView(
  kit: LateKit,
  context: StepContext,
  receipt: DossierReceipt,
  lookupUrl: string | undefined,
) {
  const { html, nothing, row, dateTime, feeList, withParam } = kit;
  const { form, t } = context;
  const r = receiptText(t);
  const lookupHref = lookupUrl ? withParam(lookupUrl, 'code', receipt.code) : undefined;
  return html`
    <section class="receipt" part="receipt" aria-labelledby="step-heading">
      <h2 id="step-heading" tabindex="-1">${r.doneHeading}</h2>
      <dl>
        ${row(r.receiptCode, html`<strong class="code" tabindex="0">${receipt.code}</strong>`)}
        ${receipt.applicantName ? row(r.applicant, receipt.applicantName) : nothing}
        ${row(r.procedure, vi(kit, receipt.procedure.name))}
        ${receipt.case ? row(r.case, vi(kit, receipt.case.name)) : nothing}
        ${row(r.agency, vi(kit, receipt.agency.name))}
        ${row(r.receivedAt, dateTime(receipt.receivedAt))}
        ${row(r.appointmentAt, receipt.appointmentAt ? dateTime(receipt.appointmentAt, false) : r.noAppointment)}
        ${receipt.documents ? row(r.documents, documentList(kit, r, receipt.documents)) : nothing}
        ${receipt.fees ? row(t.fees, feeList(context, receipt.fees)) : nothing}
      </dl>
      ${
        receipt.lookup.kind === 'lookup-code' && receipt.lookup.value
          ? html`<div class="lookup-code"><p>${r.lookupCode}: <strong>${receipt.lookup.value}</strong></p><p class="hint">${r.lookupCodeHint}</p></div>`
          : html`<p>${r.lookupIdHint}</p>`
      }
      ${
        receipt.nextSteps.length
          ? html`<h3>${r.nextSteps}</h3><ul lang="vi">${receipt.nextSteps.map((line) => html`<li>${line}</li>`)}</ul>`
          : nothing
      }
      ${receipt.desk ? deskPart(kit, r, receipt.desk) : nothing}
      <div class="actions">
        ${lookupHref ? html`<a class="primary" href=${lookupHref}>${r.lookupLink}</a>` : nothing}
        <button type="button" @click=${() => window.print()}>${r.print}</button>
        <button type="button" @click=${() => form.anotherDossier()}>${r.another}</button>
      </div>
    </section>
  `;
}
