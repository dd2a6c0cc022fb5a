/**
 * What the dossier part of the reference backend can be told: the clock
 * (tests move it), the lookup's second secret, the officer token, the
 * desks' calendars, the lookup's rate limit and the upload store's answer
 * on attachments. `main.ts` fills it from the environment (the app adds
 * the upload store's); the tests pass their own.
 */
import { LookupSecretKind } from '../../../src/api/contract/index.js';
import type { LookupRateLimitOptions, WindowLimit } from '../lookup/rate-limit.js';
import { MIN_DEV_TOKEN_LENGTH } from '../officer/credentials.js';
import type { StoredInFull } from './attachments.js';

export interface DossierOptions {
  /** The current instant; default the system clock. */
  now?: () => Date;
  /** What a lookup asks besides the code; default `applicant-id` (the demo; `main.ts` uses `lookup-code` in production). */
  lookupSecret?: LookupSecretKind;
  /** The demo's shared officer token (every agency; refused in production); officers' own credentials are in the database. */
  officerToken?: string | undefined;
  /** Failed officer sign-ins allowed per client address within a window (officer/credentials.ts). */
  officerFailureLimit?: WindowLimit;
  /** Agencies whose desk also receives on Saturday mornings (agency codes). */
  saturdayAgencies?: readonly string[];
  /** Lookup attempts allowed per client address and per dossier code within `windowSeconds`. */
  lookupRateLimit?: LookupRateLimitOptions;
  /** Asks the upload store whether it holds an attachment in full; without it, no attachment is accepted. */
  uploadStoredInFull?: StoredInFull;
}

export const DEFAULT_LOOKUP_SECRET: LookupSecretKind = 'applicant-id';

/** The options `main.ts` reads from its environment (see the list there). */
export function readDossierOptions(env: NodeJS.ProcessEnv): DossierOptions {
  // In production the printed code: an ID number is widely known, and dossier codes are sequential.
  const fallback = env.NODE_ENV === 'production' ? 'lookup-code' : DEFAULT_LOOKUP_SECRET;
  const lookupSecret = LookupSecretKind.safeParse(env.LOOKUP_SECRET ?? fallback);
  if (!lookupSecret.success)
    throw new Error(`LOOKUP_SECRET must be applicant-id or lookup-code, got "${env.LOOKUP_SECRET}"`);
  return {
    lookupSecret: lookupSecret.data,
    officerToken: devOfficerToken(env),
    saturdayAgencies: (env.SATURDAY_AGENCIES ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
  };
}

/** `OFFICER_TOKEN`: for the demo and development only, and never a short one. */
function devOfficerToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.OFFICER_TOKEN || undefined;
  if (token && env.NODE_ENV === 'production') {
    throw new Error(
      'OFFICER_TOKEN is refused with NODE_ENV=production: one shared token names no officer and no agency. ' +
        'Issue each officer a credential with npm run officer -- issue <name> --agency <code>.',
    );
  }
  if (token && token.length < MIN_DEV_TOKEN_LENGTH)
    throw new Error(`OFFICER_TOKEN must be at least ${MIN_DEV_TOKEN_LENGTH} characters, got ${token.length}`);
  return token;
}
