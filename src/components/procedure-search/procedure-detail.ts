/**
 * The detail view of one procedure: everything the contract's detail holds.
 * A render function, not an element, so it shares the search widget's shadow
 * root, styles and focus handling.
 *
 * All backend text goes through Lit text bindings, which escape it: a
 * procedure name like `<img onerror=…>` is shown as those characters.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  Agency,
  Fee,
  ProcedureCase,
  ProcedureDetail,
  ProcessingTime,
  RequiredDocument,
} from '../../api/contract/catalogue.js';
import type { CommonMessages } from '../../i18n/common.js';
import type { SearchMessages } from './messages.js';
import type { DetailMessages } from './detail-messages.js';

export { detailMessages } from './detail-messages.js';

/** A procedure's detail as the backend answered it, checked against the contract like every answer. */
export const checkedDetail = (answer: unknown): Promise<ProcedureDetail> =>
  validated(ProcedureDetailCheck, 'procedure detail', Promise.resolve(answer));
import { validated } from '../../api/errors.js';
import { ProcedureDetail as ProcedureDetailCheck } from '../../api/generated/catalogue.js';
import { backendLink } from '../shared/backend-link.js';
import { descriptionList } from '../shared/description-list.js';

export interface DetailContext {
  t: SearchMessages;
  /** The detail view's own text (`detail-messages.ts`). */
  d: DetailMessages;
  common: CommonMessages;
  /** Where "Nộp hồ sơ trực tuyến" leads (for one case), or undefined when the page handles the event itself. */
  formHref(caseCode?: string): string | undefined;
  resolveUrl(url: string): string;
  onSubmitOnline(event: Event, caseCode?: string): void;
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

/** "Nộp hồ sơ trực tuyến" as a link to the form page, or a button when the page handles the event itself. */
function submitButton(context: DetailContext, label: string, caseCode?: string): TemplateResult {
  const href = context.formHref(caseCode);
  const submit = (event: Event) => context.onSubmitOnline(event, caseCode);
  return href
    ? html`<p><a class="primary" part="submit-button" href=${href} @click=${submit}>${label}</a></p>`
    : html`<p><button type="button" class="primary" part="submit-button" @click=${submit}>${label}</button></p>`;
}

/**
 * Where a case is filed instead (an interlinked package on the national
 * portal): the reason first, so that the link is followed knowingly.
 */
const elsewhereLink = ({ filedElsewhere: place }: ProcedureCase, { d, resolveUrl }: DetailContext) =>
  place
    ? html`<p lang="vi">${place.reason}</p>
        <p>${backendLink(resolveUrl(place.url), d.fileAt(place.name))}</p>`
    : nothing;

function submitAction(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { d } = context;
  if (procedure.onlineSubmission) return submitButton(context, d.submitOnline);
  // One case, filed elsewhere: that is where to go, said as the primary action.
  const [only, ...others] = procedure.cases;
  if (only?.filedElsewhere && others.length === 0) {
    return html`<div class="notice" part="offline-notice">${elsewhereLink(only, context)}</div>`;
  }
  return html`
    <div class="notice" part="offline-notice">
      <p><strong>${d.notOnline}</strong> ${d.whereToGo(procedure.agency.name)}</p>
      ${procedure.forms.length ? html`<p>${d.formsOffline}</p>` : nothing}
    </div>
  `;
}

/**
 * Documents as a list, not a table: on a 320 px phone a three-column table
 * squeezes the names into a word per line, and a list reads the same to a
 * screen reader ("Tờ khai…, Bản chính: 1, Bản sao: 0").
 */
function documentsList(documents: readonly RequiredDocument[], context: DetailContext, none: string) {
  const { d } = context;
  if (documents.length === 0) return html`<p>${none}</p>`;
  return html`
    <ul class="documents">
      ${documents.map(
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

function feesList(fees: readonly Fee[], context: DetailContext) {
  const { t, d, common } = context;
  if (fees.length === 0) return html`<p>${d.noFee}</p>`;
  return html`<ul>
    ${fees.map(
      (fee) => html`<li>
        ${vi(fee.label)}${fee.amount === null ? nothing : html`: <strong>${fee.amount === 0 ? t.feeText({ min: 0, max: 0 }) : common.money(fee.amount)}</strong>`}
        ${fee.note ? html`<br /><span class="muted" lang="vi">${fee.note}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

const timeText = (time: ProcessingTime, { t }: DetailContext) =>
  html`${t.processingTimeText(time)}${time.note ? html`<br /><span class="muted" lang="vi">${time.note}</span>` : nothing}`;

const sameJson = (values: readonly unknown[]) => new Set(values.map((value) => JSON.stringify(value))).size === 1;
const times = ({ processingTime, onlineProcessingTime }: ProcedureCase) => [processingTime, onlineProcessingTime];

/**
 * The cases of a procedure that has several, each with what sets it apart:
 * its time, fees (where they differ), whether a representative may file,
 * the documents it needs beyond those every case needs, and where and how
 * to file it. A citizen reads their own case, not a merged list with
 * "trường hợp…" notes to untangle.
 */
function casesSection(procedure: ProcedureDetail, common: ReadonlySet<string>, context: DetailContext) {
  const { t, d } = context;
  const feesDiffer = !sameJson(procedure.cases.map((item) => item.fees));
  const timesDiffer = !sameJson(procedure.cases.map(times));
  return section(
    d.cases,
    html`<p>${d.casesIntro}</p>
      ${procedure.cases.map((item) => {
        const extra = item.documents.filter((document) => !common.has(document.name));
        return html`<section class="case" part="case">
          <h4 lang="vi">${item.name}</h4>
          ${descriptionList([
            [t.processingTime, timesDiffer && timeText(item.processingTime, context)],
            [d.onlineTime, timesDiffer && item.onlineProcessingTime && timeText(item.onlineProcessingTime, context)],
            [d.fees, feesDiffer && feesList(item.fees, context)],
            [d.representative, item.representative !== undefined && d.allowed(item.representative)],
          ])}
          <p>${d.extraDocuments}</p>
          ${documentsList(extra, context, d.noExtraDocuments)}
          ${item.onlineSubmission ? submitButton(context, d.submitCase, item.code) : elsewhereLink(item, context)}
        </section>`;
      })}`,
  );
}

export function renderProcedureDetail(procedure: ProcedureDetail, context: DetailContext): TemplateResult {
  const { t, d } = context;
  const { cases } = procedure;
  const [usual] = cases as [ProcedureCase];
  const several = cases.length > 1;
  const timesDiffer = !sameJson(cases.map(times));
  // The documents every case needs are listed once; each case adds its own.
  const common = usual.documents.filter((document) =>
    cases.every((item) => item.documents.some(({ name }) => name === document.name)),
  );
  const fees = sameJson(cases.map((item) => item.fees)) ? feesList(usual.fees, context) : html`<p>${d.byCase}</p>`;
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
          [t.processingTime, timesDiffer ? d.byCase : timeText(usual.processingTime, context)],
          [d.onlineTime, !timesDiffer && usual.onlineProcessingTime && timeText(usual.onlineProcessingTime, context)],
          [t.fee, t.feeText(procedure.feeSummary)],
          [t.level, t.levelNames[procedure.onlineLevel]],
          [d.representative, !several && usual.representative !== undefined && d.allowed(usual.representative)],
        ]),
      )}
      ${
        several
          ? html`${section(d.documents, html`<p>${d.commonDocuments}</p>${documentsList(common, context, d.none)}`)}
            ${casesSection(procedure, new Set(common.map(({ name }) => name)), context)}`
          : section(d.documents, documentsList(usual.documents, context, d.noDocuments))
      }
      ${section(d.steps, list(procedure.steps, true, d.unknown))}
      ${procedure.conditions.length ? section(d.conditions, list(procedure.conditions)) : nothing}
      ${section(d.fees, fees)}
      ${section(d.results, list(procedure.results, false, d.unknown))}
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
          : html`<p>${d.unknown}</p>`,
      )}
      ${section(d.receivingAgency, agencyFacts(procedure.agency, t, d))}
    </article>
  `;
}
