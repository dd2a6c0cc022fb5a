/** `GET /service`: what this backend does, so a widget can adapt (the lookup labels its second field from it). */
import { CONTRACT_VERSION } from '../../../src/api/contract/index.js';
import { DEFAULT_LOOKUP_SECRET, type DossierOptions } from '../dossiers/options.js';
import type { ContractHandlers } from './contract.js';

export const serviceHandlers = (options: DossierOptions): Pick<ContractHandlers, 'getService'> => ({
  getService: async () => ({
    contractVersion: CONTRACT_VERSION,
    lookupSecret: options.lookupSecret ?? DEFAULT_LOOKUP_SECRET,
  }),
});
