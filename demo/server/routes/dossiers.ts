/**
 * `GET /procedures/{code}/form` and `POST /dossiers`. The form definitions
 * are checked when the handlers are built, so a broken definition stops
 * the server at start-up instead of reaching a citizen as a broken form.
 */
import type { Database } from '../db/index.js';
import { fileDossier, procedureAndForm } from '../dossiers/filing.js';
import type { DossierOptions } from '../dossiers/options.js';
import { assertDefinitions } from '../forms/check.js';
import { formDefinitions } from '../forms/index.js';
import type { ContractHandlers } from './contract.js';

export function dossierHandlers(
  db: Database,
  options: DossierOptions,
): Pick<ContractHandlers, 'getForm' | 'submitDossier'> {
  assertDefinitions(formDefinitions);
  return {
    async getForm({ params }) {
      return (await procedureAndForm(db, params.code)).form;
    },

    async submitDossier({ body, idempotencyKey }) {
      return fileDossier(db, body, idempotencyKey, options);
    },
  };
}
