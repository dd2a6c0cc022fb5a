/**
 * A broken forms folder is refused, every problem named by the file, the
 * path inside it and what is wrong, so that an operator can mend it without
 * reading code (issue 16: e-forms as data).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readFormsFolder } from '../../demo/server/forms/folder.js';
import { FORMS_DIR } from '../../demo/server/forms/index.js';
import { assertRefused, demoFile, folderWith, problemsOf } from './forms-folder-fixtures.js';

describe('a broken forms folder is refused, naming the file and the place', () => {
  const khaiSinh = demoFile('khai-sinh.json');
  const withSection = (change: (fields: Record<string, unknown>[]) => void) => {
    const copy = structuredClone(khaiSinh) as { sections: { fields: Record<string, unknown>[] }[] };
    change(copy.sections[1]!.fields);
    return copy;
  };

  test('invalid JSON: its line and column', () => {
    const text = readFileSync(join(FORMS_DIR, 'ket-hon.json'), 'utf8').replace('"version": 1,', '"version": 1');
    assertRefused({ 'ket-hon.json': text }, /^ket-hon\.json: not JSON at line 5, column 3: /);
  });

  test('a file that is not UTF-8 (Windows-1258); a byte order mark is fine', () => {
    const text = readFileSync(join(FORMS_DIR, 'ket-hon.json'));
    // What an old Vietnamese editor saves: one byte per letter, not UTF-8.
    const latin = Buffer.from(text.toString('utf8'), 'latin1');
    assertRefused({ 'ket-hon.json': latin }, 'ket-hon.json: not UTF-8 text; save it as UTF-8');
    const bom = folderWith({ 'ket-hon.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) });
    assert.equal(readFormsFolder(bom).byId.get('ket-hon')!.title, 'Tờ khai đăng ký kết hôn');
  });

  test('a value that breaks the contract: the path inside the form, in words', () => {
    assertRefused(
      {
        'khai-sinh.json': withSection((fields) => {
          fields[0]!.options = [];
          fields[2]!.type = 'signature';
          delete fields[1]!.label;
        }),
      },
      'khai-sinh.json: sections[1].fields[0].options: must be at least 1 item',
      /^khai-sinh\.json: sections\[1\]\.fields\[2\]\.type: must be one of: text, textarea, /,
      'khai-sinh.json: sections[1].fields[1].label: missing',
    );
  });

  test('a misspelt property is named rather than dropped', () => {
    assertRefused(
      { 'khai-sinh.json': withSection((fields) => void (fields[1]!.requried = true)) },
      'khai-sinh.json: sections[1].fields[1].requried: unknown property "requried"',
    );
  });

  test('a condition on a missing field, written in the reference to a part', () => {
    const ketHon = demoFile('ket-hon.json') as { sections: { fields: { with: Record<string, unknown> }[] }[] };
    ketHon.sections[1]!.fields[0]!.with.when = { field: 'khong-co', is: true };
    assertRefused(
      { 'ket-hon.json': ketHon },
      'ket-hon.json: sections[1].fields[0].with.when: nu-ho-ten: condition names "khong-co", which is not a field beside it',
    );
  });

  test('a reference to a part that does not exist', () => {
    assertRefused(
      { 'khai-sinh.json': withSection((fields) => void (fields[4]!.options = { use: 'dan-toc' })) },
      /^khai-sinh\.json: sections\[1\]\.fields\[4\]\.options\.use: no part named "dan-toc" \(parts: any-result, /,
    );
  });

  test('a mistake inside a part: the part file and path, and every form place that uses it', () => {
    const scan = demoFile('parts/scan-slot.json') as { body: { maxFiles: number } };
    scan.body.maxFiles = 50;
    assertRefused(
      { 'parts/scan-slot.json': scan },
      'parts/scan-slot.json: body.maxFiles: must be at most 20 (used at khai-sinh.json: documents[1]; khai-sinh.json: documents[2]; tinh-trang-hon-nhan-ly-hon.json: documents[0]; tinh-trang-hon-nhan.json: documents[0])',
    );
    const person = readFileSync(join(FORMS_DIR, 'parts/person.json'), 'utf8').replace(
      'Dân tộc {{whose}}',
      'Dân tộc {{ai}}',
    );
    assertRefused(
      { 'parts/person.json': person },
      /^parts\/person\.json: body\[2\]\.label: part "person" has no parameter "ai" \(its parameters: prefix, whose, when, sex, identityRequired\) \(used at ban-sao-trich-luc\.json: sections\[1\]\.fields\[0\]; ket-hon\.json: sections\[1\]\.fields\[0\]; /,
    );
  });

  test('an override that breaks the contract is the form’s', () => {
    const form = demoFile('khai-sinh.json') as { documents: Record<string, unknown>[] };
    form.documents[0]!.maxFiles = 30;
    assertRefused(
      { 'khai-sinh.json': form },
      'khai-sinh.json: documents[0].maxFiles: must be at most 20 (part "scan-slot" with the reference\'s properties over it)',
    );
  });

  test('parameters: one the part does not have, one without a value inside a text', () => {
    const form = demoFile('ket-hon.json') as { sections: { fields: { with: Record<string, unknown> }[] }[] };
    form.sections[1]!.fields[0]!.with.sex2 = 'nu';
    delete form.sections[2]!.fields[1]!.with.whose;
    assertRefused(
      { 'ket-hon.json': form },
      'ket-hon.json: sections[1].fields[0].with.sex2: part "person" has no parameter "sex2" (its parameters: prefix, whose, when, sex, identityRequired)',
      'parts/marriage-rank.json: body.label: parameter "whose" of part "marriage-rank" has no text to put in "Kết hôn lần thứ mấy ({{whose}})" (used at ket-hon.json: sections[2].fields[1])',
    );
  });

  test('parts that use each other in a loop, in their body or a default', () => {
    assertRefused(
      { 'parts/a.json': { body: { use: 'b' } }, 'parts/b.json': { body: [{ use: 'a' }] } },
      'parts/a.json: parts used in a loop: a → b → a',
    );
    assertRefused(
      { 'parts/person.json': { ...demoFile('parts/person.json'), params: { prefix: { use: 'person' } } } },
      'parts/person.json: parts used in a loop: person → person',
    );
  });

  test('a part file without a body, or with a property it does not know', () => {
    assertRefused(
      { 'parts/x.json': { params: [], bodi: 1 } },
      'parts/x.json: bodi: unknown property (a part file has "params" and "body")',
      'parts/x.json: params: must be an object of parameters and their defaults',
      'parts/x.json: body: missing (the value the part stands for)',
    );
  });

  test('two forms with one id, a file name that cannot be an id', () => {
    assertRefused(
      {
        'ho-tich/ket-hon.json': demoFile('ket-hon.json'),
        'Khai Sinh.json': { ...khaiSinh, procedure: '9.000002' },
      },
      'ket-hon.json: the form id "ket-hon" is already that of ho-tich/ket-hon.json',
      'Khai Sinh.json: "Khai Sinh" cannot be a form id: use a-z, 0-9 and "-" (at most 64)',
    );
  });

  test('a folder that is missing, or has no form', () => {
    const missing = join(tmpdir(), 'dvc-forms-khong-co');
    assert.deepEqual(problemsOf(missing), ['cannot be read (ENOENT)']);
    assert.deepEqual(problemsOf(folderWith({ 'parts/sex.json': demoFile('parts/sex.json') }, 'empty')), [
      'no form file (*.json outside parts/)',
    ]);
  });
});
