/**
 * The e-forms as data (issue 16): the forms folder (`FORMS_DIR`) with its
 * reusable parts expands to the seven forms (a broken folder's messages:
 * forms-data-broken.test.ts); the backend does not start on a broken folder, and
 * `npm run forms -- check` says the same; a running backend takes a changed
 * folder without a restart and keeps its forms when the change is broken.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { demoFile, folderWith, minimalForm } from './forms-folder-fixtures.js';
import { formFileSchema } from '../../demo/server/forms/file-schema.js';
import { FormsFolder, readFormsFolder } from '../../demo/server/forms/folder.js';
import { FORMS_DIR, formById, formDefinitions, formIdsFor } from '../../demo/server/forms/index.js';

const FORM_IDS = [
  'ban-sao-trich-luc',
  'ket-hon',
  'khai-sinh',
  'tinh-trang-hon-nhan-cap-lai',
  'tinh-trang-hon-nhan-chua-ket-hon',
  'tinh-trang-hon-nhan-ly-hon',
  'tinh-trang-hon-nhan',
  'tro-cap-xa-hoi',
];
describe('the demo forms folder', () => {
  test('holds the eight forms, by id and by procedure (one per case for 1.004873, and its form before), each checked', () => {
    assert.deepEqual([...readFormsFolder(FORMS_DIR).byId.keys()], FORM_IDS);
    assert.equal(formDefinitions.length, 8);
    for (const id of FORM_IDS) assert.ok(formIdsFor(formById(id)!.procedure).includes(id), id);
    assert.deepEqual(formIdsFor('1.001193'), ['khai-sinh']);
    assert.deepEqual(
      formIdsFor('1.004873'),
      FORM_IDS.filter((id) => id.startsWith('tinh-trang-hon-nhan')),
    );
    assert.equal(formById('1.001193'), undefined, 'a procedure code is not a form id');
    assert.equal(formById('khong-co'), undefined);
    assert.deepEqual(formIdsFor('2.000815'), [], 'a procedure filed at the desk only');
    assert.equal(formById('khai-sinh')!.procedure, '1.001193');
  });

  test('the cases of 1.004873 share the declaration (a part) and differ in the statuses admitted and the papers', () => {
    const slots = (id: string) => formById(id)!.documents.map(({ slot }) => slot);
    const fields = (id: string) => formById(id)!.sections.flatMap((section) => section.fields);
    const statuses = (id: string) =>
      (fields(id).find((field) => field.id === 'tinh-trang') as { options: { value: string }[] }).options.map(
        ({ value }) => value,
      );
    assert.deepEqual(slots('tinh-trang-hon-nhan-chua-ket-hon'), ['van-ban-uy-quyen']);
    assert.deepEqual(statuses('tinh-trang-hon-nhan-chua-ket-hon'), ['chua-ket-hon']);
    assert.deepEqual(slots('tinh-trang-hon-nhan-ly-hon'), ['giay-to-ly-hon-hoac-chet', 'van-ban-uy-quyen']);
    assert.deepEqual(statuses('tinh-trang-hon-nhan-ly-hon'), ['da-ly-hon', 'vo-chong-da-chet']);
    assert.deepEqual(slots('tinh-trang-hon-nhan-cap-lai'), ['giay-xac-nhan-da-cap', 'van-ban-uy-quyen']);
    assert.deepEqual(statuses('tinh-trang-hon-nhan-cap-lai'), [
      'chua-ket-hon',
      'dang-co-vo-chong',
      'da-ly-hon',
      'vo-chong-da-chet',
    ]);
    assert.equal(formById('tinh-trang-hon-nhan-cap-lai')!.documents[0]!.required, true);
    // The current spouse's name only where "Đang có vợ hoặc chồng" can be answered.
    const spouseAsked = (id: string) => fields(id).some((field) => field.id === 'ho-ten-vo-chong');
    assert.deepEqual(
      ['chua-ket-hon', 'ly-hon', 'cap-lai'].map((id) => spouseAsked(`tinh-trang-hon-nhan-${id}`)),
      [false, false, true],
    );
  });

  test('the parts are put in: the mother block of the birth form, from the person part', () => {
    const mother = formById('khai-sinh')!.sections.find((section) => section.id === 'me')!.fields;
    assert.deepEqual(
      mother.map((field) => field.id),
      ['me-ho-ten', 'me-ngay-sinh', 'me-dan-toc', 'me-quoc-tich', 'me-so-dinh-danh', 'me-noi-cu-tru'],
    );
    assert.equal(mother[0]!.label, 'Họ, chữ đệm và tên của người mẹ');
    const id = mother[4]!;
    assert.ok(id.type === 'personal-id');
    assert.deepEqual(
      { sex: id.sex, birthDateField: id.birthDateField, required: id.required, when: id.when },
      {
        sex: 'nu',
        birthDateField: 'me-ngay-sinh',
        required: true,
        when: { field: 'truong-hop', is: ['thong-thuong', 'mang-thai-ho'] },
      },
    );
    // The copy's person may have died: the same part with identityRequired false, and no condition or sex.
    const person = formById('ban-sao-trich-luc')!.sections[1]!.fields;
    const copyId = person.find((field) => field.id === 'nguoi-so-dinh-danh')!;
    assert.equal(copyId.required, false);
    assert.ok(!('when' in copyId) && !('sex' in copyId), JSON.stringify(copyId));
  });
});

describe('parts', () => {
  const parts = {
    'parts/pair.json': {
      $comment: 'two fields, the second shown by the first',
      params: { prefix: null, whose: 'của người khai', max: 100, required: null },
      body: [
        { id: '{{prefix}}-co', type: 'yesno', label: 'Có {{whose}}?', required: true },
        {
          id: '{{prefix}}-ten',
          type: 'text',
          label: 'Tên {{whose}} ({{max}} ký tự)',
          maxLength: '{{max}}',
          required: '{{required}}',
          when: { field: '{{prefix}}-co', is: true },
        },
      ],
    },
    'parts/slot.json': { body: { accept: ['pdf'], maxFileBytes: 1000, maxFiles: 5, required: false } },
    'parts/named-slot.json': {
      params: { slot: null },
      body: { use: 'slot', slot: '{{slot}}', name: 'Giấy {{slot}}', required: true },
    },
    'parts/choices.json': { params: { more: null }, body: [{ value: 'a', label: 'A' }, '{{more}}'] },
    'parts/radio.json': {
      params: { id: null, options: { use: 'choices' } },
      body: { id: '{{id}}', type: 'radio', label: 'Một', options: '{{options}}' },
    },
  };

  test('a reference puts in the part: spliced in a list, parameters and defaults (a part too), overrides, nested parts', () => {
    const folder = folderWith(
      {
        ...parts,
        'thu.json': {
          $comment: 'a test form',
          ...minimalForm(
            [
              { use: 'pair', with: { prefix: 'me' } },
              { use: 'pair', with: { prefix: 'cha', whose: 'của cha', max: 50, required: true } },
              {
                id: 'chon',
                type: 'radio',
                label: 'Chọn',
                options: { use: 'choices', with: { more: [{ value: 'b', label: 'B' }] } },
              },
              { use: 'radio', with: { id: 'chon-mot' } },
            ],
            { documents: [{ use: 'named-slot', with: { slot: 'giay-to' }, maxFiles: 2 }] },
          ),
        },
      },
      'empty',
    );
    const form = readFormsFolder(folder).byId.get('thu')!;
    assert.deepEqual(form.sections[0]!.fields, [
      { id: 'me-co', type: 'yesno', label: 'Có của người khai?', required: true },
      {
        id: 'me-ten',
        type: 'text',
        label: 'Tên của người khai (100 ký tự)',
        maxLength: 100,
        when: { field: 'me-co', is: true },
      },
      { id: 'cha-co', type: 'yesno', label: 'Có của cha?', required: true },
      {
        id: 'cha-ten',
        type: 'text',
        label: 'Tên của cha (50 ký tự)',
        maxLength: 50,
        required: true,
        when: { field: 'cha-co', is: true },
      },
      {
        id: 'chon',
        type: 'radio',
        label: 'Chọn',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      { id: 'chon-mot', type: 'radio', label: 'Một', options: [{ value: 'a', label: 'A' }] },
    ]);
    assert.deepEqual(form.documents, [
      { accept: ['pdf'], maxFileBytes: 1000, maxFiles: 2, required: true, slot: 'giay-to', name: 'Giấy giay-to' },
    ]);
    assert.ok(!JSON.stringify(form).includes('$comment'), 'notes are left out');
  });

  test('a form may sit in a subfolder; its id is its file name', () => {
    const folder = folderWith({ 'ho-tich/thu.json': minimalForm([{ id: 'a', type: 'text', label: 'A' }]) }, 'empty');
    assert.deepEqual([...readFormsFolder(folder).files], [['thu', 'ho-tich/thu.json']]);
  });
});

test('the published schema of a form file takes a reference to a part wherever the demo forms write one', () => {
  const schema = formFileSchema() as { $defs: Record<string, unknown> };
  assert.ok(schema.$defs.PartReference);
  /** The schema at a document path: through properties, items and the reference alternative. */
  const accepts = (node: unknown, path: readonly (string | number)[]): boolean => {
    const { anyOf, oneOf, properties, items } = node as Record<string, unknown>;
    const options = [...((anyOf ?? []) as unknown[]), ...((oneOf ?? []) as unknown[])];
    if (!path.length) return options.some((option) => (option as { $ref?: string }).$ref === '#/$defs/PartReference');
    const [key, ...rest] = path;
    if (options.length) return options.some((option) => accepts(option, path));
    const next = typeof key === 'number' ? items : (properties as Record<string, unknown> | undefined)?.[key!];
    return next !== undefined && accepts(next, rest);
  };
  const references = (value: unknown, path: (string | number)[]): (string | number)[][] => {
    if (typeof value !== 'object' || value === null) return [];
    if ('use' in value) return [path];
    return Object.entries(value).flatMap(([key, inner]) =>
      references(inner, [...path, Array.isArray(value) ? Number(key) : key]),
    );
  };
  let checked = 0;
  for (const id of FORM_IDS) {
    for (const path of references(demoFile(`${id}.json`), [])) {
      assert.ok(accepts(schema, path), `${id}.json: ${path.join('.')}`);
      checked++;
    }
  }
  assert.ok(checked > 30, `${checked} references`);
  assert.ok(!accepts(schema, ['sections', 0, 'khong-co']), 'no property the contract does not have');
});

describe('a running backend and the forms folder', () => {
  test('a changed file is read again; a broken change is logged and the forms read before stay', () => {
    const folder = folderWith({});
    const logged: string[] = [];
    const forms = new FormsFolder(folder, { recheckMs: 0, log: (message) => logged.push(message) });
    assert.equal(forms.current().byId.get('ket-hon')!.version, 1);
    const form = demoFile('ket-hon.json');
    const touch = (file: string, content: unknown, seconds: number) => {
      writeFileSync(join(folder, file), JSON.stringify(content));
      utimesSync(join(folder, file), seconds, seconds);
    };
    touch('ket-hon.json', { ...form, version: 2 }, 1_000_000);
    assert.equal(forms.current().byId.get('ket-hon')!.version, 2);
    touch('ket-hon.json', { ...form, version: 0 }, 2_000_000);
    assert.equal(forms.current().byId.get('ket-hon')!.version, 2);
    assert.equal(forms.current().byId.get('ket-hon')!.version, 2);
    assert.equal(logged.length, 1, 'logged once');
    assert.match(logged[0]!, /ket-hon\.json: version: must be more than 0\n {2}The forms read before stay in use\./);
    touch('tao-moi.json', { ...form, procedure: '9.000003' }, 3_000_000);
    touch('ket-hon.json', form, 3_000_000);
    assert.deepEqual([...forms.current().byId.keys()], [...FORM_IDS.slice(0, 3), 'tao-moi', ...FORM_IDS.slice(3)]);
  });

  test('a change is looked for at most once per recheck interval', () => {
    const folder = folderWith({});
    const forms = new FormsFolder(folder, { recheckMs: 60_000 });
    const before = forms.current();
    writeFileSync(join(folder, 'ket-hon.json'), JSON.stringify({ ...demoFile('ket-hon.json'), version: 3 }));
    assert.equal(forms.current(), before);
  });
});

describe('the backend start and the check command', () => {
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    });
  const broken = () => folderWith({ 'parts/a.json': { body: { use: 'a' } }, 'ket-hon.json': '{ "procedure": ' });

  test('the backend does not start on a broken forms folder, and says why without a stack trace', () => {
    const started = run(new URL('../../demo/server/main.ts', import.meta.url).pathname, [], {
      FORMS_DIR: broken(),
      DATA_DIR: 'memory://',
    });
    assert.equal(started.status, 1, started.stderr);
    assert.match(started.stderr, /^Forms folder .*: 2 problems\n/);
    assert.match(started.stderr, /\n {2}parts\/a\.json: parts used in a loop: a → a\n/);
    assert.match(started.stderr, /\n {2}ket-hon\.json: not JSON at line 1, column 16: /);
    assert.match(started.stderr, /Not started: fix the forms folder \(FORMS_DIR\)/);
    assert.doesNotMatch(started.stderr, /\n\s+at /, 'no stack trace');
  });

  test('npm run forms -- check: the forms of a sound folder; the problems of a broken one, with status 1', () => {
    const script = new URL('../../demo/scripts/forms.ts', import.meta.url).pathname;
    const sound = run(script, ['check'], {});
    assert.equal(sound.status, 0, sound.stderr);
    assert.match(sound.stdout, /: 8 forms, no problem\.\n/);
    assert.match(
      sound.stdout,
      /\n {2}khai-sinh {2}1\.001193 v1 {2}Tờ khai đăng ký khai sinh \(23 fields; khai-sinh\.json\)\n/,
    );
    const refused = run(script, ['check', broken()], {});
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /parts\/a\.json: parts used in a loop: a → a/);
  });
});

describe('forms of one procedure', () => {
  test('a procedure may have a form per case; each is listed under the procedure', () => {
    const khaiSinh = demoFile('khai-sinh.json');
    const folder = folderWith({
      'lien-thong-khai-sinh.json': { ...khaiSinh, title: 'Tờ khai đăng ký khai sinh (liên thông)' },
    });
    const loaded = readFormsFolder(folder);
    assert.equal(loaded.byId.get('lien-thong-khai-sinh')!.procedure, '1.001193');
    assert.deepEqual(loaded.byProcedure.get('1.001193'), ['khai-sinh', 'lien-thong-khai-sinh']);
  });
});
