/**
 * The form templates (mẫu đơn, tờ khai) the seed catalogue's documents link
 * to, as sources the backend renders to RTF (`GET /forms/{id}.rtf`,
 * forms/rtf.ts): their titles and lines as the national texts give them
 * (Thông tư 04/2020/TT-BTP and 04/2024/TT-BTP for civil status, the police's
 * CT01 for residence). Code rather than data: each is built from shared
 * parts (the national header, a person's lines, a pledge).
 */
import type { FormTemplateSource } from '../../forms/rtf.js';

const NATIONAL_HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const TT_HO_TICH_FORM = 'Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP';
const REQUESTER = ['Họ, chữ đệm, tên người yêu cầu:', 'Nơi cư trú:', 'Giấy tờ tùy thân:'];
const PERSON = [
  'Họ, chữ đệm, tên:',
  'Ngày, tháng, năm sinh:',
  'Giới tính, dân tộc, quốc tịch:',
  'Nơi cư trú:',
  'Giấy tờ tùy thân:',
];
const SIGNED_BY_REQUESTER = ['Làm tại:', 'Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)'];

/** One party of a registration (người nhận, người giám hộ…). */
const party = (role: string): string[] => [
  `Họ, chữ đệm, tên ${role}:`,
  'Ngày, tháng, năm sinh:',
  'Dân tộc, quốc tịch:',
  'Nơi cư trú:',
  'Giấy tờ tùy thân:',
];
/** A spouse, on the marriage declarations. */
const spouse = (side: string, withRank: boolean): string[] => [
  `Họ, chữ đệm, tên ${side}:`,
  `Ngày, tháng, năm sinh ${side}:`,
  `Dân tộc, quốc tịch ${side}:`,
  `Nơi cư trú ${side}:`,
  `Giấy tờ tùy thân ${side}:`,
  ...(withRank ? [`Kết hôn lần thứ mấy (${side}):`] : []),
];

const pledge = (what: string): string =>
  `Tôi cam đoan nội dung đề nghị ${what} trên đây là đúng sự thật và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.`;
const pledgeLost = (what: string, papers: string): string =>
  `Tôi cam đoan đã ${what} nhưng Sổ hộ tịch và ${papers} đều bị mất; nội dung đề nghị trên đây là đúng sự thật và tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.`;

/** Any form: the national header, the heading, then its own lines. */
function formSource(id: string, title: string, heading: string, lines: string[]): FormTemplateSource {
  return { id, title, lines: [...NATIONAL_HEADER, heading, ...lines] };
}

/** A civil-status declaration: addressee and requester, its own lines, the pledge, the signature. */
function hoTichForm(
  id: string,
  title: string,
  heading: string,
  body: string[],
  pledgeLine: string,
): FormTemplateSource {
  return formSource(id, title, heading, ['Kính gửi:', ...REQUESTER, ...body, pledgeLine, ...SIGNED_BY_REQUESTER]);
}

const marriageForm = (
  id: string,
  title: string,
  heading: string,
  withRank: boolean,
  extra: string[],
  pledgeLine: string,
) =>
  formSource(id, title, heading, [
    'Kính gửi:',
    ...spouse('bên nữ', withRank),
    ...spouse('bên nam', withRank),
    ...extra,
    pledgeLine,
    'Làm tại:',
    'Bên nữ (ký, ghi rõ họ, chữ đệm, tên)',
    'Bên nam (ký, ghi rõ họ, chữ đệm, tên)',
  ]);

export const formTemplates: FormTemplateSource[] = [
  // Hộ tịch ------------------------------------------------------------------
  hoTichForm(
    'to-khai-dang-ky-khai-sinh',
    'Tờ khai đăng ký khai sinh (Mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP)',
    'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    [
      'Quan hệ với người được khai sinh:',
      'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây',
      'Họ, chữ đệm, tên:',
      'Ngày, tháng, năm sinh:',
      'Ngày, tháng, năm sinh ghi bằng chữ:',
      'Giới tính:',
      'Dân tộc:',
      'Quốc tịch:',
      'Nơi sinh:',
      'Quê quán:',
      'Họ, chữ đệm, tên người mẹ:',
      'Năm sinh, dân tộc, quốc tịch, nơi cư trú của người mẹ:',
      'Họ, chữ đệm, tên người cha:',
      'Năm sinh, dân tộc, quốc tịch, nơi cư trú của người cha:',
      'Đề nghị cấp bản sao Giấy khai sinh (số lượng):',
    ],
    pledge('đăng ký khai sinh'),
  ),
  hoTichForm(
    'to-khai-dang-ky-lai-khai-sinh',
    `Tờ khai đăng ký lại khai sinh (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KHAI SINH',
    [
      'Quan hệ với người được đăng ký lại khai sinh:',
      'Đề nghị cơ quan đăng ký lại khai sinh cho người dưới đây',
      'Họ, chữ đệm, tên:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Nơi sinh:',
      'Quê quán:',
      'Họ, chữ đệm, tên người mẹ:',
      'Họ, chữ đệm, tên người cha:',
      'Đã đăng ký khai sinh tại:',
      'Ngày, tháng, năm đăng ký khai sinh:',
    ],
    pledgeLost('đăng ký khai sinh', 'bản chính Giấy khai sinh'),
  ),
  marriageForm(
    'to-khai-dang-ky-ket-hon',
    `Tờ khai đăng ký kết hôn (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    true,
    ['Đề nghị cấp bản sao Trích lục kết hôn (số lượng):'],
    'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam, và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  marriageForm(
    'to-khai-dang-ky-lai-ket-hon',
    `Tờ khai đăng ký lại kết hôn (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KẾT HÔN',
    false,
    ['Đã đăng ký kết hôn tại:', 'Ngày, tháng, năm đăng ký kết hôn:'],
    'Chúng tôi cam đoan đã đăng ký kết hôn nhưng Sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị mất; những lời khai trên đây là đúng sự thật và chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  hoTichForm(
    'to-khai-dang-ky-khai-tu',
    `Tờ khai đăng ký khai tử (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
    [
      'Quan hệ với người đã chết:',
      'Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây',
      'Họ, chữ đệm, tên người đã chết:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Giấy tờ tùy thân của người đã chết:',
      'Nơi cư trú cuối cùng:',
      'Đã chết vào lúc (giờ, phút, ngày, tháng, năm):',
      'Nơi chết:',
      'Nguyên nhân chết:',
      'Số Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử:',
      'Đề nghị cấp bản sao Trích lục khai tử (số lượng):',
    ],
    pledge('đăng ký khai tử'),
  ),
  hoTichForm(
    'to-khai-dang-ky-lai-khai-tu',
    `Tờ khai đăng ký lại khai tử (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ LẠI KHAI TỬ',
    [
      'Quan hệ với người đã chết:',
      'Đề nghị cơ quan đăng ký lại khai tử cho người có tên dưới đây',
      'Họ, chữ đệm, tên người đã chết:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc, quốc tịch:',
      'Nơi cư trú cuối cùng:',
      'Đã chết vào ngày, tháng, năm:',
      'Nơi chết:',
      'Đã đăng ký khai tử tại:',
      'Ngày, tháng, năm đăng ký khai tử:',
    ],
    pledgeLost('đăng ký khai tử', 'bản chính Giấy chứng tử'),
  ),
  hoTichForm(
    'to-khai-dang-ky-nhan-cha-me-con',
    `Tờ khai đăng ký nhận cha, mẹ, con (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ NHẬN CHA, MẸ, CON',
    [
      'Đề nghị cơ quan đăng ký việc nhận cha, mẹ, con giữa',
      ...party('người nhận'),
      ...party('người được nhận'),
      'Quan hệ (người nhận là cha, mẹ hoặc con của người được nhận):',
    ],
    'Tôi cam đoan việc nhận cha, mẹ, con nêu trên là đúng sự thật, tự nguyện, không có tranh chấp và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
  ),
  hoTichForm(
    'to-khai-dang-ky-giam-ho',
    `Tờ khai đăng ký giám hộ (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ GIÁM HỘ',
    [
      'Đề nghị cơ quan đăng ký việc giám hộ giữa',
      ...party('người giám hộ'),
      ...party('người được giám hộ'),
      'Hình thức giám hộ (giám hộ đương nhiên hoặc giám hộ cử):',
      'Lý do đăng ký giám hộ:',
    ],
    pledge('đăng ký giám hộ'),
  ),
  hoTichForm(
    'to-khai-dang-ky-cham-dut-giam-ho',
    `Tờ khai đăng ký chấm dứt giám hộ (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ CHẤM DỨT GIÁM HỘ',
    [
      'Đề nghị cơ quan đăng ký chấm dứt việc giám hộ giữa',
      ...party('người giám hộ'),
      'Họ, chữ đệm, tên người được giám hộ:',
      'Ngày, tháng, năm sinh của người được giám hộ:',
      'Đã đăng ký giám hộ tại:',
      'Số, ngày đăng ký giám hộ:',
      'Lý do chấm dứt giám hộ:',
    ],
    pledge('đăng ký chấm dứt giám hộ'),
  ),
  hoTichForm(
    'to-khai-thay-doi-cai-chinh-bo-sung-ho-tich',
    `Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (${TT_HO_TICH_FORM})`,
    'TỜ KHAI ĐĂNG KÝ THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC',
    [
      'Quan hệ với người được thay đổi, cải chính, bổ sung thông tin hộ tịch:',
      'Đề nghị cơ quan đăng ký việc thay đổi, cải chính, bổ sung thông tin hộ tịch cho người có tên dưới đây',
      ...PERSON,
      'Việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…) tại:',
      'Số, ngày đăng ký:',
      'Nội dung trước khi thay đổi, cải chính, bổ sung:',
      'Nội dung sau khi thay đổi, cải chính, bổ sung:',
      'Lý do:',
    ],
    pledge('thay đổi, cải chính, bổ sung thông tin hộ tịch'),
  ),
  hoTichForm(
    'to-khai-xac-nhan-tinh-trang-hon-nhan',
    `Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (${TT_HO_TICH_FORM})`,
    'TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
    [
      'Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân:',
      'Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây',
      ...PERSON,
      'Tình trạng hôn nhân:',
      'Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân:',
      'Số lượng Giấy xác nhận đề nghị cấp:',
    ],
    pledge('cấp Giấy xác nhận tình trạng hôn nhân'),
  ),
  hoTichForm(
    'to-khai-cap-ban-sao-trich-luc',
    `Tờ khai cấp bản sao trích lục hộ tịch (${TT_HO_TICH_FORM})`,
    'TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH',
    [
      'Quan hệ với người được cấp bản sao trích lục hộ tịch:',
      'Đề nghị cấp bản sao trích lục hộ tịch của người có tên dưới đây',
      ...PERSON,
      'Việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…):',
      'Nơi đăng ký:',
      'Số, ngày đăng ký:',
      'Số lượng bản sao đề nghị cấp:',
    ],
    pledge('cấp bản sao trích lục hộ tịch'),
  ),

  // Chứng thực, nuôi con nuôi ------------------------------------------------
  formSource(
    'phieu-yeu-cau-chung-thuc-hop-dong',
    'Phiếu yêu cầu chứng thực hợp đồng, giao dịch (Mẫu ban hành kèm theo Thông tư số 01/2020/TT-BTP)',
    'PHIẾU YÊU CẦU CHỨNG THỰC HỢP ĐỒNG, GIAO DỊCH',
    [
      'Kính gửi:',
      'Họ và tên người yêu cầu chứng thực:',
      'Giấy tờ tùy thân (số, ngày cấp, nơi cấp):',
      'Địa chỉ liên hệ:',
      'Số điện thoại:',
      'Loại hợp đồng, giao dịch yêu cầu chứng thực:',
      'Tài sản liên quan đến hợp đồng, giao dịch:',
      'Các giấy tờ nộp kèm theo:',
      'Số bản chính đề nghị chứng thực:',
      'Tôi cam đoan các giấy tờ nộp kèm là đúng sự thật và chịu trách nhiệm về nội dung, tính hợp pháp của hợp đồng, giao dịch.',
      'Người yêu cầu chứng thực (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-xin-nhan-con-nuoi',
    'Đơn xin nhận con nuôi trong nước (Mẫu ban hành kèm theo Thông tư số 10/2020/TT-BTP)',
    'ĐƠN XIN NHẬN CON NUÔI',
    [
      '(Dùng cho trường hợp nhận con nuôi trong nước)',
      'Kính gửi:',
      'Họ, chữ đệm, tên người nhận con nuôi (ông):',
      'Ngày, tháng, năm sinh, dân tộc, quốc tịch, nơi thường trú:',
      'Họ, chữ đệm, tên người nhận con nuôi (bà):',
      'Ngày, tháng, năm sinh, dân tộc, quốc tịch, nơi thường trú:',
      'Họ, chữ đệm, tên người được nhận làm con nuôi:',
      'Ngày, tháng, năm sinh, giới tính, nơi sinh:',
      'Họ, chữ đệm, tên cha mẹ đẻ hoặc người giám hộ của người được nhận làm con nuôi:',
      'Quan hệ giữa người nhận con nuôi và người được nhận làm con nuôi:',
      'Lý do, mục đích nhận con nuôi:',
      'Chúng tôi cam kết chăm sóc, nuôi dưỡng, giáo dục con nuôi như con đẻ và chịu trách nhiệm trước pháp luật về những lời khai trên đây.',
      'Làm tại:',
      'Người nhận con nuôi (ký, ghi rõ họ, chữ đệm, tên)',
    ],
  ),

  // Bảo trợ xã hội, người khuyết tật, giảm nghèo --------------------------------
  formSource(
    'to-khai-tro-cap-xa-hoi',
    'Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
    'TỜ KHAI ĐỀ NGHỊ TRỢ GIÚP XÃ HỘI',
    [
      'Kính gửi:',
      'I. THÔNG TIN CỦA ĐỐI TƯỢNG',
      'Họ và tên:',
      'Ngày, tháng, năm sinh:',
      'Giới tính, dân tộc:',
      'Số định danh cá nhân:',
      'Nơi thường trú:',
      'Nơi ở hiện nay:',
      'Thuộc nhóm đối tượng (trẻ em mồ côi, người cao tuổi, người khuyết tật, người đơn thân nghèo…):',
      'Đang hưởng chế độ nào (lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp ưu đãi người có công…):',
      'II. THÔNG TIN NGƯỜI KHAI THAY (nếu có)',
      'Họ và tên người khai thay:',
      'Quan hệ với đối tượng:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật; nếu có điều gì khai không đúng, tôi xin chịu hoàn toàn trách nhiệm.',
      'Ngày, tháng, năm khai:',
      'Người khai (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'to-khai-ho-tro-mai-tang',
    'Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04 ban hành kèm theo Nghị định số 20/2021/NĐ-CP)',
    'TỜ KHAI ĐỀ NGHỊ HỖ TRỢ CHI PHÍ MAI TÁNG',
    [
      'Kính gửi:',
      'I. THÔNG TIN NGƯỜI CHẾT ĐƯỢC HỖ TRỢ CHI PHÍ MAI TÁNG',
      'Họ và tên:',
      'Ngày, tháng, năm sinh:',
      'Nơi cư trú trước khi chết:',
      'Thuộc đối tượng:',
      'Ngày, tháng, năm chết:',
      'Thời gian, địa điểm mai táng:',
      'II. THÔNG TIN CƠ QUAN, TỔ CHỨC, HỘ GIA ĐÌNH, CÁ NHÂN ĐỨNG RA MAI TÁNG',
      'Tên cơ quan, tổ chức hoặc họ và tên người đứng ra mai táng:',
      'Địa chỉ:',
      'Số định danh cá nhân:',
      'Quan hệ với người chết:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật; nếu có điều gì khai không đúng, tôi xin chịu hoàn toàn trách nhiệm.',
      'Người khai (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'giay-de-nghi-ra-soat-ho-ngheo',
    'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01 ban hành kèm theo Quyết định số 24/2021/QĐ-TTg)',
    'GIẤY ĐỀ NGHỊ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
    [
      'Kính gửi:',
      'Họ và tên chủ hộ:',
      'Ngày, tháng, năm sinh:',
      'Số định danh cá nhân:',
      'Nơi cư trú (thôn, tổ dân phố):',
      'Số thành viên trong hộ:',
      'Hoàn cảnh, lý do đề nghị rà soát:',
      'Đề nghị xét duyệt là (hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo):',
      'Tôi xin cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm trước pháp luật.',
      'Ngày, tháng, năm đề nghị:',
      'Người đề nghị (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-de-nghi-xac-dinh-muc-do-khuyet-tat',
    'Đơn đề nghị xác định, xác định lại mức độ khuyết tật và cấp, cấp đổi, cấp lại Giấy xác nhận khuyết tật (Mẫu số 01 ban hành kèm theo Thông tư số 01/2019/TT-BLĐTBXH)',
    'ĐƠN ĐỀ NGHỊ XÁC ĐỊNH, XÁC ĐỊNH LẠI MỨC ĐỘ KHUYẾT TẬT VÀ CẤP, CẤP ĐỔI, CẤP LẠI GIẤY XÁC NHẬN KHUYẾT TẬT',
    [
      'Kính gửi:',
      'Họ và tên người khuyết tật:',
      'Ngày, tháng, năm sinh, giới tính:',
      'Số định danh cá nhân:',
      'Nơi cư trú:',
      'Họ và tên người đại diện hợp pháp (nếu có):',
      'Quan hệ với người khuyết tật:',
      'Số điện thoại liên hệ:',
      'Nội dung đề nghị (xác định, xác định lại mức độ khuyết tật; cấp, cấp đổi, cấp lại Giấy xác nhận khuyết tật):',
      'Lý do đề nghị:',
      'Giấy tờ kèm theo:',
      'Tôi xin cam đoan những lời khai trên là đúng sự thật.',
      'Người viết đơn (ký, ghi rõ họ tên)',
    ],
  ),

  // Tôn giáo, thi đua, giáo dục -------------------------------------------------
  formSource(
    'van-ban-dang-ky-sinh-hoat-ton-giao-tap-trung',
    'Văn bản đăng ký sinh hoạt tôn giáo tập trung (Mẫu ban hành kèm theo Nghị định số 95/2023/NĐ-CP)',
    'VĂN BẢN ĐĂNG KÝ SINH HOẠT TÔN GIÁO TẬP TRUNG',
    [
      'Kính gửi:',
      'Họ và tên người đại diện nhóm sinh hoạt tôn giáo tập trung:',
      'Ngày, tháng, năm sinh:',
      'Số định danh cá nhân:',
      'Nơi cư trú:',
      'Tên tôn giáo, tổ chức tôn giáo:',
      'Địa điểm sinh hoạt tôn giáo tập trung:',
      'Số lượng người tham gia:',
      'Nội dung sinh hoạt tôn giáo:',
      'Thời gian sinh hoạt (ngày, giờ hằng tuần hoặc hằng tháng):',
      'Giấy tờ kèm theo:',
      'Chúng tôi cam kết thực hiện đúng quy định của pháp luật về tín ngưỡng, tôn giáo và nội dung đã đăng ký.',
      'Người đại diện (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'bao-cao-thanh-tich',
    'Báo cáo thành tích đề nghị khen thưởng (Mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP)',
    'BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG GIẤY KHEN',
    [
      'Tên tập thể hoặc họ và tên cá nhân được đề nghị khen thưởng:',
      'Chức vụ, đơn vị công tác hoặc nơi cư trú:',
      'I. SƠ LƯỢC LÝ LỊCH HOẶC ĐẶC ĐIỂM, TÌNH HÌNH',
      'Đặc điểm, tình hình, chức năng, nhiệm vụ được giao:',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'Kết quả thực hiện nhiệm vụ được giao:',
      'Các giải pháp, sáng kiến đã áp dụng và hiệu quả:',
      'Việc thực hiện chủ trương, chính sách của Đảng, pháp luật của Nhà nước:',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
      'Danh hiệu thi đua, hình thức khen thưởng đã nhận (năm, số quyết định):',
      'Xác nhận của thủ trưởng cơ quan, đơn vị trình khen thưởng:',
      'Người báo cáo thành tích (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'don-de-nghi-ho-tro-an-trua',
    'Đơn đề nghị hỗ trợ tiền ăn trưa cho trẻ em mẫu giáo (Mẫu ban hành kèm theo Nghị định số 105/2020/NĐ-CP)',
    'ĐƠN ĐỀ NGHỊ HỖ TRỢ TIỀN ĂN TRƯA',
    [
      'Kính gửi:',
      'Họ và tên cha, mẹ hoặc người chăm sóc, nuôi dưỡng trẻ:',
      'Nơi cư trú:',
      'Số điện thoại:',
      'Họ và tên trẻ:',
      'Ngày, tháng, năm sinh của trẻ:',
      'Hiện đang học tại lớp:',
      'Cơ sở giáo dục mầm non:',
      'Thuộc đối tượng được hỗ trợ:',
      'Tôi làm đơn này đề nghị được xem xét hỗ trợ tiền ăn trưa cho trẻ theo quy định và cam đoan những thông tin trên là đúng sự thật.',
      'Ngày, tháng, năm:',
      'Người làm đơn (ký, ghi rõ họ tên)',
    ],
  ),

  // Hộ kinh doanh, cư trú -------------------------------------------------------
  formSource(
    'giay-de-nghi-dang-ky-ho-kinh-doanh',
    'Giấy đề nghị đăng ký hộ kinh doanh (Mẫu ban hành kèm theo Thông tư số 68/2025/TT-BTC)',
    'GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH',
    [
      'Kính gửi:',
      'Tôi là (ghi họ tên bằng chữ in hoa):',
      'Số định danh cá nhân:',
      'Điện thoại, thư điện tử:',
      'Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau',
      '1. Tên hộ kinh doanh (ghi bằng chữ in hoa):',
      '2. Địa chỉ trụ sở hộ kinh doanh:',
      '3. Ngành, nghề kinh doanh:',
      '4. Vốn kinh doanh:',
      '5. Số lượng lao động (dự kiến):',
      '6. Thông tin đăng ký thuế (ngày bắt đầu hoạt động, phương pháp tính thuế):',
      'Tôi cam kết không thuộc trường hợp bị cấm đăng ký hộ kinh doanh và chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác, trung thực của nội dung kê khai.',
      'Chủ hộ kinh doanh (ký, ghi rõ họ tên)',
    ],
  ),
  formSource(
    'ct01',
    'Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)',
    'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ',
    [
      'Kính gửi:',
      '1. Họ, chữ đệm và tên khai sinh:',
      '2. Ngày, tháng, năm sinh:',
      '3. Giới tính:',
      '4. Số định danh cá nhân:',
      '5. Số điện thoại liên hệ:',
      '6. Email:',
      '7. Họ, chữ đệm và tên chủ hộ:',
      '8. Mối quan hệ với chủ hộ:',
      '9. Số định danh cá nhân của chủ hộ:',
      '10. Nội dung đề nghị:',
      '11. Những thành viên trong hộ gia đình cùng thay đổi (họ, chữ đệm và tên; ngày sinh; giới tính; số định danh cá nhân; quan hệ với chủ hộ):',
      'Ý KIẾN CỦA CHỦ HỘ',
      'Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP',
      'Ý KIẾN CỦA CHA, MẸ HOẶC NGƯỜI GIÁM HỘ',
      'NGƯỜI KÊ KHAI (ký, ghi rõ họ, chữ đệm và tên)',
    ],
  ),
];
