/**
 * A widget's messages in both languages. Vietnamese, which most citizens
 * read, is bundled with the widget; English is imported the first time a
 * widget on the page speaks it, which keeps it out of the Vietnamese pages'
 * download budget. If the English chunk cannot be fetched, the widget stays
 * in Vietnamese rather than staying blank.
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
    private readonly loadEnglish: () => Promise<Messages<Own>>,
  ) {}

  /** The messages in `lang`, or undefined while they load; `ready` runs once they have. */
  get(lang: Lang, ready: () => void): Messages<Own> | undefined {
    if (lang === 'vi') return this.vietnamese;
    if (this.english) return this.english;
    this.loading ??= this.loadEnglish().then(
      (english) => (this.english = english),
      (error: unknown) => {
        console.error('dvc-widgets: English texts could not be loaded; showing Vietnamese.', error);
        this.english = this.vietnamese;
      },
    );
    void this.loading.then(ready);
    return undefined;
  }
}
