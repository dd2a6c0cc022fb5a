/**
 * 2.000635 Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh: the
 * electronic "Tờ khai cấp bản sao trích lục hộ tịch" (Thông tư
 * 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP). Fully online: the
 * copy may come back as an electronic copy. An organisation may ask for a
 * person's copy too (Nghị định 123/2015/NĐ-CP art. 64), stating why.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import {
  ANY_RESULT,
  authorisationSlot,
  copiesField,
  personFields,
  pledge,
  relationField,
  SEX_OPTIONS,
} from './parts.js';

const ORGANISATION = 'co-quan-to-chuc';

export const banSaoTrichLuc: FormDefinition = {
  procedure: '2.000635',
  version: 1,
  title: 'Tờ khai cấp bản sao trích lục hộ tịch',
  applicantKinds: ['person', 'organisation'],
  sections: [
    {
      id: 'nguoi-yeu-cau',
      title: 'Người yêu cầu',
      fields: [
        relationField('quan-he', 'Quan hệ với người được cấp bản sao', [
          ['ban-than', 'Bản thân'],
          ['cha-me', 'Cha, mẹ'],
          ['vo-chong', 'Vợ, chồng'],
          ['con', 'Con'],
          ['nguoi-than', 'Anh, chị, em hoặc người thân thích khác'],
          [ORGANISATION, 'Cơ quan, tổ chức có yêu cầu'],
        ]),
        {
          id: 'ly-do',
          type: 'textarea',
          label: 'Lý do, mục đích yêu cầu',
          required: true,
          maxLength: 1000,
          when: { field: 'quan-he', is: ORGANISATION },
        },
      ],
    },
    {
      id: 'nguoi-duoc-cap',
      title: 'Người có sự kiện hộ tịch',
      fields: [
        ...personFields('nguoi', 'của người có sự kiện hộ tịch', { identityOptional: true }),
        { id: 'gioi-tinh', type: 'radio', label: 'Giới tính', required: true, options: SEX_OPTIONS },
      ],
    },
    {
      id: 'su-kien',
      title: 'Việc hộ tịch đã đăng ký',
      fields: [
        {
          id: 'loai-viec',
          type: 'select',
          label: 'Loại việc hộ tịch',
          required: true,
          options: [
            { value: 'khai-sinh', label: 'Khai sinh' },
            { value: 'ket-hon', label: 'Kết hôn' },
            { value: 'khai-tu', label: 'Khai tử' },
            { value: 'nhan-cha-me-con', label: 'Nhận cha, mẹ, con' },
            { value: 'giam-ho', label: 'Giám hộ' },
            { value: 'thay-doi-cai-chinh', label: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch' },
          ],
        },
        {
          id: 'noi-dang-ky',
          type: 'text',
          label: 'Cơ quan đã đăng ký',
          required: true,
          maxLength: 200,
          help: 'Ví dụ: Ủy ban nhân dân xã Minh Họa.',
        },
        { id: 'so-dang-ky', type: 'text', label: 'Số đăng ký (nếu biết)', maxLength: 30 },
        { id: 'ngay-dang-ky', type: 'date', label: 'Ngày đăng ký (nếu biết)', range: 'past' },
        copiesField('so-ban-sao', 'Số bản sao đề nghị cấp', 1),
        {
          id: 'email-nhan-ban-sao',
          type: 'email',
          label: 'Thư điện tử nhận bản sao điện tử',
          help: 'Khi chọn nhận kết quả trực tuyến; để trống nếu dùng địa chỉ của người nộp hồ sơ.',
        },
      ],
    },
  ],
  documents: [authorisationSlot('quan-he')],
  delivery: ANY_RESULT,
  declaration: pledge('cấp bản sao trích lục hộ tịch'),
};
