/**
 * Random tokens in base64url, from the browser's cryptographic generator:
 * 16 bytes (22 characters) for ids that must not be guessed (a draft id, an
 * `Idempotency-Key`), 32 bytes (43 characters) for a secret (the draft's
 * upload secret). One helper, so every widget makes them the same way.
 */
export const randomToken = (bytes: 16 | 32 = 16): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
