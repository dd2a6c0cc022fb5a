/**
 * What a citizen's query asks for: its words (`search-words.ts`), with the
 * synonym table applied (`search-synonyms.ts`) and the words that carry no
 * meaning in a query dropped ("làm", "xin", "thủ tục", "cho", "như thế
 * nào", "ở đâu"…: neither required nor scored, so "làm giấy khai sinh cho
 * con" asks for "giấy khai sinh con"). What each remaining word may match in
 * the catalogue (itself, its Telex/VNI reading, a prefix, a typo) is the
 * index's business (`search-index.ts`), since it needs the vocabulary.
 */
import { applySynonyms, type Synonym } from './search-synonyms.js';
import { words } from './search-words.js';

/** More words than this add nothing to a search but cost a posting walk each. */
export const MAX_TERMS = 12;
/** Longer words are cut (by code points, so an emoji is never split in half). */
export const MAX_WORD_LENGTH = 40;

/**
 * Query words that say how, not what. Phrases are matched as a whole
 * (longest first) after the synonyms, so "thủ tục" goes but "thủ" alone
 * does not. Folded and canonical, as `words()` gives them.
 */
const STOPWORD_PHRASES = [
  // Not here although citizens type them: words whose folded form is also a
  // catalogue word (cần/căn cước, thì/thi đua, thẻ, em/trẻ em, tại/tài sản,
  // đâu/đầu, mình/Minh, để/đề nghị).
  'lam',
  'xin',
  'thu tuc',
  'cho',
  'nhu the nao',
  'the nao',
  'o dau',
  'muon',
  'toi',
  'cua',
  'la',
  'gi',
  'cach',
  'huong dan',
  'bao lau',
  'bao nhieu',
  'mat bao lau',
  'can nhung gi',
  'phai',
  'nhu',
  'nao',
  'va',
  'voi',
  'a',
  'nhe',
  'o',
  'nop',
  'online',
  'truc tuyen',
  'duoc',
  'khong',
].map((phrase) => phrase.split(' '));

/** The query words left once the stopword phrases are out. */
export function dropStopwords(query: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < query.length;) {
    const longest = Math.max(
      0,
      ...STOPWORD_PHRASES.filter((phrase) => phrase.every((word, k) => query[i + k] === word)).map((p) => p.length),
    );
    if (longest > 0) i += longest;
    else kept.push(query[i++]!);
  }
  return kept;
}

/** Every word of the stopword phrases, for reading run-together words ("lamkhaisinh" is "lam khai sinh"). */
export const STOPWORDS: ReadonlySet<string> = new Set(STOPWORD_PHRASES.flat());

/**
 * The terms a query asks for, in order, distinct, at most {@link MAX_TERMS}.
 * `read` reads the query's words as the catalogue may know them (the index
 * cuts run-together syllables): first, so that "bomat" meets the synonym of
 * "bo mat" and "lamkhaisinh" drops its "lam" as "lam khai sinh" would.
 */
export function queryTerms(
  q: string,
  synonyms: Synonym[],
  read: (words: string[]) => string[] = (all) => all,
): string[] {
  const meaningful = dropStopwords(applySynonyms(read(words(q)), synonyms));
  return [...new Set(meaningful.map((word) => Array.from(word).slice(0, MAX_WORD_LENGTH).join('')))].slice(
    0,
    MAX_TERMS,
  );
}
