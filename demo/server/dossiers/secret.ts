/**
 * The lookup's second secret, as stored and compared. Only its hash is
 * kept in `dossiers.lookup_secret_hash`; a citizen types it with spaces,
 * dots or lower case ("001 099 012 345", "ab12cd"), so both sides are
 * normalised the same way before hashing.
 */
import { createHash, randomInt } from 'node:crypto';
import { normaliseLookupSecret } from '../../../src/api/contract/dossiers.js';

export const secretHash = (secret: string): string =>
  createHash('sha256').update(normaliseLookupSecret(secret)).digest('hex');

/** No 0/O, 1/I/L: a code read off paper and typed on a phone. */
const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A printed lookup code: 6 characters, about 30 bits (lookups are rate-limited, so guessing is hopeless). */
export const newLookupCode = (): string =>
  Array.from({ length: 6 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');
