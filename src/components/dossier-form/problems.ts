/**
 * What is wrong with a draft, step by step, and how to say it: the rules
 * the backend runs again (form-rules.ts) give a path and a code; this module
 * turns them into a sentence that names the field as the citizen sees it
 * ("Vui lòng nhập “Họ, chữ đệm và tên”."), worded for how it is filled.
 */
import type { FormDefinition } from '../../api/contract/index.js';
import {
  checkAnswers,
  checkApplicant,
  checkAttachments,
  checkDelivery,
  todayInVietnam,
  type Problem,
} from '../../api/contract/form-rules.js';
import type { Draft } from './draft.js';
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

/** The steps of a form: the applicant, its e-form and its documents when it has them, the review. */
export const stepsOf = (definition: FormDefinition | undefined): StepName[] => [
  'applicant',
  ...(definition?.sections.length ? (['form'] as const) : []),
  ...(definition?.documents.length ? (['documents'] as const) : []),
  'review',
];

/** Where each problem path is answered. */
export const stepOfPath = (path: string): StepName =>
  path.startsWith('applicant.')
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
      return checkApplicant(definition, applicant, today);
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

/** The label of the field a problem path names, and how it is filled. */
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
      own[id] ?? (t as unknown as Record<string, string>)[id] ?? id,
      id === 'sex' || id === 'kind' ? 'choose' : 'type',
    ];
  }
  if (root === 'answers') {
    const spec = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.id === id);
    if (spec?.type === 'group' && inner) {
      const innerSpec = spec.fields.find((candidate) => candidate.id === inner);
      return [`${t.itemTitle(spec.itemLabel, Number(index) + 1)}: ${innerSpec?.label ?? inner}`, verbOf(innerSpec)];
    }
    return [spec?.label ?? id, verbOf(spec)];
  }
  if (root === 'attachments') return [definition.documents.find((slot) => slot.slot === id)?.name ?? id, 'attach'];
  return id === 'address' ? [t.postAddress, 'type'] : [t.delivery, 'choose'];
}

/** The sentence for a problem, naming its field. */
export function messageOf(issue: Issue, definition: FormDefinition, draft: Draft, t: FormMessages): string {
  if (issue.message && !issue.code) return issue.message;
  const [label, verb] = describe(issue.path, definition, draft, t);
  const problems: Record<string, string> = t.problems;
  const template = issue.code && (problems[`${issue.code}-${verb}`] ?? problems[issue.code]);
  return template
    ? template.replace('{l}', `“${label}”`).replace('{n}', String(issue.limit))
    : issue.message || issue.path;
}

/** The problems shown: at their fields (`errors`, by path) and in the summary. */
export class ShownProblems {
  errors = new Map<string, string>();
  summary: ShownProblem[] = [];
  /** Paths the citizen changed: a field's own problem shows when it is left. */
  readonly touched = new Set<string>();

  show(shown: ShownProblem[]): void {
    this.errors = new Map(shown.map((problem) => [problem.path, problem.message]));
    this.summary = shown;
  }

  clear(): void {
    this.errors = new Map();
    this.summary = [];
  }

  /** One field's problem (or none, when `message` is undefined), the others kept. */
  set(path: string, message: string | undefined): void {
    const errors = new Map(this.errors);
    if (message) errors.set(path, message);
    else errors.delete(path);
    this.errors = errors;
  }

  /** Forgets the problems under a path (an item removed). */
  forget(path: string): void {
    for (const key of this.errors.keys()) if (key.startsWith(`${path}.`)) this.errors.delete(key);
  }
}
