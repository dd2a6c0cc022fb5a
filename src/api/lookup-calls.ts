/**
 * The status lookup's calls, with their answers checked against the
 * contract like every other (see `backend.ts`); apart from the form's
 * (`form-calls.ts`) so that each widget carries only its own schemas.
 */
import type { Backend } from './backend.js';
import { validated } from './backend.js';
import type { DossierLookup } from './contract/lookup.js';
import { DossierView, ServiceInfo } from './generated/lookup.js';

export const getService = ({ adapter }: Backend, signal?: AbortSignal) =>
  validated(ServiceInfo, 'service description', adapter.getService({ signal }));

export const lookupDossier = ({ adapter }: Backend, lookup: DossierLookup, signal?: AbortSignal) =>
  validated(DossierView, 'dossier status', adapter.lookupDossier(lookup, { signal }));
