/**
 * What the dossier part of the reference backend can be told: the clock
 * (tests move it), the lookup's second secret, the officer token, the
 * desks' calendars, the lookup's rate limit and the upload store's answer
 * on attachments. `main.ts` fills it from the environment (the app adds
 * the upload store's); the tests pass their own.
 */
import { LookupSecretKind } from '../../../src/api/contract/index.js';
import type { StoredInFull } from './attachments.js';

export interface DossierOptions {
  /** The current instant; default the system clock. */
  now?: () => Date;
  /** What a lookup asks besides the code; default `applicant-id`. */
  lookupSecret?: LookupSecretKind;
  /** Bearer token for the officer endpoints; without it they answer 403. */
  officerToken?: string | undefined;
  /** Agencies whose desk also receives on Saturday mornings (agency codes). */
  saturdayAgencies?: readonly string[];
  /** Lookup attempts allowed per client address and per dossier code within `windowSeconds`. */
  lookupRateLimit?: { perAddress: number; perCode: number; windowSeconds: number };
  /** Asks the upload store whether it holds an attachment in full; without it, no attachment is accepted. */
  uploadStoredInFull?: StoredInFull;
}

export const DEFAULT_LOOKUP_SECRET: LookupSecretKind = 'applicant-id';

/** The options `main.ts` reads from its environment (see the list there). */
export function readDossierOptions(env: NodeJS.ProcessEnv): DossierOptions {
  const lookupSecret = LookupSecretKind.safeParse(env.LOOKUP_SECRET ?? DEFAULT_LOOKUP_SECRET);
  if (!lookupSecret.success)
    throw new Error(`LOOKUP_SECRET must be applicant-id or lookup-code, got "${env.LOOKUP_SECRET}"`);
  return {
    lookupSecret: lookupSecret.data,
    officerToken: env.OFFICER_TOKEN || undefined,
    saturdayAgencies: (env.SATURDAY_AGENCIES ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
  };
}
