/**
 * The search's data files, read from disk once: the synonym table
 * (`data/synonyms.txt` and the operator's file named by SEARCH_SYNONYMS)
 * and the life events (`data/life-events.json`). The only search module
 * that touches the file system, so the parsers and the index stay usable in
 * a browser (the stories' demo backend bundles the same files instead).
 * `catalogueHandlers` reads both at start, so a bad file stops the start.
 */
import { readFileSync } from 'node:fs';
import { type LifeEvent, parseLifeEvents } from './search-life-events.js';
import { checkSynonyms, parseSynonyms, type Synonym } from './search-synonyms.js';

export const BUILT_IN_SYNONYMS = new URL('./data/synonyms.txt', import.meta.url);

/** The built-in table and the operator's file (`extraPath`), checked together. */
export function loadSynonyms(extraPath = process.env.SEARCH_SYNONYMS): Synonym[] {
  const synonyms = parseSynonyms(readFileSync(BUILT_IN_SYNONYMS, 'utf8'), 'synonyms.txt');
  if (extraPath) synonyms.push(...parseSynonyms(readFileSync(extraPath, 'utf8'), extraPath));
  checkSynonyms(synonyms);
  return synonyms;
}

let synonyms: Synonym[] | undefined;
let events: LifeEvent[] | undefined;

/** The synonym table, read once. */
export const searchSynonyms = (): Synonym[] => (synonyms ??= loadSynonyms());

/** The life events, read once. */
export const lifeEvents = (): LifeEvent[] =>
  (events ??= parseLifeEvents(
    readFileSync(new URL('./data/life-events.json', import.meta.url), 'utf8'),
    'life-events.json',
  ));
