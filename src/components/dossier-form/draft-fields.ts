/**
 * How the fields of a step read and write the draft: a value by its problem
 * path (`answers.thanh-vien.0.ho-ten`); a change saved, rechecked and drawn
 * at once; the items of a
 * repeating group added and removed with focus where the citizen expects it.
 */
import type { Province } from '../../api/contract/index.js';
import type { Draft } from './draft.js';
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

/** What the fields need of the form. */
export interface FieldsOwner {
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
    setPath(owner.draft, path, value);
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
