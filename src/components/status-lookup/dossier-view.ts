/**
 * What a lookup shows: the status first and large, the facts, whatever the
 * citizen must act on (supplement, payment, apology, delivery), then the
 * history as an ordered list a screen reader reads as sentences.
 *
 * The history is newest first: a citizen looks a dossier up to learn what
 * happened last, and on a long history the latest steps are the ones shown
 * before "Xem toàn bộ N bước". `<ol reversed>` keeps the numbers
 * chronological (the newest step carries the highest number), so "bước 12"
 * means the twelfth step whichever way the list is read.
 *
 * The dates agree with each other and with the receipt: the appointment is a
 * date, as the receipt prints it; before reception the first date is the
 * filing's, not a reception that has not happened; and while a supplement is
 * awaited the agency's clock is stopped (DOMAIN.md §3), so the lookup says
 * so rather than show "on time" by an appointment the pause will move.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DossierStatus } from '../../api/contract/dossiers.js';
import type { DossierView, HistoryEntry } from '../../api/contract/lookup.js';
import type { CommonMessages } from '../../i18n/common.js';
import { dateTime } from '../../i18n/dates.js';
import { descriptionList } from '../shared/description-list.js';
import type { LookupMessages } from './messages.js';

/** How many of the latest steps show before "Xem toàn bộ N bước". */
export const VISIBLE_STEPS = 10;

export interface ViewContext {
  t: LookupMessages;
  common: CommonMessages;
  expanded: boolean;
  showAll(): void;
  refresh(): void;
}

/** The national name in the widget's language; the backend's own label for a code we do not know. */
export const statusName = (status: DossierStatus, t: LookupMessages): string =>
  t.statusNames[status.code] ?? status.label;

const time = (iso: string, withTime = true) => html`<time datetime=${iso}>${dateTime(iso, withTime)}</time>`;

/** An appointment: a day, as the receipt gives it. */
const day = (iso: string) => time(iso, false);

/** Waiting for reception (1) or refused at it (3): filed, never received. */
const NOT_RECEIVED: readonly number[] = [1, 3];
/** Waiting for the citizen's supplement: the agency's clock is stopped. */
const SUPPLEMENT_REQUESTED = 5;

/** "Tiến độ" and its class: a dossier late when the supplement was asked for stays late. */
function progress(view: DossierView, paused: boolean, t: LookupMessages): [string, string] {
  if (!view.onTime) return [t.late, 'late'];
  if (paused) return [t.paused, ''];
  return [view.finishedAt ? t.onTime : t.withinTime, 'on-time'];
}

/** Newest first; entries of the same instant keep their reverse order of arrival. */
function newestFirst(history: HistoryEntry[]): HistoryEntry[] {
  return history
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => b.at - a.at || b.index - a.index)
    .map(({ entry }) => entry);
}

const section = (part: string, heading: string, body: TemplateResult, notice = true) =>
  html`<section part=${part} class=${notice ? 'notice' : ''}><h3>${heading}</h3>${body}</section>`;

export function renderDossier(view: DossierView, { t, common, expanded, showAll, refresh }: ViewContext) {
  const { supplement, payment, delivery, apology } = view;
  const history = newestFirst(view.history);
  const collapsed = !expanded && history.length > VISIBLE_STEPS;
  const paused = view.status.code === SUPPLEMENT_REQUESTED && view.onTime;
  const [timeliness, timelinessClass] = progress(view, paused, t);
  return html`
    <section class="dossier" part="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">${t.dossier} <span class="code">${view.code}</span></h2>
      <p class="status" part="status">
        ${t.status}: <strong class="status-${view.status.code}" lang=${t.statusNames[view.status.code] ? nothing : 'vi'}>${statusName(view.status, t)}</strong>
      </p>
      ${descriptionList([
        [t.procedure, html`<span lang="vi">${view.procedure.name}</span> (${view.procedure.code})`],
        [t.case, view.case && html`<span lang="vi">${view.case.name}</span>`],
        [t.agency, html`<span lang="vi">${view.agency.name}</span>`],
        [NOT_RECEIVED.includes(view.status.code) ? t.submittedAt : t.receivedAt, time(view.receivedAt)],
        [
          t.appointmentAt,
          paused ? t.appointmentPaused : view.appointmentAt ? day(view.appointmentAt) : t.noAppointment,
        ],
        [t.finishedAt, view.finishedAt && time(view.finishedAt)],
        [t.timeliness, html`<span class="badge ${timelinessClass}">${timeliness}</span>`],
      ])}
      <p class="actions">
        <button type="button" part="refresh-button" @click=${refresh}>${t.refresh}</button>
        <button type="button" part="print-button" @click=${() => print()}>${t.print}</button>
      </p>
      ${
        apology
          ? section(
              'apology',
              t.apology,
              html`
            <p lang="vi">${apology.text}</p>
            ${descriptionList([
              [t.newAppointment, day(apology.newAppointmentAt)],
              [t.apologyIssued, time(apology.issuedAt)],
            ])}`,
            )
          : nothing
      }
      ${
        supplement
          ? section(
              'supplement',
              t.supplement,
              html`
            <p>${t.supplementIntro}</p>
            <ul lang="vi">${supplement.items.map((item) => html`<li>${item}</li>`)}</ul>
            ${descriptionList([
              [t.supplementDue, supplement.dueAt && time(supplement.dueAt)],
              [t.requestedAt, time(supplement.requestedAt)],
              [t.note, supplement.note && html`<span lang="vi">${supplement.note}</span>`],
            ])}`,
            )
          : nothing
      }
      ${
        payment
          ? section(
              'payment',
              t.payment,
              html`
            <ul>${payment.items.map((item) => html`<li><span lang="vi">${item.label}</span>: ${common.money(item.amount)}</li>`)}</ul>
            ${descriptionList([
              [t.total, html`<strong>${common.money(payment.total)}</strong> (${payment.paid ? t.paid : t.unpaid})`],
              [t.how, html`<span lang="vi">${payment.how}</span>`],
              [t.paymentDue, payment.dueAt && time(payment.dueAt)],
            ])}`,
            )
          : nothing
      }
      ${
        delivery
          ? section(
              'delivery',
              t.delivery,
              html`<p>${t.deliveryMethods[delivery.method]}: <span lang="vi">${delivery.where}</span></p>`,
            )
          : nothing
      }
      ${section(
        'history',
        t.history(history.length),
        html`
        <p class="hint">${t.historyOrder}</p>
        <ol reversed class="history">
          ${history.map(
            (
              entry,
              index,
            ) => html`<li ?hidden=${collapsed && index >= VISIBLE_STEPS} tabindex=${index === VISIBLE_STEPS ? '-1' : nothing}>
              ${time(entry.at)}: <strong lang="vi">${entry.step}</strong>. ${t.status}: <span lang=${t.statusNames[entry.status.code] ? nothing : 'vi'}>${statusName(entry.status, t)}</span>.
              ${entry.note ? html`<br /><span class="note">${t.note}: <span lang="vi">${entry.note}</span></span>` : nothing}
            </li>`,
          )}
        </ol>
        ${collapsed ? html`<button type="button" part="show-all" @click=${showAll}>${t.showAll(history.length)}</button>` : nothing}`,
        false,
      )}
    </section>
  `;
}
