/**
 * The synonym table (`data/synonyms.txt`, plus the operator's own file named
 * by SEARCH_SYNONYMS): the words citizens use mapped to the catalogue's,
 * kept as data so that someone who knows the desk can review and extend it
 * without touching code. Read once at start (`search-data.ts`); a bad line
 * stops the start with its file and line named, since a table that silently
 * skipped a line would make searches fail in ways nobody could trace.
 * No file access here, so the stories' in-browser backend parses the same
 * table with the same code.
 *
 * Refused: a side with no words, a left side given twice, and loops: a
 * right side containing a left side chains to that line, and a chain
 * coming back to where it started is a loop (the rewrite is applied once,
 * but a loop is always a mistake in the table).
 */
import { words } from './search-words.js';

export interface Synonym {
  from: string[];
  to: string[];
  /** "file:line", for messages. */
  line: string;
}

/** Parses one synonym file's text; `name` names it in errors. */
export function parseSynonyms(text: string, name: string): Synonym[] {
  const synonyms: Synonym[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = `${name}:${i + 1}`;
    const content = raw.replace(/#.*/, '').trim();
    if (content === '') return;
    const sides = content.split('=>');
    if (sides.length !== 2) throw new Error(`Search synonyms, ${line}: expected "words => words", got "${content}"`);
    const [from, to] = sides.map((side) => words(side)) as [string[], string[]];
    if (from.length === 0 || to.length === 0) throw new Error(`Search synonyms, ${line}: a side is empty`);
    synonyms.push({ from, to, line });
  });
  return synonyms;
}

const contains = (haystack: string[], needle: string[]): boolean =>
  haystack.some((_, start) => needle.every((word, k) => haystack[start + k] === word));

/** Throws naming the lines of a repeated left side or of a loop. */
export function checkSynonyms(synonyms: Synonym[]): void {
  const byFrom = new Map<string, Synonym>();
  for (const synonym of synonyms) {
    const key = synonym.from.join(' ');
    const earlier = byFrom.get(key);
    if (earlier) throw new Error(`Search synonyms, ${synonym.line}: "${key}" is already rewritten at ${earlier.line}`);
    byFrom.set(key, synonym);
  }
  const next = (synonym: Synonym) => synonyms.filter((other) => contains(synonym.to, other.from));
  /** Depth-first walk; `path` holds the lines from the start to here. */
  const walk = (synonym: Synonym, path: Synonym[], done: Set<Synonym>): void => {
    if (path.includes(synonym)) {
      const loop = [...path.slice(path.indexOf(synonym)), synonym].map((s) => `${s.from.join(' ')} (${s.line})`);
      throw new Error(`Search synonyms, ${synonym.line}: a loop, ${loop.join(' => ')}`);
    }
    if (done.has(synonym)) return;
    for (const other of next(synonym)) walk(other, [...path, synonym], done);
    done.add(synonym);
  };
  const done = new Set<Synonym>();
  for (const synonym of synonyms) walk(synonym, [], done);
}

/**
 * `query` with each synonym's left side replaced by its right side, longest
 * left side first at each position, in one pass (a replacement is not read
 * again).
 */
export function applySynonyms(query: string[], synonyms: Synonym[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < query.length;) {
    let best: Synonym | undefined;
    for (const synonym of synonyms) {
      if (best && synonym.from.length <= best.from.length) continue;
      if (synonym.from.every((word, k) => query[i + k] === word)) best = synonym;
    }
    if (best) {
      out.push(...best.to);
      i += best.from.length;
    } else out.push(query[i++]!);
  }
  return out;
}
