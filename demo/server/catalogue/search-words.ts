/**
 * Words as the search compares them, for the catalogue's text and for what
 * citizens type alike: folded (`fold()`: no diacritics, đ → d, lower case),
 * cut at anything that is not a letter or a digit (a procedure code such as
 * "1.001193" stays one word), with the i/y spelling variants made one
 * (kí/ký, lí/lý, quí/quý: a final "y" after consonants only is written "i"),
 * and with what the citizen's keyboard left behind undone where it can only
 * mean one thing (Telex "ddawng kys", VNI "d9a8ng ky1"), see `untype()`,
 * or syllables typed without the space between them ("kethon"), see
 * `splitRunTogether()`.
 *
 * Pure functions; the index (`search-index.ts`) and the query reader
 * (`search-query.ts`) share them so both sides cut text the same way.
 */
import { fold } from '../../../src/i18n/fold.js';

/** A word: letters and digits, with inner dots kept (procedure codes). */
const WORD = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu;

/** A syllable whose only vowel is a final y (ky, ly, my, quy): the i/y variants. */
const FINAL_Y = /^(?:[bcdghklmnpqrstvx]|qu)+y$/;

/** The i/y variant a word is indexed under: "ky" and "ki" are both "ki". */
export const canonical = (word: string): string => (FINAL_Y.test(word) ? `${word.slice(0, -1)}i` : word);

/** Folded, canonical words of `text`, in order, repeats kept. */
export function words(text: string): string[] {
  return (fold(text.replace(/\p{Cc}/gu, ' ')).match(WORD) ?? []).map(canonical);
}

/**
 * A word as it would read had the keyboard's Vietnamese input been on: the
 * Telex marks (dd, aa, aw, ee, oo, ow, uw, w, and the tone letters s f r x j
 * written after a vowel) or the VNI digits (1–9 inside a word) dropped.
 * Vietnamese syllables never end in s, f, r, x or j, never hold a w, a
 * digit or a doubled vowel letter, so none of these can be a real spelling;
 * the caller still only takes the result when the catalogue knows that word.
 * Returns undefined when there is nothing to undo.
 */
export function untype(word: string): string | undefined {
  // Two letters are too few to tell a keyboard mark from another word ("or").
  if (word.length < 3 || /^\p{N}+(?:\.\p{N}+)*$/u.test(word)) return undefined;
  let plain = word;
  if (/\p{L}/u.test(plain) && /\p{N}/u.test(plain)) plain = plain.replace(/\p{N}/gu, '');
  plain = plain
    .replace(/dd/g, 'd')
    .replace(/([aeo])\1/g, '$1')
    .replace(/([aeiouy])[sfrxjz]+(?=[^aeiouy]*$)/g, '$1')
    .replace(/([aou])w/g, '$1')
    .replace(/w/g, 'u');
  plain = canonical(plain);
  return plain !== word && plain !== '' ? plain : undefined;
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent
 * transpositions counted once: "khia" is one edit from "khai"), stopping
 * early once it exceeds `max`: returns max + 1 then.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits forgiven in a word: none under 4 letters, 1 from 4, 2 from 8 (the "longer ones"). */
export const editsAllowed = (word: string): number => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/** A Vietnamese syllable holds a vowel: a piece without one is no syllable ("kh", "ng"). */
const HAS_VOWEL = /[aeiouy]/;
/** Ways of cutting one word looked at, at most: real run-together words have a handful. */
const MAX_SPLITS = 256;

/**
 * A word typed without the spaces between its syllables ("kethon",
 * "khaisinh", "dangkythuongtru": phone keyboards and hurried thumbs skip
 * the space) read as the known words it joins, or undefined when it cannot
 * be cut into known words. Each piece is two letters or more, holds a vowel
 * and is a known word in its canonical form (`isWord`; "ky" is read as
 * "ki"). Of the ways to cut it, the one with the most neighbouring pieces
 * that the catalogue also writes side by side (`isPair`: "ket hon", not "ke
 * thon"), then the fewest pieces, then the longest first piece.
 */
export function splitRunTogether(
  word: string,
  isWord: (piece: string) => boolean,
  isPair: (first: string, second: string) => boolean,
): string[] | undefined {
  if (!/^[a-z]{4,}$/.test(word)) return undefined;
  const n = word.length;
  const piece = (from: number, to: number) => canonical(word.slice(from, to));
  const fits = (from: number, to: number) =>
    to - from >= 2 && HAS_VOWEL.test(word.slice(from, to)) && isWord(piece(from, to));
  // reaches[i]: the rest of the word from i can be cut into known pieces, so
  // the walk below never enters a dead end and the cap bounds its work.
  const reaches: boolean[] = Array.from({ length: n + 1 }, () => false);
  reaches[n] = true;
  for (let from = n - 2; from >= 0; from--) {
    for (let to = from + 2; to <= n && !reaches[from]; to++) reaches[from] = reaches[to]! && fits(from, to);
  }
  if (!reaches[0]) return undefined;
  let best: { pieces: string[]; pairs: number } | undefined;
  let seen = 0;
  const walk = (from: number, pieces: string[]): void => {
    if (seen >= MAX_SPLITS) return;
    if (from === n) {
      seen++;
      if (pieces.length < 2) return;
      const pairs = pieces.slice(1).filter((next, i) => isPair(pieces[i]!, next)).length;
      const better =
        !best ||
        pairs > best.pairs ||
        (pairs === best.pairs && pieces.length < best.pieces.length) ||
        (pairs === best.pairs && pieces.length === best.pieces.length && pieces[0]!.length > best.pieces[0]!.length);
      if (better) best = { pieces: [...pieces], pairs };
      return;
    }
    for (let to = n; to >= from + 2; to--) {
      if (reaches[to] && fits(from, to)) walk(to, [...pieces, piece(from, to)]);
    }
  };
  walk(0, []);
  return best?.pieces;
}
