/**
 * The seed catalogue (demo/server/catalogue/seed/catalogue.json) as a real
 * commune's list: at least 100 real commune-level procedures, each code once,
 * each saying where its data came from (SOURCES.md tells the sources), and
 * those gathered from a commune's published list honest about what it did
 * not say: information only, no made-up fee. Pure: no database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seedFile } from '../../demo/server/catalogue/seed/catalogue.js';

const { procedures } = seedFile;
/** Gathered from xã Vĩnh Bảo's published list (SOURCES.md), not entered from the national database by hand. */
const gathered = procedures.filter(({ source }) => source?.includes('Vĩnh Bảo'));

describe('the seed catalogue', () => {
  test('holds at least 100 real procedures, each code once, national codes only', () => {
    const codes = procedures.map(({ code }) => code);
    assert.equal(new Set(codes).size, codes.length, 'a code appears twice');
    assert.ok(codes.length >= 100, `only ${codes.length} procedures`);
    assert.ok(gathered.length >= 61, `only ${gathered.length} procedures from a commune's list`);
    for (const code of codes) assert.match(code, /^[123]\.\d{6}$/, `${code} is not a national code`);
  });

  test('every procedure names where its data came from, with an address to check it', () => {
    const unsourced = procedures.filter(({ source }) => !source || !/(https:\/\/|github\.com\/)/.test(source));
    assert.deepEqual(
      unsourced.map(({ code }) => code),
      [],
      'these procedures do not say where they came from',
    );
    for (const { code, source } of gathered)
      assert.match(source!, /(Quyết định|[Dd]anh mục)/, `${code} does not name the publication that lists it`);
  });

  test("those from a commune's list are information only, in NFC, with no made-up fee", () => {
    for (const procedure of gathered) {
      assert.ok(
        procedure.cases.every((item) => item.form === undefined),
        `${procedure.code} claims an e-form`,
      );
      assert.equal(procedure.name, procedure.name.normalize('NFC'), `${procedure.code}: name not NFC`);
      const amounts = procedure.cases.flatMap((item) => item.fees.map(({ amount }) => amount));
      if (amounts.every((amount) => amount === null))
        assert.equal(procedure.feeSummary.max, null, `${procedure.code}: a fee summary without a fee`);
    }
  });
});
