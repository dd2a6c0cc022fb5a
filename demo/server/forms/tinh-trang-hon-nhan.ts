/**
 * 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân: the electronic "Tờ khai
 * cấp Giấy xác nhận tình trạng hôn nhân" (Thông tư 04/2020/TT-BTP as
 * amended by Thông tư 04/2024/TT-BTP). The certificate is valid for one
 * purpose only; when that purpose is a marriage it must name the intended
 * spouse and where the marriage will be registered (Thông tư 04/2020 art.
 * 12), so choosing "kết hôn" shows those fields.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import {
  authorisationSlot,
  PAPER_RESULT,
  personFields,
  pledge,
  RELATION_AUTHORISED,
  relationField,
  scanSlot,
  SEX_OPTIONS,
} from './parts.js';

const forSomeoneElse = { field: 'quan-he', is: RELATION_AUTHORISED };
const forMarriage = { field: 'muc-dich', is: 'ket-hon' };

export const tinhTrangHonNhan: FormDefinition = {
  procedure: '1.004873',
  version: 1,
  title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
  applicantKinds: ['person'],
  sections: [
    {
      id: 'nguoi-yeu-cau',
      title: 'Người yêu cầu',
      fields: [relationField('quan-he', 'Người nộp hồ sơ là', [['ban-than', 'Người được cấp Giấy xác nhận']])],
    },
    {
      id: 'nguoi-duoc-cap',
      title: 'Người được cấp Giấy xác nhận',
      description: 'Chỉ kê khai khi nộp hồ sơ thay người khác; tự nộp thì dùng thông tin của người nộp hồ sơ.',
      fields: [
        ...personFields('nguoi', 'của người được cấp', { when: forSomeoneElse }),
        {
          id: 'gioi-tinh',
          type: 'radio',
          label: 'Giới tính',
          required: true,
          options: SEX_OPTIONS,
          when: forSomeoneElse,
        },
      ],
    },
    {
      id: 'tinh-trang',
      title: 'Tình trạng hôn nhân',
      fields: [
        {
          id: 'tinh-trang',
          type: 'radio',
          label: 'Tình trạng hôn nhân hiện nay',
          required: true,
          options: [
            { value: 'chua-ket-hon', label: 'Chưa đăng ký kết hôn với ai' },
            { value: 'dang-co-vo-chong', label: 'Đang có vợ hoặc chồng' },
            { value: 'da-ly-hon', label: 'Đã ly hôn, chưa kết hôn lại' },
            { value: 'vo-chong-da-chet', label: 'Vợ hoặc chồng đã chết, chưa kết hôn lại' },
          ],
        },
        {
          id: 'ho-ten-vo-chong',
          type: 'text',
          label: 'Họ, chữ đệm và tên vợ hoặc chồng hiện nay',
          required: true,
          maxLength: 100,
          when: { field: 'tinh-trang', is: 'dang-co-vo-chong' },
        },
        {
          id: 'noi-cu-tru-truoc',
          type: 'group',
          label: 'Nơi đã cư trú trước đây',
          itemLabel: 'Nơi cư trú',
          maxItems: 10,
          help: 'Kê khai khi đã cư trú ở nơi khác từ khi đủ tuổi kết hôn (nữ đủ 18 tuổi, nam đủ 20 tuổi); nơi đó có thể được đề nghị xác minh.',
          fields: [
            { id: 'dia-chi', type: 'address', label: 'Địa chỉ', required: true },
            { id: 'tu-ngay', type: 'date', label: 'Từ ngày', required: true, range: 'past' },
            { id: 'den-ngay', type: 'date', label: 'Đến ngày', required: true, range: 'past' },
          ],
        },
        {
          id: 'da-duoc-cap',
          type: 'yesno',
          label: 'Đã từng được cấp Giấy xác nhận tình trạng hôn nhân?',
          required: true,
        },
      ],
    },
    {
      id: 'muc-dich',
      title: 'Mục đích sử dụng',
      fields: [
        {
          id: 'muc-dich',
          type: 'select',
          label: 'Mục đích sử dụng Giấy xác nhận',
          required: true,
          options: [
            { value: 'ket-hon', label: 'Đăng ký kết hôn' },
            { value: 'giao-dich-tai-san', label: 'Mua bán, chuyển nhượng, thế chấp tài sản' },
            { value: 'vay-von', label: 'Vay vốn ngân hàng' },
            { value: 'lao-dong-nuoc-ngoai', label: 'Đi lao động, học tập ở nước ngoài' },
            { value: 'khac', label: 'Mục đích khác' },
          ],
        },
        {
          id: 'ket-hon-ho-ten',
          type: 'text',
          label: 'Họ, chữ đệm và tên người dự định kết hôn',
          required: true,
          maxLength: 100,
          when: forMarriage,
        },
        {
          id: 'ket-hon-ngay-sinh',
          type: 'date',
          label: 'Ngày, tháng, năm sinh người dự định kết hôn',
          required: true,
          range: 'past',
          when: forMarriage,
        },
        {
          id: 'ket-hon-quoc-tich',
          type: 'text',
          label: 'Quốc tịch người dự định kết hôn',
          required: true,
          maxLength: 60,
          when: forMarriage,
        },
        {
          id: 'ket-hon-giay-to',
          type: 'text',
          label: 'Giấy tờ tùy thân của người dự định kết hôn (loại, số)',
          required: true,
          maxLength: 100,
          when: forMarriage,
        },
        {
          id: 'ket-hon-noi-dang-ky',
          type: 'text',
          label: 'Nơi dự định đăng ký kết hôn',
          required: true,
          maxLength: 200,
          when: forMarriage,
        },
        {
          id: 'muc-dich-khac',
          type: 'text',
          label: 'Ghi rõ mục đích',
          required: true,
          maxLength: 200,
          when: { field: 'muc-dich', is: 'khac' },
        },
        {
          id: 'so-luong',
          type: 'number',
          label: 'Số lượng Giấy xác nhận đề nghị cấp',
          required: true,
          integer: true,
          min: 1,
          max: 10,
          unit: 'bản',
        },
      ],
    },
  ],
  documents: [
    scanSlot({
      slot: 'giay-to-ly-hon-hoac-chet',
      name: 'Bản án, quyết định ly hôn đã có hiệu lực hoặc giấy tờ chứng minh vợ, chồng đã chết',
      note: 'Khi thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      required: false,
      when: { field: 'tinh-trang', is: ['da-ly-hon', 'vo-chong-da-chet'] },
    }),
    scanSlot({
      slot: 'giay-xac-nhan-da-cap',
      name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây',
      note: 'Nộp lại khi đề nghị cấp để dùng vào mục đích khác hoặc khi giấy cũ đã hết thời hạn sử dụng.',
      required: true,
      maxFiles: 2,
      when: { field: 'da-duoc-cap', is: true },
    }),
    authorisationSlot('quan-he'),
  ],
  delivery: PAPER_RESULT,
  declaration: pledge('cấp Giấy xác nhận tình trạng hôn nhân'),
};
