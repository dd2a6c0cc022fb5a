/**
 * The backend contract (v1): one zod source for the widgets (which validate
 * every answer), the reference backend (which validates every request and,
 * in development, its own answers) and the OpenAPI document generated from it.
 */
export * from './common.js';
export * from './catalogue.js';
export * from './requests.js';
export * from './endpoints.js';
export * as routes from './routes.js';
export * from './uploads.js';
export * from './units.js';
export * from './filing.js';
export * from './forms.js';
export * from './definition-rules.js';
export * from './dossiers.js';
export * from './lookup.js';
export * from './officer.js';
export * from './identity.js';
export * from './form-rules.js';
