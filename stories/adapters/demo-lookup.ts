/**
 * The lookup side of the in-browser DemoAdapter, for Storybook previews and
 * component tests ONLY (outside src/, so nothing of it ships): dossiers in memory,
 * found as the reference backend finds them (`demo/server/lookup/citizen-view.ts`):
 * the code with spaces removed and upper-cased, the secret compared after the
 * same normalisation, one "not found" for an unknown code and a wrong secret.
 */
import type { DemoLookupBackend } from './demo-adapter.js';
import { type LookupSecretKind, normaliseDossierCode, normaliseLookupSecret } from '../../src/api/contract/dossiers.js';
import { type DossierLookup, type DossierView, type ServiceInfo } from '../../src/api/contract/lookup.js';
import { BackendError } from '../../src/api/errors.js';

export interface DemoDossier {
  view: DossierView;
  /** The second secret: the applicant's ID (or tax code), or the printed lookup code. */
  secret: string;
}

export interface DemoLookupOptions {
  /** What the lookup asks besides the code (default `applicant-id`). */
  secret?: LookupSecretKind;
  /** Refuse every lookup as rate-limited, with this Retry-After in seconds. */
  rateLimitSeconds?: number;
}

export class DemoLookup implements DemoLookupBackend {
  readonly service: ServiceInfo;
  /** Every lookup received, for tests that check what was sent (and that nothing was). */
  readonly requests: DossierLookup[] = [];

  constructor(
    private readonly dossiers: readonly DemoDossier[],
    private readonly options: DemoLookupOptions = {},
  ) {
    this.service = { contractVersion: '1.0.0', lookupSecret: options.secret ?? 'applicant-id' };
  }

  lookup(request: DossierLookup): DossierView {
    this.requests.push(request);
    const wait = this.options.rateLimitSeconds;
    if (wait) throw new BackendError('rate-limited', 'Too many requests (demo).', { status: 429, retryAfter: wait });
    const code = normaliseDossierCode(request.code);
    const found = this.dossiers.find(({ view }) => view.code === code);
    if (!found || normaliseLookupSecret(found.secret) !== normaliseLookupSecret(request.secret)) {
      throw new BackendError('not-found', 'Not found.', { status: 404, code: 'dossier_not_found' });
    }
    return found.view;
  }
}
