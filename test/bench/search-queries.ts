/**
 * The search query set: queries written as citizens type them into a
 * commune site's search box (no diacritics, Telex leftovers, typos, the
 * desk's colloquial words, whole questions), each with the procedures that
 * count as a right answer. Written from the catalogue's procedure list
 * before the engine was run on them, and not edited to suit the engine:
 * a query the engine gets wrong stays in, so the share measures the engine.
 * Run by `search-quality.ts` (part of `npm run bench`).
 */

const KHAI_SINH = '1.001193';
const KHAI_SINH_NHAN_CHA_ME = '1.000689';
const LAI_KHAI_SINH = '1.004884';
const KET_HON = '1.000894';
const LAI_KET_HON = '1.004746';
const KHAI_TU = '1.000656';
const LAI_KHAI_TU = '1.005461';
const NHAN_CHA_ME_CON = '1.001022';
const GIAM_HO = '1.004837';
const CHAM_DUT_GIAM_HO = '1.004845';
const CAI_CHINH = '1.004859';
const TINH_TRANG_HON_NHAN = '1.004873';
const BAN_SAO_TRICH_LUC = '2.000635';
const XAC_NHAN_HO_TICH = '2.002516';
const CHUNG_THUC_BAN_SAO = '2.000815';
const CHUNG_THUC_CHU_KY = '2.000884';
const CHUNG_THUC_HOP_DONG = '2.001035';
const SUA_DOI_HOP_DONG = '2.000913';
const DI_CHUC = '2.001019';
const CON_NUOI = '2.001263';
const TRO_CAP = '1.001776';
const MAI_TANG = '1.001731';
const HO_NGHEO = '1.011607';
const KHUYET_TAT = '1.001699';
const NGUOI_CO_CONG = '1.010833';
const TON_GIAO = '1.001055';
const GIAY_KHEN = '1.000775';
const AN_TRUA = '1.001622';
const DAT_DAI = '1.012812';
const HO_KINH_DOANH = '1.001612';
const THUONG_TRU = '1.004222';
const TAM_TRU = '1.004194';
const GIA_HAN_TAM_TRU = '1.002755';
const XOA_THUONG_TRU = '1.003197';
const XOA_TAM_TRU = '1.010028';
const TACH_HO = '1.010038';
const XAC_NHAN_CU_TRU = '1.010041';
const TAM_VANG = '1.003677';
const LUU_TRU = '2.001159';

/** A query and the procedures any one of which in the top 3 counts as right. */
export type SearchCase = [query: string, right: string[]];

export const SEARCH_QUERIES: SearchCase[] = [
  // Birth
  ['khai sinh', [KHAI_SINH]],
  ['lam giay khai sinh', [KHAI_SINH]],
  ['làm giấy khai sinh cho con', [KHAI_SINH]],
  ['khai sinh cho con', [KHAI_SINH]],
  ['dang ky khai sinh', [KHAI_SINH]],
  ['đăng kí khai sinh cho bé', [KHAI_SINH]],
  ['khia sinh', [KHAI_SINH]],
  ['khai sinh cho tre moi sinh', [KHAI_SINH]],
  ['thu tuc khai sinh nhu the nao', [KHAI_SINH]],
  ['ddawng kys khai sinh', [KHAI_SINH]],
  ['giay khai sinh', [KHAI_SINH, BAN_SAO_TRICH_LUC]],
  ['con sinh ra can lam giay to gi', [KHAI_SINH]],
  ['khai sinh va nhan cha cho con', [KHAI_SINH_NHAN_CHA_ME]],
  ['khai sinh kết hợp nhận cha mẹ con', [KHAI_SINH_NHAN_CHA_ME]],
  ['dang ky lai khai sinh', [LAI_KHAI_SINH]],
  ['mat giay khai sinh lam lai', [LAI_KHAI_SINH, BAN_SAO_TRICH_LUC]],
  ['khai sinh lại', [LAI_KHAI_SINH]],
  ['xin ban sao giay khai sinh', [BAN_SAO_TRICH_LUC]],
  ['trich luc khai sinh', [BAN_SAO_TRICH_LUC]],
  ['bản sao khai sinh', [BAN_SAO_TRICH_LUC]],
  ['cap ban sao trich luc ho tich', [BAN_SAO_TRICH_LUC]],
  ['trich luc ket hon', [BAN_SAO_TRICH_LUC]],
  // Marriage
  ['ket hon', [KET_HON]],
  ['đăng ký kết hôn', [KET_HON]],
  ['dang ki ket hon', [KET_HON]],
  ['thủ tục kết hôn', [KET_HON]],
  ['lam giay ket hon', [KET_HON]],
  ['đăng ký kết hôn cần giấy tờ gì', [KET_HON]],
  ['dang ky ket hon o dau', [KET_HON]],
  ['kethon', [KET_HON]],
  // Syllables run together as some phones type them (2026-12-06 review: they skipped stopwords and synonyms).
  ['lamkhaisinh', [KHAI_SINH]],
  ['bomat', [KHAI_TU]],
  ['vietdichuc', [DI_CHUC]],
  ['hokhau', [THUONG_TRU]],
  ['ket hon lai', [LAI_KET_HON]],
  ['dang ky lai ket hon', [LAI_KET_HON]],
  ['giấy độc thân', [TINH_TRANG_HON_NHAN]],
  ['xac nhan doc than', [TINH_TRANG_HON_NHAN]],
  ['xin giay xac nhan doc than', [TINH_TRANG_HON_NHAN]],
  ['xác nhận tình trạng hôn nhân', [TINH_TRANG_HON_NHAN]],
  ['tinh trang hon nhan', [TINH_TRANG_HON_NHAN]],
  ['giay xac nhan tinh trang hon nhan de mua nha', [TINH_TRANG_HON_NHAN]],
  ['xac nhan chua ket hon', [TINH_TRANG_HON_NHAN]],
  ['tinh trang hon nhan de ket hon voi nguoi nuoc ngoai', [TINH_TRANG_HON_NHAN]],
  // Death
  ['khai tu', [KHAI_TU]],
  ['đăng ký khai tử', [KHAI_TU]],
  ['giay chung tu', [KHAI_TU]],
  ['lam giay chung tu cho bo', [KHAI_TU]],
  ['bao tu', [KHAI_TU]],
  ['nguoi than qua doi', [KHAI_TU, MAI_TANG]],
  ['ông mất làm thủ tục gì', [KHAI_TU, MAI_TANG]],
  ['khai tu lai', [LAI_KHAI_TU]],
  ['dang ky lai khai tu', [LAI_KHAI_TU]],
  ['kai tu', [KHAI_TU]],
  // Parentage, guardianship, civil status changes
  ['nhan cha con', [NHAN_CHA_ME_CON, KHAI_SINH_NHAN_CHA_ME]],
  ['nhận con', [NHAN_CHA_ME_CON, KHAI_SINH_NHAN_CHA_ME]],
  ['dang ky nhan cha me con', [NHAN_CHA_ME_CON]],
  ['nhan me con', [NHAN_CHA_ME_CON, KHAI_SINH_NHAN_CHA_ME]],
  ['giam ho', [GIAM_HO]],
  ['dang ky giam ho cho chau', [GIAM_HO]],
  ['người giám hộ', [GIAM_HO]],
  ['cham dut giam ho', [CHAM_DUT_GIAM_HO]],
  ['thoi lam nguoi giam ho', [CHAM_DUT_GIAM_HO]],
  ['chấm dứt giám hộ', [CHAM_DUT_GIAM_HO]],
  ['sua ten trong giay khai sinh', [CAI_CHINH]],
  ['đổi tên cho con', [CAI_CHINH]],
  ['cai chinh ho tich', [CAI_CHINH]],
  ['sai ngay sinh tren giay khai sinh', [CAI_CHINH]],
  ['thay doi ho tich', [CAI_CHINH]],
  ['bo sung thong tin ho tich', [CAI_CHINH]],
  ['sửa sai năm sinh', [CAI_CHINH]],
  ['doi ho cho con theo me', [CAI_CHINH]],
  ['xac nhan thong tin ho tich', [XAC_NHAN_HO_TICH]],
  ['xác nhận hộ tịch', [XAC_NHAN_HO_TICH]],
  // Certification
  // Read as "chứng thực" (the synonym table), so the same right set as "chứng thực" below.
  ['cong chung', [CHUNG_THUC_BAN_SAO, CHUNG_THUC_CHU_KY, CHUNG_THUC_HOP_DONG, DI_CHUC, SUA_DOI_HOP_DONG]],
  ['công chứng giấy tờ', [CHUNG_THUC_BAN_SAO]],
  ['chung thuc ban sao', [CHUNG_THUC_BAN_SAO]],
  ['sao y ban chinh', [CHUNG_THUC_BAN_SAO]],
  ['photo cong chung', [CHUNG_THUC_BAN_SAO]],
  ['cong chung cccd', [CHUNG_THUC_BAN_SAO]],
  ['chứng thực bản sao căn cước', [CHUNG_THUC_BAN_SAO]],
  ['chung thuc bang tot nghiep', [CHUNG_THUC_BAN_SAO]],
  ['chứng thực', [CHUNG_THUC_BAN_SAO, CHUNG_THUC_CHU_KY, CHUNG_THUC_HOP_DONG, DI_CHUC, SUA_DOI_HOP_DONG]],
  ['chung thuc chu ky', [CHUNG_THUC_CHU_KY]],
  ['chứng thực chữ kí', [CHUNG_THUC_CHU_KY]],
  ['xac nhan chu ky', [CHUNG_THUC_CHU_KY]],
  ['chung thuc diem chi', [CHUNG_THUC_CHU_KY]],
  ['chung thuc hop dong mua ban xe', [CHUNG_THUC_HOP_DONG]],
  ['hợp đồng mua bán nhà đất', [CHUNG_THUC_HOP_DONG]],
  ['cong chung hop dong', [CHUNG_THUC_HOP_DONG, SUA_DOI_HOP_DONG]],
  ['chung thuc hop dong tang cho dat', [CHUNG_THUC_HOP_DONG]],
  ['hop dong the chap', [CHUNG_THUC_HOP_DONG]],
  ['huy hop dong', [SUA_DOI_HOP_DONG]],
  ['sua doi hop dong da chung thuc', [SUA_DOI_HOP_DONG]],
  ['hủy bỏ giao dịch', [SUA_DOI_HOP_DONG]],
  ['di chuc', [DI_CHUC]],
  ['lap di chuc', [DI_CHUC]],
  ['chứng thực di chúc', [DI_CHUC]],
  ['viet di chuc cho con', [DI_CHUC]],
  ['di chuc o xa', [DI_CHUC]],
  // Adoption
  ['con nuoi', [CON_NUOI]],
  ['nhận con nuôi', [CON_NUOI]],
  ['xin con nuoi', [CON_NUOI]],
  ['dang ky nuoi con nuoi', [CON_NUOI]],
  ['nuoi con nuoi trong nuoc', [CON_NUOI]],
  // Social protection
  ['tro cap xa hoi', [TRO_CAP]],
  ['trợ cấp hằng tháng', [TRO_CAP]],
  ['tro cap nguoi gia', [TRO_CAP]],
  ['tien tro cap nguoi cao tuoi', [TRO_CAP]],
  ['huong tro cap', [TRO_CAP]],
  ['thoi huong tro cap', [TRO_CAP]],
  ['tro cap cho nguoi khuyet tat', [TRO_CAP, KHUYET_TAT]],
  ['ho tro mai tang', [MAI_TANG]],
  ['tiền mai táng', [MAI_TANG]],
  ['chi phi mai tang', [MAI_TANG]],
  ['ho tro tien ma chay', [MAI_TANG]],
  ['ho ngheo', [HO_NGHEO]],
  ['công nhận hộ nghèo', [HO_NGHEO]],
  ['ho can ngheo', [HO_NGHEO]],
  ['xin so ngheo', [HO_NGHEO]],
  ['thoat ngheo', [HO_NGHEO]],
  ['xet ho ngheo', [HO_NGHEO]],
  ['khuyet tat', [KHUYET_TAT]],
  ['giấy xác nhận khuyết tật', [KHUYET_TAT]],
  ['xac dinh muc do khuyet tat', [KHUYET_TAT]],
  ['nguoi tan tat', [KHUYET_TAT]],
  ['giay khuyet tat', [KHUYET_TAT]],
  // People with merit, religion, awards, education, land, business
  ['nguoi co cong', [NGUOI_CO_CONG]],
  ['xac nhan than nhan liet si', [NGUOI_CO_CONG]],
  ['thân nhân người có công', [NGUOI_CO_CONG]],
  ['con thuong binh', [NGUOI_CO_CONG]],
  ['sinh hoat ton giao', [TON_GIAO]],
  ['đăng ký sinh hoạt tôn giáo tập trung', [TON_GIAO]],
  ['nhom sinh hoat ton giao', [TON_GIAO]],
  ['giay khen', [GIAY_KHEN]],
  ['tặng giấy khen', [GIAY_KHEN]],
  ['khen thuong', [GIAY_KHEN]],
  ['giay khen chu tich xa', [GIAY_KHEN]],
  ['an trua', [AN_TRUA]],
  ['hỗ trợ ăn trưa cho trẻ', [AN_TRUA]],
  ['tien an trua mau giao', [AN_TRUA]],
  ['ho tro tre mau giao', [AN_TRUA]],
  ['tranh chap dat', [DAT_DAI]],
  ['hòa giải tranh chấp đất đai', [DAT_DAI]],
  ['hoa giai dat', [DAT_DAI]],
  ['tranh chấp ranh giới đất', [DAT_DAI]],
  ['ho kinh doanh', [HO_KINH_DOANH]],
  ['đăng ký kinh doanh', [HO_KINH_DOANH]],
  ['giay phep kinh doanh', [HO_KINH_DOANH]],
  ['mo quan an', [HO_KINH_DOANH]],
  ['thanh lap ho kinh doanh', [HO_KINH_DOANH]],
  ['dang ky ho kinh doanh ca the', [HO_KINH_DOANH]],
  // Residence
  ['thuong tru', [THUONG_TRU]],
  ['đăng ký thường trú', [THUONG_TRU]],
  ['nhap khau', [THUONG_TRU]],
  ['nhập hộ khẩu cho con', [THUONG_TRU]],
  ['chuyen ho khau', [THUONG_TRU]],
  ['dang ky ho khau', [THUONG_TRU]],
  ['đăng kí thường chú', [THUONG_TRU]],
  ['tam tru', [TAM_TRU]],
  ['đăng ký tạm trú', [TAM_TRU]],
  ['dang ky tam tru cho nguoi thue nha', [TAM_TRU]],
  ['o tro dang ky tam tru', [TAM_TRU]],
  ['khai bao tam tru', [TAM_TRU]],
  ['gia han tam tru', [GIA_HAN_TAM_TRU]],
  ['tạm trú hết hạn', [GIA_HAN_TAM_TRU]],
  ['cat khau', [XOA_THUONG_TRU]],
  ['xoa thuong tru', [XOA_THUONG_TRU]],
  ['xóa hộ khẩu', [XOA_THUONG_TRU]],
  ['xoa dang ky tam tru', [XOA_TAM_TRU]],
  ['xoa tam tru', [XOA_TAM_TRU]],
  ['tach ho', [TACH_HO]],
  ['tách khẩu', [TACH_HO]],
  ['tach ho khau ra rieng', [TACH_HO]],
  ['xac nhan cu tru', [XAC_NHAN_CU_TRU]],
  ['giấy xác nhận nơi cư trú', [XAC_NHAN_CU_TRU]],
  ['xac nhan thong tin cu tru', [XAC_NHAN_CU_TRU]],
  ['giay xac nhan cu tru ct07', [XAC_NHAN_CU_TRU]],
  ['tam vang', [TAM_VANG]],
  ['khai báo tạm vắng', [TAM_VANG]],
  ['di lam xa khai bao tam vang', [TAM_VANG]],
  ['luu tru', [LUU_TRU]],
  ['thông báo lưu trú', [LUU_TRU]],
  ['bao luu tru cho khach', [LUU_TRU]],
  ['khach o qua dem', [LUU_TRU]],
];
