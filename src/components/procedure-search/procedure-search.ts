import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SearchAdapter } from '../../api/adapter.js';
import type { OnlineLevel, SearchResult } from '../../api/contract/catalogue.js';
import { listFieldsOfActivity, listLifeEvents, searchProcedures } from '../../api/catalogue-calls.js';
import type { SearchQuery } from '../../api/contract/requests.js';
import { BackendError } from '../../api/errors.js';
import { safeHref, safeLink } from '../../api/safe-url.js';
import { DvcElement } from '../shared/dvc-element.js';
import { MessagesController } from '../shared/messages-controller.js';
import { errorNotice } from '../shared/error-notice.js';
import type { Messages } from '../../i18n/catalog.js';
import { catalog, type SearchMessages } from './messages.js';
import { type Filter, MAX_QUERY, renderResults, renderSearchForm, type Results } from './search-list.js';
import { searchStyles } from './procedure-search.styles.js';
import { procedureInAddress, setProcedureInAddress } from './address.js';

/**
 * Finds a procedure (thủ tục hành chính) the commune offers and shows
 * everything about it: documents, time, fees, steps, forms, legal basis.
 * Search works as you type (debounced, stale requests cancelled) and on
 * submit, with or without Vietnamese diacritics; or browse without typing,
 * by field of activity or by life event.
 *
 * @summary Search the commune's procedures and read one in full.
 * @tag dvc-procedure-search
 *
 * @attr api - Backend base URL. Falls back to the nearest `<dvc-provider>`.
 * @attr agency - Agency code(s), comma-separated, whose procedures to search.
 * @attr lang - `vi` (default) or `en`; falls back to the nearest ancestor's `lang`.
 * @attr timeout - Seconds to wait for the backend (default 10).
 * @attr form-url - Page holding `<dvc-dossier-form>`; "Nộp hồ sơ trực tuyến" goes there with `?procedure=<code>`.
 * @attr procedure - Code of a procedure to show at once (a deep link).
 * @attr query - Initial search text.
 * @attr debounce - Milliseconds to wait after a keystroke before searching (default 300).
 * @attr page-size - Procedures per page (default 10, at most 50).
 * @attr no-history - Do not add browser history entries or read `?procedure=` from the page address.
 *
 * @event dvc-procedure-select - The citizen chose "Nộp hồ sơ trực tuyến". `detail: { procedure, case? }` (the full detail, and the case chosen when it has several).
 *   Cancelable: call `preventDefault()` to stay on the page and handle it yourself. Bubbles and is composed.
 * @event dvc-search-results - Results arrived. `detail: { query, total, shown }`.
 *
 * @csspart base - The widget's outer box.
 * @csspart search-form - The search form with its filters.
 * @csspart input - The search box.
 * @csspart search-button - The search button.
 * @csspart filters - The filter row.
 * @csspart count - The heading with the number of results.
 * @csspart closest-heading - "Có phải bạn muốn tìm…", over the closest procedures when nothing matched.
 * @csspart results - The result list.
 * @csspart result - One result.
 * @csspart load-more - The "show more" button.
 * @csspart detail - The detail view.
 * @csspart detail-section - Each section of the detail view.
 * @csspart back-button - The way back from the detail to the list.
 * @csspart submit-button - "Nộp hồ sơ trực tuyến".
 * @csspart offline-notice - The notice of a procedure that cannot be filed online.
 * @csspart error - An error message.
 * @csspart retry-button - The "Thử lại" button of an error.
 */
export class DvcProcedureSearch extends DvcElement<SearchAdapter> {
  static override styles = [...DvcElement.styles, searchStyles];

  @property({ attribute: 'form-url' }) formUrl?: string;
  @property() procedure?: string;
  @property() query = '';
  @property({ type: Number }) debounce = 300;
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;

  @state() private field = '';
  @state() private level = '';
  @state() private event = '';
  @state() private results?: Results;
  /** The procedure whose detail is open, or undefined for the list. */
  @state() private openCode?: string;

  // Getters rather than Lit's @query: its decorator is code every page would download.
  private get input(): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLInputElement>('#search-input');
  }

  /** The detail view's code, loaded with the first procedure opened: a citizen who only searches never needs it. */
  private detailView?: typeof import('./procedure-detail.js');
  /** The detail view's text, in the language it was loaded for (it comes with the detail view's chunk). */
  private detailText?: import('./detail-messages.js').DetailMessages;

  private debounceTimer?: ReturnType<typeof setTimeout>;
  /** Where the list was scrolled and which result was opened, to restore both on the way back. */
  private listPosition?: { scrollY: number; code: string };

  /** The request the search task is running or last ran; Task drops the answers of the ones it replaced. */
  private lastRequest?: SearchQuery;

  private readonly searchTask = new Task(this, {
    task: async ([request]: readonly [SearchQuery], { signal }) =>
      searchProcedures(this.adapterOrThrow(), request, signal),
    autoRun: false,
    onComplete: (result) => this.showResults(result),
  });

  private readonly fieldsTask = new Task(this, {
    task: async ([, agency], { signal }) => (await listFieldsOfActivity(this.adapterOrThrow(), agency, signal)).items,
    args: () => [this.config.adapter, this.config.agency] as const,
  });

  private readonly eventsTask = new Task(this, {
    task: async ([, agency], { signal }) => (await listLifeEvents(this.adapterOrThrow(), agency, signal)).items,
    args: () => [this.config.adapter, this.config.agency] as const,
  });

  private readonly detailTask = new Task(this, {
    task: async ([code, , lang], { signal }) => {
      if (!code) return undefined;
      const [answer, detailView] = await Promise.all([
        this.adapterOrThrow().getProcedure(code, { signal }),
        import('./procedure-detail.js'),
      ]);
      const procedure = await detailView.checkedDetail(answer);
      this.detailText = await detailView.detailMessages(lang);
      this.detailView = detailView;
      return procedure;
    },
    args: () => [this.openCode, this.config.adapter, this.config.lang] as const,
  });

  private readonly messages = new MessagesController(this, catalog, () => this.config.lang);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.debounceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedure') && this.procedure) this.openCode = this.procedure;
    if (!this.hasUpdated) this.openCode ??= this.noHistory ? undefined : procedureInAddress();
    // A first render, or a new backend or agency (on the element or on its <dvc-provider>): search again.
    const adapter = this.config.adapter;
    const agency = this.config.agency;
    if (adapter !== this.searchedWith?.adapter || agency !== this.searchedWith?.agency) {
      this.searchedWith = { adapter, agency };
      this.search();
    }
  }

  /** The backend and agency of the last search, to notice when the configuration changes. */
  private searchedWith?: { adapter: unknown; agency: string | undefined };

  private currentRequest(page = 1): SearchQuery {
    const q = this.query.trim().slice(0, MAX_QUERY);
    return {
      page,
      pageSize: Math.min(Math.max(Math.trunc(this.pageSize) || 10, 1), 50),
      ...(q && { q }),
      ...(this.field && { field: this.field }),
      ...(this.level && { level: this.level as OnlineLevel }),
      ...(this.event && { event: this.event }),
      ...(this.config.agency && { agency: this.config.agency }),
    };
  }

  /** Runs a search for the current input and filters now, replacing any pending or running one. */
  private search(): void {
    clearTimeout(this.debounceTimer);
    this.runSearch(this.currentRequest());
  }

  private runSearch(request: SearchQuery): void {
    this.lastRequest = request;
    void this.searchTask.run([request]);
  }

  private showResults(result: SearchResult): void {
    const request = this.lastRequest ?? this.currentRequest();
    const previous = request.page > 1 ? (this.results?.items ?? []) : [];
    const wasFirstLoad = !this.results;
    const { closest } = result;
    this.results = { request, items: [...previous, ...result.items], total: result.total, closest };
    const shown = this.results.items.length;
    // Nothing is said while the language is still loading, nor for the first list on page load:
    // a screen reader user has not asked for anything yet.
    const t = this.messages.current?.own;
    if (t && request.page > 1) this.announce(t.loadedMore(result.items.length, shown, result.total));
    else if (t && !wasFirstLoad)
      this.announce(
        result.total
          ? `${t.found(result.total)}. ${t.showing(shown, result.total)}`
          : `${t.noResults(request.q ?? '')}${closest ? ` ${t.closestIntro}` : ''}`,
      );
    this.emit('dvc-search-results', { query: request.q ?? '', total: result.total, shown });
    if (request.page < 2) void this.revealResults();
  }

  /**
   * On a phone the filters and keyboard hide the results, so typing seemed to do nothing: if the count (or
   * "nothing found") is out of view after typing, scroll it up whole, keeping the focused box in view. Once
   * its first line (24 px) shows, nothing moves: the answers to each keystroke differ in height ("nothing
   * found" for "khai s" is 160 px taller than the count for "khai sinh"), and chasing each would move the
   * list under a reading citizen.
   */
  private async revealResults(): Promise<void> {
    await this.updateComplete;
    const input = this.input!;
    const view = visualViewport!;
    const fold = view.offsetTop + view.height;
    const first = this.renderRoot.querySelector('.results > *')?.getBoundingClientRect();
    if (first && first.top + 24 > fold && this.shadowRoot!.activeElement === input)
      scrollBy(0, Math.min(first.bottom - fold + 16, input.getBoundingClientRect().top - view.offsetTop));
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.search(), Math.max(0, this.debounce));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.search();
  }

  private onFilter(event: Event, filter: Filter): void {
    this[filter] = (event.target as HTMLSelectElement).value;
    this.search();
  }

  private clearFilters(): void {
    this.query = this.field = this.level = this.event = '';
    this.search();
    this.input?.focus();
  }

  private loadMore(): void {
    const results = this.results;
    if (!results) return;
    const firstNew = results.items.length;
    // On the first new result; if loading fails, on the error (the button it came from is gone meanwhile).
    this.focusWhenReady = () => {
      if (this.searchTask.status === TaskStatus.ERROR) return this.focusIn('[part="error"]');
      const code = this.results?.items[firstNew]?.code;
      return this.searchTask.status === TaskStatus.COMPLETE && Boolean(code) && this.focusIn(resultSelector(code!));
    };
    this.runSearch({ ...results.request, page: results.request.page + 1 });
  }

  private retry(): void {
    this.runSearch(this.lastRequest ?? this.currentRequest());
  }

  /** Coming back online retries what failed because the connection dropped. */
  private readonly onOnline = (): void => {
    if (this.searchTask.status === TaskStatus.ERROR) this.retry();
    if (this.detailTask.status === TaskStatus.ERROR) void this.detailTask.run();
  };

  private readonly onPopState = (): void => {
    if (this.noHistory) return;
    const code = procedureInAddress();
    if (code === this.openCode) return;
    if (code) this.showDetail(code, false);
    else this.showList(false);
  };

  private openProcedure(event: MouseEvent, code: string): void {
    // Let the browser open a new tab or window when the citizen asks for one.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.listPosition = { scrollY: window.scrollY, code };
    this.showDetail(code, true);
  }

  private showDetail(code: string, pushHistory: boolean): void {
    if (pushHistory && !this.noHistory) setProcedureInAddress(code, 'push');
    this.openCode = code;
    // Focus goes to the procedure's name, so a screen reader starts reading the new view from its top;
    // while it loads, to the loading line, so focus is not left on a link that has disappeared.
    this.focusWhenReady = () => {
      const done = this.detailTask.status === TaskStatus.COMPLETE || this.detailTask.status === TaskStatus.ERROR;
      return this.focusIn(done ? '#detail-heading, #detail-status, [part="error"]' : '#detail-status') && done;
    };
  }

  private backToList(): void {
    // If we added the history entry, going back through history keeps the browser's back button honest.
    if (!this.noHistory && history.state?.dvcProcedure === this.openCode) history.back();
    else this.showList(!this.noHistory);
  }

  private showList(rewriteAddress: boolean): void {
    if (rewriteAddress) setProcedureInAddress(undefined, 'replace');
    this.openCode = undefined;
    const position = this.listPosition;
    this.listPosition = undefined;
    this.focusWhenReady = () => {
      if (position) window.scrollTo({ top: position.scrollY });
      // Back on the result the citizen opened; without one (a deep link), on the search box.
      if (!(position && this.focusIn(resultSelector(position.code), { preventScroll: true }))) this.input?.focus();
      return true;
    };
  }

  /** The form page with the procedure (and its case) in its address; only an http(s) page, never a `javascript:` one. */
  private formHref(code: string, caseCode?: string): string | undefined {
    if (!this.formUrl) return undefined;
    const href = safeHref(this.formUrl, location.href);
    if (href === 'about:blank') return undefined;
    const url = new URL(href);
    url.searchParams.set('procedure', code);
    if (caseCode) url.searchParams.set('case', caseCode);
    return url.href;
  }

  private onSubmitOnline(event: Event, caseCode?: string): void {
    const procedure = this.detailTask.value;
    // The link is shown with a loaded procedure only.
    if (!procedure) return;
    const proceed = this.emit('dvc-procedure-select', { procedure, ...(caseCode && { case: caseCode }) }, true);
    if (!proceed) event.preventDefault();
    else if (!this.formUrl)
      console.warn('<dvc-procedure-search>: set the `form-url` attribute, or handle the `dvc-procedure-select` event.');
  }

  protected override render() {
    const messages = this.messages.current;
    return html`
      <div class="root" part="base" translate="no">
        ${this.liveRegion()}
        ${!messages ? nothing : this.openCode ? this.renderDetailView(this.openCode, messages) : this.renderList(messages)}
      </div>
    `;
  }

  private renderList(messages: Messages<SearchMessages>) {
    const status = this.searchTask.status;
    return html`${renderSearchForm(messages, {
      query: this.query,
      field: this.field,
      level: this.level,
      event: this.event,
      fields: this.fieldsTask.value ?? [],
      events: this.eventsTask.value ?? [],
      onInput: (event) => this.onInput(event),
      onSubmit: (event) => this.onSubmit(event),
      onFilter: (event, filter) => this.onFilter(event, filter),
    })}${renderResults(messages, {
      status,
      error: status === TaskStatus.ERROR ? this.toBackendError(this.searchTask.error) : undefined,
      results: this.results,
      lastPage: this.lastRequest?.page,
      retry: () => this.retry(),
      clearFilters: () => this.clearFilters(),
      loadMore: () => this.loadMore(),
      openProcedure: (event, code) => this.openProcedure(event, code),
    })}`;
  }

  private renderDetailView(code: string, { own: t, common }: Messages<SearchMessages>) {
    const status = this.detailTask.status;
    const error = status === TaskStatus.ERROR ? this.toBackendError(this.detailTask.error) : undefined;
    const procedure = status === TaskStatus.COMPLETE ? this.detailTask.value : undefined;
    const adapter = this.config.adapter;
    return html`
      <p><button type="button" class="link back" part="back-button" @click=${this.backToList}>← ${t.back}</button></p>
      ${
        status === TaskStatus.PENDING || status === TaskStatus.INITIAL
          ? html`<p id="detail-status" class="loading" tabindex="-1">${t.loadingDetail}</p>`
          : nothing
      }
      ${
        error?.kind === 'not-found'
          ? html`<div class="notice error" role="alert" part="error" id="detail-status" tabindex="-1"><p>${t.procedureNotFound}</p></div>`
          : error
            ? errorNotice(error, common, () => void this.detailTask.run())
            : nothing
      }
      ${
        procedure && this.detailView && this.detailText && !(adapter instanceof BackendError)
          ? this.detailView.renderProcedureDetail(procedure, {
              t,
              d: this.detailText,
              common,
              formHref: (caseCode) => this.formHref(code, caseCode),
              resolveUrl: (url) => safeLink(adapter, url),
              onSubmitOnline: (event, caseCode) => this.onSubmitOnline(event, caseCode),
            })
          : nothing
      }
    `;
  }
}

/** The link of one result in the list. */
const resultSelector = (code: string) => `a[data-code="${CSS.escape(code)}"]`;
