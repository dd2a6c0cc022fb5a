/// <reference types="vite/client" />
/**
 * The reference backend's search data in the browser: its synonym table and
 * life events (`demo/server/catalogue/data/`), bundled by Vite as text and
 * read by the backend's own parsers, so that the stories' search reads
 * citizens' words and groups procedures exactly as the backend does. The
 * backend's file reader (`search-data.ts`) uses node:fs and is not imported.
 */
import lifeEventsText from '../../demo/server/catalogue/data/life-events.json?raw';
import synonymsText from '../../demo/server/catalogue/data/synonyms.txt?raw';
import { parseLifeEvents } from '../../demo/server/catalogue/search-life-events.js';
import type { SearchData } from '../../demo/server/catalogue/search-page.js';
import { checkSynonyms, parseSynonyms } from '../../demo/server/catalogue/search-synonyms.js';

const synonyms = parseSynonyms(synonymsText, 'synonyms.txt');
checkSynonyms(synonyms);

export const demoSearchData: SearchData = {
  synonyms,
  events: parseLifeEvents(lifeEventsText, 'life-events.json'),
};
