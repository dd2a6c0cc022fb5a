/**
 * The JSON Schemas of the forms folder's files, published with the build
 * (`dist/form.schema.json`, `dist/form-part.schema.json`) so that an
 * operator's editor checks a form while it is written: the contract's
 * `FormDefinition`, where any value may also be a reference to a part
 * (`{ "use": …, "with": … }`, `expand.ts`), since a form is checked as a
 * definition only once its parts are put in.
 */
import { FormDefinition } from '../../../src/api/contract/index.js';
import { jsonSchema } from '../../../src/api/openapi-parts.js';

type Schema = { [key: string]: unknown };

const PART_REFERENCE = '#/$defs/PartReference';

const partReference: Schema = {
  type: 'object',
  description:
    'A reusable part of FORMS_DIR/parts/ put in here: "use" names it (its file name), "with" gives its parameters; other properties are set over an object part.',
  properties: {
    use: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    with: { type: 'object' },
  },
  required: ['use'],
};

const orReference = (schema: unknown): Schema => ({ anyOf: [referable(schema), { $ref: PART_REFERENCE }] });

/** `schema` with every property and list item also taking a reference to a part. */
function referable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(referable);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === 'properties') {
        return [
          key,
          Object.fromEntries(Object.entries(value as Schema).map(([name, inner]) => [name, orReference(inner)])),
        ];
      }
      if (key === 'items' && !Array.isArray(value)) return [key, orReference(value)];
      return [key, referable(value)];
    }),
  );
}

export function formFileSchema(): Schema {
  const schema = referable(jsonSchema(FormDefinition, 'input')) as Schema;
  return {
    ...schema,
    title: 'dvc-widgets e-form file',
    description:
      'One e-form of the forms folder (FORMS_DIR): its file name is the form id. A FormDefinition of the contract, where any value may be a reference to a part (demo/server/README.md, "E-forms").',
    $defs: { ...(schema.$defs as Schema | undefined), PartReference: partReference },
  };
}

export const formPartFileSchema = (): Schema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'dvc-widgets e-form part file',
  description:
    'A reusable part of FORMS_DIR/parts/: "params" lists its parameters with their defaults (null: no value); "body" is the value it stands for, where "{{name}}" puts in a parameter.',
  type: 'object',
  properties: {
    $comment: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    params: { type: 'object' },
    body: {},
  },
  required: ['body'],
  additionalProperties: false,
});
