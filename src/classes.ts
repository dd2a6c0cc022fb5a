/** The element classes and the adapter API, without registering any element. */
export { DvcProvider } from './components/provider/provider.js';
export { DvcProcedureSearch } from './components/procedure-search/procedure-search.js';
export { DvcAttachmentUpload } from './components/attachment-upload/attachment-upload.js';
export { DvcDossierForm } from './components/dossier-form/dossier-form.js';
export { DvcStatusLookup } from './components/status-lookup/status-lookup.js';
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
export { BackendError, type BackendErrorKind } from './api/errors.js';
