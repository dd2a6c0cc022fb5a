/**
 * The reference backend's seed catalogue: two SAMPLE agencies of an
 * imaginary commune and the real commune-level procedures they handle, as
 * data in `catalogue.json` (a catalogue file, src/api/contract/catalogue-file.ts,
 * where each procedure says where its data came from), and the form
 * templates its documents link to (`templates.ts`). Agency names say
 * "(mẫu)" so nobody takes them for a real office.
 *
 * The backend imports it into an empty database, or when started with
 * `--seed`; the tests and Storybook's in-browser backend read it from here.
 */
import type { CatalogueFile } from '../../../../src/api/contract/catalogue-file.js';
import type { ProcedureDetail } from '../../../../src/api/contract/index.js';
import { procedureDetailOf } from '../cases.js';
import { checkedCatalogueFile, catalogueOf } from '../file.js';
import json from './catalogue.json';

export { formTemplates } from './templates.js';

/** The seed as its file says it, checked as an import checks it. */
export const seedFile: CatalogueFile = checkedCatalogueFile(json, 'demo/server/catalogue/seed/catalogue.json');

/** The seed as the backend imports it, each procedure with its source. */
export const demoCatalogue = catalogueOf(seedFile);

/** The agencies, and the procedures as the catalogue holds them (each case with its e-form): what a seed writes. */
export const { agencies, procedures } = demoCatalogue;

/** The procedures as the API shows them (a case says whether it is filed online; the source is for operators only). */
export const shownProcedures: ProcedureDetail[] = procedures.map(procedureDetailOf);
