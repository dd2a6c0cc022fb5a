/**
 * The dossier form's calls (its form, the address lists, filing), with
 * their answers checked against the contract like every other (see
 * `validated`, errors.ts). Modules of their own, apart from the search's
 * `catalogue-calls.ts` and from the lookup's `lookup-calls.ts`, because a
 * bundler places a module, with every schema it imports, in the chunk of
 * everything that uses it: this way a page with only the search box, or
 * only the lookup, carries none of these.
 */
import type { FormAdapter } from './adapter.js';
import type { DossierSubmission } from './contract/dossiers.js';
import { DossierReceipt } from './generated/dossiers.js';
import { FormDefinition } from './generated/forms.js';
import { CommuneList, ProvinceList } from './generated/units.js';
import { validated } from './errors.js';

export const listProvinces = (adapter: FormAdapter, signal?: AbortSignal) =>
  validated(ProvinceList, 'province list', adapter.listProvinces({ signal }));

export const listCommunes = (adapter: FormAdapter, province: string, signal?: AbortSignal) =>
  validated(CommuneList, 'commune list', adapter.listCommunes(province, { signal }));

export const getForm = (adapter: FormAdapter, procedure: string, caseCode: string | undefined, signal?: AbortSignal) =>
  validated(FormDefinition, 'form definition', adapter.getForm(procedure, caseCode, { signal }));

export const submitDossier = (
  adapter: FormAdapter,
  submission: DossierSubmission,
  idempotencyKey: string,
  signal?: AbortSignal,
) => validated(DossierReceipt, 'receipt', adapter.submitDossier(submission, { idempotencyKey, signal }));
