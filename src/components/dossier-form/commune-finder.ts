/**
 * Finding a commune by typing part of its name (issue 15, item 8). A
 * province has up to 126 communes (Hà Nội): on a phone the native picker is
 * a long scroll with no search. A box "Tìm xã, phường" before the list
 * narrows its options to the names holding what is typed, with or without
 * diacritics ("ba dinh" finds Phường Ba Đình: the fold of i18n/fold.ts), and
 * a polite status line says how many match.
 *
 * The box is there from the start, disabled like the list until a
 * province's communes arrive: shown only for a long list, it would appear as
 * the list loads and push the list down under the citizen's finger (issue
 * 15, item 1), and every province has 38 communes or more.
 *
 * The commune already chosen always stays in the list: a filter never drops
 * the citizen's answer. What is typed is kept here by field path, never in
 * the draft, because it is not an answer.
 */
import { html } from 'lit';
import type { Commune } from '../../api/contract/index.js';
import { fold } from '../../i18n/fold.js';
import type { FieldHost } from './fields.js';

/** What is typed in each field's box, by its path. */
const typed = new Map<string, string>();

/** A new province: what was typed was for the old list. */
export const forgetTyped = (path: string) => typed.delete(path);

/** The communes of the list, and the box and status line before it (`id` is the field's; the box takes `-find`). */
export function communeFinder(
  host: FieldHost,
  path: string,
  id: string,
  communes: readonly Commune[] | undefined,
  chosen: string | undefined,
) {
  const query = fold(typed.get(path) ?? '');
  const matching = (communes ?? []).filter(({ name }) => fold(name).includes(query));
  const { t } = host;
  const type = (event: Event) => {
    typed.set(path, (event.target as HTMLInputElement).value);
    // Drawn again with the draft as it was: only the list changes.
    host.set(path, host.get(path));
  };
  return {
    shown: communes?.filter((commune) => commune.code === chosen || matching.includes(commune)),
    // Enter would send the step's form ("Tiếp tục"); on a phone it is how the keyboard is closed.
    box: html`
      <label for="${id}-find">${t.findCommune}</label>
      <input id="${id}-find" autocomplete="off" ?disabled=${!communes} .value=${typed.get(path) ?? ''} @input=${type}
        @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && event.preventDefault()} />
      <p class="hint" role="status">${query ? t.communesFound(matching.length) : ''}</p>`,
  };
}
