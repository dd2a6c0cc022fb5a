/**
 * Requests made from the contract's schemas, for the fuzz test: a small
 * generator of fast-check arbitraries over the JSON Schema that zod 4
 * writes (`z.toJSONSchema`, the same as the OpenAPI document's), and a
 * breaker that replaces one part of a generated value with a value of
 * another kind. zod itself then says which values are valid: the JSON
 * Schema cannot hold every refinement (a personal ID's check, a date that
 * exists), so a generated value is only a candidate until the schema parses it.
 *
 * zod-fast-check was not used: its last release asks for zod 3 and
 * fast-check 3, and zod/mini schemas are not zod 3's.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';

export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** The JSON Schema of a request part, as the OpenAPI document has it (`io: 'input'`). */
export const inputSchema = (schema: z.ZodMiniType): JsonSchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Letters a citizen types (Vietnamese, precomposed and decomposed), digits, spaces and the odd symbol. */
const TYPED = fc.constantFrom(
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạếềểễệốồổỗộứừửữự0123456789 .,-/()\u0301\u0323',
);
/** Any code point (controls, bidi marks, astral), or typed text. */
const CHARACTER = fc.oneof(
  { arbitrary: TYPED, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Longest string drawn for a schema without a pattern, besides its exact maximum now and then. */
const TYPICAL_LENGTH = 24;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  if (schema.pattern) {
    const fits = (text: string) => text.length >= min && text.length <= max;
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  const typical = fc.string({
    unit: CHARACTER,
    minLength: min,
    maxLength: Math.max(min, Math.min(max, TYPICAL_LENGTH)),
  });
  const longest = fc.string({ unit: TYPED, minLength: max, maxLength: max });
  return fc.oneof({ arbitrary: typical, weight: 9 }, { arbitrary: longest, weight: 1 });
}

const INT32 = 2 ** 31 - 1;

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const step = integer ? 1 : Number.EPSILON;
  const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -INT32 : schema.exclusiveMinimum + step);
  const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? INT32 : schema.exclusiveMaximum - step);
  if (!integer) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const low = Math.max(min, -INT32);
  const high = Math.min(max, INT32);
  return fc.oneof(fc.integer({ min: low, max: Math.min(high, low + 100) }), fc.integer({ min: low, max: high }));
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const record = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, arbitraryOf(property)])), {
    requiredKeys: schema.required ?? [],
  });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return record;
  const keys = schema.propertyNames ? (arbitraryOf(schema.propertyNames) as fc.Arbitrary<string>) : fc.string();
  const entries = fc.dictionary(keys, arbitraryOf(extra), { maxKeys: 4 });
  return fc.tuple(record, entries).map(([known, more]) => ({ ...more, ...known }));
}

/** Values shaped by `schema`: the candidates of a valid request part. */
export function arbitraryOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map(arbitraryOf));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number':
      return numberArbitrary(schema, schema.type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 4, Math.max(minLength, 4));
      return fc.array(arbitraryOf(schema.items ?? {}), { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of another kind than most: what a broken client or an attacker sends instead. */
const STRANGER = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: CHARACTER, maxLength: 12 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'null', '<script>', "' OR 1=1 --", '%00', '\u202e', '../'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** Every place inside a JSON value, the value itself first. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) =>
          places(item, [...path, Array.isArray(value) ? Number(key) : key]),
        )
      : [];
  return [path, ...inner];
}

/** `value` with the part at `path` replaced by `replacement` (removed when it is undefined). */
function replaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = replaced(copy[key!], rest, replacement);
  if (next === undefined && !Array.isArray(copy)) delete copy[key!];
  else copy[key!] = next;
  return copy;
}

/** A value of `base` with one part, the whole or a leaf, replaced by a stranger: mostly invalid. */
export const brokenOf = (base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.tuple(base, fc.nat(), STRANGER).map(([value, pick, stranger]) => {
    const all = places(value);
    return replaced(value, all[pick % all.length]!, stranger);
  });
