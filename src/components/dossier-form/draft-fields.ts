/**
 * How the fields of a step read and write the draft: a value by its problem
 * path (`answers.thanh-vien.0.ho-ten`); a change saved, rechecked and drawn
 * at once; the items of a
 * repeating group added and removed with focus where the citizen expects it;
 * and what the citizen need not type again (`followApplicant`, `withDefaults`).
 */
import type { Answers, FormDefinition, Province } from '../../api/contract/index.js';
import { isShown } from '../../api/contract/form-rules.js';
import type { ApplicantDraft, Draft } from './draft.js';
import { type FieldHost, idOf } from './fields.js';
import type { CommuneLists } from './form-loader.js';
import type { FormMessages } from './messages.js';
import type { ShownProblems } from './problems.js';

/** Reads `a.b.0.c` in the draft. */
export const getPath = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

/** Writes `a.b.0.c` in the draft (undefined removes it). */
export function setPath(root: object, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = root as Record<string, unknown>;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The answers a form starts with ("Việt Nam" for a nationality), where the draft has none yet. */
export function withDefaults({ sections }: FormDefinition, answers: Answers): void {
  for (const { fields } of sections)
    for (const spec of fields) {
      const start = 'default' in spec ? spec.default : undefined;
      if (start && answers[spec.id] === undefined) answers[spec.id] = start;
    }
}

/** Two answers alike (an address as a whole). */
const alike = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Nobody types the same things twice. Where a section's person is the
 * applicant (the mother files her child's birth; "Bản thân"), its boxes that
 * hold an applicant's answer take it when they are empty or still hold what
 * they took before, `was` (the applicant's answers as they were: a name
 * corrected on the first step is corrected there too); what the citizen
 * typed stays. Where the person is no longer the applicant (another relation
 * chosen, an arrow key passing over "Mẹ"), the boxes still holding the
 * applicant's answers are emptied: someone else's details are not sent as
 * theirs. Only a person's answers: an organisation has no birth date.
 * `only`: the one field whose answer changed, if it was that.
 */
export function followApplicant(definition: FormDefinition, draft: Draft, was: ApplicantDraft, only?: string): void {
  const { answers, applicant } = draft;
  if (applicant.kind !== 'person') return;
  for (const { applicantIs, fields } of definition.sections) {
    if (!applicantIs || (only && only !== applicantIs.field)) continue;
    const isApplicant = isShown(applicantIs, answers);
    for (const { id, applicantField: key } of fields) {
      if (!key) continue;
      const copied = alike(answers[id], was[key]);
      if (isApplicant && (copied || answers[id] === undefined)) setPath(answers, id, structuredClone(applicant[key]));
      else if (!isApplicant && copied) setPath(answers, id, undefined);
    }
  }
}

/** A result sent by post goes to where the applicant lives, until the citizen writes another address. */
function postToApplicant({ applicant, delivery }: Draft): void {
  if (delivery.method === 'post' && applicant.address) delivery.address ??= { ...applicant.address };
}

/** What the fields need of the form. */
export interface FieldsOwner {
  readonly definition?: FormDefinition | undefined;
  readonly draft?: Draft | undefined;
  readonly provinces: Province[];
  readonly problems: ShownProblems;
  readonly communeLists: CommuneLists;
  /** A value changed: keep the draft and draw it again. */
  changed(): void;
  focusSoon(selector: string): void;
}

/** What the fields of a step read and call, in the words of `t`. */
export function fieldHost(owner: FieldsOwner, t: FormMessages): FieldHost {
  const get = (path: string) => getPath(owner.draft, path);
  const set = (path: string, value: unknown) => {
    if (!owner.draft) return;
    const draft = owner.draft;
    setPath(draft, path, value);
    if (path === 'delivery.method') postToApplicant(draft);
    const [root, id] = path.split('.');
    if (root === 'answers' && owner.definition) followApplicant(owner.definition, draft, draft.applicant, id);
    owner.changed();
  };
  return {
    t,
    provinces: owner.provinces,
    get,
    set,
    problem: (path) => owner.problems.at(path),
    communes: (province) => owner.communeLists.get(province),
    addItem: (path) => {
      const items = (get(path) ?? []) as object[];
      set(path, [...items, {}]);
      owner.focusSoon(`[data-path^="${CSS.escape(`${path}.${items.length}.`)}"] :is(input, select, textarea)`);
    },
    removeItem: (path, index) => {
      const items = (get(path) ?? []) as object[];
      set(path, items.length > 1 ? items.filter((_, i) => i !== index) : undefined);
      owner.problems.forget(path);
      owner.focusSoon(`#${idOf(path)}-add`);
    },
  };
}
