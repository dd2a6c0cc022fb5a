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
import { backendLink } from '../shared/backend-link.js';
import { descriptionList } from '../shared/description-list.js';

export interface DetailContext {
  t: SearchMessages;
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

function agencyFacts(agency: Agency, t: SearchMessages) {
  return descriptionList([
    [t.agency, vi(agency.name)],
    [t.address, agency.address && vi(agency.address)],
    [
      t.phone,
      agency.phone ? html`<a href=${`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>${agency.phone}</a>` : undefined,
    ],
    // Only something shaped like an address becomes a mailto: link; anything else is shown as text.
    [
      t.email,
      agency.email &&
        (/^[^\s@/:]+@[^\s@/:]+$/.test(agency.email)
          ? html`<a href=${`mailto:${agency.email}`}>${agency.email}</a>`
          : agency.email),
    ],
    [t.openingHours, agency.openingHours && vi(agency.openingHours)],
  ]);
}

function submitAction(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { t } = context;
  if (!procedure.onlineSubmission) {
    return html`
      <div class="notice" part="offline-notice">
        <p><strong>${t.notOnline}</strong> ${t.whereToGo(procedure.agency.name)}</p>
        ${procedure.forms.length ? html`<p>${t.formsOffline}</p>` : nothing}
      </div>
    `;
  }
  return context.formHref
    ? html`<p><a class="primary" part="submit-button" href=${context.formHref} @click=${context.onSubmitOnline}>${t.submitOnline}</a></p>`
    : html`<p><button type="button" class="primary" part="submit-button" @click=${context.onSubmitOnline}>${t.submitOnline}</button></p>`;
}

/**
 * Documents as a list, not a table: on a 320 px phone a three-column table
 * squeezes the names into a word per line, and a list reads the same to a
 * screen reader ("Tờ khai…, Bản chính: 1, Bản sao: 0").
 */
function documentsList(procedure: ProcedureDetail, context: DetailContext) {
  const { t } = context;
  if (procedure.documents.length === 0) return html`<p>${t.none}</p>`;
  return html`
    <ul class="documents">
      ${procedure.documents.map(
        (document) => html`
          <li>
            <span class="document-name" lang="vi">${document.name}</span>
            ${document.note ? html`<span class="muted" lang="vi">${document.note}</span>` : nothing}
            <span class="muted">${t.originals}: ${document.originals} · ${t.copies}: ${document.copies}</span>
            ${document.uploadRequired ? html`<span><span class="badge">${t.uploadRequired}</span></span>` : nothing}
            ${document.template ? download(context.resolveUrl(document.template.url), t.templateLink(document.template.name)) : nothing}
          </li>
        `,
      )}
    </ul>
  `;
}

function feesList(procedure: ProcedureDetail, context: DetailContext) {
  const { t, common } = context;
  if (procedure.fees.length === 0) return html`<p>${t.noFee}</p>`;
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
  const { t } = context;
  return html`
    <article part="detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading" tabindex="-1" lang="vi">${procedure.name}</h2>
      <p class="meta">
        <span class="badge level-${procedure.onlineLevel}">${t.levelNames[procedure.onlineLevel]}</span>
        ${procedure.agency.sample ? html`<span class="badge">${t.sample}</span>` : nothing}
      </p>
      ${submitAction(procedure, context)}
      ${section(
        t.general,
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
      ${section(t.documents, documentsList(procedure, context))}
      ${section(t.steps, list(procedure.steps, true, t.none))}
      ${procedure.conditions.length ? section(t.conditions, list(procedure.conditions)) : nothing}
      ${section(t.fees, feesList(procedure, context))}
      ${section(t.results, list(procedure.results, false, t.none))}
      ${
        procedure.forms.length
          ? section(
              t.forms,
              html`<ul>${procedure.forms.map((form) => html`<li>${download(context.resolveUrl(form.url), t.download(form.name, form.format))}</li>`)}</ul>`,
            )
          : nothing
      }
      ${section(
        t.legalBasis,
        procedure.legalBasis.length
          ? html`<ul lang="vi">${procedure.legalBasis.map((law) => html`<li>${law.url ? backendLink(context.resolveUrl(law.url), law.title) : law.title}</li>`)}</ul>`
          : html`<p>${t.none}</p>`,
      )}
      ${section(t.receivingAgency, agencyFacts(procedure.agency, t))}
    </article>
  `;
}
