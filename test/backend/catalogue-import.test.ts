/**
 * The catalogue as data (`npm run catalog -- import|export`): a catalogue
 * file round-trips exactly; an import reports what it added, changed and
 * removed, keeps procedures that open dossiers still refer to as
 * withdrawn (hidden from search, refused to new filings), and is one
 * transaction, also when two run at once. On PGlite, and on PostgreSQL
 * with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CatalogueEntry } from '../../demo/server/catalogue/cases.js';
import {
  catalogueFileOf,
  catalogueFileText,
  catalogueOf,
  readCatalogueFile,
} from '../../demo/server/catalogue/file.js';
import { currentCatalogue, describeReport, importCatalogue } from '../../demo/server/catalogue/import.js';
import {
  fieldsWithCounts,
  listAgencies,
  procedureDetail,
  searchProcedures,
} from '../../demo/server/catalogue/repository.js';
import * as seed from '../../demo/server/catalogue/seed/catalogue.js';
import type { Catalogue } from '../../demo/server/catalogue/seed/index.js';
import { fileDossier } from '../../demo/server/dossiers/filing.js';
import { newIdempotencyKey, submissionFor } from './dossier-fixtures.js';
import { openTestDatabase, type TestDatabase } from './helpers.js';

const SEED: Catalogue = { agencies: seed.agencies, procedures: seed.procedures };
/** Cấp bản sao Trích lục hộ tịch: filed below without attachments. */
const EXTRACT_COPY = '2.000635';

let database: TestDatabase;
const db = () => database.db;

before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const exportText = async (): Promise<string> => catalogueFileText(catalogueFileOf(await currentCatalogue(db())));
const noChange = { added: [], changed: [], removed: [] };
const without = (catalogue: Catalogue, code: string): Catalogue => ({
  ...catalogue,
  procedures: catalogue.procedures.filter((procedure) => procedure.code !== code),
});
const found = async (q: string, code: string): Promise<boolean> =>
  (await searchProcedures(db(), { q, page: 1, pageSize: 50 })).items.some((item) => item.code === code);

describe('import and export', () => {
  test('the first import adds everything; export, import and export again round-trip byte for byte', async () => {
    const first = await importCatalogue(db(), SEED);
    assert.equal(first.procedures.added.length, SEED.procedures.length);
    assert.equal(first.agencies.added.length, SEED.agencies.length);
    const exported = await exportText();
    const reimport = await importCatalogue(db(), catalogueOf(readCatalogueFile(Buffer.from(exported), 'export.json')));
    const warnings = SEED.procedures
      .filter(({ cases }) => cases[0]!.documents.length === 0)
      .map(({ code }) => `procedure ${code}, case chung: lists no documents (citizens are told to ask the desk)`);
    assert.ok(
      warnings.includes('procedure 2.001159, case chung: lists no documents (citizens are told to ask the desk)'),
    );
    assert.deepEqual(reimport, {
      agencies: noChange,
      fields: noChange,
      procedures: { ...noChange, withdrawn: [] },
      warnings,
    });
    assert.match(describeReport(reimport), /\nWarning: procedure 2\.001159, case chung: lists no documents/);
    assert.equal(await exportText(), exported);
  });

  test('the report names what was added, changed and removed; citizens see exactly the new catalogue', async () => {
    const [first, second] = SEED.procedures as [CatalogueEntry, CatalogueEntry];
    const renamed = { ...first, name: `${first.name} (sửa đổi)` };
    const added = { ...second, code: '1.999999', name: 'Thủ tục thêm mới để thử' };
    const next = { ...SEED, procedures: [renamed, added, ...SEED.procedures.slice(2)] };
    const report = await importCatalogue(db(), next);
    assert.deepEqual(report.procedures, {
      added: ['1.999999'],
      changed: [first.code],
      removed: [second.code],
      withdrawn: [],
    });
    assert.ok(await found('thu tuc them moi de thu', '1.999999'));
    assert.ok(!(await found(second.name, second.code)), 'a removed procedure is gone');
    await importCatalogue(db(), SEED);
  });

  test('a procedure open dossiers refer to is withdrawn, not removed: hidden, refused to new filings, back when listed again', async () => {
    assert.ok(await found('ban sao trich luc', EXTRACT_COPY));
    const [key, submission] = [newIdempotencyKey(), submissionFor(EXTRACT_COPY)];
    const receipt = await fileDossier(db(), submission, key);
    const report = await importCatalogue(db(), without(SEED, EXTRACT_COPY));
    assert.deepEqual(report.procedures.removed, [EXTRACT_COPY]);
    assert.deepEqual(report.procedures.withdrawn, [EXTRACT_COPY]);
    assert.ok(!(await found('ban sao trich luc', EXTRACT_COPY)), 'not in search');
    assert.equal(await procedureDetail(db(), EXTRACT_COPY), undefined, 'no detail page');
    assert.deepEqual(
      await fileDossier(db(), submission, key),
      receipt,
      'a retry of the filed dossier still gets its receipt',
    );
    assert.ok(!(await exportText()).includes(`"${EXTRACT_COPY}"`), 'not exported');
    const counts = await fieldsWithCounts(db(), undefined);
    assert.equal(
      counts.reduce((sum, field) => sum + field.count, 0),
      SEED.procedures.length - 1,
      'not counted in its field',
    );
    await assert.rejects(fileDossier(db(), submissionFor(EXTRACT_COPY), newIdempotencyKey()), { status: 404 });
    const back = await importCatalogue(db(), SEED);
    assert.deepEqual(back.procedures.added, [EXTRACT_COPY]);
    assert.ok(await found('ban sao trich luc', EXTRACT_COPY));
  });

  test('a case naming an e-form that does not exist, or one of another procedure, is refused, naming it; nothing changes', async () => {
    const before = await exportText();
    const offline = SEED.procedures.find((procedure) => procedure.cases.every((item) => !item.form))!;
    for (const [form, message] of [
      ['khong-co', 'names the e-form "khong-co", which this backend does not have'],
      ['khai-sinh', 'names the e-form "khai-sinh", which was written for procedure 1.001193'],
    ] as const) {
      const claimed = { ...offline, cases: [{ ...offline.cases[0]!, form }] };
      await assert.rejects(
        importCatalogue(db(), { ...SEED, procedures: [claimed, ...without(SEED, offline.code).procedures] }),
        {
          name: 'CatalogueError',
          message: new RegExp(`procedure ${offline.code}, cases\\[0\\] \\(${offline.cases[0]!.code}\\): ${message}`),
        },
      );
    }
    assert.equal(await exportText(), before);
  });

  test('an agency and a field kept only for a withdrawn procedure are neither listed nor exported, and go later', async () => {
    const agency = { ...SEED.agencies[0]!, code: '000.00.07.H99', name: 'Cơ quan chỉ để thử (mẫu)' };
    const field = { code: 'chi-de-thu', name: 'Lĩnh vực chỉ để thử' };
    const moved = SEED.procedures.map((procedure) =>
      procedure.code === EXTRACT_COPY ? { ...procedure, agency, field } : procedure,
    );
    await importCatalogue(db(), { agencies: [...SEED.agencies, agency], procedures: moved });
    await fileDossier(db(), submissionFor(EXTRACT_COPY), newIdempotencyKey());
    const report = await importCatalogue(db(), without(SEED, EXTRACT_COPY));
    assert.deepEqual(report.procedures.withdrawn, [EXTRACT_COPY]);
    assert.ok(!(await listAgencies(db())).some(({ code }) => code === agency.code), 'not listed');
    const exported = await exportText();
    assert.ok(!exported.includes(agency.code) && !exported.includes(field.code), 'not exported');
    const rows = async () =>
      (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM agencies WHERE code = $1', [agency.code]))[0]!.n;
    assert.equal(await rows(), 1, 'kept for the withdrawn procedure');
    await importCatalogue(db(), SEED);
    assert.equal(await rows(), 0, 'gone once the procedure is listed under another agency');
  });

  test('a procedure the catalogue says is not filed online refuses its form and new filings', async () => {
    const closed = SEED.procedures.map((procedure) =>
      procedure.code === EXTRACT_COPY
        ? { ...procedure, cases: procedure.cases.map(({ form: _form, ...offline }) => offline) }
        : procedure,
    );
    await importCatalogue(db(), { ...SEED, procedures: closed });
    await assert.rejects(fileDossier(db(), submissionFor(EXTRACT_COPY), newIdempotencyKey()), {
      status: 404,
      code: 'form_not_found',
    });
    await importCatalogue(db(), SEED);
    await fileDossier(db(), submissionFor(EXTRACT_COPY), newIdempotencyKey());
  });

  test('an import that would remove most of the catalogue (an empty file) is refused unless allowed', async () => {
    const before = await exportText();
    const empty: Catalogue = { agencies: [], fields: [], procedures: [] };
    const all = SEED.procedures.length;
    await assert.rejects(importCatalogue(db(), empty), {
      name: 'CatalogueError',
      message: new RegExp(`would remove ${all} of the ${all} procedures.*--allow-removals`),
    });
    assert.equal(await exportText(), before);
    const report = await importCatalogue(db(), empty, { allowRemovingMost: true });
    assert.equal(report.procedures.removed.length, all);
    await importCatalogue(db(), SEED, { allowRemovingMost: true });
  });

  test('a value the database refuses half-way changes nothing', async () => {
    const before = await exportText();
    const [first] = SEED.procedures as [CatalogueEntry];
    // Passes the contract (a whole number of đồng) but not the integer column, after the agencies and
    // fields are written: the transaction is rolled back whole.
    const broken = { ...first, name: 'Tên mới', feeSummary: { min: 3_000_000_000, max: null } };
    const next = { ...SEED, agencies: [...SEED.agencies, { ...SEED.agencies[0]!, code: '000.00.09.H99' }] };
    await assert.rejects(importCatalogue(db(), { ...next, procedures: [broken, ...SEED.procedures.slice(1)] }));
    assert.equal(await exportText(), before);
  });

  test('two imports at once take turns: each report starts from what the other left', async () => {
    const a = without(SEED, SEED.procedures[0]!.code);
    const b = without(SEED, SEED.procedures[1]!.code);
    const [reportA, reportB] = await Promise.all([importCatalogue(db(), a), importCatalogue(db(), b)]);
    const removed = [...reportA.procedures.removed, ...reportB.procedures.removed].sort();
    const added = [...reportA.procedures.added, ...reportB.procedures.added];
    assert.equal(removed.length, 2, 'each removed the one the other had');
    assert.equal(added.length, 1, 'the second put back what the first removed');
    const last = reportA.procedures.added.length === 1 ? a : b;
    assert.equal(await exportText(), catalogueFileText(catalogueFileOf(last)));
    await importCatalogue(db(), SEED);
  });
});
