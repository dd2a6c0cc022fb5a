/**
 * `npm run build` step: writes the documents generated from the contract:
 * the OpenAPI document (dist/openapi.json) and the JSON Schemas of catalogue
 * files (dist/catalogue.schema.json) and of e-form files and their parts
 * (dist/form.schema.json, dist/form-part.schema.json), for operators' editors and tools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CatalogueFile } from '../../src/api/contract/catalogue-file.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { jsonSchema } from '../../src/api/openapi-parts.js';
import { formFileSchema, formPartFileSchema } from '../server/forms/file-schema.js';

const documents = {
  'dist/openapi.json': buildOpenApiDocument(),
  'dist/catalogue.schema.json': {
    ...jsonSchema(CatalogueFile, 'input'),
    title: 'dvc-widgets catalogue file',
    description: 'Agencies, fields of activity and procedures, as `npm run catalog -- import` reads them.',
  },
  'dist/form.schema.json': formFileSchema(),
  'dist/form-part.schema.json': formPartFileSchema(),
};
mkdirSync('dist', { recursive: true });
for (const [path, document] of Object.entries(documents)) {
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${path} written`);
}
