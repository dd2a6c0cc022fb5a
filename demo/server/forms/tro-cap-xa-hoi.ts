/**
 * 1.001776 Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng:
 * one electronic form for the declarations of Nghị định 20/2021/NĐ-CP
 * (Mẫu số 1a to 1d, one per group of beneficiaries), which share their
 * core (who, where, what support they already receive, the household) and
 * differ in a few questions shown for the chosen group. The signed paper
 * declaration is still attached (the catalog lists it as a document to
 * upload): the council that reviews the file works from the signed copy.
 */
import type { FormDefinition } from '../../../src/api/contract/index.js';
import { ANY_RESULT, ETHNIC_GROUP_OPTIONS, scanSlot, SEX_OPTIONS } from './parts.js';

const CHILD = 'tre-em';
const STUDENT = 'tu-16-den-22-tuoi';
const DISABLED = 'nguoi-khuyet-tat';

const young = { field: 'nhom-doi-tuong', is: [CHILD, STUDENT] };
const disabled = { field: 'nhom-doi-tuong', is: DISABLED };

export const troCapXaHoi: FormDefinition = {
  procedure: '1.001776',
  version: 1,
  title: 'Tờ khai đề nghị trợ giúp xã hội',
  applicantKinds: ['person'],
  sections: [
    {
      id: 'de-nghi',
      title: 'Nội dung đề nghị',
      fields: [
        {
          id: 'noi-dung',
          type: 'radio',
          label: 'Đề nghị',
          required: true,
          options: [
            { value: 'thuc-hien', label: 'Hưởng trợ cấp xã hội hằng tháng' },
            { value: 'dieu-chinh', label: 'Điều chỉnh mức trợ cấp' },
            { value: 'thoi-huong', label: 'Thôi hưởng trợ cấp' },
          ],
        },
        {
          id: 'ly-do',
          type: 'textarea',
          label: 'Lý do điều chỉnh hoặc thôi hưởng',
          required: true,
          maxLength: 1000,
          when: { field: 'noi-dung', is: ['dieu-chinh', 'thoi-huong'] },
        },
        {
          id: 'nhom-doi-tuong',
          type: 'select',
          label: 'Nhóm đối tượng',
          required: true,
          help: 'Theo Điều 5 Nghị định số 20/2021/NĐ-CP.',
          options: [
            { value: CHILD, label: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng (Mẫu số 1a)' },
            { value: STUDENT, label: 'Người từ 16 đến 22 tuổi không có nguồn nuôi dưỡng, đang đi học (Mẫu số 1a)' },
            {
              value: 'don-than-nuoi-con',
              label: 'Người đơn thân thuộc hộ nghèo, hộ cận nghèo đang nuôi con (Mẫu số 1b)',
            },
            { value: 'nguoi-cao-tuoi', label: 'Người cao tuổi thuộc diện hưởng trợ cấp (Mẫu số 1c)' },
            { value: DISABLED, label: 'Người khuyết tật nặng, đặc biệt nặng (Mẫu số 1d)' },
          ],
        },
      ],
    },
    {
      id: 'doi-tuong',
      title: 'Thông tin của đối tượng',
      fields: [
        { id: 'ho-ten', type: 'text', label: 'Họ và tên', required: true, maxLength: 100 },
        { id: 'ngay-sinh', type: 'date', label: 'Ngày, tháng, năm sinh', required: true, range: 'past' },
        { id: 'gioi-tinh', type: 'radio', label: 'Giới tính', required: true, options: SEX_OPTIONS },
        { id: 'dan-toc', type: 'select', label: 'Dân tộc', required: true, options: ETHNIC_GROUP_OPTIONS },
        {
          id: 'so-dinh-danh',
          type: 'personal-id',
          label: 'Số định danh cá nhân',
          required: true,
          birthDateField: 'ngay-sinh',
        },
        { id: 'noi-thuong-tru', type: 'address', label: 'Nơi thường trú', required: true },
        { id: 'o-noi-thuong-tru', type: 'yesno', label: 'Hiện đang ở tại nơi thường trú?', required: true },
        {
          id: 'noi-o-hien-nay',
          type: 'address',
          label: 'Nơi ở hiện nay',
          required: true,
          when: { field: 'o-noi-thuong-tru', is: false },
        },
        {
          id: 'dien-thoai',
          type: 'phone',
          label: 'Số điện thoại liên hệ của đối tượng',
          help: 'Để trống nếu liên hệ qua người nộp hồ sơ.',
        },
        {
          id: 'hoc-tap',
          type: 'radio',
          label: 'Tình trạng đi học',
          required: true,
          when: young,
          options: [
            { value: 'chua-di-hoc', label: 'Chưa đi học' },
            { value: 'dang-di-hoc', label: 'Đang đi học' },
            { value: 'da-nghi-hoc', label: 'Đã nghỉ học' },
          ],
        },
        {
          id: 'co-so-giao-duc',
          type: 'text',
          label: 'Trường, cơ sở giáo dục đang theo học',
          required: true,
          maxLength: 200,
          when: { field: 'hoc-tap', is: 'dang-di-hoc' },
        },
        {
          id: 'dang-tat',
          type: 'checkboxes',
          label: 'Dạng khuyết tật',
          required: true,
          when: disabled,
          options: [
            { value: 'van-dong', label: 'Khuyết tật vận động' },
            { value: 'nghe-noi', label: 'Khuyết tật nghe, nói' },
            { value: 'nhin', label: 'Khuyết tật nhìn' },
            { value: 'than-kinh-tam-than', label: 'Khuyết tật thần kinh, tâm thần' },
            { value: 'tri-tue', label: 'Khuyết tật trí tuệ' },
            { value: 'khac', label: 'Khuyết tật khác' },
          ],
        },
        {
          id: 'muc-do-khuyet-tat',
          type: 'radio',
          label: 'Mức độ khuyết tật',
          required: true,
          when: disabled,
          options: [
            { value: 'dac-biet-nang', label: 'Đặc biệt nặng' },
            { value: 'nang', label: 'Nặng' },
          ],
        },
      ],
    },
    {
      id: 'che-do',
      title: 'Chế độ đang hưởng và hoàn cảnh',
      fields: [
        { id: 'co-bhyt', type: 'yesno', label: 'Có thẻ bảo hiểm y tế?', required: true },
        {
          id: 'che-do-dang-huong',
          type: 'checkboxes',
          label: 'Đang hưởng chế độ nào sau đây',
          help: 'Đánh dấu mọi chế độ đang hưởng hằng tháng; để trống nếu không hưởng chế độ nào.',
          options: [
            { value: 'luong-huu', label: 'Lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng' },
            { value: 'tro-cap-xa-hoi', label: 'Trợ cấp xã hội hằng tháng' },
            { value: 'uu-dai-nguoi-co-cong', label: 'Trợ cấp ưu đãi người có công hằng tháng' },
            { value: 'khac', label: 'Trợ cấp, phụ cấp hằng tháng khác' },
          ],
        },
        {
          id: 'ho-ngheo',
          type: 'radio',
          label: 'Hộ gia đình thuộc diện',
          required: true,
          options: [
            { value: 'ngheo', label: 'Hộ nghèo' },
            { value: 'can-ngheo', label: 'Hộ cận nghèo' },
            { value: 'khong', label: 'Không thuộc hộ nghèo, cận nghèo' },
          ],
        },
        {
          id: 'thu-nhap',
          type: 'number',
          label: 'Thu nhập bình quân đầu người của hộ',
          integer: true,
          min: 0,
          max: 100_000_000,
          unit: 'đồng/tháng',
        },
        {
          id: 'thanh-vien',
          type: 'group',
          label: 'Thành viên hộ gia đình đang sống cùng',
          itemLabel: 'Thành viên',
          maxItems: 20,
          help: 'Kê khai cả con đang được nuôi (Mẫu số 1b) và người chăm sóc (Mẫu số 1c, 1d).',
          fields: [
            { id: 'ho-ten', type: 'text', label: 'Họ và tên', required: true, maxLength: 100 },
            { id: 'ngay-sinh', type: 'date', label: 'Ngày, tháng, năm sinh', required: true, range: 'past' },
            {
              id: 'quan-he',
              type: 'select',
              label: 'Quan hệ với đối tượng',
              required: true,
              options: [
                { value: 'vo-chong', label: 'Vợ, chồng' },
                { value: 'con', label: 'Con' },
                { value: 'cha-me', label: 'Cha, mẹ' },
                { value: 'anh-chi-em', label: 'Anh, chị, em' },
                { value: 'ong-ba', label: 'Ông, bà' },
                { value: 'chau', label: 'Cháu' },
                { value: 'khac', label: 'Khác' },
              ],
            },
            {
              id: 'so-dinh-danh',
              type: 'personal-id',
              label: 'Số định danh cá nhân',
              birthDateField: 'ngay-sinh',
              help: 'Để trống nếu chưa có.',
            },
            { id: 'nghe-nghiep', type: 'text', label: 'Nghề nghiệp hoặc tình trạng đi học', maxLength: 100 },
            { id: 'khuyet-tat', type: 'yesno', label: 'Là người khuyết tật?', required: true },
            {
              id: 'muc-do',
              type: 'radio',
              label: 'Mức độ khuyết tật',
              required: true,
              when: { field: 'khuyet-tat', is: true },
              options: [
                { value: 'dac-biet-nang', label: 'Đặc biệt nặng' },
                { value: 'nang', label: 'Nặng' },
                { value: 'nhe', label: 'Nhẹ' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'khai-thay',
      title: 'Người khai thay',
      fields: [
        {
          id: 'khai-thay',
          type: 'yesno',
          label: 'Người nộp hồ sơ khai thay cho đối tượng?',
          required: true,
          help: 'Ví dụ: cha, mẹ khai cho con; người giám hộ; người thân chăm sóc người cao tuổi.',
        },
        {
          id: 'quan-he-khai-thay',
          type: 'select',
          label: 'Quan hệ của người khai thay với đối tượng',
          required: true,
          when: { field: 'khai-thay', is: true },
          options: [
            { value: 'cha-me', label: 'Cha, mẹ' },
            { value: 'vo-chong', label: 'Vợ, chồng' },
            { value: 'con', label: 'Con' },
            { value: 'nguoi-giam-ho', label: 'Người giám hộ' },
            { value: 'nguoi-than', label: 'Người thân thích khác' },
            { value: 'nguoi-cham-soc', label: 'Người đang chăm sóc, nuôi dưỡng' },
          ],
        },
      ],
    },
  ],
  documents: [
    scanSlot({
      slot: 'to-khai-co-chu-ky',
      name: 'Tờ khai đề nghị trợ giúp xã hội theo mẫu',
      note: 'Dùng mẫu 1a đến 1d tương ứng với nhóm đối tượng; điều chỉnh hoặc thôi hưởng thì nộp văn bản đề nghị nêu rõ lý do.',
      required: true,
      maxFiles: 3,
      template: {
        name: 'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
        url: 'forms/to-khai-tro-cap-xa-hoi.rtf',
        format: 'rtf',
      },
    }),
    scanSlot({
      slot: 'giay-xac-nhan-khuyet-tat',
      name: 'Bản sao Giấy xác nhận khuyết tật',
      note: 'Nếu thông tin chưa có trong cơ sở dữ liệu về người khuyết tật.',
      required: false,
      maxFiles: 2,
      when: disabled,
    }),
    scanSlot({
      slot: 'giay-to-chung-minh-doi-tuong',
      name: 'Giấy tờ chứng minh thuộc diện đối tượng (giấy chứng tử của cha, mẹ; quyết định của Tòa án; giấy xác nhận đang đi học…)',
      note: 'Tùy từng nhóm đối tượng; không phải nộp nếu thông tin đã có trong cơ sở dữ liệu quốc gia hoặc chuyên ngành.',
      required: false,
      maxFiles: 10,
    }),
  ],
  delivery: ANY_RESULT,
  declaration:
    'Tôi xin cam đoan những lời khai trên là đúng sự thật; nếu có điều gì khai không đúng, tôi xin chịu hoàn toàn trách nhiệm trước pháp luật.',
};
