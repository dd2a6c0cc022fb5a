/**
 * The official days off of the civil service, year by year, as data.
 *
 * Why data and not a formula: the Labour Code (Bộ luật Lao động 45/2019/QH14)
 * fixes only part of the year. Article 112(1) lists the holidays — 1/1, Tết
 * Âm lịch 5 days, 30/4, 1/5, Quốc khánh 2/9 plus one adjacent day, Giỗ Tổ
 * Hùng Vương 10/3 lunar — but article 112(3) leaves to the Prime Minister
 * which five days are Tết and which day is Quốc khánh's second, and each year
 * a notice may also swap a weekday off for a Saturday worked (hoán đổi / làm
 * bù) to join a holiday to a weekend. Article 111(3) adds a make-up day (nghỉ
 * bù) on the next working day for a holiday that falls on a weekly rest day.
 * So every day off here is listed explicitly, as the notices give it, and
 * `test/backend/calendar.test.ts` checks the list against those rules.
 *
 * From 1/7/2026 there is a twelfth day: Nghị quyết 28/2026/QH16 (on
 * developing Vietnamese culture) article 2 makes 24/11 Ngày Văn hóa Việt Nam,
 * a paid day off, carrying out Nghị quyết 80-NQ/TW of 7/1/2026.
 *
 * A year whose notice has not been issued yet is kept with `announced: false`
 * and its notice-dependent entries marked `provisional`: they are computed
 * from the law and the lunar calendar and must be replaced when the notice
 * comes out. See `README.md` in this folder for how to add a year.
 */

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;

interface DayOffFields {
  date: IsoDate;
  /** Vietnamese name, as a desk would print it. */
  name: string;
  /** Computed, not yet confirmed by an official notice. */
  provisional?: true;
}

/**
 * - `holiday`: a day of BLLĐ 2019 art. 112(1) (or NQ 28/2026/QH16 art. 2) on
 *   the date the law or the year's notice gives it, even on a weekend;
 * - `compensatory`: nghỉ bù on the next working day for the `holiday` on a
 *   weekly rest day named by `for` (art. 111(3));
 * - `swapped`: a working day given off in exchange for a Saturday worked (see
 *   {@link ExtraWorkingDay}).
 */
export type DayOff =
  (DayOffFields & { kind: 'holiday' | 'swapped' }) | (DayOffFields & { kind: 'compensatory'; for: IsoDate });

/** A Saturday worked (ngày làm bù) in exchange for the `swapped` day `for`. */
export interface ExtraWorkingDay {
  date: IsoDate;
  name: string;
  for: IsoDate;
}

export interface HolidayYear {
  year: number;
  /** False while the year's notice has not been issued. */
  announced: boolean;
  /** The texts the entries come from. */
  sources: readonly string[];
  /** Sorted by date. */
  daysOff: readonly DayOff[];
  /** Sorted by date. */
  extraWorkingDays: readonly ExtraWorkingDay[];
}

const LABOUR_CODE = 'Bộ luật Lao động 45/2019/QH14, Điều 111 khoản 3 và Điều 112';

export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    announced: true,
    sources: [
      LABOUR_CODE,
      // Tết 27–31/1 (break 25/1–2/2), the 2/5 ⇄ 26/4 swap and Quốc khánh
      // 1–2/9 (break 30/8–2/9), all in the one notice.
      'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 của Bộ Lao động – Thương binh và Xã hội',
    ],
    daysOff: [
      { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      // Mùng 1 Ất Tỵ = 29/1/2025; the notice takes two days before, three after.
      { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)', kind: 'holiday' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday' },
      // 10/3 Ất Tỵ = 7/4/2025.
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động', kind: 'holiday' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', kind: 'swapped' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' },
      { date: '2025-09-02', name: 'Quốc khánh', kind: 'holiday' },
    ],
    extraWorkingDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5', for: '2025-05-02' }],
  },
  {
    year: 2026,
    announced: true,
    sources: [
      LABOUR_CODE,
      // Tết 16–20/2 (break 14–22/2); Quốc khánh 1–2/9 with 31/8 ⇄ 22/8.
      'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ',
      // Tết Dương lịch: break 1–4/1, 2/1 ⇄ 10/1.
      'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
      // No swap around 30/4–1/5.
      'Công văn 3383/BNV-CVL ngày 10/4/2026 của Bộ Nội vụ',
      'Nghị quyết 28/2026/QH16, Điều 2 (Ngày Văn hóa Việt Nam 24/11, hiệu lực 01/7/2026)',
    ],
    daysOff: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)', kind: 'swapped' },
      // Mùng 1 Bính Ngọ = 17/2/2026; the notice takes one day before, four after.
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday' },
      // 10/3 Bính Ngọ = Sunday 26/4/2026, made up on Monday 27/4 (art. 111(3)).
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', for: '2026-04-26' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động', kind: 'holiday' },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)', kind: 'swapped' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' },
      { date: '2026-09-02', name: 'Quốc khánh', kind: 'holiday' },
      // A swap 23/11 ⇄ 28/11 was proposed in 2026 but not decided in the
      // material read; add it here if a notice confirms it.
      { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' },
    ],
    extraWorkingDays: [
      { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 2/1', for: '2026-01-02' },
      { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8', for: '2026-08-31' },
    ],
  },
  {
    // Not announced: in September 2026 the Bộ Nội vụ was still weighing a 7-
    // or a 10-day Tết break. The law fixes 1/1, 30/4, 1/5, 2/9, 24/11 and the
    // art. 111(3) make-up of 1/5 (a Saturday); the rest is provisional.
    year: 2027,
    announced: false,
    sources: [LABOUR_CODE, 'Nghị quyết 28/2026/QH16, Điều 2'],
    daysOff: [
      { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      // Provisional. Mùng 1 Đinh Mùi = Saturday 6/2/2027 and tháng Chạp Bính
      // Ngọ has 29 days, so 5/2 is 29 tháng Chạp (lunar dates computed with
      // the Vietnamese (UTC+7) lunar calendar algorithm, which gives the
      // announced 29/1/2025 and 17/2/2026). Taken like 2026: one day before
      // Tết and four after; the two on the weekend made up on the next
      // working days, as the 2023 and 2024 notices did: off Fri 5/2 – Thu 11/2.
      { date: '2027-02-05', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', provisional: true },
      { date: '2027-02-06', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', provisional: true },
      { date: '2027-02-07', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', provisional: true },
      { date: '2027-02-08', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', provisional: true },
      { date: '2027-02-09', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday', provisional: true },
      { date: '2027-02-10', name: 'Nghỉ bù Tết (mùng 1)', kind: 'compensatory', for: '2027-02-06', provisional: true },
      { date: '2027-02-11', name: 'Nghỉ bù Tết (mùng 2)', kind: 'compensatory', for: '2027-02-07', provisional: true },
      // Provisional: 10/3 Đinh Mùi = Friday 16/4/2027 (computed, as above).
      { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', provisional: true },
      { date: '2027-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
      { date: '2027-05-01', name: 'Ngày Quốc tế Lao động', kind: 'holiday' },
      { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'compensatory', for: '2027-05-01' },
      { date: '2027-09-02', name: 'Quốc khánh', kind: 'holiday' },
      // Provisional: 2/9 is a Thursday; as in 2021 (also a Thursday) the
      // adjacent day is taken after it, giving a four-day weekend.
      { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', provisional: true },
      { date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam', kind: 'holiday' },
    ],
    extraWorkingDays: [],
  },
];
