/**
 * 1.001193 Đăng ký khai sinh: the electronic "Tờ khai đăng ký khai sinh"
 * (Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP, which adds
 * the personal ID numbers). The person filing is the dossier's applicant;
 * the form asks about the child, the mother and, when known, the father.
 *
 * The father's block depends on a yes/no: a child whose father is not
 * determined is registered with that part left blank (Nghị định
 * 123/2015/NĐ-CP art. 15). A foundling has no known mother either, and
 * brings the record of abandonment instead of a birth certificate.
 *
 * Both parents' personal IDs and ethnic groups are asked because this is the
 * domestic procedure: a child with a foreign parent is registered under
 * 1.001695 (Đăng ký khai sinh có yếu tố nước ngoài), a procedure of its own.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import {
  authorisationSlot,
  copiesField,
  ETHNIC_GROUP_OPTIONS,
  PAPER_RESULT,
  personFields,
  pledge,
  relationField,
  scanSlot,
  SEX_OPTIONS,
} from './parts.js';

const ORDINARY = 'thong-thuong';
const ABANDONED = 'tre-bi-bo-roi';
const SURROGACY = 'mang-thai-ho';

/** The mother is known unless the child was abandoned. */
const motherKnown = { field: 'truong-hop', is: [ORDINARY, SURROGACY] };

export const khaiSinh: FormDefinition = {
  procedure: '1.001193',
  version: 1,
  title: 'Tờ khai đăng ký khai sinh',
  applicantKinds: ['person'],
  sections: [
    {
      id: 'nguoi-di-dang-ky',
      title: 'Người đi đăng ký',
      description: 'Thông tin của người đi đăng ký lấy từ phần "Người nộp hồ sơ".',
      fields: [
        relationField('quan-he', 'Quan hệ với người được khai sinh', [
          ['cha', 'Cha'],
          ['me', 'Mẹ'],
          ['ong-ba', 'Ông, bà'],
          ['nguoi-than', 'Người thân thích khác'],
          ['nguoi-nuoi-duong', 'Cá nhân đang nuôi dưỡng trẻ em'],
        ]),
      ],
    },
    {
      id: 'nguoi-duoc-khai-sinh',
      title: 'Người được khai sinh',
      fields: [
        {
          id: 'truong-hop',
          type: 'radio',
          label: 'Trường hợp khai sinh',
          required: true,
          options: [
            { value: ORDINARY, label: 'Trẻ em có cha, mẹ hoặc có mẹ' },
            { value: ABANDONED, label: 'Trẻ em bị bỏ rơi, chưa xác định được cha, mẹ' },
            { value: SURROGACY, label: 'Trẻ em sinh ra do mang thai hộ' },
          ],
        },
        {
          id: 'ho-ten',
          type: 'text',
          label: 'Họ, chữ đệm và tên',
          required: true,
          maxLength: 100,
          help: 'Viết hoa hay thường đều được; ghi đủ dấu tiếng Việt.',
        },
        {
          id: 'ngay-sinh',
          type: 'date',
          label: 'Ngày, tháng, năm sinh',
          required: true,
          range: 'past',
          help: 'Ghi theo Giấy chứng sinh.',
        },
        { id: 'gioi-tinh', type: 'radio', label: 'Giới tính', required: true, options: SEX_OPTIONS },
        {
          id: 'dan-toc',
          type: 'select',
          label: 'Dân tộc',
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
          help: 'Theo dân tộc của cha hoặc mẹ, theo thỏa thuận của cha, mẹ.',
        },
        { id: 'quoc-tich', type: 'text', label: 'Quốc tịch', required: true, maxLength: 60, help: 'Ví dụ: Việt Nam.' },
        {
          id: 'noi-sinh',
          type: 'textarea',
          label: 'Nơi sinh',
          required: true,
          maxLength: 300,
          help: 'Sinh tại cơ sở y tế: ghi tên cơ sở y tế, xã, tỉnh; sinh ngoài cơ sở y tế: ghi xã, tỉnh nơi sinh.',
        },
        {
          id: 'que-quan',
          type: 'text',
          label: 'Quê quán',
          required: true,
          maxLength: 200,
          help: 'Theo quê quán của cha hoặc mẹ, theo thỏa thuận của cha, mẹ.',
        },
        copiesField('so-ban-sao', 'Số bản sao Giấy khai sinh đề nghị cấp', 0),
      ],
    },
    {
      id: 'me',
      title: 'Người mẹ',
      description: 'Không kê khai khi trẻ em bị bỏ rơi, chưa xác định được mẹ.',
      fields: personFields('me', 'của người mẹ', { when: motherKnown, sex: 'nu' }),
    },
    {
      id: 'cha',
      title: 'Người cha',
      fields: [
        {
          id: 'co-cha',
          type: 'yesno',
          label: 'Đã xác định được người cha?',
          required: true,
          help: 'Chọn "Không" khi chưa xác định được cha: phần khai về người cha để trống.',
        },
        ...personFields('cha', 'của người cha', { when: { field: 'co-cha', is: true }, sex: 'nam' }),
      ],
    },
  ],
  documents: [
    scanSlot({
      slot: 'giay-chung-sinh',
      name: 'Giấy chứng sinh do cơ sở y tế cấp',
      note: 'Nếu không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh.',
      required: true,
      maxFiles: 3,
      when: motherKnown,
    }),
    scanSlot({
      slot: 'bien-ban-tre-bi-bo-roi',
      name: 'Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập',
      required: true,
      when: { field: 'truong-hop', is: ABANDONED },
    }),
    scanSlot({
      slot: 'van-ban-mang-thai-ho',
      name: 'Văn bản chứng minh việc mang thai hộ',
      required: true,
      when: { field: 'truong-hop', is: SURROGACY },
    }),
    authorisationSlot('quan-he'),
  ],
  delivery: PAPER_RESULT,
  declaration: pledge('đăng ký khai sinh'),
};
