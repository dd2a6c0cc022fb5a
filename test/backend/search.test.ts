/**
 * GET /procedures and GET /fields against the real seed catalog: diacritic
 * folding, ranking, filters, paging and hostile input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FieldOfActivityList, SearchResult } from '../../src/api/contract/index.js';
import { fold } from '../../src/i18n/fold.js';
import { words } from '../../demo/server/catalogue/search-words.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { API, getError, getJson, startTestBackend, type TestBackend } from './helpers.js';

const KHAI_SINH = '1.001193';
const KET_HON = '1.000894';
const DANG_KY_LAI_KHAI_SINH = '1.004884';
const THUONG_TRU = '1.004222';

let backend: TestBackend;
before(async () => {
  backend = await startTestBackend();
});
after(() => backend.close());

const search = (params: Record<string, string | number>) =>
  getJson(
    `${backend.url}${API}/procedures?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`,
    SearchResult,
  );
/** Every match of a query, in order (the catalog fits in one page of 50). */
/** Every code a search finds, through all its pages of 50. */
async function allCodes(params: Record<string, string | number>): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await search({ ...params, page, pageSize: 50 });
    codes.push(...items.map((item) => item.code));
    if (codes.length >= total || items.length === 0) return codes;
  }
}
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('matching with or without diacritics', () => {
  test('every spelling of "kết hôn" finds Đăng ký kết hôn first, with identical results', async () => {
    const spellings = [
      'ket hon',
      'Kết hôn',
      'KẾT HÔN',
      'kết hôn'.normalize('NFD'),
      'KET HON',
      '  kết   hon ',
      'kêt hón',
    ];
    const results = await Promise.all(spellings.map((q) => allCodes({ q })));
    assert.equal(results[0]![0], KET_HON);
    for (const [i, codes] of results.entries()) assert.deepEqual(codes, results[0], spellings[i]);
  });

  test('đ folds to d: "đăng ký khai sinh", "dang ky khai sinh", upper case and NFD agree', async () => {
    const spellings = [
      'dang ky khai sinh',
      'đăng ký khai sinh',
      'ĐĂNG KÝ KHAI SINH',
      'Đăng ký khai sinh'.normalize('NFD'),
    ];
    const results = await Promise.all(spellings.map((q) => allCodes({ q })));
    assert.equal(results[0]![0], KHAI_SINH);
    for (const [i, codes] of results.entries()) assert.deepEqual(codes, results[0], spellings[i]);
  });

  test('"Đăng ký" and "DANG KY" find the registrations of both agencies', async () => {
    const [marked, plain] = await Promise.all([allCodes({ q: 'Đăng ký' }), allCodes({ q: 'DANG KY' })]);
    assert.deepEqual(marked, plain);
    for (const code of [KHAI_SINH, KET_HON, THUONG_TRU]) assert.ok(marked.includes(code), code);
  });

  test('a procedure code finds that procedure first', async () => {
    for (const code of [KHAI_SINH, THUONG_TRU, KET_HON]) {
      const { items } = await search({ q: code });
      assert.equal(items[0]?.code, code);
    }
  });

  test('every token must match: adding an unrelated word narrows to nothing', async () => {
    assert.ok((await search({ q: 'khai sinh' })).total > 0);
    assert.equal((await search({ q: 'khai sinh xyzzy' })).total, 0);
  });

  test('a match may come from the field, not only the name', async () => {
    const codes = await allCodes({ q: 'hộ tịch' });
    assert.ok(codes.includes(KHAI_SINH) && codes.includes(KET_HON));
    assert.ok(!codes.includes(THUONG_TRU));
  });
});

describe('ranking', () => {
  test('the whole phrase in the name comes before the same words scattered', async () => {
    const codes = await allCodes({ q: 'dang ky khai sinh' });
    assert.equal(codes[0], KHAI_SINH);
    assert.ok(codes.includes(DANG_KY_LAI_KHAI_SINH));
    assert.ok(codes.indexOf(KHAI_SINH) < codes.indexOf(DANG_KY_LAI_KHAI_SINH));
  });

  test('names holding more of the query come before names holding less, whatever else matches', async () => {
    for (const q of ['cap giay', 'xac nhan', 'ho tro', 'chung thuc', 'dang ky', 'to khai', 'ket hon']) {
      const terms = words(q);
      const { items } = await search({ q, pageSize: 50 });
      const covered = items.map((item) => terms.filter((term) => words(item.name).includes(term)).length);
      for (let i = 1; i < covered.length; i++) assert.ok(covered[i - 1]! >= covered[i]!, `${q}: ${items[i]!.name}`);
    }
  });

  test('name matches come before matches found only in documents, field or agency', async () => {
    const q = 'cap giay';
    const { items } = await search({ q, pageSize: 50 });
    const inName = items.map((item) => ['cap', 'giay'].every((term) => words(item.name).includes(term)));
    const nameMatches = inName.filter(Boolean).length;
    assert.ok(nameMatches > 0, 'some names contain "cấp" and "giấy"');
    assert.ok(inName.includes(false), 'some procedures only mention them elsewhere');
    assert.ok(inName.slice(0, nameMatches).every(Boolean), 'all name matches come first');
    // Not an accident of the tie-breaks: a documents-only match would come earlier by length or by name.
    const lastNameMatch = fold(items[nameMatches - 1]!.name);
    assert.ok(
      items
        .slice(nameMatches)
        .some((item) => fold(item.name).length < lastNameMatch.length || byteOrder(fold(item.name), lastNameMatch) < 0),
    );
  });

  test('"khai sinh" puts "Đăng ký khai sinh" first: among names containing the phrase, the shorter wins', async () => {
    const { items } = await search({ q: 'khai sinh' });
    assert.equal(items[0]?.name, 'Đăng ký khai sinh');
    assert.ok(
      items.some((item) => item.name.startsWith('Cấp bản sao')),
      'the longer name containing the phrase is still found',
    );
  });

  test('the same query gives the same order every time (ties by shorter name, folded name, code)', async () => {
    const first = await allCodes({ q: 'dang ky' });
    assert.deepEqual(await allCodes({ q: 'dang ky' }), first);
  });
});

describe('filters and paging', () => {
  test('field, level and agency filters keep only what they name', async () => {
    const hoTich = await search({ field: 'ho-tich', pageSize: 50 });
    assert.ok(hoTich.total > 0);
    assert.ok(hoTich.items.every((item) => item.field.code === 'ho-tich'));

    const online = await search({ level: 'toan-trinh', pageSize: 50 });
    assert.ok(online.total > 0);
    assert.ok(online.items.every((item) => item.onlineLevel === 'toan-trinh'));

    for (const agency of catalog.agencies) {
      const result = await search({ agency: agency.code, pageSize: 50 });
      assert.ok(result.total > 0, agency.code);
      assert.ok(result.items.every((item) => item.agency.code === agency.code));
    }
    const both = await search({ agency: catalog.agencies.map((agency) => agency.code).join(',') });
    assert.equal(both.total, catalog.procedures.length);
  });

  test('filters combine with the query and with each other', async () => {
    const police = catalog.procedures.find((procedure) => procedure.code === THUONG_TRU)!.agency.code;
    assert.deepEqual(
      (await search({ q: 'dang ky', agency: police, pageSize: 50 })).items.every((item) => item.agency.code === police),
      true,
    );
    assert.ok((await allCodes({ q: 'dang ky', agency: police })).includes(THUONG_TRU));
    assert.equal((await search({ q: 'tam tru', field: 'ho-tich' })).total, 0);
    const expected = catalog.procedures.filter(
      (p) => p.field.code === 'ho-tich' && p.onlineLevel === 'mot-phan',
    ).length;
    assert.equal((await search({ field: 'ho-tich', level: 'mot-phan' })).total, expected);
  });

  test('an unknown field is simply empty; an unknown agency is 404 naming it', async () => {
    assert.deepEqual(await search({ field: 'khong-co' }), { items: [], total: 0, page: 1, pageSize: 10 });
    const error = await getError(`${backend.url}${API}/procedures?agency=000.00.00.X00`, 404, 'agency_not_found');
    assert.match(error.message, /000\.00\.00\.X00/);
    const mixed = await getError(
      `${backend.url}${API}/procedures?agency=${catalog.agencies[0]!.code},NOPE`,
      404,
      'agency_not_found',
    );
    assert.match(mixed.message, /NOPE/);
    assert.doesNotMatch(mixed.message, new RegExp(catalog.agencies[0]!.code.replaceAll('.', '\\.')));
  });

  test('pages tile the full result without gaps or repeats', async () => {
    const all = await allCodes({ q: 'dang ky' });
    assert.ok(all.length > 3);
    const paged: string[] = [];
    for (let page = 1; paged.length < all.length; page++) {
      const result = await search({ q: 'dang ky', page, pageSize: 3 });
      assert.equal(result.total, all.length);
      assert.equal(result.page, page);
      assert.equal(result.pageSize, 3);
      assert.ok(result.items.length > 0 && result.items.length <= 3);
      paged.push(...result.items.map((item) => item.code));
    }
    assert.deepEqual(paged, all);
    const beyond = await search({ q: 'dang ky', page: 1000, pageSize: 3 });
    assert.deepEqual(beyond.items, []);
    assert.equal(beyond.total, all.length);
  });

  test('defaults: page 1, 10 per page', async () => {
    const result = await search({});
    assert.equal(result.page, 1);
    assert.equal(result.pageSize, 10);
    assert.equal(result.items.length, Math.min(10, catalog.procedures.length));
  });

  test('an empty query lists everything by field name, then name', async () => {
    for (const q of [{}, { q: '' }, { q: '   ' }] as Record<string, string>[]) {
      const { items, total } = await search({ ...q, pageSize: 50 });
      assert.equal(total, catalog.procedures.length);
      const expected = [...catalog.procedures].sort(
        (a, b) =>
          byteOrder(fold(a.field.name), fold(b.field.name)) ||
          byteOrder(fold(a.name), fold(b.name)) ||
          byteOrder(a.code, b.code),
      );
      assert.deepEqual(
        items.map((item) => item.code),
        expected.slice(0, 50).map((p) => p.code),
      );
    }
  });
});

describe('hostile and odd input', () => {
  const oddQueries = [
    '😀',
    '👨‍👩‍👧 khai sinh',
    '中文 户口',
    'Привет мир',
    'ﷺ عربى',
    "'; drop table procedures; --",
    "' OR '1'='1",
    '%',
    '_',
    '\\',
    '%%__',
    'khai%sinh',
    'khai_sinh',
    '$1',
    '::jsonb',
    '<script>alert(1)</script>',
    'null',
    '\u0000',
    '\u200b',
    'a'.repeat(1000),
    'ab '.repeat(333),
    '🇻🇳'.repeat(250),
  ];

  test('each odd query is answered 200 with a valid result', async () => {
    for (const q of oddQueries) {
      const response = await fetch(`${backend.url}${API}/procedures?q=${encodeURIComponent(q)}`);
      assert.equal(response.status, 200, JSON.stringify(q.slice(0, 40)));
      SearchResult.parse(await response.json());
    }
  });

  test('punctuation separates words: %, _ and \\ alone match nothing, khai%sinh reads as khai sinh', async () => {
    for (const q of ['%', '_', '%%__', '\\']) {
      assert.equal((await search({ q })).total, 0, q);
    }
    const khaiSinh = await allCodes({ q: 'khai sinh' });
    for (const q of ['khai%sinh', 'khai_sinh']) assert.deepEqual(await allCodes({ q }), khaiSinh, q);
  });

  test('SQL in the query is only text: nothing matches and the table is intact', async () => {
    assert.equal((await search({ q: "'; drop table procedures; --" })).total, 0);
    assert.equal((await search({ q: "' OR '1'='1" })).total, 0);
    assert.equal((await search({})).total, catalog.procedures.length);
  });

  test('a NUL byte or a zero-width space does not break the search', async () => {
    assert.equal((await search({ q: 'khai\u0000sinh' })).total, (await search({ q: 'khai sinh' })).total);
  });
});

describe('GET /fields', () => {
  const fields = (query = '') => getJson(`${backend.url}${API}/fields${query}`, FieldOfActivityList);

  test('lists every field with its number of procedures, by folded name', async () => {
    const { items } = await fields();
    const expected = new Map<string, number>();
    for (const procedure of catalog.procedures)
      expected.set(procedure.field.code, (expected.get(procedure.field.code) ?? 0) + 1);
    assert.deepEqual(new Map(items.map((item) => [item.code, item.count])), expected);
    const names = items.map((item) => fold(item.name));
    assert.deepEqual(names, [...names].sort(byteOrder));
    assert.equal(items.find((item) => item.code === 'ho-tich')?.name, 'Hộ tịch');
  });

  test('with agency, counts only that agency and omits fields it has none of', async () => {
    for (const agency of catalog.agencies) {
      const { items } = await fields(`?agency=${agency.code}`);
      const own = catalog.procedures.filter((procedure) => procedure.agency.code === agency.code);
      assert.equal(
        items.reduce((sum, item) => sum + item.count, 0),
        own.length,
        agency.code,
      );
      assert.ok(items.every((item) => item.count > 0));
    }
  });

  test('an unknown agency is 404 agency_not_found', async () => {
    const error = await getError(`${backend.url}${API}/fields?agency=000.00.00.X00`, 404, 'agency_not_found');
    assert.match(error.message, /000\.00\.00\.X00/);
  });
});
