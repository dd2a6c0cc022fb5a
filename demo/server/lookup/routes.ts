/**
 * `POST /dossiers/lookup`: the citizen follows a dossier by its code and
 * second secret, rate-limited per address and per code; and `GET /service`,
 * what this backend does, so a widget can adapt (the lookup labels its
 * second field from it).
 */
import { CONTRACT_VERSION, DossierCode } from '../../../src/api/contract/index.js';
import { normaliseDossierCode } from '../../../src/api/contract/dossiers.js';
import type { Queryable } from '../db/index.js';
import { DEFAULT_LOOKUP_SECRET, type DossierOptions } from '../dossiers/options.js';
import type { ContractHandlers } from '../http/contract.js';
import { addressKey } from '../http/client-address.js';
import { HttpError } from '../http/replies.js';
import { lookupView } from './citizen-view.js';
import { DEFAULT_LOOKUP_RATE_LIMIT, lookupRateLimiter } from './rate-limit.js';

/** One answer for an unknown code and a wrong secret: the code alone reveals nothing. */
const notFound = (): HttpError =>
  new HttpError(
    404,
    'dossier_not_found',
    'No dossier matches this code and secret. (Không tìm thấy hồ sơ với mã và thông tin tra cứu đã nhập.)',
  );

export function lookupHandlers(
  db: Queryable,
  options: DossierOptions,
): Pick<ContractHandlers, 'lookupDossier' | 'getService'> {
  const now = options.now ?? (() => new Date());
  const limit = lookupRateLimiter(db, options.lookupRateLimit ?? DEFAULT_LOOKUP_RATE_LIMIT);
  return {
    async lookupDossier({ body, clientAddress }) {
      const code = normaliseDossierCode(body.code);
      const at = now();
      // A malformed code names no dossier: counted against the address only, it takes no window of its own.
      await limit(addressKey(clientAddress), DossierCode.safeParse(code).success ? code : undefined, at);
      const context = { now: at, saturdayAgencies: options.saturdayAgencies };
      const view = await lookupView(db, code, body.secret, context, options.lookupKey);
      if (!view) throw notFound();
      return view;
    },

    getService: async () => ({
      contractVersion: CONTRACT_VERSION,
      lookupSecret: options.lookupSecret ?? DEFAULT_LOOKUP_SECRET,
    }),
  };
}
