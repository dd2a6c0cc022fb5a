/**
 * The status lookup's calls, with their answers checked against the
 * contract like every other (see `validated.ts`); apart from the form's
 * (`form-calls.ts`) so that each widget carries only its own schemas.
 */
import type { LookupAdapter } from './adapter.js';
import type { DossierLookup } from './contract/lookup.js';
import { DossierView, ServiceInfo } from './generated/lookup.js';
import { validated } from './validated.js';

export const getService = (adapter: LookupAdapter, signal?: AbortSignal) =>
  validated(ServiceInfo, 'service description', adapter.getService({ signal }));

export const lookupDossier = (adapter: LookupAdapter, lookup: DossierLookup, signal?: AbortSignal) =>
  validated(DossierView, 'dossier status', adapter.lookupDossier(lookup, { signal }));
