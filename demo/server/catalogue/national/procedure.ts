/**
 * One national procedure, as the national database's JSON answers and its
 * Excel export give it, and its conversion into the catalogue's model. The
 * conversion is this module's one function on purpose: when the catalogue
 * format changes (procedure cases, issue 16), this is the only place that
 * follows.
 *
 * The national list says little: code, name, field, agency, target groups,
 * level, status, the publishing decision; steps and required documents come
 * from two further answers when the operator has them. What it does not
 * say (processing time, fees, copies of each document) is said to be
 * missing rather than invented, and the citizen is pointed to the national
 * detail page. These procedures have no e-form on this site: they cannot
 * be filed online here.
 */
import type { Agency, FieldOfActivity } from '../../../../src/api/contract/index.js';
import type { Catalogue } from '../seed/index.js';

/** A procedure read from the national database, each value already cleaned (values.ts). */
export interface NationalProcedure {
  /** Where it was read, for messages: `search[3]`, `row 12`. */
  place: string;
  /** The national code, possibly with a local suffix. */
  code: string;
  /** The agency code that a local suffix names. */
  agencyCode?: string;
  name: string;
  /** The field of activity's name (Lĩnh vực). */
  field: string;
  /** The implementing or publishing agency's name, as the data words it. */
  agencyName?: string;
  /** Đối tượng thực hiện. */
  targets?: string;
  /** Cấp thực hiện, e.g. "Cấp Xã". */
  level?: string;
  /** Quyết định công bố, e.g. "1234/QĐ-UBND". */
  decision?: string;
  /** Trình tự thực hiện, in order. */
  steps: string[];
  /** Thành phần hồ sơ: each document's name. */
  documents: string[];
}

/** The catalogue's procedure entry. */
export type CatalogueEntry = Catalogue['procedures'][number];

/** Where the national data lives, for the citizen who needs more than we hold. */
export const NATIONAL_DETAIL_URL = 'https://thutuc.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html';

const SEE_NATIONAL = 'Xem chi tiết trên Cơ sở dữ liệu quốc gia về thủ tục hành chính';

/** `national` as a catalogue procedure of `agency` in `field`; `source` says which file or answer it came from. */
export function catalogueProcedure(
  national: NationalProcedure,
  agency: Agency,
  field: FieldOfActivity,
  source: string,
): CatalogueEntry {
  const nationalCode = national.code.slice(0, 8);
  return {
    code: national.code,
    name: national.name,
    field,
    agency,
    feeSummary: { min: 0, max: null },
    onlineLevel: 'thong-tin',
    // One case, as the national list has them; no e-form, so not filed online here.
    cases: [
      {
        code: 'chung',
        name: national.name,
        documents: national.documents.map((name) => ({
          name,
          originals: 0,
          copies: 0,
          uploadRequired: false,
          note: `Số bản chính, bản sao: ${SEE_NATIONAL.toLowerCase()}`,
        })),
        fees: [{ label: 'Phí, lệ phí', amount: null, note: SEE_NATIONAL }],
        processingTime: { unit: 'working-days', note: `Thời hạn giải quyết: ${SEE_NATIONAL.toLowerCase()}` },
      },
    ],
    steps: national.steps,
    conditions: national.targets ? [`Đối tượng thực hiện: ${national.targets}`] : [],
    legalBasis: [
      ...(national.decision ? [{ title: `Quyết định công bố: ${national.decision}` }] : []),
      { title: SEE_NATIONAL, url: `${NATIONAL_DETAIL_URL}?ma_thu_tuc=${nationalCode}` },
    ],
    forms: [],
    results: [],
    source: national.level ? `${source}; ${national.level}` : source,
  };
}
