// One-off: the JSON-loaded forms deep-equal the TypeScript ones (deleted after it ran).
import { isDeepStrictEqual } from 'node:util';
import { banSaoTrichLuc } from './ban-sao-trich-luc.js';
import { ketHon } from './ket-hon.js';
import { khaiSinh } from './khai-sinh.js';
import { tinhTrangHonNhan } from './tinh-trang-hon-nhan.js';
import { troCapXaHoi } from './tro-cap-xa-hoi.js';
import { formById, formDefinitions, loadForms } from './index.js';

loadForms();
const expected = {
  'khai-sinh': khaiSinh,
  'ket-hon': ketHon,
  'ban-sao-trich-luc': banSaoTrichLuc,
  'tinh-trang-hon-nhan': tinhTrangHonNhan,
  'tro-cap-xa-hoi': troCapXaHoi,
};
let failed = 0;
for (const [id, form] of Object.entries(expected)) {
  const loaded = formById(id);
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(loaded)), JSON.parse(JSON.stringify(form))) && isDeepStrictEqual(loaded, form);
  console.log(`${id}: ${same ? 'deep-equal' : 'DIFFERENT'} (${JSON.stringify(form).length} characters)`);
  if (!same) failed++;
}
console.log(`${formDefinitions.length} forms loaded; ${failed} different`);
process.exitCode = failed ? 1 : 0;
