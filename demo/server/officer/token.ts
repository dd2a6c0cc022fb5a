/**
 * The officer's credential: a bearer token (`OFFICER_TOKEN`) on every
 * officer route, the contract's (`auth: 'officer'` in its table) and the
 * file download alike. Without a configured token the routes are off (403).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/replies.js';
import type { RouteRequest } from '../http/router.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares the bearer token in constant time (hashes first, so lengths never differ). */
export function checkOfficer(request: Pick<RouteRequest, 'headers'>, token: string | undefined): void {
  if (!token)
    throw new HttpError(
      403,
      'officer_actions_disabled',
      'Officer actions are not enabled on this backend (set OFFICER_TOKEN).',
    );
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new HttpError(401, 'unauthorised', 'A valid officer token is required.', undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
}
