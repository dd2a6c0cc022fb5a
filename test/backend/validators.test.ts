/**
 * The browser's generated answer checks (`src/api/generated/`) against the
 * zod contract they are written from: for every generated check, values
 * shaped by the schema (fuzz-schemas.ts) and the same values with one part
 * broken must get the same verdict from both; so must the reference
 * backend's real form definitions, and the same definitions broken in ways
 * only the contract's whole-form rules see. And the generated files must be
 * what the contract gives today (`generate-validators.ts --check`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { issuesOf, passes, type Check } from '../../src/api/check.js';
import * as contract from '../../src/api/contract/index.js';
import type { FormDefinition } from '../../src/api/contract/index.js';
import { formDefinitions } from '../../demo/server/forms/index.js';
import { arbitraryOf, brokenOf, inputSchema } from './fuzz-schemas.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Every generated module, so that one the generator adds is checked too. */
const GENERATED = readdirSync(new URL('../../src/api/generated/', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

/** Every generated check with the contract schema of the same name. */
const pairs = await Promise.all(
  GENERATED.map(async (module) => {
    const checks = (await import(`../../src/api/generated/${module}.js`)) as Record<string, Check<unknown>>;
    return Object.entries(checks).map(([name, check]) => {
      const schema = (contract as Record<string, unknown>)[name] as z.ZodMiniType | undefined;
      assert.ok(schema, `generated ${module}.${name} has no schema of that name in the contract`);
      return { name, check, schema };
    });
  }),
).then((lists) => lists.flat());

/** Asserts that zod and the generated check say the same of `value`. */
function sameVerdict(name: string, schema: z.ZodMiniType, check: Check<unknown>, value: unknown): void {
  const zod = schema.safeParse(value);
  assert.equal(
    passes(check, value),
    zod.success,
    `${name}: zod says ${zod.success ? 'valid' : 'invalid'}, the generated check ${
      zod.success ? JSON.stringify(issuesOf(check, value)) : 'valid'
    }, for ${JSON.stringify(value)?.slice(0, 400)}`,
  );
}

describe('generated answer checks', () => {
  test('the generated files are what the contract gives', () => {
    const result = spawnSync('npx', ['tsx', 'demo/scripts/generate-validators.ts', '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  test('every answer a widget checks has a generated check', () => {
    const names = new Set(pairs.map((pair) => pair.name));
    for (const [endpoint, entry] of Object.entries(contract.endpoints)) {
      if ('auth' in entry) continue;
      const name = pairs.find((pair) => pair.schema === entry.response)?.name;
      assert.ok(name && names.has(name), `${endpoint}'s answer has no generated check`);
    }
  });

  for (const { name, check, schema } of pairs) {
    test(`${name}: the same verdicts as zod on shaped and broken values`, () => {
      const shaped = arbitraryOf(inputSchema(schema));
      fc.assert(
        fc.property(fc.oneof(shaped, brokenOf(shaped)), (value) => sameVerdict(name, schema, check, value)),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  test('FormDefinition: the same verdicts on real definitions and on ones only the whole-form rules refuse', () => {
    const { check, schema } = pairs.find((pair) => pair.name === 'FormDefinition')!;
    const broken = (form: FormDefinition): FormDefinition[] => {
      const [first, ...rest] = form.sections;
      const unknownField = { ...first!.fields[0]!, when: { field: 'khong-co', is: 'x' } };
      return [
        { ...form, sections: [...form.sections, first!] },
        { ...form, sections: [{ ...first!, fields: [unknownField, ...first!.fields.slice(1)] }, ...rest] },
        ...(form.documents.length ? [{ ...form, documents: [...form.documents, ...form.documents] }] : []),
      ];
    };
    for (const form of formDefinitions) {
      assert.ok(passes(check, form), `${form.procedure}: ${JSON.stringify(issuesOf(check, form))}`);
      for (const wrong of broken(form)) {
        assert.equal(schema.safeParse(wrong).success, false, `${form.procedure}: zod took a broken definition`);
        sameVerdict('FormDefinition', schema, check, wrong);
      }
    }
  });

  test('an issue says where, as zod does', () => {
    const { check } = pairs.find((pair) => pair.name === 'SearchResult')!;
    assert.deepEqual(
      issuesOf(check, { items: [], total: -1, page: 1, pageSize: 20 }).map((issue) => issue.path),
      [['total']],
    );
  });
});
