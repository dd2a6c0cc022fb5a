/**
 * The routes of the contract that do not speak JSON, for the OpenAPI
 * document (`openapi.ts`): the officer's download of one file of a dossier
 * (`OFFICER_ATTACHMENT_PATH`, its bytes as they were uploaded) and the tus
 * 1.0 upload endpoint (`UPLOADS_PATH`), whose protocol is tus's
 * (https://tus.io/protocols/resumable-upload) and whose refusals are
 * `ApiError`s with an `UploadErrorCode`.
 */
import * as z from 'zod/mini';
import {
  DossierCode,
  OFFICER_ATTACHMENT_PATH,
  UPLOAD_SECRET_HEADER,
  UPLOADS_PATH,
  type UploadErrorCode,
  UploadId,
  UploadSecret,
} from './contract/index.js';
import { FILE_KINDS } from './file-types.js';
import {
  type ErrorCodes,
  errorResponses,
  type JsonObject,
  OFFICER_SECURITY,
  parameters,
  valueSchema,
} from './openapi-parts.js';

const header = (name: string, description: string, schema: JsonObject, required = true): JsonObject => ({
  name,
  in: 'header',
  required,
  description,
  schema,
});

const TUS_RESUMABLE = header('Tus-Resumable', 'The protocol version.', { const: '1.0.0' });
const UPLOAD_SECRET = header(
  UPLOAD_SECRET_HEADER,
  "The dossier draft's upload secret, the same for every file of the draft; an upload answers only requests that carry the secret it was created with.",
  valueSchema(UploadSecret),
);
const UPLOAD_OFFSET = header('Upload-Offset', 'Where these bytes start.', { type: 'integer', minimum: 0 });
const answerHeader = (description: string, schema: JsonObject = { type: 'string' }) => ({ description, schema });
const OFFSET_ANSWER = answerHeader('Bytes stored so far.', { type: 'integer', minimum: 0 });

/** The refusals of the upload endpoint, typed by the contract's codes. */
const uploadErrors = (errors: Record<number, readonly UploadErrorCode[]>): JsonObject => errorResponses(errors);

const UPLOAD_BODY = {
  required: false,
  content: {
    'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
  },
};

/** Refusals every upload request shares: the secret, tus's own protocol headers, the backend. */
const SHARED_UPLOAD_ERRORS = {
  400: ['validation_failed', 'invalid_upload_request'],
  412: ['invalid_upload_request'],
  500: ['internal_error'],
} satisfies Record<number, UploadErrorCode[]>;

function uploadPaths(): Record<string, JsonObject> {
  const one = `${UPLOADS_PATH}/{id}`;
  return {
    [UPLOADS_PATH]: {
      post: {
        operationId: 'createUpload',
        summary:
          'tus creation (and creation-with-upload): `Upload-Metadata` carries `filename`, `filetype`, `draft` and optionally `procedure` and `slot` (`UploadMetadata`), base64 values as tus defines',
        parameters: [
          TUS_RESUMABLE,
          UPLOAD_SECRET,
          header('Upload-Length', 'The file size in bytes; known and not 0.', { type: 'integer', minimum: 1 }),
          header('Upload-Metadata', 'tus metadata: comma-separated `key base64(value)` pairs.', { type: 'string' }),
        ],
        requestBody: UPLOAD_BODY,
        responses: {
          201: {
            description: 'Created; `Location` is the path of the new upload.',
            headers: {
              Location: answerHeader('The upload, as a path: `/api/v1/uploads/{id}`.'),
              'Upload-Offset': OFFSET_ANSWER,
              'Upload-Expires': answerHeader('When an upload no dossier took is removed.'),
            },
          },
          ...uploadErrors({
            ...SHARED_UPLOAD_ERRORS,
            400: [...SHARED_UPLOAD_ERRORS[400], 'empty_file', 'length_required'],
            413: ['file_too_large', 'draft_too_large', 'address_quota_exceeded'],
            415: ['type_not_accepted', 'content_mismatch'],
            422: ['upload_infected'],
            501: ['invalid_upload_request'],
            503: ['scan_unavailable'],
          }),
        },
      },
    },
    [one]: {
      parameters: parameters(z.object({ id: UploadId }), 'path'),
      head: {
        operationId: 'uploadOffset',
        summary:
          'How much of the upload is stored, to resume it; a finished upload whose virus scan could not run is scanned now',
        parameters: [TUS_RESUMABLE, UPLOAD_SECRET],
        responses: {
          200: {
            description: 'The offset and the length.',
            headers: { 'Upload-Offset': OFFSET_ANSWER, 'Upload-Length': answerHeader('The file size.') },
          },
          ...uploadErrors({
            ...SHARED_UPLOAD_ERRORS,
            404: ['upload_not_found'],
            410: ['upload_gone'],
            422: ['upload_infected'],
            503: ['scan_unavailable'],
          }),
        },
      },
      patch: {
        operationId: 'sendUploadBytes',
        summary:
          'The next bytes of the upload, from `Upload-Offset`; the first 4 KB are checked against the declared type',
        parameters: [TUS_RESUMABLE, UPLOAD_SECRET, UPLOAD_OFFSET],
        requestBody: { ...UPLOAD_BODY, required: true },
        responses: {
          204: { description: 'Stored.', headers: { 'Upload-Offset': OFFSET_ANSWER } },
          ...uploadErrors({
            ...SHARED_UPLOAD_ERRORS,
            404: ['upload_not_found'],
            409: ['upload_offset_conflict'],
            410: ['upload_gone'],
            413: ['file_too_large'],
            415: ['content_mismatch', 'invalid_upload_request'],
            422: ['upload_infected'],
            423: ['upload_locked'],
            503: ['scan_unavailable'],
          }),
        },
      },
      delete: {
        operationId: 'cancelUpload',
        summary: 'Cancel an upload no dossier took: its file and row are removed',
        parameters: [TUS_RESUMABLE, UPLOAD_SECRET],
        responses: {
          204: { description: 'Removed.' },
          ...uploadErrors({ ...SHARED_UPLOAD_ERRORS, 404: ['upload_not_found'] }),
        },
      },
    },
  };
}

/** The officer's download: the file's bytes, of the type its first bytes were checked against. */
function officerDownload(): JsonObject {
  const binary = (type: string) => [type, { schema: { type: 'string', contentMediaType: type } }];
  const errors: ErrorCodes = {
    401: ['unauthorised'],
    403: ['officer_actions_disabled'],
    404: ['dossier_not_found', 'attachment_not_found'],
    429: ['rate_limited'],
    500: ['internal_error'],
  };
  return {
    get: {
      operationId: 'downloadDossierAttachment',
      summary:
        'The bytes of one file of a filed dossier, for an officer (`Content-Disposition: attachment` with its name); a malformed code or id is 404 like an unknown one',
      parameters: parameters(z.object({ code: DossierCode, upload: UploadId }), 'path'),
      security: [{ [OFFICER_SECURITY]: [] }],
      responses: {
        200: {
          description: "The file's bytes.",
          headers: {
            'Content-Disposition': answerHeader("`attachment` with the file's name (RFC 8187 UTF-8 in `filename*`)."),
            'Content-Length': answerHeader('The file size in bytes.', { type: 'integer' }),
          },
          content: Object.fromEntries(FILE_KINDS.flatMap((kind) => kind.mimeTypes).map(binary)),
        },
        ...errorResponses(errors),
      },
    },
  };
}

export const fileRoutes = (): Record<string, JsonObject> => ({
  [OFFICER_ATTACHMENT_PATH]: officerDownload(),
  ...uploadPaths(),
});
