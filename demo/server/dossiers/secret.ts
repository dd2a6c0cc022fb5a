/**
 * The lookup's second secret, as stored and compared. Only a keyed hash of
 * it is kept in `dossiers.lookup_secret_hash`: an unkeyed SHA-256 of a
 * 12-digit ID number is undone by trying them all, so whoever copied the
 * database would have had every applicant's ID. The key (`LOOKUP_KEY`)
 * lives outside the database. The hash is the HMAC of the secret's
 * SHA-256, so that rows hashed before the key existed are rekeyed from
 * what they hold (lookup/rekey.ts). A citizen types the secret with
 * spaces, dots or lower case ("001 099 012 345", "ab12cd"), so both sides
 * are normalised the same way before hashing.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
} from 'node:crypto';
import { normaliseLookupSecret } from '../../../src/api/contract/dossiers.js';

/** The key outside production when `LOOKUP_KEY` is unset (`main.ts` requires one in production). */
export const DEV_LOOKUP_KEY = 'dvc-widgets-development-lookup-key-not-a-secret';
/** The shortest `LOOKUP_KEY` accepted: 32 characters. */
export const MIN_LOOKUP_KEY_LENGTH = 32;

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The keyed hash of something whose plain SHA-256 (hex) is `plainHex`. */
export const keyedHash = (key: string, plainHex: string): string =>
  createHmac('sha256', key).update(plainHex).digest('hex');

export const secretHash = (secret: string, key = DEV_LOOKUP_KEY): string =>
  keyedHash(key, sha256Hex(normaliseLookupSecret(secret)));

/** No 0/O, 1/I/L: a code read off paper and typed on a phone. */
const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A printed lookup code: 6 characters, about 30 bits (lookups are rate-limited, so guessing is hopeless). */
export const newLookupCode = (): string =>
  Array.from({ length: 6 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');

/**
 * The printed lookup code, sealed for the one reader that needs it: a
 * retried filing (same idempotency key) must get the very code the first
 * answer carried, and only the backend, holding `LOOKUP_KEY`, can open it.
 * A copy of the database alone holds no code in clear. AES-256-GCM under a
 * key derived from `LOOKUP_KEY` for this use only, bound to the dossier's
 * code, so a sealed value moved to another row does not open.
 */
const sealingKey = (key: string): Buffer =>
  Buffer.from(hkdfSync('sha256', key, '', 'dvc-widgets printed lookup code v1', 32));

/** `printed`, sealed for dossier `dossierCode`: base64url of IV, ciphertext and tag. */
export function sealLookupCode(printed: string, dossierCode: string, key = DEV_LOOKUP_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv).setAAD(Buffer.from(dossierCode));
  const sealed = Buffer.concat([iv, cipher.update(printed, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** The printed code `sealed` holds; throws if it was not sealed with `key` for `dossierCode`. */
export function unsealLookupCode(sealed: string, dossierCode: string, key = DEV_LOOKUP_KEY): string {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 12 + 16) throw new Error('A sealed lookup code is at least 28 bytes');
  // The tag length is fixed: otherwise GCM would accept a tag cut down to 4 bytes.
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), bytes.subarray(0, 12), { authTagLength: 16 })
    .setAAD(Buffer.from(dossierCode))
    .setAuthTag(bytes.subarray(-16));
  return Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()]).toString('utf8');
}
