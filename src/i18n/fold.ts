/**
 * Folds Vietnamese text for matching: NFC/NFD-insensitive, no diacritics,
 * `đ`/`Đ` to `d` (Unicode does not decompose đ, so it needs its own rule),
 * lower case, runs of white space collapsed. "Đăng ký" and "dang ky" fold
 * to the same string. Shared by the reference backend (which stores folded
 * text and folds each query) and the widgets.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
