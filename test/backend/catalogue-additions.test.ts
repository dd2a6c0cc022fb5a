/**
 * The catalogue additions (demo/server/catalogue/seed/additions.json): real
 * commune-level procedures gathered to grow the demo catalogue toward a real
 * commune's list. The file is data an operator could import as it stands,
 * and the lead merges it into the seed; these checks keep it importable,
 * mergeable with the seed without clashes, and honest about where every
 * procedure came from. Pure: no database (`npm run catalog -- import` on an
 * empty data directory is the same check end to end).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { catalogueOf, readCatalogueFile } from '../../demo/server/catalogue/file.js';
import { checkCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { seedFile } from '../../demo/server/catalogue/seed/catalogue.js';

const path = 'demo/server/catalogue/seed/additions.json';
const additions = readCatalogueFile(readFileSync(path), path);
const seedCodes = new Set(seedFile.procedures.map(({ code }) => code));

describe('the catalogue additions', () => {
  test('read as a catalogue file and add at least 61 procedures the seed does not have', () => {
    const codes = additions.procedures.map(({ code }) => code);
    assert.equal(new Set(codes).size, codes.length, 'a code appears twice');
    assert.deepEqual(
      codes.filter((code) => seedCodes.has(code)),
      [],
      'these procedures are already in catalogue.json',
    );
    assert.ok(codes.length >= 61, `only ${codes.length} procedures: the seed's 39 and these must make 100`);
  });

  test('merge with the seed into one catalogue the backend accepts', () => {
    const seed = catalogueOf(seedFile);
    const added = catalogueOf(additions);
    const agencies = [
      ...seed.agencies,
      ...added.agencies.filter(({ code }) => !seed.agencies.some((a) => a.code === code)),
    ];
    for (const agency of added.agencies) {
      const known = seed.agencies.find(({ code }) => code === agency.code);
      if (known) assert.deepEqual(agency, known, `agency ${agency.code} differs from the seed's`);
    }
    // Same field code, same name (checkCatalogue refuses two names); the whole merge passes the backend's own check.
    assert.doesNotThrow(() => checkCatalogue({ agencies, procedures: [...seed.procedures, ...added.procedures] }));
  });

  test('every procedure names the publication its code and name came from', () => {
    const unsourced = additions.procedures.filter(
      ({ source }) => !source || !/(Quyết định|[Dd]anh mục)/.test(source) || !/(https:\/\/|github\.com\/)/.test(source),
    );
    assert.deepEqual(
      unsourced.map(({ code }) => code),
      [],
      'these procedures do not say where they came from',
    );
  });

  test('are information only, with Vietnamese text in NFC and no made-up fee', () => {
    for (const procedure of additions.procedures) {
      assert.equal(procedure.onlineSubmission, false, `${procedure.code} claims an e-form`);
      assert.equal(procedure.name, procedure.name.normalize('NFC'), `${procedure.code}: name not NFC`);
      const amounts = procedure.fees.map(({ amount }) => amount).filter((amount) => amount !== null);
      if (amounts.length === 0)
        assert.equal(procedure.feeSummary.max, null, `${procedure.code}: a fee summary without a fee`);
    }
  });
});
