/**
 * The electronic forms: every definition is valid against the contract and
 * sound beyond it (conditions and references point at real fields and
 * options), matches the catalog (its documents, its templates, the
 * `onlineSubmission` flag), and is served by `GET /procedures/{code}/form`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormDefinition, type FormDefinition as FormDefinitionType } from '../../src/api/contract/index.js';
import { assertDefinitions, checkDefinition } from '../../demo/server/forms/check.js';
import { formById, formDefinitions } from '../../demo/server/forms/index.js';
import {
  demoCatalogue,
  formTemplates,
  procedures,
  shownProcedures,
} from '../../demo/server/catalogue/seed/catalogue.js';
import { API, getError, getJson, startTestBackend, type TestBackend } from './helpers.js';

const REQUIRED_PROCEDURES = ['1.001193', '1.000894', '2.000635', '1.004873', '1.001776'];

/** A copy of the birth registration form with one change, to show that the check catches it. */
function broken(change: (form: FormDefinitionType) => void): FormDefinitionType {
  const form = structuredClone(formById('khai-sinh')!);
  change(form);
  return form;
}

const fieldOf = (form: FormDefinitionType, id: string) =>
  form.sections.flatMap((section) => section.fields).find((field) => field.id === id)!;

describe('form definitions', () => {
  test('the five procedures have a form, and every form is valid and sound', () => {
    assert.deepEqual(
      [...new Set(formDefinitions.map((form) => form.procedure))].sort(),
      [...REQUIRED_PROCEDURES].sort(),
    );
    for (const form of formDefinitions) {
      assert.ok(FormDefinition.safeParse(form).success, form.procedure);
      assert.deepEqual(checkDefinition(form), [], form.procedure);
    }
    assert.doesNotThrow(() => assertDefinitions(formDefinitions));
  });

  test('between them, the forms use every field type', () => {
    const types = new Set(
      formDefinitions.flatMap((form) =>
        form.sections.flatMap((section) =>
          section.fields.flatMap((field) =>
            field.type === 'group' ? [field.type, ...field.fields.map((inner) => inner.type)] : [field.type],
          ),
        ),
      ),
    );
    for (const type of [
      'text',
      'textarea',
      'number',
      'date',
      'select',
      'radio',
      'checkboxes',
      'yesno',
      'personal-id',
      'phone',
      'email',
      'address',
      'group',
    ]) {
      assert.ok(types.has(type as never), `no form uses ${type}`);
    }
  });

  test('the check names what is broken', () => {
    const cases: [string, (form: FormDefinitionType) => void, RegExp][] = [
      [
        'condition on a missing field',
        (form) => {
          fieldOf(form, 'cha-ho-ten').when = { field: 'khong-co', is: true };
        },
        /cha-ho-ten: condition names "khong-co"/,
      ],
      [
        'condition on a missing option',
        (form) => {
          form.documents[0]!.when = { field: 'truong-hop', is: 'khac' };
        },
        /attachments\.giay-chung-sinh: condition on "truong-hop" names no option khac/,
      ],
      [
        'string condition on a yes/no',
        (form) => {
          fieldOf(form, 'cha-ho-ten').when = { field: 'co-cha', is: 'co' };
        },
        /must be true or false/,
      ],
      [
        'condition on a text field',
        (form) => {
          fieldOf(form, 'cha-ho-ten').when = { field: 'ho-ten', is: 'An' };
        },
        /only choices and yes\/no/,
      ],
      [
        'birth date that is not a date',
        (form) => {
          Object.assign(fieldOf(form, 'me-so-dinh-danh'), { birthDateField: 'me-ho-ten' });
        },
        /birthDateField "me-ho-ten" is not a date field/,
      ],
      [
        "an applicant's answer in a field that cannot hold it",
        (form) => {
          fieldOf(form, 'me-quoc-tich').applicantField = 'birthDate';
        },
        /me-quoc-tich: a text field cannot hold the applicant's birthDate/,
      ],
      [
        "a section's applicant condition on a missing field",
        (form) => {
          form.sections.find((section) => section.id === 'me')!.applicantIs = { field: 'khong-co', is: 'me' };
        },
        /me: condition names "khong-co"/,
      ],
      [
        "an applicant's answer in a repeating group",
        (form) => {
          form.sections[0]!.fields.push({
            id: 'nguoi-lam-chung',
            type: 'group',
            label: 'Người làm chứng',
            itemLabel: 'Người làm chứng',
            fields: [{ id: 'ho-ten', type: 'text', label: 'Họ, chữ đệm và tên', applicantField: 'fullName' }],
          });
        },
        /nguoi-lam-chung\.ho-ten: applicantField does nothing inside a repeating group/,
      ],
      [
        'a starting answer longer than its box',
        (form) => {
          Object.assign(fieldOf(form, 'quoc-tich'), { maxLength: 3 });
        },
        /quoc-tich: default is longer than maxLength/,
      ],
      [
        'a field twice',
        (form) => {
          form.sections[1]!.fields.push(fieldOf(form, 'ho-ten'));
        },
        /field "ho-ten" twice/,
      ],
      [
        'a slot twice',
        (form) => {
          form.documents.push(form.documents[0]!);
        },
        /document slot "giay-chung-sinh" twice/,
      ],
      [
        'text not in NFC',
        (form) => {
          form.title = form.title.normalize('NFD');
        },
        /NFC/,
      ],
      [
        'slot above the upload limit',
        (form) => {
          form.documents[0]!.maxFileBytes = 21 * 2 ** 20;
        },
        /above the upload limit/,
      ],
      [
        'schema breach',
        (form) => {
          (form as { version: number }).version = 0;
        },
        /^1\.001193 v0: version: /,
      ],
    ];
    for (const [what, change, expected] of cases) {
      const problems = checkDefinition(broken(change));
      assert.ok(
        problems.some((problem) => expected.test(problem)),
        `${what}: ${problems.join('; ')}`,
      );
    }
    assert.throws(() => assertDefinitions([broken((form) => ((form as { version: number }).version = 0))]), /v0/);
    // Two forms of one procedure (one per case) are fine.
    assert.doesNotThrow(() => assertDefinitions([formById('khai-sinh'), { ...formById('khai-sinh')!, version: 2 }]));
  });

  test('the ethnic group list has the 54 groups, each once', () => {
    const ETHNIC_GROUP_OPTIONS = (
      fieldOf(formById('khai-sinh')!, 'dan-toc') as { options: { value: string; label: string }[] }
    ).options;
    assert.equal(new Set(ETHNIC_GROUP_OPTIONS.map((option) => option.value)).size, 54);
    assert.equal(ETHNIC_GROUP_OPTIONS[0]!.value, 'kinh');
    assert.ok(
      ETHNIC_GROUP_OPTIONS.some((option) => option.value === 'bru-van-kieu' && option.label === 'Bru - Vân Kiều'),
    );
  });

  test("the slots are the documents to upload of the cases filed with the form, with the catalog's templates", () => {
    const named = formDefinitions.filter((form) =>
      demoCatalogue.procedures.some(({ cases }) => cases.some((item) => item.form && formById(item.form) === form)),
    );
    const unnamed = formDefinitions.filter((form) => !named.includes(form));
    assert.deepEqual(unnamed, [formById('tinh-trang-hon-nhan')], "no case's but the form kept for older catalogues");
    for (const form of named) {
      const procedure = demoCatalogue.procedures.find((candidate) => candidate.code === form.procedure);
      assert.ok(procedure, `${form.procedure} is in the catalog`);
      const cases = procedure.cases.filter((item) => item.form !== undefined && formById(item.form) === form);
      assert.ok(cases.length > 0, `a case of ${form.procedure} is filed with its form`);
      const documents = cases.flatMap((item) => item.documents);
      const uploaded = new Set(documents.filter((document) => document.uploadRequired).map(({ name }) => name));
      assert.deepEqual(form.documents.map((slot) => slot.name).sort(), [...uploaded].sort(), form.procedure);
      for (const slot of form.documents.filter((candidate) => candidate.template)) {
        const source = formTemplates.find((template) => `forms/${template.id}.rtf` === slot.template!.url);
        assert.ok(source, `${slot.slot}: ${slot.template!.url} is a catalog template`);
        assert.deepEqual(slot.template, documents.find((document) => document.name === slot.name)!.template);
      }
    }
  });

  test('the catalog offers online filing exactly for the procedures with a form', () => {
    const online = shownProcedures
      .filter((procedure) => procedure.onlineSubmission)
      .map((procedure) => procedure.code)
      .sort();
    assert.deepEqual(online, [...new Set(formDefinitions.map((form) => form.procedure))].sort());
  });
});

describe('GET /procedures/{code}/form', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startTestBackend();
  });
  after(() => backend.close());

  test("answers each case's form as defined, with its procedure's name, the case it is for and its fees", async () => {
    const filed = procedures.flatMap((entry) =>
      entry.cases.filter((item) => item.form !== undefined).map((item) => ({ entry, item })),
    );
    // Every form is a case's, but the one 1.004873 had before each of its cases had its own (kept for older catalogues).
    assert.equal(new Set(filed.map(({ item }) => item.form)).size, formDefinitions.length - 1);
    for (const { entry, item } of filed) {
      const url = `${backend.url}${API}/procedures/${entry.code}/form`;
      const {
        procedureName,
        case: chosen,
        cases,
        fees,
        ...defined
      } = await getJson(`${url}?case=${item.code}`, FormDefinition);
      assert.deepEqual(defined, formById(item.form!));
      assert.equal(procedureName, entry.name);
      assert.equal(chosen, item.code);
      assert.deepEqual(fees, item.fees);
      const online = entry.cases.filter((other) => other.form !== undefined);
      assert.deepEqual(cases, online.length > 1 ? online.map(({ code, name }) => ({ code, name })) : undefined);
      const usual = await getJson(url, FormDefinition);
      assert.equal(usual.case, online[0]!.code, 'no case named: the first case filed online');
    }
  });

  test("answers the form of the case asked for; for a case not filed online here, the first online case's", async () => {
    const url = `${backend.url}${API}/procedures/1.004873/form`;
    const reissue = await getJson(`${url}?case=cap-lai`, FormDefinition);
    assert.equal(reissue.case, 'cap-lai');
    const shown = shownProcedures.find(({ code }) => code === '1.004873')!;
    assert.deepEqual(reissue.fees, shown.cases.find((item) => item.code === 'cap-lai')!.fees);
    // A kept draft's case that is gone: the usual form, and the cases to choose from again.
    const gone = await getJson(`${url}?case=khong-co`, FormDefinition);
    assert.equal(gone.case, 'chua-ket-hon');
    assert.deepEqual(
      gone.cases?.map(({ code }) => code),
      ['chua-ket-hon', 'da-ly-hon-hoac-vo-chong-da-chet', 'cap-lai'],
    );
    const elsewhere = `${backend.url}${API}/procedures/1.001193/form?case=lien-thong-thuong-tru-bhyt`;
    assert.equal((await getJson(elsewhere, FormDefinition)).case, 'thong-thuong');
    await getError(`${url}?case=Bad%20Case`, 400, 'validation_failed');
  });

  test('404 form_not_found for a procedure that cannot be filed online, 404 procedure_not_found for none', async () => {
    const desk = await getError(`${backend.url}${API}/procedures/2.000815/form`, 404, 'form_not_found');
    assert.equal(
      desk.message,
      'This procedure cannot be filed online. (Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến.)',
    );
    await getError(`${backend.url}${API}/procedures/9.999999/form`, 404, 'procedure_not_found');
  });

  test('the procedure search says which procedures can be filed online', async () => {
    const response = await fetch(`${backend.url}${API}/procedures/1.001193`);
    assert.equal(((await response.json()) as { onlineSubmission: boolean }).onlineSubmission, true);
    const desk = await fetch(`${backend.url}${API}/procedures/2.000815`);
    assert.equal(((await desk.json()) as { onlineSubmission: boolean }).onlineSubmission, false);
  });

  test('the OpenAPI document lists the form and filing endpoints', async () => {
    const document = (await (await fetch(`${backend.url}${API}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    assert.ok(document.paths['/procedures/{code}/form']?.get, 'GET form');
    assert.ok(document.paths['/dossiers']?.post, 'POST dossiers');
  });
});
