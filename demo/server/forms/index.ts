/**
 * The electronic forms (tờ khai điện tử) of the procedures this backend
 * accepts online, one file per procedure. A procedure can be filed online
 * exactly when it has a definition here: the seed catalog's
 * `onlineSubmission` is derived from {@link hasFormDefinition}, so the
 * search never offers to file a procedure that has no form.
 *
 * These modules must not import the seed catalog (the catalog imports this
 * one); a slot's template is therefore written out, and
 * `test/backend/forms.test.ts` checks it against the catalog's.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { banSaoTrichLuc } from './ban-sao-trich-luc.js';
import { ketHon } from './ket-hon.js';
import { khaiSinh } from './khai-sinh.js';
import { tinhTrangHonNhan } from './tinh-trang-hon-nhan.js';
import { troCapXaHoi } from './tro-cap-xa-hoi.js';

export const formDefinitions: readonly FormDefinition[] = [
  khaiSinh,
  ketHon,
  banSaoTrichLuc,
  tinhTrangHonNhan,
  troCapXaHoi,
];

const byProcedure = new Map(formDefinitions.map((definition) => [definition.procedure, definition]));

/** The form of a procedure, or undefined when it cannot be filed online. */
export const formFor = (code: string): FormDefinition | undefined => byProcedure.get(code);

export const hasFormDefinition = (code: string): boolean => byProcedure.has(code);
