/**
 * The in-process search index over the catalogue: BM25F scoring over the
 * words of `search-words.ts`, built from the catalogue rows in one pass and
 * queried without touching the database. Why in process and not PostgreSQL
 * full-text search: see `search.ts`.
 *
 * Scoring: each procedure's fields are weighed (name 3, code 3, field of
 * activity 1.5, documents and results 1, agency 0.5) and length-normalised
 * per field (BM25F, k1 1.2, b 0.75); a word's weight is precomputed per
 * procedure at build time, so a query only adds numbers. A query word may
 * match the catalogue word itself (weight 1), its Telex/VNI reading (1),
 * words it begins, for the last word only when the catalogue lacks it, as
 * the citizen is still typing (0.8), or, when the catalogue has no such word, words one or two edits
 * away (`editsAllowed`; 0.7 for one edit, 0.5 for two). A query word the
 * catalogue lacks that is known syllables run together ("kethon") is read
 * as those words first (`splitRunTogether`), before any typo guess.
 *
 * A procedure matches when each query word matches one of its words (of
 * queries over three words, three quarters of them: `requiredTerms`).
 * Order: first the procedures whose name covers more of the query, then the
 * higher score (with a bonus when the name holds the query as a phrase),
 * then the shorter name, then folded name and code in byte order: the same
 * on every instance, whatever the database's locale.
 */
import type { ProcedureSummary } from '../../../src/api/contract/index.js';
import { fold } from '../../../src/i18n/fold.js';
import { editDistance, editsAllowed, splitRunTogether, untype, words } from './search-words.js';

/** What the index needs of a procedure: its summary and its searchable text. */
export interface IndexedProcedure {
  summary: ProcedureSummary;
  documents: string;
}

export interface IndexSearch {
  terms: string[];
  field?: string;
  level?: string;
  agencies?: readonly string[];
  /** Only these procedure codes (a life event's). */
  codes?: ReadonlySet<string>;
}

export interface IndexAnswer {
  /** How many procedures match. */
  total: number;
  /** The best `limit` matching procedures, best first. */
  matches: number[];
  /** When nothing matches: the procedures matching most of the query, best first. */
  closest: number[];
}

const FIELDS = [
  { weight: 3, text: (p: IndexedProcedure) => p.summary.name },
  { weight: 3, text: (p: IndexedProcedure) => p.summary.code },
  { weight: 1.5, text: (p: IndexedProcedure) => p.summary.field.name },
  { weight: 1, text: (p: IndexedProcedure) => p.documents },
  { weight: 0.5, text: (p: IndexedProcedure) => p.summary.agency.name },
];
const K1 = 1.2;
const B = 0.75;
/**
 * Times the share of the name's words that the query holds: of two names
 * holding the whole query, the one with less else in it ("Đăng ký thường
 * trú" before "Xóa đăng ký thường trú" for "đăng ký thường trú").
 */
const NAME_PRECISION_BONUS = 3;
/** Added to the score when the name holds the query's words in a row. */
const PHRASE_BONUS = 2;
/** Prefix expansions of the last word: enough for any real word, bounded for "a". */
const MAX_PREFIX_WORDS = 64;
/** A single letter or digit says too little to stand for the words it begins. */
const MIN_PREFIX = 2;
const CLOSEST = 5;
/** Past this many results, ranking sorts all matches instead of keeping a running top list. */
const DEEP_PAGE = 200;

interface Posting {
  docs: Int32Array;
  weights: Float64Array;
  inName: Uint8Array;
}

/** A query word's possible catalogue words with their weights. */
type Candidates = Map<string, number>;

export class SearchIndex {
  /**
   * The procedures' summaries, what a search answers with. Their searchable
   * text is not kept once it is in the postings (with one field and agency
   * object per code, `search.ts`: 100,000 rows held 466 MB of heap after a
   * collection, against 492 MB before).
   */
  readonly summaries: ProcedureSummary[];
  private readonly postings = new Map<string, Posting>();
  /** The vocabulary, sorted, for prefixes; by length, for typos. */
  private readonly vocabulary: string[];
  private readonly vocabularyByLength = new Map<number, string[]>();
  /** Each procedure's name words joined by spaces, for the phrase bonus. */
  private readonly nameText: string[];
  /** Neighbouring name words ("ket hon"), to tell how a run-together word is cut. */
  private readonly namePairs = new Set<string>();
  /** Distinct words in each procedure's name. */
  private readonly nameWordCount: Int32Array;
  /** Position of each procedure in the tie-break order (shorter name, folded name, code). */
  private readonly tieRank: Int32Array;
  /** Procedures in browsing order: field name, name, code (folded, byte order). */
  readonly browseOrder: number[];
  /** What the filters read, per procedure, kept apart from the summaries (see `Facets`). */
  private readonly facets: Facets;
  // Per-query scratch, reused: a search runs synchronously, so never shared.
  private readonly stamp: Int32Array;
  private readonly nameStamp: Int32Array;
  private readonly termScore: Float64Array;
  private readonly score: Float64Array;
  private readonly count: Uint8Array;
  private readonly nameHits: Uint8Array;
  private currentStamp = 0;

  constructor(procedures: IndexedProcedure[]) {
    this.summaries = procedures.map((p) => p.summary);
    const n = procedures.length;
    // Synthetic and real catalogues repeat field, agency and document texts: fold each once.
    const cache = new Map<string, string[]>();
    const cachedWords = (text: string) => cache.get(text) ?? cache.set(text, words(text)).get(text)!;
    const fieldWords = procedures.map((p) => FIELDS.map((field) => cachedWords(field.text(p))));
    const averages = FIELDS.map((_, f) => fieldWords.reduce((sum, doc) => sum + doc[f]!.length, 0) / Math.max(n, 1));
    const raw = new Map<string, { docs: number[]; tf: number[]; inName: boolean[] }>();
    fieldWords.forEach((doc, d) => {
      const tf = new Map<string, number>();
      doc.forEach((list, f) => {
        const norm = 1 - B + (B * list.length) / (averages[f] || 1);
        for (const word of list) tf.set(word, (tf.get(word) ?? 0) + FIELDS[f]!.weight / norm);
      });
      const name = new Set(doc[0]);
      for (const [word, value] of tf) {
        let posting = raw.get(word);
        if (!posting) raw.set(word, (posting = { docs: [], tf: [], inName: [] }));
        posting.docs.push(d);
        posting.tf.push(value);
        posting.inName.push(name.has(word));
      }
    });
    for (const [word, { docs, tf, inName }] of raw) {
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
      this.postings.set(word, {
        docs: Int32Array.from(docs),
        weights: Float64Array.from(tf, (t) => (idf * t) / (K1 + t)),
        inName: Uint8Array.from(inName, Number),
      });
    }
    this.vocabulary = [...raw.keys()].sort();
    for (const word of this.vocabulary) {
      const list = this.vocabularyByLength.get(word.length) ?? [];
      list.push(word);
      this.vocabularyByLength.set(word.length, list);
    }
    this.nameText = fieldWords.map((doc) => ` ${doc[0]!.join(' ')} `);
    for (const [name] of fieldWords) name!.slice(1).forEach((word, i) => this.namePairs.add(`${name![i]} ${word}`));
    this.nameWordCount = Int32Array.from(fieldWords, (doc) => Math.max(new Set(doc[0]).size, 1));
    const folded = procedures.map((p) => ({ name: fold(p.summary.name), field: fold(p.summary.field.name) }));
    const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ties = [...procedures.keys()].sort(
      (a, b) =>
        folded[a]!.name.length - folded[b]!.name.length ||
        byBytes(folded[a]!.name, folded[b]!.name) ||
        byBytes(procedures[a]!.summary.code, procedures[b]!.summary.code),
    );
    this.tieRank = new Int32Array(n);
    ties.forEach((doc, rank) => (this.tieRank[doc] = rank));
    this.browseOrder = [...procedures.keys()].sort(
      (a, b) =>
        byBytes(folded[a]!.field, folded[b]!.field) ||
        byBytes(folded[a]!.name, folded[b]!.name) ||
        byBytes(procedures[a]!.summary.code, procedures[b]!.summary.code),
    );
    this.facets = new Facets(this.summaries);
    this.stamp = new Int32Array(n);
    this.nameStamp = new Int32Array(n);
    this.termScore = new Float64Array(n);
    this.score = new Float64Array(n);
    this.count = new Uint8Array(n);
    this.nameHits = new Uint8Array(n);
  }

  /** Whether the catalogue has this word. */
  has = (word: string): boolean => this.postings.has(word);

  /**
   * The query's words as the catalogue may know them: a word it lacks, that
   * is no keyboard leftover and no word being typed, read as the known
   * syllables it runs together, if it is that. `alsoWords`: words a query
   * may hold that the catalogue lacks (the synonym table's, the stopwords).
   */
  readTerms(terms: string[], alsoWords?: ReadonlySet<string>): string[] {
    const known = alsoWords ? (word: string) => this.has(word) || alsoWords.has(word) : this.has;
    const read = terms.flatMap((term, t) => {
      const untyped = untype(term);
      const typing = t === terms.length - 1 && term.length >= MIN_PREFIX && this.begins(term);
      if (known(term) || (untyped && this.has(untyped)) || typing) return [term];
      return splitRunTogether(term, known, (a, b) => this.namePairs.has(`${a} ${b}`)) ?? [term];
    });
    return [...new Set(read)];
  }

  /** Whether some catalogue word begins with `prefix`. */
  private begins = (prefix: string): boolean =>
    this.vocabulary[lowerBound(this.vocabulary, prefix)]?.startsWith(prefix) ?? false;

  /** The catalogue words a query word may stand for, with their weights (see the module header). */
  candidates(term: string, last: boolean): Candidates {
    const found: Candidates = new Map();
    if (this.has(term)) found.set(term, 1);
    const untyped = untype(term);
    if (untyped && !this.has(term) && this.has(untyped)) found.set(untyped, 1);
    // Only a word the catalogue lacks is taken for one being typed: expanding
    // "ki" to every word it begins cost milliseconds and buried "ký".
    if (last && term.length >= MIN_PREFIX && found.size === 0) {
      let i = lowerBound(this.vocabulary, term);
      for (let taken = 0; taken < MAX_PREFIX_WORDS && this.vocabulary[i]?.startsWith(term); i++, taken++) {
        if (!found.has(this.vocabulary[i]!)) found.set(this.vocabulary[i]!, 0.8);
      }
    }
    if (found.size === 0) {
      const max = editsAllowed(term);
      for (let length = term.length - max; length <= term.length + max; length++) {
        for (const word of this.vocabularyByLength.get(length) ?? []) {
          const distance = editDistance(term, word, max);
          if (distance <= max) found.set(word, distance === 1 ? 0.7 : 0.5);
        }
      }
    }
    return found;
  }

  /** The best `limit` procedures matching every term (or, failing that, the closest), filtered. */
  search(search: IndexSearch, limit: number): IndexAnswer {
    const terms = this.readTerms(search.terms);
    const keep = this.facets.filter(search);
    if (terms.length === 0) {
      const filtered = search.field || search.level || search.agencies || search.codes;
      const all = filtered ? this.browseOrder.filter(keep) : this.browseOrder;
      return { total: all.length, matches: all.slice(0, limit), closest: [] };
    }
    const touched: number[] = [];
    const exact: boolean[] = [];
    terms.forEach((term, t) => {
      const candidates = this.candidates(term, t === terms.length - 1);
      exact.push(candidates.get(term) === 1);
      this.addTerm(candidates, touched);
    });
    const phrase = exact.every(Boolean) && terms.length > 1 ? ` ${terms.join(' ')} ` : undefined;
    const key = (doc: number) =>
      NAME_PRECISION_BONUS * (this.nameHits[doc]! / 2 / this.nameWordCount[doc]!) +
      this.score[doc]! +
      (phrase && this.nameText[doc]!.includes(phrase) ? PHRASE_BONUS : 0);
    const required = requiredTerms(terms.length);
    const full = touched.filter((doc) => this.count[doc]! >= required && keep(doc));
    const answer: IndexAnswer = { total: full.length, matches: this.best(full, key, limit), closest: [] };
    if (full.length === 0) {
      answer.closest = this.best(touched.filter(keep), (doc) => this.count[doc]! * 1000 + key(doc), CLOSEST);
    }
    for (const doc of touched) {
      this.score[doc] = 0;
      this.count[doc] = 0;
      this.nameHits[doc] = 0;
    }
    return answer;
  }

  /** Adds one query word's best match per procedure to the scratch scores. */
  private addTerm(candidates: Candidates, touched: number[]): void {
    const stamp = ++this.currentStamp;
    for (const [word, weight] of candidates) {
      const { docs, weights, inName } = this.postings.get(word)!;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const value = weights[i]! * weight;
        if (this.stamp[doc] !== stamp) {
          if (this.count[doc] === 0) touched.push(doc);
          this.stamp[doc] = stamp;
          this.count[doc]!++;
          this.termScore[doc] = value;
          this.score[doc]! += value;
        } else if (value > this.termScore[doc]!) {
          this.score[doc]! += value - this.termScore[doc]!;
          this.termScore[doc] = value;
        }
        if (inName[i] && this.nameStamp[doc] !== stamp) {
          this.nameStamp[doc] = stamp;
          // The word itself in the name counts double a guess (prefix or typo):
          // "bà" must not put every name with "bản" before one holding the rest.
          this.nameHits[doc]! += weight === 1 ? 2 : 1;
        }
      }
    }
  }

  /**
   * The first `limit` of `docs` by name coverage, then `key` (higher first),
   * then the tie-break order. A bounded insertion: most of thousands of
   * matches lose to the current last at once, so this stays near linear
   * where sorting them all cost milliseconds. Deep pages sort everything.
   */
  private best(docs: number[], key: (doc: number) => number, limit: number): number[] {
    const top: { doc: number; name: number; key: number; tie: number }[] = [];
    const before = (a: (typeof top)[0], b: (typeof top)[0]) =>
      a.name !== b.name ? a.name > b.name : a.key !== b.key ? a.key > b.key : a.tie < b.tie;
    if (limit > DEEP_PAGE) {
      const all = docs.map((doc) => ({ doc, name: this.nameHits[doc]!, key: key(doc), tie: this.tieRank[doc]! }));
      return all
        .sort((a, b) => (before(a, b) ? -1 : 1))
        .slice(0, limit)
        .map((entry) => entry.doc);
    }
    for (const doc of docs) {
      const entry = { doc, name: this.nameHits[doc]!, key: 0, tie: this.tieRank[doc]! };
      const last = top[top.length - 1];
      if (top.length >= limit && last && entry.name < last.name) continue;
      entry.key = key(doc);
      if (top.length >= limit && last && !before(entry, last)) continue;
      let i = top.length;
      while (i > 0 && before(entry, top[i - 1]!)) i--;
      top.splice(i, 0, entry);
      if (top.length > limit) top.pop();
    }
    return top.map((entry) => entry.doc);
  }
}

/**
 * The filters' view of the catalogue: each procedure's field, online level
 * and agency as a small number, and its code, in flat arrays. A filtered
 * search tests every procedure the query touched, thousands at a province's
 * size; reading each one's summary object for it was the largest share of a
 * search's time in the profile (20,000 rows: 36 ms for an empty query with
 * two filters on a busy machine), integers in a typed array are not.
 */
class Facets {
  private readonly ids = {
    field: new Map<string, number>(),
    level: new Map<string, number>(),
    agency: new Map<string, number>(),
  };
  private readonly field: Int32Array;
  private readonly level: Int32Array;
  private readonly agency: Int32Array;
  private readonly codes: string[];

  constructor(summaries: ProcedureSummary[]) {
    const idOf = (ids: Map<string, number>, code: string) => ids.get(code) ?? ids.set(code, ids.size).get(code)!;
    this.field = Int32Array.from(summaries, (summary) => idOf(this.ids.field, summary.field.code));
    this.level = Int32Array.from(summaries, (summary) => idOf(this.ids.level, summary.onlineLevel));
    this.agency = Int32Array.from(summaries, (summary) => idOf(this.ids.agency, summary.agency.code));
    this.codes = summaries.map((summary) => summary.code);
  }

  /** Whether a procedure passes the search's filters; a code the catalogue lacks passes none. */
  filter({ field, level, agencies, codes }: IndexSearch): (doc: number) => boolean {
    const fieldId = field ? (this.ids.field.get(field) ?? -1) : undefined;
    const levelId = level ? (this.ids.level.get(level) ?? -1) : undefined;
    const agencyIds = agencies && new Set(agencies.map((code) => this.ids.agency.get(code) ?? -1));
    return (doc) =>
      (fieldId === undefined || this.field[doc] === fieldId) &&
      (levelId === undefined || this.level[doc] === levelId) &&
      (!agencyIds || agencyIds.has(this.agency[doc]!)) &&
      (!codes || codes.has(this.codes[doc]!));
  }
}

/**
 * How many of a query's words a procedure must match: all of up to three
 * words, three quarters of longer queries (rounded up). Citizens' longer
 * queries carry a word the catalogue does not use ("làm giấy chứng tử cho
 * bố": "bố"), and requiring it let a long text that happens to hold every
 * word beat the procedure whose name holds the rest.
 */
export const requiredTerms = (count: number): number => (count <= 3 ? count : Math.ceil(count * 0.75));

/** First index of `sorted` whose word is not below `word`. */
function lowerBound(sorted: string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}
