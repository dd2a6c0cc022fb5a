/**
 * The procedure from the page address, and the steps in the browser's history, so that the back button (and a
 * phone's back gesture) goes back a step instead of leaving the page. An
 * entry holds the draft's id and the step's number, nothing the citizen
 * typed, and the page address is never changed.
 */
type Entry = { dvcDossier?: string; dvcDossierStep?: number } | null;

/** Records a step of a draft: a new entry, or the current one replaced. */
export function recordStep(draft: string, step: number, push: boolean): void {
  const entry = { ...(window.history.state as object | null), dvcDossier: draft, dvcDossierStep: step };
  if (push) window.history.pushState(entry, '');
  else window.history.replaceState(entry, '');
}

/** The step of a draft a history entry holds, if it is one of that draft's. */
export function stepIn(state: unknown, draft: string): number | undefined {
  const entry = state as Entry;
  return entry?.dvcDossier === draft ? (entry.dvcDossierStep ?? 0) : undefined;
}

/** The current entry is this step of this draft (so going back through history goes a step back). */
export const isCurrentStep = (draft: string, step: number): boolean => stepIn(window.history.state, draft) === step;

/** The procedure's code (or its case): the attribute, else `?procedure=` (`?case=`) in the page address (unless the page keeps it out). */
export const fromPage = (
  name: 'procedure' | 'case',
  attribute: string | undefined,
  fromAddress: boolean,
): string | undefined =>
  attribute?.trim() || (fromAddress ? new URLSearchParams(location.search).get(name)?.trim() : undefined) || undefined;
