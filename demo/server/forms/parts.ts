/**
 * Building blocks the form definitions share: the 54 ethnic groups, a
 * person's identity fields, the "filed by an authorised person" question
 * with its document slot, upload limits and the declaration. Written once
 * so that the five forms ask the same thing the same way.
 */
import type { DeliveryMethod, DocumentSlotDefinition, SimpleField } from '../../../src/api/contract/index.js';

const MiB = 2 ** 20;

/** Scans and phone photos of a paper: 10 MiB is a generous multi-page PDF, well under the 20 MiB upload limit. */
const SCAN_BYTES = 10 * MiB;
/** What a scanned paper may be: a PDF or a photo (phones save HEIC). */
const SCAN_KINDS: DocumentSlotDefinition['accept'] = ['pdf', 'jpeg', 'png', 'heic'];

/** A document slot for a scanned paper, with the usual kinds and limits. */
export const scanSlot = (
  slot: Omit<DocumentSlotDefinition, 'accept' | 'maxFileBytes' | 'maxFiles'> & { maxFiles?: number },
): DocumentSlotDefinition => ({
  accept: SCAN_KINDS,
  maxFileBytes: SCAN_BYTES,
  maxFiles: 5,
  ...slot,
});

/** Result channels: a paper original is handed over or posted; a `toàn trình` procedure may also answer online. */
export const PAPER_RESULT: DeliveryMethod[] = ['desk', 'post'];
export const ANY_RESULT: DeliveryMethod[] = ['online', 'post', 'desk'];

/** The pledge every civil-status declaration ends with (Thông tư 04/2020/TT-BTP). */
export const pledge = (what: string): string =>
  `Tôi cam đoan nội dung đề nghị ${what} trên đây là đúng sự thật và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.`;

/**
 * The 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt Nam, General
 * Statistics Office, 1979), in its order; the value is the name's slug.
 */
const ETHNIC_GROUPS = [
  'Kinh',
  'Tày',
  'Thái',
  'Hoa',
  'Khmer',
  'Mường',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ngái',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Raglay',
  'Xtiêng',
  'Bru - Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ Tu',
  'Gié Triêng',
  'Mạ',
  'Khơ Mú',
  'Co',
  'Tà Ôi',
  'Chơ Ro',
  'Kháng',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cờ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
];

/** `Bru - Vân Kiều` → `bru-van-kieu`: no diacritics, đ as d, words joined by dashes. */
const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const ETHNIC_GROUP_OPTIONS = ETHNIC_GROUPS.map((name) => ({ value: slug(name), label: name }));

export const SEX_OPTIONS = [
  { value: 'nam', label: 'Nam' },
  { value: 'nu', label: 'Nữ' },
];

type Condition = SimpleField['when'];

/** Optional extras of a person's block: the condition that shows it, the sex the role fixes. */
interface PersonOptions {
  when?: Condition;
  sex?: 'nam' | 'nu';
  /**
   * The personal ID and the residence asked but not required: the person
   * may have died, or been registered before 12-digit IDs existed (a copy of
   * an old birth or death record).
   */
  identityOptional?: boolean;
}

const whenOf = (when: Condition): { when?: NonNullable<Condition> } => (when ? { when } : {});

/**
 * A person named on a civil-status form (the mother, a spouse, the person a
 * copy is for): full name, date of birth, ethnic group, nationality, the
 * 12-digit personal ID checked against the date of birth (and the sex when
 * the role fixes it), and where they live. Ids are prefixed (`me-ho-ten`).
 */
export function personFields(prefix: string, whose: string, options: PersonOptions = {}): SimpleField[] {
  const when = whenOf(options.when);
  const sex = options.sex ? { sex: options.sex } : {};
  return [
    {
      id: `${prefix}-ho-ten`,
      type: 'text',
      label: `Họ, chữ đệm và tên ${whose}`,
      required: true,
      maxLength: 100,
      ...when,
    },
    {
      id: `${prefix}-ngay-sinh`,
      type: 'date',
      label: `Ngày, tháng, năm sinh ${whose}`,
      required: true,
      range: 'past',
      ...when,
    },
    {
      id: `${prefix}-dan-toc`,
      type: 'select',
      label: `Dân tộc ${whose}`,
      required: true,
      options: ETHNIC_GROUP_OPTIONS,
      ...when,
    },
    {
      id: `${prefix}-quoc-tich`,
      type: 'text',
      label: `Quốc tịch ${whose}`,
      help: 'Ví dụ: Việt Nam.',
      required: true,
      maxLength: 60,
      ...when,
    },
    {
      id: `${prefix}-so-dinh-danh`,
      type: 'personal-id',
      label: `Số định danh cá nhân ${whose}`,
      help: '12 chữ số, in trên thẻ Căn cước hoặc Căn cước công dân.',
      required: !options.identityOptional,
      birthDateField: `${prefix}-ngay-sinh`,
      ...sex,
      ...when,
    },
    {
      id: `${prefix}-noi-cu-tru`,
      type: 'address',
      label: `Nơi cư trú ${whose}`,
      required: !options.identityOptional,
      ...when,
    },
  ];
}

/**
 * "Người đi đăng ký là…": who files, for a civil-status form. An authorised
 * person must attach the authorisation ({@link authorisationSlot}); the
 * others prove their relation from the population database.
 */
export const RELATION_AUTHORISED = 'uy-quyen';

export const relationField = (id: string, label: string, relations: [value: string, label: string][]): SimpleField => ({
  id,
  type: 'radio',
  label,
  required: true,
  options: [...relations, [RELATION_AUTHORISED, 'Người được ủy quyền'] as const].map(([value, text]) => ({
    value,
    label: text,
  })),
});

/** The authorisation document, shown only when the person filing was authorised (field `relationId`). */
export const authorisationSlot = (relationId: string): DocumentSlotDefinition =>
  scanSlot({
    slot: 'van-ban-uy-quyen',
    name: 'Văn bản ủy quyền',
    note: 'Phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
    required: true,
    maxFiles: 3,
    when: { field: relationId, is: RELATION_AUTHORISED },
  });

/** How many paper copies (bản sao) to issue besides the original. */
export const copiesField = (id: string, label: string, min: number): SimpleField => ({
  id,
  type: 'number',
  label,
  integer: true,
  min,
  max: 20,
  unit: 'bản',
  help: 'Bản sao được cấp theo yêu cầu; lệ phí tính theo số bản.',
  ...(min > 0 ? { required: true } : {}),
});
