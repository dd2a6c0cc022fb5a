/**
 * The backend contract, version 1: what every part shares (codes, text,
 * money, a form template, the error body). A module of its own so that a
 * widget's chunk carries only the schemas it uses: a bundler moves a module
 * whole, so the catalogue's schemas in the same file would travel with the
 * form and the lookup too.
 *
 * We use `zod/mini`: the same schemas as full zod at about a twentieth of the
 * size in the browser, which is what lets a whole widget fit its size budget.
 *
 * Conventions: codes are the national ones; money is an integer in đồng;
 * text from the backend is plain text (never HTML) in Vietnamese, NFC.
 */
import * as z from 'zod/mini';

/**
 * The header that carries a dossier draft's upload secret (`UploadSecret`,
 * uploads.ts) on every tus request (creation, HEAD, PATCH, DELETE). An
 * upload id alone opens nothing: ids travel in answers, drafts and
 * dossiers, and whoever learns one must still hold the secret that only the
 * citizen's browser keeps. Here rather than in uploads.ts because every
 * widget's shared chunk holds this module: the upload widget reads the name
 * without loading a chunk of its own for it.
 */
export const UPLOAD_SECRET_HEADER = 'Dvc-Upload-Secret';

/** Agency electronic code (Decision 20/2020/QĐ-TTg), e.g. `000.00.00.H37`. */
export const AgencyCode = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/));

/** National procedure code, e.g. `1.001193`, optionally with a local suffix `1.001193.000.00.00.H37`. */
export const ProcedureCode = z.string().check(z.regex(/^\d\.\d{6}(?:\.[A-Za-z0-9.]{1,40})?$/));

/** An amount of money in Vietnamese đồng. */
export const Money = z.int().check(z.nonnegative());

/** Plain text from the backend: never HTML, NFC, not empty. */
export const Text = z.string().check(z.minLength(1), z.maxLength(4000));
export const Url = z.string().check(z.minLength(1), z.maxLength(2000));

export const AgencyRef = z.object({ code: AgencyCode, name: Text });

export const FormTemplate = z.object({
  /** Form number and name, e.g. "Tờ khai đăng ký khai sinh". */
  name: Text,
  /** Download address, absolute or relative to the API base. */
  url: Url,
  /** File format shown to the citizen, e.g. `docx`, `pdf`, `rtf`. */
  format: z.string().check(z.regex(/^[a-z0-9]{2,5}$/)),
});

/** Every 4xx/5xx answer of the contract carries this body. */
export const ApiError = z.object({
  error: z.object({
    /** Stable machine code, e.g. `validation_failed`, `procedure_not_found`, `agency_not_found`. */
    code: z.string(),
    message: z.string(),
    /**
     * One entry per wrong value. `path` is dotted (`applicant.personalId`,
     * `answers.members.1.birthDate`); `code`, where given, is a stable reason
     * (see `ProblemCode` in `dossiers.ts`) that a widget translates and shows at the field.
     */
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string(), code: z.optional(z.string()) }))),
  }),
});

export type AgencyCode = z.infer<typeof AgencyCode>;
export type FormTemplate = z.infer<typeof FormTemplate>;
export type ApiError = z.infer<typeof ApiError>;
