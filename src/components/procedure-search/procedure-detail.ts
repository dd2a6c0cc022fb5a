/**
 * The detail view of one procedure: everything the contract's detail holds.
 * A render function, not an element, so it shares the search widget's shadow
 * root, styles and focus handling.
 *
 * All backend text goes through Lit text bindings, which escape it: a
 * procedure name like `<img onerror=…>` is shown as those characters.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Agency, ProcedureDetail } from '../../api/contract/catalogue.js';
import type { CommonMessages } from '../../i18n/common.js';
import type { SearchMessages } from './messages.js';
import type { DetailMessages } from './detail-messages.js';

export { detailMessages } from './detail-messages.js';
import { backendLink } from '../shared/backend-link.js';
import { descriptionList } from '../shared/description-list.js';

export interface DetailContext {
  t: SearchMessages;
  /** The detail view's own text (`detail-messages.ts`). */
  d: DetailMessages;
  common: CommonMessages;
  /** Where "Nộp hồ sơ trực tuyến" leads, or undefined when the page handles the event itself. */
  formHref: string | undefined;
  resolveUrl(url: string): string;
  onSubmitOnline(event: Event): void;
}

const section = (title: string, body: unknown) => html`
  <section part="detail-section">
    <h3>${title}</h3>
    ${body}
  </section>
`;

/**
 * Backend text is Vietnamese whatever the widget's language: `lang="vi"`
 * makes screen readers read it with a Vietnamese voice on English pages.
 */
const vi = (text: unknown) => html`<span lang="vi">${text}</span>`;

/** A list of backend sentences. */
const list = (items: readonly string[], ordered = false, none = '') => {
  if (items.length === 0) return html`<p>${none}</p>`;
  const entries = items.map((item) => html`<li>${item}</li>`);
  return ordered ? html`<ol lang="vi">${entries}</ol>` : html`<ul lang="vi">${entries}</ul>`;
};

const download = (href: string, label: string) => backendLink(href, label, true);

function agencyFacts(agency: Agency, t: SearchMessages, d: DetailMessages) {
  return descriptionList([
    [t.agency, vi(agency.name)],
    [d.address, agency.address && vi(agency.address)],
    [
      d.phone,
      agency.phone ? html`<a href=${`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>${agency.phone}</a>` : undefined,
    ],
    // Only something shaped like an address becomes a mailto: link; anything else is shown as text.
    [
      d.email,
      agency.email &&
        (/^[^\s@/:]+@[^\s@/:]+$/.test(agency.email)
          ? html`<a href=${`mailto:${agency.email}`}>${agency.email}</a>`
          : agency.email),
    ],
    [d.openingHours, agency.openingHours && vi(agency.openingHours)],
  ]);
}

function submitAction(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { d } = context;
  if (!procedure.onlineSubmission) {
    return html`
      <div class="notice" part="offline-notice">
        <p><strong>${d.notOnline}</strong> ${d.whereToGo(procedure.agency.name)}</p>
        ${procedure.forms.length ? html`<p>${d.formsOffline}</p>` : nothing}
      </div>
    `;
  }
  return context.formHref
    ? html`<p><a class="primary" part="submit-button" href=${context.formHref} @click=${context.onSubmitOnline}>${d.submitOnline}</a></p>`
    : html`<p><button type="button" class="primary" part="submit-button" @click=${context.onSubmitOnline}>${d.submitOnline}</button></p>`;
}

/**
 * Documents as a list, not a table: on a 320 px phone a three-column table
 * squeezes the names into a word per line, and a list reads the same to a
 * screen reader ("Tờ khai…, Bản chính: 1, Bản sao: 0").
 */
function documentsList(procedure: ProcedureDetail, context: DetailContext) {
  const { d } = context;
  if (procedure.documents.length === 0) return html`<p>${d.none}</p>`;
  return html`
    <ul class="documents">
      ${procedure.documents.map(
        (document) => html`
          <li>
            <span class="document-name" lang="vi">${document.name}</span>
            ${document.note ? html`<span class="muted" lang="vi">${document.note}</span>` : nothing}
            <span class="muted">${d.originals}: ${document.originals} · ${d.copies}: ${document.copies}</span>
            ${document.uploadRequired ? html`<span><span class="badge">${d.uploadRequired}</span></span>` : nothing}
            ${document.template ? download(context.resolveUrl(document.template.url), d.templateLink(document.template.name)) : nothing}
          </li>
        `,
      )}
    </ul>
  `;
}

function feesList(procedure: ProcedureDetail, context: DetailContext) {
  const { t, d, common } = context;
  if (procedure.fees.length === 0) return html`<p>${d.noFee}</p>`;
  return html`<ul>
    ${procedure.fees.map(
      (fee) => html`<li>
        ${vi(fee.label)}${fee.amount === null ? nothing : html`: <strong>${fee.amount === 0 ? t.feeText({ min: 0, max: 0 }) : common.money(fee.amount)}</strong>`}
        ${fee.note ? html`<br /><span class="muted" lang="vi">${fee.note}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

export function renderProcedureDetail(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { t, d } = context;
  return html`
    <article part="detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading" tabindex="-1" lang="vi">${procedure.name}</h2>
      <p class="meta">
        <span class="badge level-${procedure.onlineLevel}">${t.levelNames[procedure.onlineLevel]}</span>
        ${procedure.agency.sample ? html`<span class="badge">${d.sample}</span>` : nothing}
      </p>
      ${submitAction(procedure, context)}
      ${section(
        d.general,
        descriptionList([
          [t.code, procedure.code],
          [t.field, vi(procedure.field.name)],
          [t.agency, vi(procedure.agency.name)],
          [
            t.processingTime,
            html`${t.processingTimeText(procedure.processingTime)}${procedure.processingTime.note ? html`<br /><span class="muted" lang="vi">${procedure.processingTime.note}</span>` : nothing}`,
          ],
          [t.fee, t.feeText(procedure.feeSummary)],
          [t.level, t.levelNames[procedure.onlineLevel]],
        ]),
      )}
      ${section(d.documents, documentsList(procedure, context))}
      ${section(d.steps, list(procedure.steps, true, d.none))}
      ${procedure.conditions.length ? section(d.conditions, list(procedure.conditions)) : nothing}
      ${section(d.fees, feesList(procedure, context))}
      ${section(d.results, list(procedure.results, false, d.none))}
      ${
        procedure.forms.length
          ? section(
              d.forms,
              html`<ul>${procedure.forms.map((form) => html`<li>${download(context.resolveUrl(form.url), d.download(form.name, form.format))}</li>`)}</ul>`,
            )
          : nothing
      }
      ${section(
        d.legalBasis,
        procedure.legalBasis.length
          ? html`<ul lang="vi">${procedure.legalBasis.map((law) => html`<li>${law.url ? backendLink(context.resolveUrl(law.url), law.title) : law.title}</li>`)}</ul>`
          : html`<p>${d.none}</p>`,
      )}
      ${section(d.receivingAgency, agencyFacts(procedure.agency, t, d))}
    </article>
  `;
}
