/** `npm run build` step: writes the contract's OpenAPI document to dist/openapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../src/api/openapi.js';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/openapi.json', `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log('dist/openapi.json written');
