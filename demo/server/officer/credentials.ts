/**
 * Who an officer is: a credential of their own (`officer_credentials`,
 * migration 009), issued and revoked with `npm run officer -- issue|revoke`,
 * naming the officer (written in the history of what they do, whatever a
 * request body says) and the agencies whose dossiers they may see (another
 * agency's dossier is unknown to them: 404). The token is 256 random bits
 * made by the issuer, shown once; only its SHA-256 is stored, so a copy of
 * the database opens nothing, and a token that is not of the issuer's
 * shape is refused without a query.
 *
 * Failed attempts are counted per client address in the shared rate-limit
 * windows (lookup/rate-limit.ts): past the budget an address gets 429 with
 * `Retry-After`, even with a good token, until its window ends.
 *
 * `OFFICER_TOKEN`, the one shared token of the demo, still works outside
 * production (an officer of every agency, named by the body's `actor`);
 * `main.ts` refuses it in production.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import { addressKey } from '../http/client-address.js';
import { HttpError } from '../http/replies.js';
import type { RouteRequest } from '../http/router.js';
import { tooMany, tryOnce, type WindowLimit } from '../lookup/rate-limit.js';

/** The acting officer: a name from the credential (none for the demo token) and the agencies in scope. */
export interface Officer {
  name: string | undefined;
  /** Agency codes, or `all` for the demo token. */
  agencies: readonly string[] | 'all';
}

const TOKEN_PREFIX = 'dvco_';
/** The issuer's tokens: the prefix and 256 random bits in base64url. */
const TOKEN_SHAPE = /^dvco_[A-Za-z0-9_-]{43}$/;
/** The demo token's shortest length: anything shorter is refused at start. */
export const MIN_DEV_TOKEN_LENGTH = 20;

/** Defaults: a few mistyped tokens pass; a script trying tokens does not. */
export const DEFAULT_OFFICER_FAILURE_LIMIT: WindowLimit = { limit: 10, windowSeconds: 300, maxKeys: 100_000 };

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** A new token: shown once to whoever issues it, never stored. */
export const newOfficerToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export interface IssuedCredential {
  id: number;
  officerName: string;
  agencies: string[];
  issuedAt: Date;
  revokedAt: Date | null;
}

/** Issues a credential to `officerName` for `agencies`; returns its id and the token (the only time it exists in clear). */
export async function issueCredential(
  db: Queryable,
  officerName: string,
  agencies: readonly string[],
): Promise<{ id: number; token: string }> {
  const token = newOfficerToken();
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO officer_credentials (officer_name, agencies, token_hash) VALUES ($1, $2, $3) RETURNING id::int AS id',
    [officerName, agencies, sha256(token).toString('hex')],
  );
  return { id: row!.id, token };
}

export const listCredentials = (db: Queryable): Promise<IssuedCredential[]> =>
  db.query<IssuedCredential>(
    `SELECT id::int AS id, officer_name AS "officerName", agencies, issued_at AS "issuedAt", revoked_at AS "revokedAt"
     FROM officer_credentials ORDER BY id`,
  );

/** Revokes credential `id`; false when there is no such credential or it was already revoked. */
export async function revokeCredential(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE officer_credentials SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}

const unauthorised = (): HttpError =>
  new HttpError(
    401,
    'unauthorised',
    'A valid officer token is required. (Cần mã xác thực hợp lệ của cán bộ.)',
    undefined,
    { 'WWW-Authenticate': 'Bearer' },
  );

const disabled = (): HttpError =>
  new HttpError(
    403,
    'officer_actions_disabled',
    'Officer actions are not enabled on this backend: issue a credential with npm run officer -- issue. ' +
      '(Chưa cấp quyền cán bộ nào trên máy chủ này.)',
  );

async function credentialOf(db: Queryable, token: string): Promise<Officer | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const [row] = await db.query<{ officer_name: string; agencies: string[] }>(
    'SELECT officer_name, agencies FROM officer_credentials WHERE token_hash = $1 AND revoked_at IS NULL',
    [sha256(token).toString('hex')],
  );
  return row && { name: row.officer_name, agencies: row.agencies };
}

/** Seconds the address must wait after too many failures, without counting a try; 0 when it may try. */
async function waitAfterFailures(db: Queryable, key: string, { limit }: WindowLimit, now: Date): Promise<number> {
  const [row] = await db.query<{ wait: number }>(
    `SELECT greatest(1, ceil(extract(epoch FROM window_end - $2::timestamptz)))::int AS wait
     FROM rate_limits WHERE key = $1 AND window_end > $2 AND tries >= $3`,
    [key, now, limit],
  );
  return row?.wait ?? 0;
}

export interface OfficerAuthOptions {
  /** The demo's shared token (`OFFICER_TOKEN`), an officer of every agency; none in production. */
  devToken?: string | undefined;
  failureLimit?: WindowLimit;
  now?: () => Date;
}

/** The officer a request's bearer token names, or the 401/403/429 that refuses it. */
export function officerAuthoriser(db: Queryable, options: OfficerAuthOptions = {}) {
  const failureLimit = options.failureLimit ?? DEFAULT_OFFICER_FAILURE_LIMIT;
  const now = options.now ?? (() => new Date());
  return async (request: Pick<RouteRequest, 'headers' | 'clientAddress'>): Promise<Officer> => {
    const key = `officer-failure:${addressKey(request.clientAddress)}`;
    const at = now();
    const blocked = await waitAfterFailures(db, key, failureLimit, at);
    if (blocked > 0) throw tooMany(blocked, 'Too many failed sign-ins.', 'Đăng nhập sai quá nhiều lần');
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const { devToken } = options;
    // Hashes compared, so lengths never differ and the comparison takes the same time.
    if (devToken && timingSafeEqual(sha256(given), sha256(devToken))) return { name: undefined, agencies: 'all' };
    const officer = await credentialOf(db, given);
    if (officer) return officer;
    if (!devToken && (await db.query('SELECT 1 FROM officer_credentials LIMIT 1')).length === 0) throw disabled();
    const wait = await tryOnce(db, key, failureLimit, at);
    if (wait > 0) throw tooMany(wait, 'Too many failed sign-ins.', 'Đăng nhập sai quá nhiều lần');
    throw unauthorised();
  };
}

/** Whether `officer` may see a dossier of `agencyCode`. */
export const inScope = (officer: Officer, agencyCode: string): boolean =>
  officer.agencies === 'all' || officer.agencies.includes(agencyCode);
