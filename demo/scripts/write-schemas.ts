/**
 * `npm run build` step: writes the documents generated from the contract:
 * the OpenAPI document (dist/openapi.json) and the JSON Schema of catalogue
 * files (dist/catalogue.schema.json, for operators' editors and tools).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CatalogueFile } from '../../src/api/contract/catalogue-file.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { jsonSchema } from '../../src/api/openapi-parts.js';

const documents = {
  'dist/openapi.json': buildOpenApiDocument(),
  'dist/catalogue.schema.json': {
    ...jsonSchema(CatalogueFile, 'input'),
    title: 'dvc-widgets catalogue file',
    description: 'Agencies, fields of activity and procedures, as `npm run catalog -- import` reads them.',
  },
};
mkdirSync('dist', { recursive: true });
for (const [path, document] of Object.entries(documents)) {
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${path} written`);
}
