/**
 * The detail view of one procedure: everything the contract's detail holds.
 * A render function, not an element, so it shares the search widget's shadow
 * root, styles and focus handling.
 *
 * All backend text goes through Lit text bindings, which escape it: a
 * procedure name like `<img onerror=…>` is shown as those characters.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Agency, ProcedureDetail } from '../../api/contract.js';
import type { CommonMessages } from '../../i18n/common.js';
import type { SearchMessages } from './messages.js';

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

const list = (items: readonly string[], ordered = false, none = '') => {
  if (items.length === 0) return html`<p>${none}</p>`;
  const entries = items.map((item) => html`<li>${item}</li>`);
  return ordered ? html`<ol>${entries}</ol>` : html`<ul>${entries}</ul>`;
};

/** `<dt>`/`<dd>` pairs; rows whose value is empty are left out. */
const facts = (rows: [string, unknown][]) => html`
  <dl class="facts">
    ${rows.filter(([, value]) => value).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>
`;

const download = (href: string, label: string) => html`<a href=${href} download rel="noopener">${label}</a>`;

function agencyFacts(agency: Agency, t: SearchMessages) {
  return facts([
    [t.agency, agency.name],
    [t.address, agency.address],
    [t.phone, agency.phone ? html`<a href=${`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>${agency.phone}</a>` : undefined],
    [t.email, agency.email ? html`<a href=${`mailto:${agency.email}`}>${agency.email}</a>` : undefined],
    [t.openingHours, agency.openingHours],
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

function documentsTable(procedure: ProcedureDetail, context: DetailContext) {
  const { t } = context;
  if (procedure.documents.length === 0) return html`<p>${t.none}</p>`;
  return html`
    <div class="table-scroll" role="region" aria-label=${t.documents} tabindex="0">
      <table>
        <thead>
          <tr><th scope="col">${t.documentName}</th><th scope="col">${t.originals}</th><th scope="col">${t.copies}</th></tr>
        </thead>
        <tbody>
          ${procedure.documents.map(
            (document) => html`
              <tr>
                <td>
                  ${document.name}
                  ${document.note ? html`<br /><span class="muted">${document.note}</span>` : nothing}
                  ${document.uploadRequired ? html`<br /><span class="badge">${t.uploadRequired}</span>` : nothing}
                  ${document.template
                    ? html`<br />${download(context.resolveUrl(document.template.url), t.templateLink(document.template.name))}`
                    : nothing}
                </td>
                <td>${document.originals}</td>
                <td>${document.copies}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

function feesList(procedure: ProcedureDetail, context: DetailContext) {
  const { t, common } = context;
  if (procedure.fees.length === 0) return html`<p>${t.noFee}</p>`;
  return html`<ul>
    ${procedure.fees.map(
      (fee) => html`<li>
        ${fee.label}${fee.amount === null ? nothing : html`: <strong>${fee.amount === 0 ? common.fee({ min: 0, max: 0 }) : common.money(fee.amount)}</strong>`}
        ${fee.note ? html`<br /><span class="muted">${fee.note}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

export function renderProcedureDetail(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { t, common } = context;
  return html`
    <article part="detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading" tabindex="-1">${procedure.name}</h2>
      <p class="meta">
        <span class="badge level-${procedure.onlineLevel}">${common.levels[procedure.onlineLevel]}</span>
        ${procedure.agency.sample ? html`<span class="badge">${t.sample}</span>` : nothing}
      </p>
      ${submitAction(procedure, context)}
      ${section(
        t.general,
        facts([
          [t.code, procedure.code],
          [t.field, procedure.field.name],
          [t.agency, procedure.agency.name],
          [t.processingTime, html`${common.processingTime(procedure.processingTime)}${procedure.processingTime.note ? html`<br /><span class="muted">${procedure.processingTime.note}</span>` : nothing}`],
          [t.fee, common.fee(procedure.feeSummary)],
          [t.level, common.levels[procedure.onlineLevel]],
        ]),
      )}
      ${section(t.documents, documentsTable(procedure, context))}
      ${section(t.steps, list(procedure.steps, true, t.none))}
      ${procedure.conditions.length ? section(t.conditions, list(procedure.conditions)) : nothing}
      ${section(t.fees, feesList(procedure, context))}
      ${section(t.results, list(procedure.results, false, t.none))}
      ${procedure.forms.length
        ? section(t.forms, html`<ul>${procedure.forms.map((form) => html`<li>${download(context.resolveUrl(form.url), t.download(form.name, form.format))}</li>`)}</ul>`)
        : nothing}
      ${section(
        t.legalBasis,
        procedure.legalBasis.length
          ? html`<ul>${procedure.legalBasis.map((law) => html`<li>${law.url ? html`<a href=${context.resolveUrl(law.url)} rel="noopener">${law.title}</a>` : law.title}</li>`)}</ul>`
          : html`<p>${t.none}</p>`,
      )}
      ${section(t.receivingAgency, agencyFacts(procedure.agency, t))}
    </article>
  `;
}
