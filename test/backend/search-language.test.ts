/**
 * GET /procedures read the way citizens type: the issue's own failing
 * queries, stopwords, i/y variants, Telex and VNI leftovers, typos,
 * synonyms, the closest procedures when nothing matches, bad input, and a
 * catalogue change seen by the next search. On PGlite by default, on
 * PostgreSQL with DATABASE_URL: the same assertions, so the same answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SearchResult } from '../../src/api/contract/index.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { dropStopwords, MAX_TERMS, queryTerms } from '../../demo/server/catalogue/search-query.js';
import { canonical, editDistance, splitRunTogether, untype, words } from '../../demo/server/catalogue/search-words.js';
import { API, getJson, startTestBackend, type TestBackend } from './helpers.js';

const KHAI_SINH = '1.001193';
const KET_HON = '1.000894';
const KHAI_TU = catalog.procedures.find((p) => p.name === 'Đăng ký khai tử')!.code;
const TINH_TRANG_HON_NHAN = catalog.procedures.find((p) => p.name === 'Cấp Giấy xác nhận tình trạng hôn nhân')!.code;
const THUONG_TRU = '1.004222';
const XOA_THUONG_TRU = catalog.procedures.find((p) => p.name === 'Xóa đăng ký thường trú')!.code;
const NUOI_CON_NUOI = catalog.procedures.find((p) => p.name === 'Đăng ký việc nuôi con nuôi trong nước')!.code;

let backend: TestBackend;
before(async () => {
  backend = await startTestBackend();
});
after(() => backend.close());

const search = (q: string, extra: Record<string, string> = {}) =>
  getJson(`${backend.url}${API}/procedures?${new URLSearchParams({ q, pageSize: '50', ...extra })}`, SearchResult);
const codes = async (q: string) => (await search(q)).items.map((item) => item.code);
const firstThree = async (q: string) => (await codes(q)).slice(0, 3);

describe('words as the search reads them', () => {
  test('i/y variants are one word: kí/ký, lí/lý, quí/quý, but not tuy/tui or yêu', () => {
    assert.deepEqual(words('kí ký ki ky'), ['ki', 'ki', 'ki', 'ki']);
    assert.deepEqual(words('Lý lí quý quí'), ['li', 'li', 'qui', 'qui']);
    assert.equal(canonical('tuy'), 'tuy');
    assert.equal(canonical('yeu'), 'yeu');
  });
  test('Telex and VNI leftovers are undone; real words and codes are left alone', () => {
    assert.equal(untype('ddawng'), 'dang');
    assert.equal(untype('kys'), 'ki');
    assert.equal(untype('vieejt'), 'viet');
    assert.equal(untype('d9a8ng'), 'dang');
    assert.equal(untype('ho6n'), 'hon');
    assert.equal(untype('khai'), undefined);
    assert.equal(untype('1.001193'), undefined);
    assert.equal(untype('or'), undefined, 'two letters are too few to tell');
  });
  test('edit distance counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('khia', 'khai', 2), 1);
    assert.equal(editDistance('kethon', 'kethno', 2), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2, 'stops past the limit');
  });
  // The time limit is the check that the cutting stays bounded: an unbounded search would hang, not fail.
  test(
    'a run-together word is cut into known syllables, preferring pairs the catalogue writes together',
    { timeout: 2000 },
    () => {
      const known = new Set(['dang', 'ki', 'ket', 'ke', 'hon', 'thon', 'khai', 'sinh']);
      const isWord = (word: string) => known.has(word);
      const pairs = new Set(['dang ki', 'ket hon', 'khai sinh']);
      const isPair = (a: string, b: string) => pairs.has(`${a} ${b}`);
      assert.deepEqual(splitRunTogether('kethon', isWord, isPair), ['ket', 'hon'], 'not "ke thon"');
      assert.deepEqual(splitRunTogether('dangkykhaisinh', isWord, isPair), ['dang', 'ki', 'khai', 'sinh']);
      assert.equal(splitRunTogether('khaisinhx', isWord, isPair), undefined, 'a piece that is no word');
      assert.equal(splitRunTogether('kh1ai', isWord, isPair), undefined, 'letters only');
      const everything = (word: string) => /^[a-z]+$/.test(word);
      assert.ok(
        splitRunTogether('a'.repeat(40), everything, () => false),
        'a long word is cut in bounded time',
      );
    },
  );
  test('stopwords go, whole phrases first; meaningful words stay', () => {
    assert.deepEqual(dropStopwords(words('thủ tục làm giấy khai sinh như thế nào ở đâu')), ['giay', 'khai', 'sinh']);
    assert.deepEqual(dropStopwords(words('thủ tục')), []);
    assert.deepEqual(dropStopwords(words('thu')), ['thu'], '"thủ" alone is not "thủ tục"');
  });
  test('terms are distinct, capped in number and length', () => {
    assert.equal(queryTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), []).length, MAX_TERMS);
    assert.equal(Array.from(queryTerms('😀'.repeat(100), [])[0] ?? '').length, 0, 'an emoji is no word');
    assert.equal(queryTerms('x'.repeat(1000), [])[0]!.length, 40);
    assert.deepEqual(queryTerms('khai khai sinh', []), ['khai', 'sinh']);
  });
});

describe("the issue's queries", () => {
  test('"xac nhan doc than" finds the marital status certificate first', async () => {
    assert.equal((await codes('xac nhan doc than'))[0], TINH_TRANG_HON_NHAN);
  });
  test('"lam giay khai sinh" and "khai sinh cho con" list Đăng ký khai sinh in the top 3, adoption not first', async () => {
    for (const q of ['lam giay khai sinh', 'khai sinh cho con']) {
      const found = await codes(q);
      assert.ok(found.slice(0, 3).includes(KHAI_SINH), q);
      assert.notEqual(found[0], NUOI_CON_NUOI, q);
    }
  });
  test('"dang ki ket hon" (ki for ký) and "thủ tục kết hôn" put Đăng ký kết hôn first', async () => {
    assert.equal((await codes('dang ki ket hon'))[0], KET_HON);
    assert.equal((await codes('thủ tục kết hôn'))[0], KET_HON);
    assert.ok(!(await firstThree('thủ tục kết hôn')).includes(THUONG_TRU), 'no residence procedure near the top');
  });
  test('typos: "khia sinh", "dangg ky ket hon", "chung thcu ban sao" still find their procedure', async () => {
    assert.equal((await codes('khia sinh'))[0], KHAI_SINH);
    assert.equal((await codes('dangg ky kết hôn'))[0], KET_HON);
    // Corrected to "chứng thực bản sao": the first procedure is one of the catalogue's certified copies.
    const [first] = (await search('chung thcu ban sao')).items;
    assert.match(first!.name, /chứng thực/i);
    assert.match(first!.name, /bản sao/i);
  });
  test('Telex and VNI typed with the Vietnamese keyboard off', async () => {
    assert.equal((await codes('ddawng kys khai sinh'))[0], KHAI_SINH);
    assert.equal((await codes('d9a8ng ky1 ke61t ho6n'))[0], KET_HON);
  });
  test('of a query over three words, three quarters must match: a word the catalogue lacks does not sink it', async () => {
    assert.equal((await codes('đăng ký khai tử cho bố'))[0], KHAI_TU);
    assert.equal((await search('khai sinh xyzzy')).total, 0, 'three words: all required');
  });
  test('syllables typed without spaces: "kethon", "khaisinh", "dangkythuongtru" find their procedure first', async () => {
    assert.equal((await codes('kethon'))[0], KET_HON);
    assert.equal((await codes('khaisinh'))[0], KHAI_SINH);
    assert.equal((await codes('dangkythuongtru'))[0], THUONG_TRU);
    assert.equal((await search('khaisinhxyzzy')).total, 0, 'only known words are cut out');
  });
  test('syllables typed without spaces meet the stopwords and the synonyms as spaced ones do', async () => {
    assert.equal((await codes('lamkhaisinh'))[0], KHAI_SINH, '"lam" is dropped, as in "lam khai sinh"');
    assert.equal((await codes('bomat'))[0], KHAI_TU, '"bo mat" is a synonym of khai tu');
    assert.equal((await codes('hokhau'))[0], THUONG_TRU, 'the catalogue no longer says "ho khau"');
    assert.equal((await codes('catkhau'))[0], XOA_THUONG_TRU);
  });
  test('a word shorter than four letters gets no typo allowance', async () => {
    assert.equal((await search('khai sinj')).total > 0, true, 'last word: a prefix or a typo of 4 letters');
    assert.equal((await search('xyz sinh')).total, 0);
  });
});

describe('synonyms', () => {
  const expectations: [string, string][] = [
    ['giấy độc thân', TINH_TRANG_HON_NHAN],
    ['giấy chứng tử', KHAI_TU],
    ['đăng ký hộ khẩu', THUONG_TRU],
    ['cắt khẩu', XOA_THUONG_TRU],
    ['nhập hộ khẩu cho con', THUONG_TRU],
    ['bố mất', KHAI_TU],
  ];
  for (const [q, code] of expectations) {
    test(`"${q}" finds ${catalog.procedures.find((p) => p.code === code)!.name} first`, async () => {
      assert.equal((await codes(q))[0], code);
    });
  }
  test('"công chứng" finds the commune\'s chứng thực procedures; CMND and CCCD read as căn cước', async () => {
    const found = await search('cong chung ban sao');
    assert.match(found.items[0]!.name, /^Chứng thực bản sao/);
    assert.deepEqual(await codes('cmnd'), await codes('căn cước'));
    assert.deepEqual(await codes('CCCD'), await codes('căn cước'));
  });
});

describe('nothing matches', () => {
  test('the closest procedures come with an empty result: those matching most of the words', async () => {
    const result = await search('khai sinh xyzzy');
    assert.equal(result.total, 0);
    assert.deepEqual(result.items, []);
    assert.ok(result.closest && result.closest.length > 0 && result.closest.length <= 5);
    assert.equal(result.closest[0]!.code, KHAI_SINH);
  });
  test('a result with matches carries no closest list', async () => {
    assert.equal((await search('khai sinh')).closest, undefined);
  });
  test('only stopwords, only punctuation, or 40 one-letter words: nothing, answered at once', async () => {
    for (const q of [
      'thủ tục',
      'làm như thế nào ở đâu',
      '?!…',
      Array.from({ length: 40 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join(' '),
    ]) {
      const started = performance.now();
      const result = await search(q);
      assert.equal(result.total, 0, q.slice(0, 20));
      assert.ok(performance.now() - started < 1000);
    }
  });
});

describe('the catalogue changing', () => {
  test('the next search sees a changed catalogue, also during a burst of searches', async () => {
    const renamed = catalog.procedures.map((p) =>
      p.code === KHAI_SINH ? { ...p, name: 'Đăng ký khai sinh cho trẻ em' } : p,
    );
    const burst = Array.from({ length: 30 }, (_, i) => search(i % 2 ? 'khai sinh' : 'ket hon'));
    await seedCatalogue(backend.db, { agencies: catalog.agencies, procedures: renamed });
    for (const result of await Promise.all(burst)) assert.ok(result.total > 0);
    assert.equal((await search('khai sinh trẻ em')).items[0]?.name, 'Đăng ký khai sinh cho trẻ em');
    await seedCatalogue(backend.db, catalog);
    const after = await search('khai sinh trẻ em');
    assert.ok(![...after.items, ...(after.closest ?? [])].some((item) => item.name === 'Đăng ký khai sinh cho trẻ em'));
    assert.equal((await search('khai sinh')).items[0]?.name, 'Đăng ký khai sinh');
  });
});
