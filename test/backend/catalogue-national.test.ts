/**
 * Importing the national procedure database's data (`npm run catalog --
 * import` of its Excel list export or its JSON answers): an agency's
 * procedures merge into the catalogue through the same import and report,
 * every other agency's stay; a bad file (wrong encoding, wrong format, a
 * bad row or JSON path) is refused with the place named and changes
 * nothing. On PGlite, and on PostgreSQL with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { catalogueFileOf, catalogueFileText } from '../../demo/server/catalogue/file.js';
import { readImportFile } from '../../demo/server/catalogue/import-file.js';
import { currentCatalogue, importCatalogue } from '../../demo/server/catalogue/import.js';
import type { NationalImportOptions } from '../../demo/server/catalogue/national/catalogue.js';
import { procedureDetail, searchProcedures } from '../../demo/server/catalogue/repository.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { seedCatalogue } from '../../demo/server/catalogue/seed/index.js';
import { fileDossier } from '../../demo/server/dossiers/filing.js';
import { type CatalogCommand, catalogCommand } from '../support/catalog-command.js';
import { excelRow, nationalExcel, nationalItems, workbook } from '../support/national-gateway.js';
import { newIdempotencyKey, submissionFor } from './dossier-fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers.js';

const AGENCY = 'xa-thu-nghiem';
const OPTIONS: NationalImportOptions = { agency: AGENCY, agencyName: 'UBND xã Thử Nghiệm' };
const SEED = { agencies: seed.agencies, procedures: seed.procedures };

let database: TestDatabase;
const db = () => database.db;

before(async () => (database = await openTestDatabase()));
after(() => database.close());
beforeEach(() => seedCatalogue(db(), SEED));

const exportText = async () => catalogueFileText(catalogueFileOf(await currentCatalogue(db())));

/** Reads and imports `bytes` as `import <name>` does. */
async function importBytes(bytes: Uint8Array, name: string, options = OPTIONS, allowRemovingMost = false) {
  const read = await readImportFile(bytes, name, options);
  return { ...read, report: await importCatalogue(db(), read.catalogue, { allowRemovingMost }) };
}

/** The import of `bytes` is refused with a message matching `message`, and the catalogue is as it was. */
async function refused(bytes: Uint8Array, name: string, message: RegExp, options = OPTIONS) {
  const before = await exportText();
  await assert.rejects(importBytes(bytes, name, options), message);
  assert.equal(await exportText(), before);
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('the Excel list export', () => {
  test('an agency’s procedures join the catalogue; the other agencies’ stay; a re-import changes nothing', async () => {
    const items = nationalItems(5);
    const file = await nationalExcel(items.map(excelRow));
    const { report, format } = await importBytes(file, 'xa.xlsx');
    assert.equal(format, 'excel');
    assert.deepEqual(report.procedures.added, items.map((item) => item.PROCEDURE_CODE).sort());
    assert.deepEqual(report.procedures.removed, []);
    assert.deepEqual(report.agencies.added, [AGENCY]);
    assert.deepEqual(report.fields.added, [], 'Hộ tịch and Chứng thực are the seed’s own fields');
    const detail = await procedureDetail(db(), '1.100000');
    assert.equal(detail?.name, 'Thủ tục thử số 1 đăng ký hộ tịch');
    assert.equal(detail?.field.code, 'ho-tich');
    assert.equal(detail?.agency.name, 'UBND xã Thử Nghiệm');
    assert.equal(detail?.onlineSubmission, false, 'no e-form here: not filed online on this site');
    assert.deepEqual(detail?.conditions, ['Đối tượng thực hiện: Công dân Việt Nam']);
    assert.equal(detail?.legalBasis[0]?.title, 'Quyết định công bố: 1234/QĐ-UBND');
    const all = (await searchProcedures(db(), { q: 'thủ tục thử số', page: 1, pageSize: 50 })).items;
    assert.equal(all.filter((item) => item.agency.code === AGENCY).length, 5);
    assert.ok(await procedureDetail(db(), seed.procedures[0]!.code), 'the seed’s procedures are still there');
    const again = await importBytes(file, 'xa.xlsx');
    assert.deepEqual(again.report.procedures, { added: [], changed: [], removed: [], withdrawn: [] });
  });

  test('a procedure gone from the agency’s list is removed; rows no longer in force are left out and counted', async () => {
    const items = nationalItems(4);
    await importBytes(await nationalExcel(items.map(excelRow)), 'xa.xlsx');
    const rows = items.map(excelRow);
    const abolished = [...rows[3]!];
    abolished[6] = 'Hết hiệu lực';
    const { report, notes } = await importBytes(await nationalExcel([rows[0]!, rows[1]!, abolished]), 'xa.xlsx');
    assert.deepEqual(report.procedures.removed, ['1.100002', '1.100003']);
    assert.deepEqual(notes, ['1 row(s) left out: no longer in force (Tình trạng)']);
    assert.equal(await procedureDetail(db(), '1.100003'), undefined);
  });

  test('over an agency of the seed: its procedures are replaced, one with an open dossier is kept withdrawn', async () => {
    const EXTRACT_COPY = '2.000635'; // Cấp bản sao Trích lục hộ tịch: filed without attachments
    await fileDossier(db(), submissionFor(EXTRACT_COPY), newIdempotencyKey());
    const agency = seed.procedures.find(({ code }) => code === EXTRACT_COPY)!.agency;
    const theirs = seed.procedures.filter((procedure) => procedure.agency.code === agency.code).map(({ code }) => code);
    const file = await nationalExcel(nationalItems(2).map(excelRow));
    // The seed agency holds most of the seed's procedures: removing them needs --allow-removals.
    const { report } = await importBytes(file, 'xa.xlsx', { agency: agency.code }, true);
    assert.deepEqual(report.procedures.added, ['1.100000', '1.100001']);
    assert.deepEqual(report.procedures.removed, theirs.sort());
    assert.deepEqual(report.procedures.withdrawn, [EXTRACT_COPY]);
    assert.equal((await procedureDetail(db(), '1.100000'))?.agency.name, agency.name, 'the agency keeps its details');
  });

  test('a code with a local suffix names its agency; without a suffix or --agency, the import says to give one', async () => {
    const [item] = nationalItems(1);
    const local = excelRow({ ...item!, PROCEDURE_CODE: '1.001193.000.00.00.H37' });
    const { report } = await importBytes(await nationalExcel([local]), 'tinh.xlsx', {});
    assert.deepEqual(report.agencies.added, ['000.00.00.H37']);
    assert.equal((await procedureDetail(db(), '1.001193.000.00.00.H37'))?.agency.code, '000.00.00.H37');
    await refused(
      await nationalExcel([excelRow(item!)]),
      'xa.xlsx',
      /name no agency .*row 4: 1\.100000.*--agency/s,
      {},
    );
  });

  test('columns are found by their header in any order, also as other lists word them', async () => {
    const handMade = await workbook([
      ['Lĩnh vực', 'Tên thủ tục', 'Mã thủ tục'],
      ['Hộ tịch', 'Đăng ký khai sinh', '2.999001'],
    ]);
    const { report } = await importBytes(handMade, 'list.xlsx');
    assert.deepEqual(report.procedures.added, ['2.999001']);
    const detail = await procedureDetail(db(), '2.999001');
    assert.equal(detail?.name, 'Đăng ký khai sinh');
    assert.equal(detail?.agency.code, AGENCY);
  });

  test('a bad row is refused naming its row and column; nothing changes', async () => {
    const rows = nationalItems(3).map(excelRow);
    const badCode = [...rows[1]!];
    badCode[0] = '1.0011';
    const noName = [...rows[2]!];
    noName[1] = '   ';
    await refused(
      await nationalExcel([rows[0]!, badCode, noName]),
      'xa.xlsx',
      /xa\.xlsx: 2 problem\(s\)\n {2}row 5, column B \(Mã TTHC\): "1\.0011" is not a procedure code.*\n {2}row 6, column C \(Tên TTHC\): missing/,
    );
    const twice = [rows[0]!, rows[0]!];
    await refused(await nationalExcel(twice), 'xa.xlsx', /row 5: code 1\.100000 appears twice \(first at row 4\)/);
  });

  test('a workbook without the export’s header, a cut one, an old .xls or an HTML page saved as .xls is named as such', async () => {
    const other = await workbook([
      ['Họ và tên', 'Ngày sinh'],
      ['Nguyễn Văn A', '01/01/1990'],
    ]);
    await refused(
      other,
      'people.xlsx',
      /people\.xlsx: no header row with the columns "Mã TTHC", "Tên TTHC", "Lĩnh vực"/,
    );
    await refused(await nationalExcel([]), 'empty.xlsx', /empty\.xlsx: no procedures in it/);
    const cut = (await nationalExcel(nationalItems(3).map(excelRow))).subarray(0, 2000);
    await refused(cut, 'cut.xlsx', /cut\.xlsx: not a readable xlsx workbook \(Couldn't unzip/);
    await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls', /old binary Excel file/);
    await refused(Buffer.from('<html><table><tr><td>Mã TTHC</td></tr></table></html>'), 'list.xls', /an HTML page/);
  });
});

describe('the JSON answers', () => {
  const items = nationalItems(3);
  const bundle = {
    search: items,
    steps: { 5000: [{ CONTENT: '<p>Nộp hồ sơ&nbsp;tại <b>bộ phận một cửa</b></p>', ORDER: 1 }] },
    requires: { 5000: [{ REQUIRE_NAME: 'To\u0302\u0300 khai đăng ký', FILE: null }] },
  };

  test('a bundle brings steps and documents as clean NFC text; a bare search answer is read too', async () => {
    const { report, format } = await importBytes(json(bundle), 'answers.json');
    assert.equal(format, 'national-json');
    assert.equal(report.procedures.added.length, 3);
    const detail = await procedureDetail(db(), '1.100000');
    assert.deepEqual(detail?.steps, ['Nộp hồ sơ tại bộ phận một cửa']);
    assert.equal(detail?.cases[0]?.documents[0]?.name, 'Tồ khai đăng ký'.normalize('NFC'));
    const bare = await importBytes(json(items.slice(0, 2)), 'search.json');
    assert.deepEqual(bare.report.procedures.removed, ['1.100002']);
    assert.deepEqual(bare.report.procedures.changed, ['1.100000'], 'its steps and documents are gone');
  });

  test('missing keys and values of the wrong kind are refused with their JSON path; extra keys are ignored', async () => {
    const broken = {
      ...bundle,
      search: [
        { ...items[0]!, PROCEDURE_NAME: undefined, NEW_KEY: 'x' },
        { ...items[1]!, FIELD_NAME: ['Hộ tịch'] },
      ],
    };
    await refused(
      json(broken),
      'answers.json',
      /answers\.json: 2 problem\(s\)\n {2}search\[0\]\.PROCEDURE_NAME: missing.*\n {2}search\[1\]\.FIELD_NAME: expected text, found a list/,
    );
    const stepsNotAList = { search: [items[2]], steps: { 5002: { CONTENT: 'not a list' } } };
    await refused(
      json(stepsNotAList),
      'answers.json',
      /answers\.json: 1 problem\(s\)\n {2}steps\["5002"\]: expected a JSON array/,
    );
  });

  test('a file of the wrong encoding or format is refused, naming the file and what is wrong', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(items)]);
    assert.equal((await importBytes(withBom, 'bom.json')).report.procedures.added.length, 3);
    // "Đăng ký" in Windows-1258: Đ is 0xD0, ă 0xE3, ý 0xFD.
    const word = Buffer.from([0xd0, 0xe3, 0x6e, 0x67, 0x20, 0x6b, 0xfd]);
    const windows1258 = Buffer.concat([Buffer.from('[{"PROCEDURE_NAME": "'), word, Buffer.from('"}]')]);
    await refused(windows1258, 'cp1258.json', /cp1258\.json: not UTF-8 \(byte 21 is 0xd0\)/);
    await refused(
      json({ items }),
      'other.json',
      /other\.json: JSON that is neither a catalogue file .* nor national answers/,
    );
    await refused(Buffer.from('[{"ID": 1,'), 'cut.json', /cut\.json: not JSON at line 1/);
    await assert.rejects(
      readImportFile(json(items), 'a.json', { format: 'excel' }),
      /--format excel, but the file holds national-json/,
    );
  });
});

describe('npm run catalog -- import', () => {
  let command: CatalogCommand;
  before(async () => {
    command = await catalogCommand();
  });
  after(() => command.close());
  const catalog = (...args: string[]) => command.run(...args);

  test('imports the Excel export for --agency and prints the report; a bad file prints where and changes nothing', async () => {
    const file = join(command.dir, 'xa.xlsx');
    await writeFile(file, await nationalExcel(nationalItems(3).map(excelRow)));
    const args = ['--agency', AGENCY, '--agency-name', 'UBND xã Thử Nghiệm'];
    const done = await catalog('import', file, ...args);
    assert.equal(done.code, 0, done.err);
    assert.match(
      done.out,
      /Agencies: 1 added.*\n {2}added: xa-thu-nghiem\n.*Procedures: 3 added, 0 changed, 0 removed/s,
    );
    const bad = join(command.dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ ...nationalItems(1)[0], PROCEDURE_CODE: 'abc' }]));
    const refusedRun = await catalog('import', bad, ...args);
    assert.equal(refusedRun.code, 1);
    assert.match(
      refusedRun.err,
      /^Nothing imported\. .*bad\.json: 1 problem\(s\)\n {2}search\[0\]\.PROCEDURE_CODE: "abc"/s,
    );
    assert.match((await catalog('export')).out, /"code": "1\.100002"/);
  });
});
