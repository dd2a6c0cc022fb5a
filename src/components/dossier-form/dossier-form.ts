import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormAdapter } from '../../api/adapter.js';
import { getForm, listCommunes, listProvinces, submitDossier } from '../../api/form-calls.js';
import type {
  Applicant,
  Attachment,
  Commune,
  DossierReceipt,
  DossierSubmission,
  FormDefinition,
  FormField,
  Province,
} from '../../api/contract/index.js';
import {
  checkAnswers,
  checkApplicant,
  checkAttachments,
  checkDelivery,
  isShown,
  shownAnswers,
  shownDocuments,
  todayInVietnam,
  type Problem,
} from '../../api/contract/form-rules.js';
import { compactNumber } from '../../api/contract/identity.js';
import { BackendError, isAbort } from '../../api/errors.js';
import { FILE_KINDS } from '../../api/file-types.js';
import { safeHref, safeLink } from '../../api/safe-url.js';
import type { Messages } from '../../i18n/catalog.js';
import { errorMessage } from '../../i18n/common.js';
import { dateTime } from '../../i18n/dates.js';
import type { DvcAttachmentUpload } from '../attachment-upload/attachment-upload.js';
import { backendLink } from '../shared/backend-link.js';
import { DvcElement } from '../shared/dvc-element.js';
import { errorNotice } from '../shared/error-notice.js';
import { formStyles } from './dossier-form.styles.js';
import { type AddressDraft, clearDraft, type Draft, newDraft, readDraft, TabWatch, writeDraft } from './draft.js';
import { address, choices, errorLine, field, type FieldHost, idOf, input, verbOf } from './fields.js';
import { catalog, type FormMessages, type Verb } from './messages.js';

type StepName = 'applicant' | 'form' | 'documents' | 'review';

/** What the widget shows besides the steps. */
type Status = 'loading' | 'ready' | 'offer' | 'not-found' | 'not-online' | 'broken' | 'no-procedure' | 'error';

/** A problem to show: the rules' code, or a sentence of our own. */
interface Issue extends Partial<Problem> {
  path: string;
  message?: string;
}

/** Where each problem path is answered. */
const stepOfPath = (path: string): StepName =>
  path.startsWith('applicant.')
    ? 'applicant'
    : path.startsWith('answers.')
      ? 'form'
      : path.startsWith('attachments.')
        ? 'documents'
        : 'review';

/** Reads `a.b.0.c` in the draft. */
const getPath = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

function setPath(root: object, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = root as Record<string, unknown>;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const isoDate = (value: string) => value.split('-').reverse().join('/');

/** A line of a description list. */
const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

/**
 * Files a dossier (nộp hồ sơ trực tuyến) for one procedure, from the
 * procedure's electronic form as the backend defines it: the applicant, the
 * form, the documents, a review, then the receipt. Checks every answer as
 * the desk would (the rules the backend runs again), keeps the draft on the
 * device (with consent) so nothing is lost, and files exactly once however
 * often the citizen presses "Gửi hồ sơ" or the connection drops.
 *
 * @summary Fill in and file a dossier for a procedure.
 * @tag dvc-dossier-form
 *
 * @attr api - Backend base URL. Falls back to the nearest `<dvc-provider>`.
 * @attr lang - `vi` (default) or `en`; falls back to the nearest ancestor's `lang`.
 * @attr timeout - Seconds to wait for the backend (default 10).
 * @attr procedure - Code of the procedure, e.g. `1.001193`; else `?procedure=` in the page address.
 * @attr lookup-url - Page holding `<dvc-status-lookup>`; the receipt links there with `?code=<dossier code>`.
 * @attr procedure-url - Page holding `<dvc-procedure-search>`; a procedure that cannot be filed online links there with `?procedure=<code>`.
 * @attr draft-hours - Hours a draft kept on the device (with the citizen's consent) lasts (default 24).
 * @attr no-history - Do not add browser history entries per step or read `?procedure=` from the page address.
 *
 * @event dvc-step-change - The step shown changed. `detail: { step, index }` (`applicant`, `form`, `documents`, `review`, `done`).
 * @event dvc-dossier-submitted - The dossier was filed. `detail: { code, appointmentAt }`. Bubbles and is composed.
 *
 * @csspart base - The widget's outer box.
 * @csspart progress - The list of steps.
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart next-button - "Tiếp tục".
 * @csspart back-button - "Quay lại".
 * @csspart send-button - "Gửi hồ sơ".
 * @csspart receipt - The receipt.
 * @csspart error - An error message.
 * @csspart retry-button - The "Thử lại" button of an error.
 *
 * @cssprop --dvc-color-primary - Buttons, links and accents (default #0b5cad).
 * @cssprop --dvc-color-on-primary - Text on primary buttons (default #fff).
 * @cssprop --dvc-color-text - Body text (default #1b1b1b).
 * @cssprop --dvc-color-text-muted - Help text (default #4b5563).
 * @cssprop --dvc-color-background - Background (default #fff).
 * @cssprop --dvc-color-surface - Notices (default #f3f5f8).
 * @cssprop --dvc-color-border - Field borders (default #6b7280).
 * @cssprop --dvc-color-error - Errors (default #b3261e).
 * @cssprop --dvc-color-focus - Focus outline (default #b35c00).
 * @cssprop --dvc-radius - Corner radius (default 0.25em).
 * @cssprop --dvc-space - Base spacing (default 1em).
 * @cssprop --dvc-font-family - Font (default: the page's).
 * @cssprop --dvc-font-size - Base text size (default: the larger of 1rem and 16px).
 */
export class DvcDossierForm extends DvcElement<FormAdapter> {
  static override styles = [...DvcElement.styles, formStyles];

  @property() procedure?: string;
  @property({ attribute: 'lookup-url' }) lookupUrl?: string;
  @property({ attribute: 'procedure-url' }) procedureUrl?: string;
  @property({ type: Number, attribute: 'draft-hours' }) draftHours = 24;
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;

  @state() private status: Status = 'loading';
  @state() private loadError?: BackendError;
  @state() private definition?: FormDefinition;
  @state() private draft?: Draft;
  @state() private saved?: Draft;
  @state() private errors = new Map<string, string>();
  @state() private summary: { path: string; message: string }[] = [];
  @state() private sending = false;
  @state() private sendError?: BackendError;
  @state() private notice?: string;
  @state() private receipt?: DossierReceipt;
  @state() private conflict = false;

  private provinces: Province[] = [];
  private readonly communeLists = new Map<string, Commune[] | Promise<unknown>>();
  private readonly touched = new Set<string>();
  private loadedFor?: string;
  private loading?: AbortController;
  private watch?: TabWatch;
  /** Upload elements already given the draft's finished uploads, per draft id. */
  private readonly restored = new WeakMap<Element, string>();

  private get messages(): Messages<FormMessages> | undefined {
    return catalog.get(this.config.lang, () => this.requestUpdate());
  }

  private get code(): string | undefined {
    return (
      this.procedure?.trim() ||
      (this.noHistory ? undefined : new URLSearchParams(location.search).get('procedure')?.trim()) ||
      undefined
    );
  }

  private get steps(): StepName[] {
    const definition = this.definition;
    return [
      'applicant',
      ...(definition?.sections.length ? (['form'] as const) : []),
      ...(definition?.documents.length ? (['documents'] as const) : []),
      'review',
    ];
  }

  private get step(): StepName {
    return this.steps[this.draft?.step ?? 0] ?? 'applicant';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    if (this.definition && !this.watch) this.openWatch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.watch?.close();
    this.watch = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const backend = this.config.backend;
    const key = `${this.code}`;
    if (this.loadedFor !== key || (this.loadError && backend !== this.lastBackend)) {
      this.loadedFor = key;
      void this.load();
    }
    this.lastBackend = backend;
  }

  private lastBackend?: unknown;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Upload elements new to this draft show its finished uploads (restored, or none for a new dossier).
    const draft = this.draft;
    for (const upload of draft ? this.renderRoot.querySelectorAll<DvcAttachmentUpload>('dvc-attachment-upload') : []) {
      if (this.restored.get(upload) === draft!.id) continue;
      this.restored.set(upload, draft!.id);
      upload.value = draft!.uploads[upload.slotId!] ?? [];
    }
  }

  /** Fetches the form and the provinces, then offers a kept draft or starts a new one. */
  private async load(keep = false): Promise<void> {
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    const code = this.code;
    this.loadError = undefined;
    this.definition = undefined;
    if (!code) return void (this.status = 'no-procedure');
    this.status = 'loading';
    let formFailed = false;
    try {
      const backend = this.backendOrThrow();
      const [definition, provinces] = await Promise.all([
        getForm(backend, code, controller.signal).catch((error: unknown) => {
          formFailed = true;
          throw error;
        }),
        listProvinces(backend, controller.signal),
      ]);
      this.provinces = provinces.items;
      this.definition = definition;
      if (keep) {
        this.notice = this.messages?.own.versionChanged;
        this.status = 'ready';
        this.focusSoon('.version-notice');
        return this.goTo(this.steps.length - 1, 'replace', false);
      }
      this.openWatch();
      const saved = readDraft(code, this.draftHours);
      if (saved) {
        this.saved = saved;
        this.status = 'offer';
      } else {
        this.start(newDraft(code, definition.applicantKinds[0]!));
      }
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      const backendError = error instanceof BackendError ? error : undefined;
      if (backendError?.kind === 'not-found') {
        this.status = backendError.details['code'] === 'form_not_found' ? 'not-online' : 'not-found';
      } else if (formFailed && backendError?.kind === 'invalid-response' && backendError.details['issues']) {
        const issues = backendError.details['issues'] as { path: PropertyKey[]; message: string }[];
        this.broken(
          code,
          issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        );
      } else {
        this.loadError = this.toBackendError(error);
        this.status = 'error';
      }
    }
  }

  /** A definition the widget cannot render: the webmaster reads why in the console, the citizen a plain sentence. */
  private broken(code: string, problems: string[]): void {
    console.error(`<dvc-dossier-form>: broken form definition of ${code}:\n${problems.join('\n')}`);
    this.status = 'broken';
  }

  private openWatch(): void {
    this.watch?.close();
    this.watch = new TabWatch(this.definition!.procedure, () => (this.conflict = true));
    this.watch.active = this.status === 'ready';
    this.watch.post('open');
  }

  /** Shows a draft (new or kept) at its step. */
  private start(draft: Draft): void {
    const definition = this.definition!;
    if (definition.delivery.length === 1) draft.delivery.method ??= definition.delivery[0];
    if (!definition.applicantKinds.includes(draft.applicant.kind))
      draft.applicant = { kind: definition.applicantKinds[0]! };
    this.draft = draft;
    draft.step = Math.min(draft.step, this.steps.length - 1);
    this.saved = undefined;
    this.receipt = undefined;
    this.sendError = undefined;
    this.clearProblems();
    this.touched.clear();
    this.status = 'ready';
    if (this.watch) this.watch.active = true;
    this.goTo(draft.step, 'replace', false);
  }

  /** Moves to a step: records it in history, focuses its heading and tells the page. */
  private goTo(index: number, history: 'push' | 'replace' | 'none' = 'push', focus = true): void {
    const draft = this.draft!;
    draft.step = index;
    this.clearProblems();
    this.save();
    if (!this.noHistory && history !== 'none') {
      const entry = { ...(window.history.state as object | null), dvcDossier: draft.id, dvcDossierStep: index };
      if (history === 'push') window.history.pushState(entry, '');
      else window.history.replaceState(entry, '');
    }
    if (focus) this.focusSoon('#step-heading');
    this.requestUpdate();
    this.emit('dvc-step-change', { step: this.steps[index], index });
  }

  private readonly onPopState = (event: PopStateEvent): void => {
    const entry = event.state as { dvcDossier?: string; dvcDossierStep?: number } | null;
    if (this.noHistory || this.receipt || !this.draft || entry?.dvcDossier !== this.draft.id) return;
    const index = entry.dvcDossierStep ?? 0;
    if (index !== this.draft.step && index < this.steps.length) this.goTo(index, 'none');
  };

  private save(): void {
    const draft = this.draft;
    if (!draft || this.conflict || this.receipt || this.status !== 'ready') return;
    // Nothing typed yet: nothing to keep, and nothing to offer back on the next visit.
    const { kind: _kind, ...typed } = draft.applicant;
    const empty =
      !draft.step &&
      !Object.values(typed).some(Boolean) &&
      !Object.keys(draft.answers).length &&
      !Object.values(draft.uploads).some((list) => list.length);
    if (empty) return;
    writeDraft(draft);
    this.watch?.post('save');
  }

  // ---- Values and checks ----

  private readonly host: FieldHost = {
    t: undefined as unknown as FormMessages,
    get: (path) => getPath(this.draft, path),
    set: (path, value) => {
      setPath(this.draft!, path, value);
      this.touched.add(path);
      this.save();
      this.requestUpdate();
    },
    error: (path) => this.errors.get(path),
    provinces: [],
    communes: (province) => this.communes(province),
    left: (event, path) => this.left(event, path),
    addItem: (path) => {
      const items = (getPath(this.draft, path) ?? []) as object[];
      this.host.set(path, [...items, {}]);
      this.focusSoon(`[data-path^="${CSS.escape(`${path}.${items.length}.`)}"] :is(input, select, textarea)`);
    },
    removeItem: (path, index) => {
      const items = (getPath(this.draft, path) ?? []) as object[];
      this.host.set(path, items.length > 1 ? items.filter((_, i) => i !== index) : undefined);
      for (const key of this.errors.keys()) if (key.startsWith(`${path}.`)) this.errors.delete(key);
      this.focusSoon(`#${idOf(path)}-add`);
    },
  };

  /** The communes of a province, fetched once; undefined while they load. */
  private communes(province: string): Commune[] | undefined {
    const known = this.communeLists.get(province);
    if (Array.isArray(known)) return known;
    if (!known) {
      const loading = listCommunes(this.backendOrThrow(), province)
        .then(
          (list) => this.communeLists.set(province, list.items),
          () => this.communeLists.delete(province),
        )
        .finally(() => this.requestUpdate());
      this.communeLists.set(province, loading);
    }
    return undefined;
  }

  private applicantForRules(): Applicant {
    const { representative = {}, ...applicant } = this.draft!.applicant;
    // Missing answers stay undefined: the rules read them as empty.
    return { ...applicant, representative } as Applicant;
  }

  private attachments(): Attachment[] {
    const { answers, uploads } = this.draft!;
    return shownDocuments(this.definition!, answers).flatMap((slot) => {
      const ids = (uploads[slot.slot] ?? []).map((upload) => upload.id);
      return ids.length ? [{ slot: slot.slot, uploads: ids }] : [];
    });
  }

  /** Every problem of a step, as the desk would find them. */
  private check(step: StepName): Issue[] {
    const definition = this.definition!;
    const draft = this.draft!;
    const today = todayInVietnam();
    switch (step) {
      case 'applicant':
        return checkApplicant(definition, this.applicantForRules(), today);
      case 'form':
        return checkAnswers(definition, draft.answers, today);
      case 'documents': {
        const busy = [...this.renderRoot.querySelectorAll<DvcAttachmentUpload>('dvc-attachment-upload')].flatMap(
          (upload) =>
            upload.closest('[hidden]') || !upload.validity.customError
              ? []
              : [{ path: `attachments.${upload.slotId}`, message: this.messages!.own.uploading(upload.label ?? '') }],
        );
        return [...busy, ...checkAttachments(definition, draft.answers, this.attachments())];
      }
      case 'review':
        return [
          ...checkDelivery(definition, draft.delivery as DossierSubmission['delivery']),
          ...(draft.declaration ? [] : [{ path: 'declaration', message: this.messages!.own.declarationRequired }]),
        ];
    }
  }

  /** The label of the field a problem path names, and how it is filled. */
  private describe(path: string, t: FormMessages): [string, Verb] {
    const [root, id, index, inner] = path.split('.');
    const definition = this.definition!;
    if (root === 'applicant') {
      const organisation = this.draft?.applicant.kind === 'organisation';
      const own: Record<string, string> = {
        address: organisation ? t.orgAddress : t.address,
        name: t.orgName,
        representative: index === 'personalId' ? t.repId : t.repName,
      };
      return [
        own[id!] ?? (t as unknown as Record<string, string>)[id!] ?? id!,
        id === 'sex' || id === 'kind' ? 'choose' : 'type',
      ];
    }
    if (root === 'answers') {
      const spec = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === id);
      if (spec?.type === 'group' && inner) {
        const innerSpec = spec.fields.find((candidate) => candidate.id === inner);
        return [`${t.itemTitle(spec.itemLabel, Number(index) + 1)}: ${innerSpec?.label ?? inner}`, verbOf(innerSpec)];
      }
      return [spec?.label ?? id!, verbOf(spec)];
    }
    if (root === 'attachments') return [definition.documents.find((slot) => slot.slot === id)?.name ?? id!, 'attach'];
    return id === 'address' ? [t.postAddress, 'type'] : [t.delivery, 'choose'];
  }

  private messageOf(issue: Issue, t: FormMessages): string {
    if (issue.message && !issue.code) return issue.message;
    const [label, verb] = this.describe(issue.path, t);
    const problems: Record<string, string> = t.problems;
    const template = issue.code && (problems[`${issue.code}-${verb}`] ?? problems[issue.code]);
    return template
      ? template.replace('{l}', `“${label}”`).replace('{n}', String(issue.limit))
      : issue.message || issue.path;
  }

  /** Shows problems at their fields and in the summary, which takes focus and is announced. */
  private showProblems(issues: Issue[]): void {
    const t = this.messages!.own;
    const shown = issues.map((issue) => ({ path: issue.path, message: this.messageOf(issue, t) }));
    this.errors = new Map(shown.map((problem) => [problem.path, problem.message]));
    this.summary = shown;
    // The summary is an alert and takes focus: screen readers read it out at once.
    this.focusSoon('.error-summary');
  }

  private clearProblems(): void {
    this.errors = new Map();
    this.summary = [];
  }

  /** A touched box was left: its own problem (or none) is shown at once. */
  private left(event: FocusEvent, path: string): void {
    const box = event.currentTarget as HTMLElement;
    if (box.contains(event.relatedTarget as Node | null) || !this.touched.has(path) || !this.messages) return;
    const issue = this.check(this.step).find((candidate) => candidate.path === path);
    const errors = new Map(this.errors);
    if (issue) errors.set(path, this.messageOf(issue, this.messages.own));
    else errors.delete(path);
    this.errors = errors;
  }

  private next(event: Event): void {
    event.preventDefault();
    const issues = this.check(this.step);
    if (issues.length) return this.showProblems(issues);
    this.goTo(this.draft!.step + 1);
  }

  private back(): void {
    const index = this.draft!.step - 1;
    const entry = window.history.state as { dvcDossier?: string; dvcDossierStep?: number } | null;
    if (
      !this.noHistory &&
      entry?.dvcDossier === this.draft!.id &&
      entry.dvcDossierStep === this.draft!.step &&
      index >= 0
    )
      window.history.back();
    else this.goTo(index);
  }

  private change(step: StepName, section?: string): void {
    this.goTo(this.steps.indexOf(step));
    if (section) this.focusSoon(`#sec-${section}`);
  }

  // ---- Sending ----

  private submission(): DossierSubmission {
    const definition = this.definition!;
    const draft = this.draft!;
    const place = (value?: AddressDraft) => ({
      street: value!.street!.trim(),
      commune: value!.commune!,
      province: value!.province!,
    });
    const a = draft.applicant;
    const contact = {
      phone: a.phone!.trim(),
      ...(a.email?.trim() && { email: a.email.trim() }),
      address: place(a.address),
    };
    const representative = a.representative ?? {};
    const applicant: Applicant =
      a.kind === 'person'
        ? {
            kind: 'person',
            fullName: a.fullName!.trim(),
            birthDate: a.birthDate!,
            sex: a.sex!,
            personalId: compactNumber(a.personalId!),
            ...contact,
          }
        : {
            kind: 'organisation',
            name: a.name!.trim(),
            taxCode: a.taxCode!.replace(/\s/g, ''),
            representative: {
              fullName: representative.fullName!.trim(),
              personalId: compactNumber(representative.personalId!),
              ...(representative.position?.trim() && { position: representative.position.trim() }),
            },
            ...contact,
          };
    const method = draft.delivery.method!;
    return {
      procedure: definition.procedure,
      formVersion: definition.version,
      draft: draft.id,
      uploadSecret: draft.uploadSecret,
      applicant,
      answers: shownAnswers(definition, draft.answers),
      attachments: this.attachments(),
      delivery: method === 'post' ? { method, address: place(draft.delivery.address) } : { method },
      declaration: true,
    };
  }

  private async send(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.sending) return;
    // Every step again: a kept draft or a changed form may have left a problem behind.
    for (const step of this.steps) {
      const issues = this.check(step);
      if (issues.length) return this.showOn(step, issues);
    }
    this.sending = true;
    this.sendError = undefined;
    this.notice = undefined;
    const draft = this.draft!;
    try {
      const receipt = await submitDossier(this.backendOrThrow(), this.submission(), draft.key);
      clearDraft(draft.procedure);
      if (this.watch) this.watch.active = false;
      this.receipt = receipt;
      this.focusSoon('#step-heading');
      this.emit('dvc-step-change', { step: 'done', index: this.steps.length });
      this.emit('dvc-dossier-submitted', { code: receipt.code, appointmentAt: receipt.appointmentAt });
    } catch (error) {
      if (isAbort(error)) return;
      const backendError = error instanceof BackendError ? error : this.toBackendError(error)!;
      if (backendError.kind === 'validation') {
        const problems = (backendError.details['problems'] ?? []) as Issue[];
        const first =
          this.steps.find((step) => problems.some((problem) => stepOfPath(problem.path) === step)) ?? 'review';
        this.showOn(
          first,
          problems.filter((problem) => stepOfPath(problem.path) === first),
        );
      } else if (backendError.details['code'] === 'form_version_changed') {
        // The form changed on the backend meanwhile: the new one, with the answers kept, checked again before sending.
        this.sending = false;
        return void this.load(true);
      } else {
        // Logged without the dossier: its answers are personal.
        if (backendError.details['status'] !== 413) this.toBackendError(backendError);
        this.sendError = backendError;
        this.focusSoon('.send-error');
      }
    } finally {
      this.sending = false;
    }
  }

  /** Goes to a step and shows its problems there. */
  private showOn(step: StepName, issues: Issue[]): void {
    const index = this.steps.indexOf(step);
    if (index !== this.draft!.step) this.goTo(index, 'push', false);
    this.showProblems(issues);
  }

  private anotherDossier(): void {
    const draft = this.draft!;
    this.start(newDraft(draft.procedure, this.definition!.applicantKinds[0]!, draft.consent));
    this.focusSoon('#step-heading');
  }

  // ---- Rendering ----

  protected override render() {
    const messages = this.messages;
    return html`<div class="root" part="base" translate="no">${this.liveRegion()}${messages ? this.renderState(messages) : nothing}</div>`;
  }

  private renderState({ own: t, common }: Messages<FormMessages>) {
    const notice = (text: string, extra: unknown = nothing) =>
      html`<div class="notice error" role="alert" part="error"><p>${text}</p>${extra}</div>`;
    switch (this.status) {
      case 'loading':
        return html`<p class="loading">${t.loading}</p>`;
      case 'no-procedure':
        return notice(t.noProcedure);
      case 'not-found':
        return notice(t.notFound);
      case 'broken':
        return notice(t.brokenForm);
      case 'not-online': {
        const href =
          this.procedureUrl && this.code ? this.withParam(this.procedureUrl, 'procedure', this.code) : undefined;
        return html`<div class="notice" role="alert" part="error"><p>${t.notOnline}</p>${href ? html`<p><a href=${href}>${t.procedureInfo}</a></p>` : nothing}</div>`;
      }
      case 'error':
        return errorNotice(this.loadError!, common, () => void this.load());
      case 'offer':
        return html`${this.renderConflict(t)}${this.renderOffer(t)}`;
      case 'ready':
        return this.receipt ? this.renderReceipt(this.receipt, t) : this.renderSteps(t);
    }
  }

  /** `url` with one query parameter set, if it is an http(s) address. */
  private withParam(url: string, name: string, value: string): string | undefined {
    const href = safeHref(url, location.href);
    if (href === 'about:blank') return undefined;
    const target = new URL(href);
    target.searchParams.set(name, value);
    return target.href;
  }

  private renderOffer(t: FormMessages) {
    const saved = this.saved!;
    return html`
      <h2 id="step-heading" tabindex="-1">${t.restoreHeading}</h2>
      <p>${t.restoreText(dateTime(new Date(saved.savedAt).toISOString()))}</p>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => this.start(saved)}>${t.restore}</button>
        <button type="button" @click=${() => {
          clearDraft(saved.procedure);
          this.start(newDraft(saved.procedure, this.definition!.applicantKinds[0]!));
        }}>${t.startOver}</button>
      </div>
    `;
  }

  private renderConflict(t: FormMessages) {
    if (!this.conflict) return nothing;
    return html`<div class="notice error conflict" role="alert"><p>${t.otherTab}</p>
      <button type="button" @click=${() => {
        this.conflict = false;
        this.save();
        this.watch?.post('save');
      }}>${t.takeOver}</button></div>`;
  }

  private renderSteps(t: FormMessages) {
    const steps = this.steps;
    const current = this.draft!.step;
    this.host.t = t;
    this.host.provinces = this.provinces;
    const step = this.step;
    return html`
      <nav aria-label=${t.progress}>
        <ol class="progress" part="progress">
          ${steps.map(
            (name, index) => html`<li aria-current=${index === current ? 'step' : nothing}>
            ${index + 1}. ${t.steps[name]}</li>`,
          )}
        </ol>
      </nav>
      ${this.renderConflict(t)}
      <form novalidate @submit=${step === 'review' ? this.send : this.next}>
        <h2 id="step-heading" tabindex="-1">${step === 'applicant' ? t.applicantHeading : step === 'form' ? this.definition!.title : step === 'documents' ? t.steps.documents : t.reviewHeading}</h2>
        ${this.renderSummary(t)}
        ${step === 'applicant' ? this.renderApplicant(t) : step === 'form' ? this.renderForm() : step === 'review' ? this.renderReview(t) : nothing}
        ${this.definition!.documents.length ? this.renderDocuments(t, step !== 'documents') : nothing}
        <div class="buttons">
          ${
            step === 'review'
              ? html`<button type="submit" class="primary" part="send-button" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t.sending : t.send}</button>`
              : html`<button type="submit" class="primary" part="next-button">${t.next}</button>`
          }
          ${current > 0 ? html`<button type="button" part="back-button" @click=${this.back}>${t.back}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private renderSummary(t: FormMessages) {
    if (!this.summary.length) return nothing;
    const focus = (event: Event, path: string) => {
      event.preventDefault();
      const box = this.renderRoot.querySelector(`[data-path="${CSS.escape(path)}"]`);
      const target =
        box?.querySelector('dvc-attachment-upload')?.shadowRoot?.querySelector('button') ??
        box?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        box?.querySelector<HTMLElement>('input, select, textarea, button');
      (target as HTMLElement | null | undefined)?.focus();
    };
    return html`
      <div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
        <h3 id="summary-title">${t.summaryTitle}</h3>
        <ul>${this.summary.map((problem) => html`<li><a href="#${idOf(problem.path)}" @click=${(event: Event) => focus(event, problem.path)}>${problem.message}</a></li>`)}</ul>
      </div>
    `;
  }

  private renderApplicant(t: FormMessages) {
    const host = this.host;
    const draft = this.draft!;
    const kinds = this.definition!.applicantKinds;
    const person = draft.applicant.kind === 'person';
    const contact = html`
      ${input(host, 'applicant.phone', t.phone, { required: true, help: t.phoneHint, type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: 20 })}
      ${input(host, 'applicant.email', t.email, { type: 'email', autocomplete: 'email', maxlength: 254 })}
      ${address(host, 'applicant.address', person ? t.address : t.orgAddress, true, undefined, person)}
    `;
    return html`
      <div class="notice choice">
        <input type="checkbox" id="consent" aria-describedby="consent-hint" .checked=${draft.consent}
          @change=${(event: Event) => {
            draft.consent = (event.target as HTMLInputElement).checked;
            this.save();
          }} />
        <div><label for="consent">${t.consent}</label><p class="hint" id="consent-hint">${t.consentHint(this.draftHours)}</p></div>
      </div>
      ${
        kinds.length > 1
          ? choices(
              {
                ...host,
                set: (_path, kind) =>
                  host.set('applicant', {
                    kind,
                    phone: draft.applicant.phone,
                    email: draft.applicant.email,
                    address: draft.applicant.address,
                  }),
              },
              'applicant.kind',
              t.kind,
              kinds.map((kind) => ({ value: kind, label: t.kinds[kind] })),
              { required: true },
            )
          : nothing
      }
      ${
        person
          ? html`
            ${input(host, 'applicant.fullName', t.fullName, { required: true, autocomplete: 'name', maxlength: 100 })}
            ${input(host, 'applicant.birthDate', t.birthDate, { required: true, type: 'date', autocomplete: 'bday' })}
            ${choices(
              host,
              'applicant.sex',
              t.sex,
              [
                { value: 'nam', label: t.sexes.nam },
                { value: 'nu', label: t.sexes.nu },
              ],
              { required: true },
            )}
            ${input(host, 'applicant.personalId', t.personalId, { required: true, help: t.personalIdHint, inputmode: 'numeric', maxlength: 20 })}`
          : html`
            ${input(host, 'applicant.name', t.orgName, { required: true, autocomplete: 'organization', maxlength: 300 })}
            ${input(host, 'applicant.taxCode', t.taxCode, { required: true, help: t.taxCodeHint, inputmode: 'numeric', maxlength: 20 })}
            <fieldset class="field">
              <legend>${t.representative}</legend>
              ${input(host, 'applicant.representative.fullName', t.repName, { required: true, maxlength: 100 })}
              ${input(host, 'applicant.representative.personalId', t.repId, { required: true, help: t.personalIdHint, inputmode: 'numeric', maxlength: 20 })}
              ${input(host, 'applicant.representative.position', t.repPosition, { maxlength: 100 })}
            </fieldset>`
      }
      ${contact}
    `;
  }

  private renderForm() {
    const answers = this.draft!.answers;
    return this.definition!.sections.map(
      (section) => html`
      <section aria-labelledby="sec-${section.id}">
        <h3 id="sec-${section.id}" tabindex="-1">${section.title}</h3>
        ${section.description ? html`<p class="hint">${section.description}</p>` : nothing}
        ${section.fields.map((spec) => field(this.host, spec, `answers.${spec.id}`, answers))}
      </section>
    `,
    );
  }

  /**
   * Every slot's upload element stays on the page through the steps (hidden
   * when not shown), so an upload going on when the citizen moves on is not stopped.
   */
  private renderDocuments(t: FormMessages, hidden: boolean) {
    const backend = this.config.backend as FormAdapter;
    const draft = this.draft!;
    const shown = shownDocuments(this.definition!, draft.answers);
    const changed = (slot: string) => (event: Event) => {
      draft.uploads[slot] = (event.target as DvcAttachmentUpload).value;
      this.save();
      this.requestUpdate();
    };
    return html`
      <div ?hidden=${hidden}>
        <p>${shown.length ? t.documentsIntro : t.noDocuments}</p>
        ${this.definition!.documents.map((slot) => {
          const path = `attachments.${slot.slot}`;
          const error = this.errors.get(path);
          const accept = slot.accept
            .flatMap((kind) => FILE_KINDS.find((info) => info.kind === kind)?.extensions ?? [])
            .join(',');
          return html`
            <div class="field ${error ? 'invalid' : ''}" data-path=${path} ?hidden=${!shown.includes(slot)}>
              ${error ? html`<p class="error-text" id="${idOf(path)}"><span class="visually-hidden">${t.errorPrefix} </span>${error}</p>` : nothing}
              <dvc-attachment-upload .adapter=${backend} label=${slot.name} hint=${slot.note ?? nothing} procedure=${this.definition!.procedure}
                slot-id=${slot.slot} draft=${draft.id} .uploadSecret=${draft.uploadSecret} accept=${accept} max-size=${slot.maxFileBytes} max-files=${slot.maxFiles}
                ?multiple=${slot.maxFiles > 1} ?required=${slot.required} @change=${changed(slot.slot)}></dvc-attachment-upload>
              ${
                slot.template
                  ? html`<p>${backendLink(safeLink(backend, slot.template.url), t.template(slot.template.name, slot.template.format), true)}</p>`
                  : nothing
              }
            </div>
          `;
        })}
      </div>
    `;
  }

  /** A value as the citizen typed or chose it, in words. */
  private display(spec: FormField | undefined, value: unknown, t: FormMessages): unknown {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length))
      return html`<span class="muted">${t.notGiven}</span>`;
    if (spec && 'options' in spec) {
      const labels = (Array.isArray(value) ? value : [value]).map(
        (item) => spec.options.find((option) => option.value === item)?.label ?? item,
      );
      return labels.join(', ');
    }
    if (typeof value === 'boolean') return value ? t.yes : t.no;
    if (spec?.type === 'date' && typeof value === 'string') return isoDate(value);
    if (spec?.type === 'number') return `${value}${spec.unit ? ` ${spec.unit}` : ''}`;
    if (typeof value === 'object') return this.place(value as AddressDraft);
    return String(value);
  }

  private place(value: AddressDraft): string {
    const province = this.provinces.find((candidate) => candidate.code === value.province);
    const commune = value.province
      ? this.communes(value.province)?.find((candidate) => candidate.code === value.commune)
      : undefined;
    return [value.street, commune?.name ?? value.commune, province?.name].filter(Boolean).join(', ');
  }

  private renderReview(t: FormMessages) {
    const definition = this.definition!;
    const draft = this.draft!;
    const a = draft.applicant;
    const head = (title: string, id: string, step: StepName, section?: string) => html`
      <div class="review-head">
        <h3 id=${id}>${title}</h3>
        <a href="#" @click=${(event: Event) => {
          event.preventDefault();
          this.change(step, section);
        }}>${t.change}<span class="visually-hidden"> ${title}</span></a>
      </div>`;
    const given = (value: unknown) => this.display(undefined, value, t);
    const applicantRows: [string, unknown][] = [
      ...(definition.applicantKinds.length > 1 ? [[t.kind, t.kinds[a.kind]] as [string, unknown]] : []),
      ...((a.kind === 'person'
        ? [
            [t.fullName, a.fullName],
            [t.birthDate, a.birthDate && isoDate(a.birthDate)],
            [t.sex, a.sex && t.sexes[a.sex]],
            [t.personalId, a.personalId],
          ]
        : [
            [t.orgName, a.name],
            [t.taxCode, a.taxCode],
            [t.repName, a.representative?.fullName],
            [t.repId, a.representative?.personalId],
            [t.repPosition, a.representative?.position],
          ]) as [string, unknown][]),
      [t.phone, a.phone],
      [t.email, a.email],
      [a.kind === 'person' ? t.address : t.orgAddress, a.address],
    ];
    const answers = draft.answers;
    const documents = shownDocuments(definition, answers);
    const method = draft.delivery.method;
    const declarationError = this.errors.get('declaration');
    return html`
      <p>${t.reviewIntro}</p>
      <section class="review" aria-labelledby="review-applicant">
        ${head(t.steps.applicant, 'review-applicant', 'applicant')}
        <dl>${applicantRows.map(([label, value]) => row(label, given(value)))}</dl>
      </section>
      ${definition.sections.map(
        (section) => html`
        <section class="review" aria-labelledby="review-${section.id}">
          ${head(section.title, `review-${section.id}`, 'form', section.id)}
          <dl>
            ${section.fields
              .filter((spec) => isShown(spec.when, answers))
              .map((spec) =>
                spec.type === 'group'
                  ? row(
                      spec.label,
                      html`<ol>${((answers[spec.id] ?? []) as Record<string, unknown>[]).map(
                        (item) => html`<li>
                    ${spec.fields.filter((inner) => isShown(inner.when, item)).map((inner) => html`${inner.label}: ${this.display(inner, item[inner.id], t)}<br />`)}
                  </li>`,
                      )}</ol>`,
                    )
                  : row(spec.label, this.display(spec, answers[spec.id], t)),
              )}
          </dl>
        </section>`,
      )}
      ${
        definition.documents.length
          ? html`
        <section class="review" aria-labelledby="review-documents">
          ${head(t.steps.documents, 'review-documents', 'documents')}
          <dl>${documents.map((slot) =>
            row(
              slot.name,
              draft.uploads[slot.slot]?.length
                ? html`<ul>${draft.uploads[slot.slot]!.map((upload) => html`<li>${upload.name}</li>`)}</ul>`
                : html`<span class="muted">${t.noFiles}</span>`,
            ),
          )}</dl>
        </section>`
          : nothing
      }
      ${this.notice ? html`<div class="notice version-notice" role="alert" tabindex="-1"><p>${this.notice}</p></div>` : nothing}
      <h3>${t.delivery}</h3>
      ${choices(
        this.host,
        'delivery.method',
        t.delivery,
        definition.delivery.map((value) => ({ value, label: t.deliveries[value] })),
        { required: true },
      )}
      ${method === 'post' ? address(this.host, 'delivery.address', t.postAddress, true) : nothing}
      <div class="field ${declarationError ? 'invalid' : ''}" data-path="declaration">
        ${errorLine('f-declaration', declarationError, t)}
        <div class="choice">
          <input type="checkbox" id="f-declaration" aria-required="true" aria-invalid=${declarationError ? 'true' : 'false'}
            aria-describedby=${declarationError ? 'f-declaration-error' : nothing} .checked=${draft.declaration}
            @change=${(event: Event) => {
              draft.declaration = (event.target as HTMLInputElement).checked;
              this.save();
            }} />
          <label for="f-declaration"><b>${t.declarationLabel}:</b> <span lang="vi">${definition.declaration}</span></label>
        </div>
      </div>
      ${this.sendError ? this.renderSendError(this.sendError, t) : nothing}
    `;
  }

  private renderSendError(error: BackendError, t: FormMessages) {
    const common = this.messages!.common;
    const reason = error.details['status'] === 413 ? t.tooLarge : errorMessage(error, common);
    return html`
      <div class="notice error send-error" role="alert" part="error" tabindex="-1">
        <p><b>${t.sendFailed}</b> ${reason}</p>
        <p>${t.dataKept}</p>
        <button type="button" part="retry-button" @click=${() => void this.send()}>${t.resend}</button>
      </div>
    `;
  }

  private renderReceipt(receipt: DossierReceipt, t: FormMessages) {
    const lookupHref = this.lookupUrl ? this.withParam(this.lookupUrl, 'code', receipt.code) : undefined;
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
          <button type="button" @click=${this.anotherDossier}>${t.another}</button>
        </div>
      </section>
    `;
  }
}
