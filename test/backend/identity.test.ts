/**
 * The personal ID's province codes (identity.ts keeps them as bits, to
 * spare the form's download): exactly the 63 codes in force before the 2025
 * merger are taken, every other three digits are refused as `id-province`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPersonalId } from '../../src/api/contract/identity.js';

const CODES = (
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 ' +
  '046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
).split(' ');

test('the 63 province codes and no other three digits start a personal ID', () => {
  assert.equal(CODES.length, 63);
  const taken = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0')).filter(
    (code) => checkPersonalId(`${code}090012345`) !== 'id-province',
  );
  assert.deepEqual(taken, CODES);
});
