/**
 * The backend's part of a form: its definition with the provinces, and the
 * communes of each province the citizen picks (fetched once). A definition
 * that fails the contract's checks is a broken form, told apart from a
 * failed request: the citizen reads a plain sentence, the webmaster why.
 */
import type { FormAdapter } from '../../api/adapter.js';
import type { Commune, FormDefinition, Province } from '../../api/contract/index.js';
import { BackendError } from '../../api/errors.js';
import { getForm, listCommunes, listProvinces } from '../../api/form-calls.js';

/** What the widget shows besides the steps. */
export type Status = 'loading' | 'ready' | 'offer' | 'not-found' | 'not-online' | 'broken' | 'no-procedure' | 'error';

/** A definition the widget cannot render, with what is wrong with it. */
export class BrokenDefinition extends Error {
  constructor(readonly problems: string[]) {
    super('broken form definition');
  }
}

/** A form that failed its contract check is broken, not a failed request. */
function brokenOr(error: unknown): unknown {
  if (!(error instanceof BackendError) || error.kind !== 'invalid-response' || !error.details['issues']) return error;
  const issues = error.details['issues'] as { path: PropertyKey[]; message: string }[];
  return new BrokenDefinition(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

/**
 * Why a form loads: a new visit (`new`); the form changed on the backend
 * while the citizen filled it (`changed`); the citizen chose another case
 * (`case`). The draft is kept in the last two.
 */
export type LoadMode = 'new' | 'changed' | 'case';

export interface LoadedForm {
  code: string;
  definition: FormDefinition;
  provinces: Province[];
  mode: LoadMode;
}

/** The form of a procedure's case and the provinces, together (a configuration problem `adapterOf` throws rejects it). */
export async function loadForm(
  adapterOf: () => FormAdapter,
  code: string,
  caseCode: string | undefined,
  mode: LoadMode,
  signal: AbortSignal,
): Promise<LoadedForm> {
  const adapter = adapterOf();
  const [definition, provinces] = await Promise.all([
    getForm(adapter, code, caseCode, signal).catch((error: unknown) => {
      throw brokenOr(error);
    }),
    listProvinces(adapter, signal),
  ]);
  return { code, definition, provinces: provinces.items, mode };
}

/** The communes of each province, fetched once; `changed` is called when a list arrives (or fails, to be asked again). */
export class CommuneLists {
  private readonly lists = new Map<string, Commune[] | Promise<unknown>>();

  constructor(
    private readonly adapter: () => FormAdapter,
    private readonly changed: () => void,
  ) {}

  /** The communes of a province; undefined while they load (the load starts). */
  get(province: string): Commune[] | undefined {
    const known = this.lists.get(province);
    if (Array.isArray(known)) return known;
    if (!known) {
      const loading = listCommunes(this.adapter(), province)
        .then(
          (list) => this.lists.set(province, list.items),
          () => this.lists.delete(province),
        )
        .finally(this.changed);
      this.lists.set(province, loading);
    }
    return undefined;
  }
}

/** What a failed load shows: a broken form (told to the webmaster in the console), no such form, or an error. */
export function failureStatus(error: unknown, code: string | undefined): Status {
  if (error instanceof BrokenDefinition) {
    console.error(`<dvc-dossier-form>: broken form definition of ${code}:\n${error.problems.join('\n')}`);
    return 'broken';
  }
  if (!(error instanceof BackendError) || error.kind !== 'not-found') return 'error';
  return error.details['code'] === 'form_not_found' ? 'not-online' : 'not-found';
}

/** Who files a new dossier until the citizen chooses: the form's first kind of applicant. */
export const firstKind = (definition: FormDefinition) => definition.applicantKinds[0] ?? 'person';
