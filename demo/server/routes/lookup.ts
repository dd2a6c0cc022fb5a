/**
 * `POST /dossiers/lookup` (the citizen: code and second secret, rate-limited)
 * and `POST /officer/dossiers/{code}/actions` (an officer moves the dossier
 * along its lifecycle; the contract router has already checked the token).
 */
import type { Database } from '../db/index.js';
import { runOfficerAction } from '../dossiers/lifecycle-store.js';
import { normaliseDossierCode } from '../../../src/api/contract/dossiers.js';
import { lookupView, officerView } from '../dossiers/lookup.js';
import type { DossierOptions } from '../dossiers/options.js';
import { DEFAULT_LOOKUP_RATE_LIMIT, lookupRateLimiter } from '../dossiers/rate-limit.js';
import { HttpError } from '../http.js';
import { unknownDossier } from '../officer/attachments.js';
import type { ContractHandlers } from './contract.js';

/** One answer for an unknown code and a wrong secret: the code alone reveals nothing. */
const notFound = (): HttpError =>
  new HttpError(
    404,
    'dossier_not_found',
    'No dossier matches this code and secret. (Không tìm thấy hồ sơ với mã và thông tin tra cứu đã nhập.)',
  );

export function lookupHandlers(
  db: Database,
  options: DossierOptions,
): Pick<ContractHandlers, 'lookupDossier' | 'officerAction'> {
  const now = options.now ?? (() => new Date());
  const limit = lookupRateLimiter(options.lookupRateLimit ?? DEFAULT_LOOKUP_RATE_LIMIT);
  const context = () => ({ now: now(), saturdayAgencies: options.saturdayAgencies });
  return {
    async lookupDossier({ body, clientAddress }) {
      const code = normaliseDossierCode(body.code);
      const at = context();
      limit(clientAddress, code, at.now.getTime());
      const view = await lookupView(db, code, body.secret, at);
      if (!view) throw notFound();
      return view;
    },
    async officerAction({ params, body }) {
      const at = context();
      const outcome = await runOfficerAction(db, params.code, body, at);
      if (!outcome) throw unknownDossier();
      if (!outcome.ok) throw new HttpError(outcome.httpStatus, outcome.code, outcome.message);
      const view = await officerView(db, params.code, at);
      if (!view) throw unknownDossier();
      return view;
    },
  };
}
