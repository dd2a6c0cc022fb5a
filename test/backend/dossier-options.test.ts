/**
 * What `main.ts` reads from its environment for dossiers (dossiers/options.ts):
 * production asks for the printed lookup code by default, requires its own
 * LOOKUP_KEY and refuses the demo's shared officer token.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDossierOptions } from '../../demo/server/dossiers/options.js';
import { DEV_LOOKUP_KEY } from '../../demo/server/dossiers/secret.js';

const KEY = 'k'.repeat(32);

test('outside production: the ID number, the development key, the demo token', () => {
  const options = readDossierOptions({ OFFICER_TOKEN: 'demo-officer-token-not-a-secret' });
  assert.equal(options.lookupSecret, 'applicant-id');
  assert.equal(options.lookupKey, DEV_LOOKUP_KEY);
  assert.equal(options.officerToken, 'demo-officer-token-not-a-secret');
  assert.throws(() => readDossierOptions({ OFFICER_TOKEN: 'secret' }), /OFFICER_TOKEN must be at least 20 characters/);
});

test('in production: the printed code, LOOKUP_KEY required and long, no shared officer token', () => {
  const production = { NODE_ENV: 'production', LOOKUP_KEY: KEY };
  assert.equal(readDossierOptions(production).lookupSecret, 'lookup-code');
  assert.equal(readDossierOptions({ ...production, LOOKUP_SECRET: 'applicant-id' }).lookupSecret, 'applicant-id');
  assert.throws(() => readDossierOptions({ NODE_ENV: 'production' }), /LOOKUP_KEY is required/);
  assert.throws(() => readDossierOptions({ ...production, LOOKUP_KEY: 'short' }), /at least 32 characters/);
  assert.throws(
    () => readDossierOptions({ ...production, OFFICER_TOKEN: 'demo-officer-token-not-a-secret' }),
    /OFFICER_TOKEN is refused with NODE_ENV=production/,
  );
});
