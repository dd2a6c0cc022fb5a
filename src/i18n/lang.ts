/**
 * Language resolution. Widgets speak Vietnamese first and English second.
 * Commune CMSs write the language in many ways (`vi`, `vi-VN`, `vi_VN`, `VI`,
 * `en-GB`); anything we do not translate falls back to Vietnamese rather than
 * throwing or showing message keys.
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function normalizeLang(raw: string | null | undefined): Lang {
  const primary = (raw ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Lang) : 'vi';
}

/** BCP 47 locale used for number and date formatting. */
export const locale = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-GB');
