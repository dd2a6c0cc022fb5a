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

/** The forms by id: the name a procedure's case gives for its e-form in the catalogue. */
const byId = new Map<string, FormDefinition>([
  ['khai-sinh', khaiSinh],
  ['ket-hon', ketHon],
  ['ban-sao-trich-luc', banSaoTrichLuc],
  ['tinh-trang-hon-nhan', tinhTrangHonNhan],
  ['tro-cap-xa-hoi', troCapXaHoi],
]);

export const formDefinitions: readonly FormDefinition[] = [...byId.values()];

/** The form with id `id`, or undefined when there is none. */
export const formById = (id: string): FormDefinition | undefined => byId.get(id);

/** The id of the form written for procedure `code` (what a catalogue file of version 1 meant by "filed online"). */
export const formIdFor = (code: string): string | undefined =>
  [...byId].find(([, definition]) => definition.procedure === code)?.[0];

/** The form written for procedure `code`, or undefined when there is none. */
export const formFor = (code: string): FormDefinition | undefined => {
  const id = formIdFor(code);
  return id === undefined ? undefined : byId.get(id);
};
