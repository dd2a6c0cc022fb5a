/**
 * `import 'dvc-widgets'` registers every element. To register one, import
 * its entry (`dvc-widgets/procedure-search.js`); to get the classes without
 * registering anything, import `dvc-widgets/classes.js`.
 */
export * from './provider.js';
export * from './procedure-search.js';
export * from './attachment-upload.js';
export * from './dossier-form.js';
export * from './status-lookup.js';
export type {
  BackendAdapter,
  FormAdapter,
  LinkResolver,
  LookupAdapter,
  RequestOptions,
  SearchAdapter,
  SubmitOptions,
  UploadAdapter,
  WidgetAdapter,
} from './api/adapter.js';
export { RestAdapter } from './api/rest-adapter.js';
export { BackendError } from './api/errors.js';
