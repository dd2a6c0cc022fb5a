/** `POST /dossiers`: the filing (filing.ts) behind the contract's checks of the body and the idempotency key. */
import type { Database } from '../db/index.js';
import type { ContractHandlers } from '../http/contract.js';
import { assertStorable } from '../http/json-body.js';
import { fileDossier } from './filing.js';
import type { DossierOptions } from './options.js';

export const dossierHandlers = (db: Database, options: DossierOptions): Pick<ContractHandlers, 'submitDossier'> => ({
  async submitDossier({ body, idempotencyKey }) {
    assertStorable(body);
    return fileDossier(db, body, idempotencyKey, options);
  },
});
