/**
 * What `<dvc-dossier-form>` knows, apart from drawing it, and how it comes
 * to know it: the procedure's form loaded (the draft's case's), the draft
 * kept on the device and the other tabs filling it, the fields' values and
 * the problems shown. The steps, the browser's back button and filing are
 * the controller's (dossier-controller.ts), which builds on this; the
 * element and the step modules only read this state and call its actions,
 * so each can be read alone; nothing here changes while a render runs.
 */
import type { DossierReceipt, FormDefinition, Province } from '../../api/contract/index.js';
import { BackendError, isAbort } from '../../api/errors.js';
import { ERROR_SUMMARY } from '../shared/error-summary.js';
import {
  clearDraft,
  type Draft,
  isBlank,
  newDraft,
  purgeExpiredDrafts,
  readDraft,
  TabWatch,
  writeDraft,
} from './draft.js';
import { type FieldHost } from './fields.js';
import { fieldHost, type FieldsOwner, withDefaults } from './draft-fields.js';
import {
  CommuneLists,
  failureStatus,
  firstKind,
  loadForm,
  type LoadedForm,
  type LoadMode,
  type Status,
} from './form-loader.js';
import type { DossierHost, HostServices } from './host.js';
import { fromPage } from './history.js';
import type { FormMessages } from './messages.js';
import { lateStepsLoader, type LateSteps } from './late-steps.js';
import type { Issue, StepName } from './problems.js';
import { checkStep, fieldToFocus, messageOf, ShownProblems, stepsOf } from './problems.js';
import { busyUploads, restoreUploads } from './steps/documents.js';

export abstract class DossierState implements FieldsOwner {
  status: Status = 'loading';
  loadError?: BackendError | undefined;
  definition?: FormDefinition | undefined;
  provinces: Province[] = [];
  draft?: Draft | undefined;
  /** A kept draft offered back. */
  saved?: Draft | undefined;
  readonly problems = new ShownProblems();
  sending = false;
  sendError?: BackendError | undefined;
  /** Why the review step is shown again (the form changed). */
  notice?: string | undefined;
  receipt?: DossierReceipt | undefined;
  /** The review's and the receipt's code (late-steps.ts), once fetched. */
  late?: LateSteps | undefined;
  /** Why that code could not be fetched, until a retry. */
  lateError?: BackendError | undefined;
  protected lateLoading = false;
  protected readonly loadLate = lateStepsLoader();
  /** Another tab fills the same dossier: saving stops until the citizen takes over. */
  conflict = false;
  /** "Thay đổi" was followed from the review: "Tiếp tục" goes back there (GOV.UK's check answers pattern). */
  protected changing = false;

  protected loadedFor?: string;
  /** The backend's configuration the last load started with. */
  protected loadedWith?: unknown;
  protected watch?: TabWatch | undefined;
  /** Upload elements already given the draft's finished uploads, per draft id. */
  protected readonly restored = new WeakMap<Element, string>();

  /**
   * The load going on: a newer one aborts it and its answer is dropped. Not @lit/task as in the other
   * widgets: its chunk (0.9 KB gzip) kept the form's page over its 40 KB budget.
   */
  protected loading?: AbortController;
  /** The form load under way, if any. */
  protected pending?: Promise<unknown>;

  /** The communes of each province, fetched once. */
  readonly communeLists: CommuneLists;

  constructor(
    protected readonly host: DossierHost,
    protected readonly services: HostServices,
  ) {
    host.addController(this);
    this.communeLists = new CommuneLists(services.adapter, () => host.requestUpdate());
  }

  /** The procedure's code: the attribute, else `?procedure=` in the page address. */
  get code(): string | undefined {
    return fromPage('procedure', this.host.procedure, !this.host.noHistory);
  }

  /** The case the page names (attribute, else `?case=`), if it names one. */
  protected get pageCase(): string | undefined {
    return fromPage('case', this.host.case, !this.host.noHistory);
  }

  get steps(): StepName[] {
    return stepsOf(this.definition);
  }

  get step(): StepName {
    return this.steps[this.draft?.step ?? 0] ?? 'applicant';
  }

  protected get t(): FormMessages | undefined {
    return this.services.messages()?.own;
  }

  /**
   * Loads when the procedure changes, and again when the backend's configuration changed during a
   * load or after a failed one (a retry pressed as `api` is set starts under the old configuration).
   */
  hostUpdate(): void {
    const key = `${this.code}`;
    const stale =
      this.services.configured() !== this.loadedWith && (this.loadError !== undefined || this.status === 'loading');
    if (this.loadedFor !== key || stale) {
      this.loadedFor = key;
      this.load();
    }
  }

  /**
   * Upload elements new to this draft show its finished uploads (restored, or none for a new dossier).
   * Past the first step, or offered back a draft that is, the review's and the receipt's code is fetched
   * (late-steps.ts); once, unless it failed and the citizen moved on since.
   */
  hostUpdated(): void {
    const draft = this.draft;
    if (draft) restoreUploads(this.host.renderRoot, draft, this.restored);
    if ((draft ?? this.saved)?.step && !this.late && !this.lateError && !this.lateLoading) this.fetchLate();
  }

  /**
   * Fetches the review's and the receipt's code, saying so on the review ("Đang tải…"). `retried`: "Thử lại"
   * was pressed, and the button goes with the notice: focus goes to the review's heading, or to the notice
   * again (read out again, its text unchanged).
   */
  fetchLate(retried = false): void {
    this.lateError = undefined;
    this.lateLoading = true;
    this.host.requestUpdate();
    this.loadLate()
      .then(
        (late) => {
          this.late = late;
          if (retried) this.focusSoon('#step-heading');
        },
        (error: BackendError) => {
          this.lateError = error;
          if (retried) this.focusSoon('form .notice.error');
        },
      )
      .finally(() => {
        this.lateLoading = false;
        this.host.requestUpdate();
      });
  }

  // ---- Loading ----

  /**
   * Fetches the form (of the draft's case, else the page's) and the provinces, then offers a kept
   * draft or starts a new one. Another case's form replaces the one shown without leaving the step.
   */
  load(mode: LoadMode = 'new'): void {
    purgeExpiredDrafts(this.host.draftHours);
    const code = this.code;
    this.loadedWith = this.services.configured();
    this.loadError = undefined;
    if (mode !== 'case') {
      this.definition = undefined;
      this.status = code ? 'loading' : 'no-procedure';
    }
    this.loading?.abort();
    if (!code) return;
    const loading = (this.loading = new AbortController());
    const current = () => loading === this.loading;
    const caseCode = (mode !== 'new' && this.draft?.case) || this.pageCase;
    this.pending = loadForm(this.services.adapter, code, caseCode, mode, loading.signal)
      .then(
        (loaded) => current() && this.loaded(loaded),
        (error: unknown) => current() && this.failed(error),
      )
      .finally(() => this.host.requestUpdate());
  }

  protected loaded({ code, definition, provinces, mode }: LoadedForm): void {
    this.provinces = provinces;
    this.definition = definition;
    // A kept draft's case no longer offered (the catalogue changed): the citizen chooses again.
    const draft = this.draft;
    if (draft?.case && !definition.cases?.some((item) => item.code === draft.case)) draft.case = undefined;
    // A case's form, or a changed one, for a draft past the applicant's step: its own starting answers.
    if (draft?.step) withDefaults(definition, draft.answers);
    if (mode === 'case') return;
    if (mode === 'changed') {
      this.notice = this.t?.versionChanged;
      this.status = 'ready';
      this.focusSoon('.version-notice');
      return this.goTo(this.steps.length - 1, 'replace', false);
    }
    this.openWatch(definition);
    const saved = readDraft(code, this.host.draftHours);
    if (saved) {
      this.saved = saved;
      this.status = 'offer';
    } else {
      this.start(this.newDraft(code, definition));
    }
  }

  /** A new draft; of the case the page named, if it did (chosen already, on the search's detail). */
  protected newDraft(code: string, definition: FormDefinition, consent?: boolean): Draft {
    const draft = newDraft(code, firstKind(definition), consent);
    if (this.pageCase && definition.cases) draft.case = definition.case;
    return draft;
  }

  /** Whether the form shown is not yet the draft's case's (that one is on its way). */
  protected caseFormPending(): boolean {
    return !!(this.definition?.cases && this.draft?.case && this.draft.case !== this.definition.case);
  }

  /** The citizen chose the procedure's case: its form replaces the one shown (the answers stay). */
  chooseCase(code: string): void {
    const draft = this.draft;
    if (!draft) return;
    draft.case = code;
    this.changed();
    if (code !== this.definition?.case) this.load('case');
  }

  protected failed(error: unknown): void {
    if (isAbort(error)) return;
    this.status = failureStatus(error, this.code);
    if (this.status === 'error') this.loadError = this.services.report(error);
  }

  protected openWatch(definition: FormDefinition): void {
    this.watch?.close();
    this.watch = new TabWatch(definition.procedure, () => {
      this.conflict = true;
      this.host.requestUpdate();
    });
    this.watch.active = this.status === 'ready';
    this.watch.post('open');
  }

  // ---- The draft ----

  /** Shows a draft (new or kept) at its step. */
  start(draft: Draft): void {
    const definition = this.definition;
    if (!definition) return;
    if (definition.delivery.length === 1) draft.delivery.method ??= definition.delivery[0];
    if (!definition.applicantKinds.includes(draft.applicant.kind)) draft.applicant = { kind: firstKind(definition) };
    this.draft = draft;
    // A kept draft of another case than the form shown: that case's form.
    if (draft.case && draft.case !== definition.case) this.load('case');
    draft.step = Math.min(draft.step, this.steps.length - 1);
    this.saved = undefined;
    this.receipt = undefined;
    this.sendError = undefined;
    this.problems.clear();
    this.changing = false;
    this.status = 'ready';
    if (this.watch) this.watch.active = true;
    this.goTo(draft.step, 'replace', false);
  }

  /** "Tiếp tục hồ sơ đang khai": the kept draft, at its step, its heading focused (the button pressed is gone). */
  resume(): void {
    if (this.saved) this.start(this.saved);
    this.focusSoon('#step-heading');
  }

  /** "Khai lại từ đầu": the kept draft forgotten, a new one started, its heading focused. */
  startOver(): void {
    const saved = this.saved;
    if (!saved || !this.definition) return;
    clearDraft(saved.procedure);
    this.start(this.newDraft(saved.procedure, this.definition));
    this.focusSoon('#step-heading');
  }

  /** "Nộp hồ sơ khác" after a receipt. */
  anotherDossier(): void {
    const { draft, definition } = this;
    if (!draft || !definition) return;
    this.start(this.newDraft(draft.procedure, definition, draft.consent));
    this.focusSoon('#step-heading');
  }

  /** The citizen chose this tab to keep filling the dossier. */
  takeOver(): void {
    this.conflict = false;
    this.save();
    this.watch?.post('save');
    this.host.requestUpdate();
  }

  /** Sets the consent or the declaration box. */
  tick(box: 'consent' | 'declaration', checked: boolean): void {
    if (this.draft) this.draft[box] = checked;
    this.changed();
  }

  /** A document slot's uploads changed. */
  uploadsChanged(slot: string, uploads: Draft['uploads'][string]): void {
    if (this.draft) this.draft.uploads[slot] = uploads;
    this.changed();
  }

  protected save(): void {
    const draft = this.draft;
    if (!draft || this.conflict || this.receipt || this.status !== 'ready') return;
    if (isBlank(draft)) return;
    writeDraft(draft);
    this.watch?.post('save');
  }

  // ---- Fields ----

  /** What the fields of a step read and call. */
  readonly fields = (t: FormMessages): FieldHost => fieldHost(this, t);

  changed(): void {
    this.recheck();
    this.save();
    this.host.requestUpdate();
  }

  readonly focusSoon = (selector: string): void => this.services.focusSoon(selector);

  // ---- Problems ----

  /** Every problem of a step, as the desk would find them. */
  protected check(step: StepName, t: FormMessages): Issue[] {
    const { definition, draft } = this;
    if (!definition || !draft) return [];
    return checkStep(step, definition, draft, busyUploads(this.host.renderRoot, t), t);
  }

  /** Shows problems at their fields and in the summary, which takes focus and is announced. */
  protected showProblems(issues: Issue[], t: FormMessages): void {
    this.problems.show(issues.map((issue) => ({ path: issue.path, message: messageOf(issue, this, t) })));
    // The summary is an alert and takes focus: screen readers read it out at once.
    this.focusSoon(ERROR_SUMMARY);
    this.host.requestUpdate();
  }

  /** Focuses the field a summary link names ({@link fieldToFocus} says which control). */
  focusField(path: string): void {
    fieldToFocus(this.host.renderRoot, path)?.focus();
  }

  /** After a change, the shown problems it fixed are settled (see ShownProblems for the rule). */
  protected recheck(): void {
    const t = this.t;
    if (t && this.problems.summary.length) this.problems.recheck(this.check(this.step, t).map(({ path }) => path));
  }

  /** Goes to a step and shows its problems there. */
  protected showOn(step: StepName, issues: Issue[], t: FormMessages): void {
    const index = this.steps.indexOf(step);
    if (index !== this.draft?.step) this.goTo(index, 'push', false);
    this.showProblems(issues, t);
  }

  /** Moves to a step (dossier-controller.ts). */
  protected abstract goTo(index: number, history?: 'push' | 'replace' | 'none', focus?: boolean): void;
}
