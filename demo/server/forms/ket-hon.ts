/**
 * 1.000894 Đăng ký kết hôn: the electronic "Tờ khai đăng ký kết hôn"
 * (Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP). One
 * declaration for both parties; either may file it, but not through an
 * authorised person: both must come to sign (Luật Hộ tịch 2014 art. 18),
 * so the result is handed over at the desk only.
 */
import type { FormDefinition, SimpleField } from '../../../src/api/contract/index.js';
import { copiesField, personFields, scanSlot } from './parts.js';

/** The "kết hôn lần thứ mấy" line of each party. */
const marriageRank = (prefix: string, whose: string): SimpleField => ({
  id: `${prefix}-lan-ket-hon`,
  type: 'number',
  label: `Kết hôn lần thứ mấy (${whose})`,
  required: true,
  integer: true,
  min: 1,
  max: 10,
});

export const ketHon: FormDefinition = {
  procedure: '1.000894',
  version: 1,
  title: 'Tờ khai đăng ký kết hôn',
  applicantKinds: ['person'],
  sections: [
    {
      id: 'nguoi-nop',
      title: 'Người nộp hồ sơ',
      description: 'Một trong hai bên nộp hồ sơ; cả hai bên cùng có mặt khi nhận Giấy chứng nhận kết hôn.',
      fields: [
        {
          id: 'ben-nop',
          type: 'radio',
          label: 'Người nộp hồ sơ là',
          required: true,
          options: [
            { value: 'ben-nu', label: 'Bên nữ' },
            { value: 'ben-nam', label: 'Bên nam' },
          ],
        },
      ],
    },
    {
      id: 'ben-nu',
      title: 'Bên nữ',
      fields: [...personFields('nu', 'bên nữ', { sex: 'nu' }), marriageRank('nu', 'bên nữ')],
    },
    {
      id: 'ben-nam',
      title: 'Bên nam',
      fields: [...personFields('nam', 'bên nam', { sex: 'nam' }), marriageRank('nam', 'bên nam')],
    },
    {
      id: 'dang-ky',
      title: 'Đề nghị',
      fields: [
        {
          id: 'cu-tru-noi-khac',
          type: 'yesno',
          label: 'Có bên nào cư trú ở xã, phường khác nơi đăng ký kết hôn không?',
          required: true,
          help: 'Nếu có, bên đó nộp Giấy xác nhận tình trạng hôn nhân, trừ khi thông tin đã có trong Cơ sở dữ liệu hộ tịch điện tử.',
        },
        {
          id: 'ngay-du-kien',
          type: 'date',
          label: 'Ngày hai bên dự kiến đến ký và nhận Giấy chứng nhận kết hôn',
          range: 'future',
        },
        copiesField('so-ban-sao', 'Số bản sao Trích lục kết hôn đề nghị cấp', 0),
      ],
    },
  ],
  documents: [
    scanSlot({
      slot: 'giay-xac-nhan-tinh-trang-hon-nhan',
      name: 'Giấy xác nhận tình trạng hôn nhân',
      note: 'Của bên không cư trú tại xã nơi đăng ký kết hôn, khi thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      required: false,
      maxFiles: 2,
      when: { field: 'cu-tru-noi-khac', is: true },
    }),
  ],
  delivery: ['desk'],
  declaration:
    'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình, và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
};
