/**
 * Synthetic procedures for load tests: the real catalogue has about thirty,
 * which hides any cost that grows with the table. These are variations of
 * the real ones (an action prefixed, a case appended, an extra document,
 * another online level), so names, words and field mix stay realistic and
 * searches hit them the way they hit real procedures.
 *
 * Codes run from `9.000001` up: no national code starts with 9, so synthetic
 * rows can never collide with, or be mistaken for, real procedures.
 * Deterministic for a given seed, so benchmark runs are comparable.
 */
import type { OnlineLevel, RequiredDocument } from '../../../../src/api/contract/index.js';
import type { CatalogueEntry } from '../cases.js';

const ACTIONS = ['Cấp lại', 'Điều chỉnh', 'Gia hạn', 'Hủy', 'Xác nhận', 'Bổ sung hồ sơ'];

const CASES = [
  'có yếu tố nước ngoài',
  'lưu động',
  'trường hợp quá hạn',
  'cho người đang cư trú ở nước ngoài',
  'cho trẻ em bị bỏ rơi',
  'đối với hộ gia đình',
  'đối với cá nhân',
  'đối với tổ chức',
  'cho người có công với cách mạng',
  'trường hợp ủy quyền',
  'trên môi trường điện tử',
  'tại Bộ phận Một cửa',
  'lần thứ hai trở lên',
  'theo yêu cầu của cơ quan có thẩm quyền',
  'cho đồng bào dân tộc thiểu số',
  'kết hợp nhiều việc',
];

const EXTRA_DOCUMENTS: RequiredDocument[] = [
  { name: 'Văn bản ủy quyền', originals: 1, copies: 0, uploadRequired: false, note: 'Trường hợp ủy quyền' },
  { name: 'Bản sao giấy tờ chứng minh nhân thân', originals: 0, copies: 1, uploadRequired: true },
  { name: 'Giấy tờ chứng minh nơi cư trú', originals: 0, copies: 1, uploadRequired: true },
  { name: 'Văn bản xác nhận của cơ quan có thẩm quyền', originals: 1, copies: 0, uploadRequired: true },
  { name: 'Bản chụp hộ chiếu còn giá trị sử dụng', originals: 0, copies: 1, uploadRequired: true },
];

const LEVELS: OnlineLevel[] = ['toan-trinh', 'mot-phan', 'thong-tin'];

/** mulberry32: a tiny seeded generator, plenty for picking variations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** `count` variations of the `base` procedures, with codes from `9.000001`. */
export function syntheticProcedures(base: CatalogueEntry[], count: number, seed = 2025): CatalogueEntry[] {
  if (count > 999_999) throw new Error('At most 999,999 synthetic procedures fit the 9.xxxxxx code range');
  if (count > 0 && base.length === 0) throw new Error('Synthetic procedures need at least one real procedure to vary');
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

  return Array.from({ length: count }, (_, i) => {
    const original = base[i % base.length]!;
    // Each variation gets an action, a case or both, never neither.
    const shape = Math.floor(next() * 3);
    const name = [
      shape !== 1 ? `${pick(ACTIONS)} ${lowerFirst(original.name)}` : original.name,
      shape !== 0 ? pick(CASES) : '',
    ]
      .join(' ')
      .trim();
    const onlineLevel = pick(LEVELS);
    const { form: _form, ...usual } = original.cases[0]!;
    const { processingTime } = usual;
    return {
      ...original,
      code: `9.${String(i + 1).padStart(6, '0')}`,
      name,
      onlineLevel,
      // One case without an e-form: a made-up procedure is never offered for filing here.
      cases: [
        {
          ...usual,
          processingTime:
            processingTime.value === undefined
              ? processingTime
              : { ...processingTime, value: processingTime.value + Math.floor(next() * 5) },
          documents: [...usual.documents, pick(EXTRA_DOCUMENTS)],
        },
      ],
    };
  });
}
