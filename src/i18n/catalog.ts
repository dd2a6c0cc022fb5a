/**
 * A widget's messages in both languages. Vietnamese, which most citizens
 * read, is bundled with the widget; English is imported the first time a
 * widget on the page speaks it, which keeps it out of the Vietnamese pages'
 * download budget. The English of the texts every widget shares
 * (`common.en.ts`) is fetched here, beside the widget's own and once for all
 * widgets, so that a widget's English chunk needs nothing else (and the
 * widget's chunk no list of what to preload with it). If the English cannot
 * be fetched, the widget stays in Vietnamese rather than staying blank.
 */
import type { CommonMessages } from './common.js';
import type { Lang } from './lang.js';

export interface Messages<Own> {
  common: CommonMessages;
  own: Own;
}

export class Catalog<Own> {
  private english?: Messages<Own>;
  private loading?: Promise<unknown>;

  constructor(
    private readonly vietnamese: Messages<Own>,
    /** The widget's own English texts. */
    private readonly loadEnglish: () => Promise<Own>,
  ) {}

  /** The messages in `lang`, or undefined while they load; `ready` runs once they have. */
  get(lang: Lang, ready: () => void): Messages<Own> | undefined {
    if (lang === 'vi') return this.vietnamese;
    if (this.english) return this.english;
    this.loading ??= Promise.all([import('./common.en.js'), this.loadEnglish()]).then(
      ([{ commonEn }, own]) => (this.english = { common: commonEn, own }),
      (error: unknown) => {
        console.error('dvc-widgets: English texts could not be loaded; showing Vietnamese.', error);
        this.english = this.vietnamese;
      },
    );
    void this.loading.then(ready);
    return undefined;
  }
}
