/**
 * The list view of the search: the search form with its filters, and the
 * results (count, list, "show more", an empty or failed search). Render
 * functions, not an element, so they share the search widget's shadow root,
 * styles and focus handling; the widget keeps the state and the requests.
 *
 * All backend text goes through Lit text bindings, which escape it.
 */
import { TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { ProcedureSummary } from '../../api/contract/catalogue.js';
import { OnlineLevel as onlineLevels } from '../../api/generated/catalogue.js';
import type { SearchQuery } from '../../api/contract/requests.js';
import type { BackendError } from '../../api/errors.js';
import type { Messages } from '../../i18n/catalog.js';
import { errorNotice } from '../shared/error-notice.js';
import { procedureAddress } from './address.js';
import type { SearchMessages } from './messages.js';

/** The longest query the contract accepts; longer input is cut, not refused. */
export const MAX_QUERY = 1000;

export interface Results {
  request: SearchQuery;
  items: ProcedureSummary[];
  total: number;
  /** When nothing matched the query: the closest procedures, for "Có phải bạn muốn tìm…". */
  closest?: ProcedureSummary[];
}

/** What the search form shows and where its events go. */
/** A filter of the search: its value is a field's code, an online level or a life event's code. */
export type Filter = 'field' | 'level' | 'event';

/** A choice of a list filter, as the backend lists it. */
type Choice = { code: string; name: string; count: number };

export interface FormContext {
  query: string;
  field: string;
  level: string;
  event: string;
  fields: readonly Choice[];
  /** Life events to browse by (có con nhỏ, kết hôn…); none when the backend has no such list. */
  events: readonly Choice[];
  onInput(event: InputEvent): void;
  onSubmit(event: SubmitEvent): void;
  onFilter(event: Event, filter: Filter): void;
}

/** What the results show and where their buttons go. */
export interface ResultsContext {
  status: TaskStatus;
  error: BackendError | undefined;
  results: Results | undefined;
  /** The page of the request last run (a failed first page hides the old list). */
  lastPage: number | undefined;
  retry(): void;
  clearFilters(): void;
  loadMore(): void;
  openProcedure(event: MouseEvent, code: string): void;
}

export function renderSearchForm({ own: t }: Messages<SearchMessages>, context: FormContext) {
  const levels = t.levelNames;
  const { fields, level } = context;
  return html`
    <form part="search-form" role="search" @submit=${context.onSubmit}>
      <label for="search-input">${t.searchLabel}</label>
      <p id="search-hint" class="hint">${t.searchHint}</p>
      <div class="search-row">
        <input
          id="search-input"
          part="input"
          type="search"
          name="q"
          autocomplete="off"
          enterkeyhint="search"
          spellcheck="false"
          maxlength=${MAX_QUERY}
          aria-describedby="search-hint"
          .value=${context.query}
          @input=${context.onInput}
        />
        <button type="submit" class="primary" part="search-button">${t.searchButton}</button>
      </div>
      <div class="filters" part="filters">
        ${choiceFilter('event', t.eventFilter, t.allEvents, context.events, context)}
        ${choiceFilter('field', t.fieldFilter, t.allFields, fields, context)}
        <div>
          <label for="level-filter">${t.levelFilter}</label>
          <select id="level-filter" @change=${(event: Event) => context.onFilter(event, 'level')}>
            <option value="" ?selected=${!level}>${t.allLevels}</option>
            ${onlineLevels.options.map((option) => html`<option value=${option} ?selected=${level === option}>${levels[option]}</option>`)}
          </select>
        </div>
      </div>
    </form>
  `;
}

/** A filter chosen from the backend's list (fields, life events), left out when the list is empty. */
function choiceFilter(
  filter: 'field' | 'event',
  label: string,
  all: string,
  choices: readonly Choice[],
  context: FormContext,
) {
  const chosen = context[filter];
  return choices.length
    ? html`<div>
        <label for="${filter}-filter">${label}</label>
        <select id="${filter}-filter" @change=${(event: Event) => context.onFilter(event, filter)}>
          <option value="" ?selected=${!chosen}>${all}</option>
          ${choices.map((option) => html`<option value=${option.code} lang="vi" ?selected=${chosen === option.code}>${option.name} (${option.count})</option>`)}
        </select>
      </div>`
    : nothing;
}

export function renderResults(messages: Messages<SearchMessages>, context: ResultsContext) {
  const t = messages.own;
  const { error, results } = context;
  const pending = context.status === TaskStatus.PENDING;
  const filtered = Boolean(
    results?.request.q || results?.request.field || results?.request.level || results?.request.event,
  );
  return html`
    <div class="results" aria-busy=${pending ? 'true' : 'false'}>
      ${pending ? html`<p class="loading" part="loading">${t.searching}</p>` : nothing}
      ${error ? errorNotice(error, messages.common, context.retry) : nothing}
      ${
        results && !(error && context.lastPage === 1)
          ? html`
            ${
              results.total
                ? html`<h2 class="count" part="count">${t.found(results.total)}</h2>`
                : html`<div class="notice" part="empty">
                  <p>${filtered ? t.noResults(results.request.q ?? '') : t.emptyCatalog}</p>
                  ${filtered ? html`<p>${t.noResultsHelp}</p><button type="button" @click=${context.clearFilters}>${t.clearFilters}</button>` : nothing}
                </div>`
            }
            ${results.closest ? html`<h2 class="count" part="closest-heading">${t.closestIntro}</h2>` : nothing}
            <ul class="result-list" part="results">
              ${(results.closest ?? results.items).map((procedure) => renderSummary(procedure, t, context))}
            </ul>
            ${
              results.items.length < results.total && !pending
                ? html`<p class="more">
                  <span>${t.showing(results.items.length, results.total)}</span>
                  <button type="button" part="load-more" @click=${context.loadMore}>${t.loadMore(results.total - results.items.length)}</button>
                </p>`
                : nothing
            }
          `
          : nothing
      }
    </div>
  `;
}

function renderSummary(procedure: ProcedureSummary, t: SearchMessages, context: ResultsContext) {
  return html`
    <li part="result">
      <h3>
        <a
          href=${procedureAddress(procedure.code)}
          data-code=${procedure.code}
          lang="vi"
          @click=${(event: MouseEvent) => context.openProcedure(event, procedure.code)}
          >${procedure.name}</a
        >
      </h3>
      <p class="meta">
        <span class="badge level-${procedure.onlineLevel}">${t.levelNames[procedure.onlineLevel]}</span>
        ${procedure.onlineSubmission ? html`<span class="badge">${t.onlineHere}</span>` : nothing}
        <span lang="vi">${procedure.field.name}</span>
      </p>
      <dl class="facts compact">
        <div><dt>${t.code}</dt><dd>${procedure.code}</dd></div>
        <div><dt>${t.agency}</dt><dd lang="vi">${procedure.agency.name}</dd></div>
        <div><dt>${t.processingTime}</dt><dd>${t.processingTimeText(procedure.processingTime)}</dd></div>
        <div><dt>${t.fee}</dt><dd>${t.feeText(procedure.feeSummary)}</dd></div>
      </dl>
    </li>
  `;
}
