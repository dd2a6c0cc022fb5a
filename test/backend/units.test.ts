/**
 * The administrative units the backend serves, checked against facts of
 * the national list (Decision 19/2025/QĐ-TTg, the resolutions of 2025 and
 * 2026) and against the contract; the handlers are called directly.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CommuneList, ProvinceList } from '../../src/api/contract/units.js';
import { HttpError } from '../../demo/server/http/replies.js';
import { findCommune, unitsHandlers } from '../../demo/server/units/index.js';

const units = unitsHandlers();
const communesOf = async (province: string) =>
  CommuneList.parse(await units.listCommunes({ params: { province } })).items;
const KIND = /^(Xã|Phường|Đặc khu) /;

/** The 34 codes of Official Letter 915/CTK-CSCL (June 2025), taken into Decision 19/2025/QĐ-TTg. */
const PROVINCE_CODES = [
  '01',
  '04',
  '08',
  '11',
  '12',
  '14',
  '15',
  '19',
  '20',
  '22',
  '24',
  '25',
  '31',
  '33',
  '37',
  '38',
  '40',
  '42',
  '44',
  '46',
  '48',
  '51',
  '52',
  '56',
  '66',
  '68',
  '75',
  '79',
  '80',
  '82',
  '86',
  '91',
  '92',
  '96',
];

describe('listProvinces', () => {
  test('the 34 provinces and cities of Resolution 202/2025/QH15, by code, with their official codes', async () => {
    const { items } = ProvinceList.parse(await units.listProvinces());
    assert.deepEqual(
      items.map((province) => province.code),
      PROVINCE_CODES,
    );
  });

  test('full names with their kind, in NFC', async () => {
    const { items } = await units.listProvinces();
    const name = (code: string) => items.find((province) => province.code === code)?.name;
    assert.equal(name('01'), 'Thành phố Hà Nội');
    assert.equal(name('15'), 'Tỉnh Lào Cai');
    assert.equal(name('79'), 'Thành phố Hồ Chí Minh');
    for (const province of items) {
      assert.match(province.name, /^(Tỉnh|Thành phố) \S/);
      assert.equal(province.name, province.name.normalize('NFC'));
    }
  });

  test('the cities made in 2026 (Resolutions 30, 36 and 39/2026/QH16) are cities: nine in all', async () => {
    const { items } = await units.listProvinces();
    const cities = items.filter((province) => province.name.startsWith('Thành phố ')).map((province) => province.code);
    assert.deepEqual(cities, ['01', '22', '24', '31', '46', '48', '75', '79', '92']);
  });
});

describe('listCommunes', () => {
  test('Hà Nội has its 126 communes and wards, Phường Hoàn Kiếm and Phường Ba Đình among them', async () => {
    const items = await communesOf('01');
    assert.equal(items.length, 126);
    assert.deepEqual(
      items.find((commune) => commune.code === '00070'),
      { code: '00070', name: 'Phường Hoàn Kiếm' },
    );
    assert.deepEqual(
      items.find((commune) => commune.code === '00004'),
      { code: '00004', name: 'Phường Ba Đình' },
    );
    assert.deepEqual(
      items.find((commune) => commune.code === '00577'),
      { code: '00577', name: 'Xã Bát Tràng' },
    );
  });

  test('in Vietnamese alphabetical order of the name without "Xã", "Phường" or "Đặc khu"', async () => {
    const names = (await communesOf('01')).map((commune) => commune.name);
    assert.deepEqual(names.slice(0, 6), [
      'Xã An Khánh',
      'Phường Ba Đình',
      'Xã Ba Vì',
      'Phường Bạch Mai',
      'Xã Bát Tràng',
      'Xã Bất Bạt',
    ]);
    const collator = new Intl.Collator('vi');
    for (const province of PROVINCE_CODES) {
      const bare = (await communesOf(province)).map((commune) => commune.name.replace(KIND, ''));
      assert.deepEqual(bare, bare.toSorted(collator.compare), province);
    }
  });

  test('3,321 units in all: 2,599 communes, 709 wards, 13 special zones; codes unique, names NFC', async () => {
    const all = (await Promise.all(PROVINCE_CODES.map(communesOf))).flat();
    assert.equal(all.length, 3321);
    assert.equal(new Set(all.map((commune) => commune.code)).size, all.length);
    const count = (kind: string) => all.filter((commune) => commune.name.startsWith(`${kind} `)).length;
    assert.deepEqual([count('Xã'), count('Phường'), count('Đặc khu')], [2599, 709, 13]);
    for (const commune of all) {
      assert.match(commune.code, /^\d{5}$/);
      assert.equal(commune.name, commune.name.normalize('NFC'), commune.code);
    }
  });

  test('special zones and the wards made in 2026 (237 and 388/NQ-UBTVQH16)', async () => {
    assert.ok(
      (await communesOf('91')).some((commune) => commune.code === '31078' && commune.name === 'Đặc khu Phú Quốc'),
    );
    assert.ok(
      (await communesOf('75')).some((commune) => commune.code === '26326' && commune.name === 'Phường Dầu Giây'),
    );
    assert.ok((await communesOf('24')).some((commune) => commune.code === '07294' && commune.name === 'Phường Bố Hạ'));
  });

  test('answers the province it was asked for', async () => {
    assert.equal((await units.listCommunes({ params: { province: '79' } })).province, '79');
  });

  test('an unknown province is a 404 province_not_found, in English and Vietnamese', async () => {
    for (const province of ['02', '00', '99']) {
      await assert.rejects(units.listCommunes({ params: { province } }), (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 404);
        assert.equal(error.code, 'province_not_found');
        assert.match(
          error.message,
          new RegExp(`^No province has the code ${province}\\. \\(Không có tỉnh, thành phố mã ${province}\\.\\)$`),
        );
        return true;
      });
    }
  });
});

describe('findCommune', () => {
  test('finds a commune of its own province', () => {
    assert.deepEqual(findCommune('01', '00070'), { code: '00070', name: 'Phường Hoàn Kiếm' });
    assert.deepEqual(findCommune('79', '26740'), { code: '26740', name: 'Phường Sài Gòn' });
  });

  test('refuses a commune of another province, and unknown codes', () => {
    assert.equal(findCommune('79', '00070'), undefined);
    assert.equal(findCommune('01', '26740'), undefined);
    assert.equal(findCommune('01', '99999'), undefined);
    assert.equal(findCommune('02', '00070'), undefined);
    assert.equal(findCommune('01', ''), undefined);
  });
});
