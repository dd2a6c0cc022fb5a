/**
 * Catalogue files as an operator hands them over (demo/server/catalogue/file.ts):
 * each bad file is refused with a message that names the place at fault,
 * before anything is written. Pure: no database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATALOGUE_FORMAT, type CatalogueFile } from '../../src/api/contract/catalogue-file.js';
import {
  catalogueFileOf,
  catalogueFileText,
  CatalogueError,
  readCatalogueFile,
} from '../../demo/server/catalogue/file.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import { formIdsFor } from '../../demo/server/forms/index.js';

const file: CatalogueFile = catalogueFileOf(seed.demoCatalogue);
const text = catalogueFileText(file);
const bytes = (value: string | object): Buffer =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const refused = (input: Uint8Array, message: RegExp) =>
  assert.throws(
    () => readCatalogueFile(input, 'tinh-mau.json'),
    (error: unknown) => {
      assert.ok(error instanceof CatalogueError);
      assert.match(error.message, /^tinh-mau\.json: /);
      assert.match(error.message, message);
      return true;
    },
  );
const withProcedure = (index: number, change: object): object => ({
  ...file,
  procedures: file.procedures.map((procedure, i) => (i === index ? { ...procedure, ...change } : procedure)),
});

describe('reading a catalogue file', () => {
  test('a file of version 1 reads as version 2: each procedure has one case holding what it held, with its e-form', () => {
    const birth = file.procedures.find((procedure) => procedure.code === '1.001193')!;
    const { cases, ...rest } = birth;
    const [{ code: _code, name: _name, form: _form, ...usual }] = cases as [(typeof cases)[number]];
    const v1 = { ...file, version: 1, procedures: [{ ...rest, ...usual, onlineSubmission: true }] };
    const read = readCatalogueFile(bytes(v1), 'cu.json', formIdsFor);
    assert.equal(read.version, 2);
    assert.deepEqual(read.procedures[0]!.cases, [{ code: 'chung', name: birth.name, ...usual, form: 'khai-sinh' }]);
    const offline = { ...v1, procedures: [{ ...rest, ...usual, onlineSubmission: false }] };
    assert.equal(readCatalogueFile(bytes(offline), 'cu.json').procedures[0]!.cases[0]!.form, undefined);
    // Without the forms folder (the browser's reader), which e-form it meant cannot be known: said, not guessed.
    refused(bytes(v1), /a file of version 1 that files procedures online is read by the backend only/);
  });

  test('a file of version 1 cannot file online a procedure whose cases have forms of their own', () => {
    const { cases, ...marital } = file.procedures.find((procedure) => procedure.code === '1.004873')!;
    const { code: _code, name: _name, form: _form, ...usual } = cases[0]!;
    const v1 = { ...file, version: 1, procedures: [{ ...marital, ...usual, onlineSubmission: true }] };
    assert.throws(() => readCatalogueFile(bytes(v1), 'cu.json', formIdsFor), {
      message:
        /^cu\.json: procedure 1\.004873 has an e-form per case \(tinh-trang-hon-nhan-cap-lai, tinh-trang-hon-nhan-chua-ket-hon, tinh-trang-hon-nhan-ly-hon, tinh-trang-hon-nhan\).*write the file in version 2/,
    });
  });

  test('the canonical text reads back as the same file; a byte order mark is accepted', () => {
    assert.deepEqual(readCatalogueFile(bytes(text), 'a.json'), file);
    assert.deepEqual(readCatalogueFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(text)]), 'a.json'), file);
  });

  test('Windows-1258 is refused with the offset of the first byte that is not UTF-8', () => {
    // "Hộ tịch" as Windows-1258 writes it: ộ is ô (0xF4) and a combining dot below (0xF2).
    const legacy = Buffer.concat([bytes('{"format": "Ho'), Buffer.from([0xf4, 0xf2]), bytes(' tich"}')]);
    refused(legacy, /not UTF-8 \(byte 14 is 0xf4\).*Windows-1258/);
  });

  test('broken JSON names the line and column; an HTML page says so', () => {
    refused(bytes('{\n  "format": "dvc-widgets/catalogue",\n  "version": 1,,\n}'), /not JSON at line 3, column 16/);
    refused(bytes('<!DOCTYPE html><html><body>403 Forbidden</body></html>'), /looks like an HTML page/);
  });

  test('a file of something else names its format', () => {
    refused(bytes({ items: [] }), /not a catalogue file \("format" is undefined, expected "dvc-widgets\/catalogue"\)/);
    refused(bytes({ ...file, format: 'other' }), /"format" is "other"/);
  });

  test('a value that breaks the contract is named by its path and the procedure code', () => {
    const [first] = file.procedures;
    const [usual] = first!.cases;
    refused(
      bytes(withProcedure(0, { cases: [{ ...usual, documents: undefined }] })),
      new RegExp(`procedures\\[0\\] \\(${first!.code}\\)\\.cases\\[0\\] \\(${usual!.code}\\)\\.documents: `),
    );
    refused(
      bytes(withProcedure(0, { cases: [{ ...usual, documents: [{ ...usual!.documents[0], copies: -1 }] }] })),
      new RegExp(
        `procedures\\[0\\] \\(${first!.code}\\)\\.cases\\[0\\] \\(${usual!.code}\\)\\.documents\\[0\\]\\.copies: `,
      ),
    );
    refused(bytes(withProcedure(0, { cases: [] })), /procedures\[0\] \(.*\)\.cases: Too small/);
    refused(bytes(withProcedure(0, { documnets: [] })), /procedures\[0\] \(.*\): Unrecognized key: "documnets"/);
    refused(bytes({ ...file, version: 3 }), /version: /);
  });

  test('codes appear once, and every agency and field a procedure names is listed', () => {
    const [first, second] = file.procedures;
    refused(
      bytes({ ...file, procedures: [...file.procedures, first] }),
      new RegExp(
        `procedures\\[${file.procedures.length}\\] \\(${first!.code}\\): the code appears twice \\(first at procedures\\[0\\]\\)`,
      ),
    );
    refused(
      bytes(withProcedure(1, { agency: '000.00.99.H99' })),
      new RegExp(`procedures\\[1\\] \\(${second!.code}\\)\\.agency: "000.00.99.H99" is not in "agencies"`),
    );
    refused(bytes(withProcedure(1, { field: 'khong-co' })), /\.field: "khong-co" is not in "fields"/);
  });

  test('an empty catalogue is a catalogue', () => {
    const empty = { format: CATALOGUE_FORMAT, version: 2, agencies: [], fields: [], procedures: [] };
    assert.deepEqual(readCatalogueFile(bytes(empty), 'empty.json'), empty);
  });
});
