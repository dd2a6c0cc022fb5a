/**
 * What is wrong with a draft, step by step, and how to say it: the rules
 * the backend runs again (form-rules.ts) give a path and a code; this module
 * turns them into a sentence that names the field as the citizen sees it
 * ("Vui lòng nhập “Họ, chữ đệm và tên”."), worded for how it is filled.
 */
import type { FormDefinition, FormField } from '../../api/contract/index.js';
import {
  checkAnswers,
  checkApplicant,
  checkAttachments,
  checkDelivery,
  todayInVietnam,
  type Problem,
} from '../../api/contract/form-rules.js';
import type { Draft } from './draft.js';
import { getPath } from './draft-fields.js';
import { missingPart, shortYear } from './date-input.js';
import { verbOf } from './fields.js';
import type { FormMessages, Verb } from './messages.js';
import { asChecked, attachmentsOf } from './submission.js';

export type StepName = 'applicant' | 'form' | 'documents' | 'review';

/** A problem to show: the rules' code, or a sentence of our own. */
export interface Issue extends Partial<Problem> {
  path: string;
  message?: string;
}

/** A problem as shown: at its field and in the summary. */
export interface ShownProblem {
  path: string;
  message: string;
}

/** A problem shown, fixed since (settled) or not. */
export interface SettledProblem extends ShownProblem {
  settled: boolean;
}

/** The steps of a form: the applicant, its e-form and its documents when it has them, the review. */
export const stepsOf = (definition: FormDefinition | undefined): StepName[] => [
  'applicant',
  ...(definition?.sections.length ? (['form'] as const) : []),
  ...(definition?.documents.length ? (['documents'] as const) : []),
  'review',
];

/** Where each problem path is answered. */
export const stepOfPath = (path: string): StepName =>
  path.startsWith('applicant.') || path === 'case'
    ? 'applicant'
    : path.startsWith('answers.')
      ? 'form'
      : path.startsWith('attachments.')
        ? 'documents'
        : 'review';

/** The first of `steps` with a problem the backend found, and its problems (the review, if none is on a step). */
export function firstStepWith(issues: Issue[], steps: StepName[]): [StepName, Issue[]] {
  const first = steps.find((step) => issues.some((issue) => stepOfPath(issue.path) === step)) ?? 'review';
  return [first, issues.filter((issue) => stepOfPath(issue.path) === first)];
}

/**
 * Every problem of a step, as the desk would find them; `busy` are the
 * documents step's uploads still going on, `t` gives our own sentences.
 */
export function checkStep(step: StepName, definition: FormDefinition, draft: Draft, busy: Issue[], t: FormMessages) {
  const today = todayInVietnam();
  const { applicant, delivery } = asChecked(draft);
  switch (step) {
    case 'applicant':
      return [
        ...(definition.cases && !draft.case ? [{ path: 'case', message: t.caseRequired }] : []),
        ...checkApplicant(definition, applicant, today),
      ];
    case 'form':
      return checkAnswers(definition, draft.answers, today);
    case 'documents':
      return [...busy, ...checkAttachments(definition, draft.answers, attachmentsOf(definition, draft))];
    case 'review':
      return [
        ...checkDelivery(definition, delivery),
        ...(draft.declaration ? [] : [{ path: 'declaration', message: t.declarationRequired }]),
      ];
  }
}

const quoted = (label: string) => `“${label}”`;

/** The applicant's labels an e-form repeats for another person: a field with one of them is named with its section. */
const applicantLabels = (t: FormMessages) => [t.fullName, t.birthDate, t.sex, t.personalId, t.address];

/**
 * The field of the e-form with this id, named as the citizen reads it: its
 * label, and its section's title when the label alone could be another's
 * (the child's "Ngày, tháng, năm sinh" beside the applicant's and the mother's).
 */
function answerName(definition: FormDefinition, id: string, t: FormMessages): [string, FormField | undefined] {
  const fields = definition.sections.flatMap((section) => section.fields);
  const section = definition.sections.find((candidate) => candidate.fields.some((spec) => spec.id === id));
  const spec = fields.find((candidate) => candidate.id === id);
  const label = spec?.label ?? id;
  const shared = applicantLabels(t).includes(label) || fields.filter((other) => other.label === label).length > 1;
  return [shared && section ? `${quoted(label)} (${section.title})` : quoted(label), spec];
}

/** The name of the field a problem path names, in quotes, and how it is filled. */
function describe(path: string, definition: FormDefinition, draft: Draft, t: FormMessages): [string, Verb] {
  const [root, id = '', index, inner] = path.split('.');
  if (root === 'applicant') {
    const organisation = draft.applicant.kind === 'organisation';
    const own: Record<string, string> = {
      address: organisation ? t.orgAddress : t.address,
      name: t.orgName,
      representative: index === 'personalId' ? t.repId : t.repName,
    };
    return [
      quoted(own[id] ?? (t as unknown as Record<string, string>)[id] ?? id),
      id === 'sex' || id === 'kind' ? 'choose' : 'type',
    ];
  }
  if (root === 'answers') {
    const [name, spec] = answerName(definition, id, t);
    if (spec?.type === 'group' && inner) {
      const innerSpec = spec.fields.find((candidate) => candidate.id === inner);
      return [
        quoted(`${t.itemTitle(spec.itemLabel, Number(index) + 1)}: ${innerSpec?.label ?? inner}`),
        verbOf(innerSpec),
      ];
    }
    return [name, verbOf(spec)];
  }
  if (root === 'attachments')
    return [quoted(definition.documents.find((slot) => slot.slot === id)?.name ?? id), 'attach'];
  return id === 'address' ? [quoted(t.postAddress), 'type'] : [quoted(t.delivery), 'choose'];
}

const ADDRESS_PARTS = ['street', 'province', 'commune'] as const;

/**
 * The problem's wording, finer than its code where the code alone would
 * point the wrong way: an address with only a part missing names that part
 * (its summary link then focuses it), a date with a part missing ("27/3")
 * or a year of two digits ("12/5/90") says so rather than that it is no date, and a mobile number of 10 digits
 * is told its prefix is wrong, not its length.
 */
function wording(code: string, value: unknown, verb: Verb, t: FormMessages): [key: string, part?: string] {
  if (code === 'required' && value && typeof value === 'object') {
    const missing = ADDRESS_PARTS.find((part) => !(value as Record<string, unknown>)[part]);
    if (missing) return [`required-part-${missing === 'street' ? 'type' : 'choose'}`, t[missing]];
  }
  if (code === 'date-format') {
    if (missingPart(value)) return ['date-part'];
    if (shortYear(value)) return ['date-year'];
  }
  if (code === 'phone' && String(value).replace(/\D/g, '').length === 10) return ['phone-prefix'];
  return [`${code}-${verb}`];
}

/** The form being filled, as the problems read it. */
export interface Filling {
  readonly definition?: FormDefinition | undefined;
  readonly draft?: Draft | undefined;
}

/** The sentence for a problem, naming its field. */
export function messageOf(issue: Issue, { definition, draft }: Filling, t: FormMessages): string {
  if (issue.message && !issue.code) return issue.message;
  if (!definition || !draft) return issue.path;
  const [name, verb] = describe(issue.path, definition, draft, t);
  const problems: Record<string, string> = t.problems;
  const [key, part = ''] = issue.code ? wording(issue.code, getPath(draft, issue.path), verb, t) : [''];
  const template = issue.code && (problems[key] ?? problems[issue.code]);
  return template
    ? template.replace('{l}', name).replace('{p}', quoted(part)).replace('{n}', String(issue.limit))
    : issue.message || issue.path;
}

/**
 * The problems shown, at their fields and in the summary, and when they
 * change. One rule, GOV.UK's ("validate when the user submits, not as they
 * type or leave a field"), with one addition so that nothing false stays:
 * - problems appear only when "Tiếp tục" or "Gửi hồ sơ" is pressed; the
 *   summary then takes focus and is read out;
 * - a shown problem the citizen fixes is settled on the change itself (the
 *   radio chosen, the file uploaded, the right digits typed), not when focus
 *   leaves: its message and summary line vanish from sight and from screen
 *   readers and the field is no longer invalid, but their room stays until
 *   the next "Tiếp tục". A message added or removed on blur moves what lies
 *   below while a finger is already on its way there (a 60 px jump swallowed
 *   taps on phones); a message left beside a fixed field tells a falsehood.
 * - a settled problem made wrong again shows again, in its own room.
 */
export class ShownProblems {
  summary: ShownProblem[] = [];
  private settled = new Set<string>();

  show(shown: ShownProblem[]): void {
    this.summary = shown;
    this.settled = new Set();
  }

  clear(): void {
    this.show([]);
  }

  /** The problem shown at a path, and whether it is settled. */
  at(path: string): SettledProblem | undefined {
    return this.lines.find((problem) => problem.path === path);
  }

  /** Every problem shown, each with whether it is settled. */
  get lines(): SettledProblem[] {
    return this.summary.map((problem) => ({ ...problem, settled: this.settled.has(problem.path) }));
  }

  /** After a change: the shown problems whose paths `open` (the step's problems now) no longer names are settled. */
  recheck(open: readonly string[]): void {
    this.settled = new Set(this.summary.map(({ path }) => path).filter((path) => !open.includes(path)));
  }

  /** Forgets the problems under a path (an item removed). */
  forget(path: string): void {
    this.summary = this.summary.filter((problem) => !problem.path.startsWith(`${path}.`));
  }
}

/**
 * The control to focus for the field a summary link names: its upload (through the upload's own
 * `focus()`), its first empty invalid control (the commune of an address whose street is given),
 * its first invalid one, or its first control.
 */
export function fieldToFocus(root: ParentNode, path: string): HTMLElement | undefined {
  const box = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const invalid = [...(box?.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]') ?? [])];
  return (
    box?.querySelector<HTMLElement>('dvc-attachment-upload') ??
    invalid.find((control) => !control.value) ??
    invalid[0] ??
    box?.querySelector<HTMLElement>('input, select, textarea, button') ??
    undefined
  );
}
