/** English text of `<dvc-procedure-search>`, loaded only on English pages. */
import { money } from '../../i18n/common.js';
import type { SearchMessages } from './messages.js';

const search: SearchMessages = {
  searchLabel: 'Find a public service procedure',
  searchHint: 'Type a procedure name or keyword, with or without Vietnamese accents, for example: khai sinh, ket hon.',
  searchButton: 'Search',
  eventFilter: 'Life event',
  allEvents: 'All life events',
  fieldFilter: 'Field of activity',
  allFields: 'All fields of activity',
  levelFilter: 'Online level',
  allLevels: 'All levels',
  searching: 'Searching…',
  found: (total) => `${total} ${total === 1 ? 'procedure' : 'procedures'} found`,
  showing: (shown, total) => `Showing ${shown} of ${total} procedures.`,
  loadMore: (remaining) => `Show more procedures (${remaining} more)`,
  loadedMore: (count, shown, total) =>
    `${count} more ${count === 1 ? 'procedure' : 'procedures'} loaded, showing ${shown} of ${total}.`,
  noResults: (query) => (query ? `No procedure matches “${query}”.` : 'No procedure matches.'),
  closestIntro: 'Did you mean one of these procedures?',
  noResultsHelp: 'Try a shorter keyword, check the spelling or remove some filters.',
  emptyCatalog: 'No procedures have been published on this site yet.',
  clearFilters: 'Clear search and filters',
  code: 'Procedure code',
  field: 'Field of activity',
  agency: 'Handling agency',
  processingTime: 'Processing time',
  fee: 'Fees',
  onlineHere: 'Apply online here',
  level: 'Online level',
  back: 'Back to the list of procedures',
  loadingDetail: 'Loading the procedure…',
  procedureNotFound: 'This procedure was not found. It may have been abolished or replaced.',
  levelNames: { 'toan-trinh': 'Fully online', 'mot-phan': 'Partly online', 'thong-tin': 'Information only' },
  processingTimeText: (time) => {
    if (time.unit === 'same-day') {
      return time.sameDayCutoff
        ? `Same day (if received after ${time.sameDayCutoff}, the next working day)`
        : 'Same day';
    }
    const units = { 'working-days': 'working day', days: 'day', hours: 'hour' };
    if (time.value === undefined) return 'No information yet';
    return `${time.value} ${units[time.unit]}${time.value === 1 ? '' : 's'}`;
  },
  feeText: (fee) => {
    if (fee.min === 0 && fee.max === 0) return 'Free';
    if (fee.max === null) return `From ${money(fee.min, 'en')}`;
    if (fee.min === fee.max) return money(fee.min, 'en');
    if (fee.min === 0) return `Free or up to ${money(fee.max, 'en')}`;
    return `${money(fee.min, 'en')} – ${money(fee.max, 'en')}`;
  },
};

export const english = search;
