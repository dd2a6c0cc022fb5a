/**
 * One render function per kind of field, shared by the applicant step (its
 * fixed fields) and the form step (the definition's fields). Every field is
 * a box with `data-path` (the problem path it answers to), a visible label
 * (a legend for groups of inputs), its help and its error, both tied to the
 * input with `aria-describedby`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Commune, FormField, GroupField, Province, SimpleField } from '../../api/contract/index.js';
import { isShown } from '../../api/contract/form-rules.js';
import type { AddressDraft } from './draft.js';
import type { FormMessages } from './messages.js';

export interface FieldHost {
  t: FormMessages;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  error(path: string): string | undefined;
  provinces: Province[];
  /** The communes of a province, or undefined while they load (the load starts). */
  communes(province: string): Commune[] | undefined;
  /** A box was left; validates it if it was touched. */
  left(event: FocusEvent, path: string): void;
  addItem(path: string): void;
  removeItem(path: string, index: number): void;
}

/** A DOM id for a problem path: `answers.me-ho-ten` → `f-answers_me-ho-ten`. */
export const idOf = (path: string): string => `f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;

export interface InputOptions {
  type?: string;
  required?: boolean | undefined;
  help?: string | undefined;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number | undefined;
  unit?: string | undefined;
  textarea?: boolean;
}

const requiredMark = (required: boolean | undefined, t: FormMessages) =>
  required ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> (${t.required})</span>` : nothing;

/** The error line of a box (its id: the box's id and `-error`). */
export const errorLine = (id: string, error: string | undefined, t: FormMessages) =>
  error ? html`<p class="error-text" id="${id}-error"><span class="visually-hidden">${t.errorPrefix} </span>${error}</p>` : nothing;

/** The help and error lines of a box, and the ids `aria-describedby` should name. */
function notes(id: string, help: string | undefined, error: string | undefined, t: FormMessages): [TemplateResult, string | undefined] {
  const ids = [help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return [
    html`${help ? html`<p class="hint" id="${id}-hint">${help}</p>` : nothing}${errorLine(id, error, t)}`,
    ids,
  ];
}

const box = (host: FieldHost, path: string, content: unknown, extra = '') =>
  html`<div class="field ${host.error(path) ? 'invalid' : ''} ${extra}" data-path=${path} @focusout=${(event: FocusEvent) => host.left(event, path)}>${content}</div>`;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** A one-line (or multi-line) box. */
export function input(host: FieldHost, path: string, label: string, options: InputOptions = {}, onValue?: (raw: string) => unknown) {
  const id = idOf(path);
  const error = host.error(path);
  const [below, describedBy] = notes(id, options.help, error, host.t);
  const set = (event: Event) => {
    const raw = (event.target as HTMLInputElement).value;
    host.set(path, onValue ? onValue(raw) : raw === '' ? undefined : raw);
  };
  const invalid = error ? 'true' : 'false';
  const needed = options.required ? 'true' : 'false';
  const control = options.textarea
    ? html`<textarea id=${id} rows="3" maxlength=${options.maxlength ?? nothing} aria-required=${needed}
        aria-invalid=${invalid} aria-describedby=${describedBy ?? nothing} .value=${text(host.get(path))} @input=${set}></textarea>`
    : html`<input id=${id} type=${options.type ?? 'text'} maxlength=${options.maxlength ?? nothing} autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? nothing} aria-required=${needed} aria-invalid=${invalid}
        aria-describedby=${describedBy ?? nothing} .value=${text(host.get(path))} @input=${set} />`;
  return box(host, path, html`
    <label for=${id}>${label}${requiredMark(options.required, host.t)}</label>
    ${below}
    <div class="with-unit">${control}${options.unit ?? nothing}</div>
  `);
}

/** Radio buttons, check boxes or a yes/no, in a fieldset whose legend is the label. */
export function choices(
  host: FieldHost, path: string, label: string,
  options: readonly { value: string | boolean; label: string }[],
  { multiple = false, required, help }: { multiple?: boolean; required?: boolean | undefined; help?: string | undefined } = {},
) {
  const id = idOf(path);
  const error = host.error(path);
  const [below, describedBy] = notes(id, help, error, host.t);
  const value = host.get(path);
  const chosen = (option: string | boolean) => (multiple ? Array.isArray(value) && value.includes(option) : value === option);
  const pick = (option: string | boolean, checked: boolean) => {
    if (!multiple) return host.set(path, option);
    const current = (Array.isArray(value) ? value : []) as string[];
    const next = checked ? [...current, option as string] : current.filter((item) => item !== option);
    host.set(path, next.length ? next : undefined);
  };
  return box(host, path, html`
    <fieldset aria-describedby=${describedBy ?? nothing}>
      <legend>${label}${requiredMark(required, host.t)}</legend>
      ${below}
      <div class="choices ${options.length === 2 && !multiple ? 'inline' : ''}">
        ${options.map((option, i) => html`
          <div class="choice">
            <input type=${multiple ? 'checkbox' : 'radio'} id="${id}-${i}" name=${id} .checked=${chosen(option.value)}
              aria-invalid=${error ? 'true' : 'false'}
              @change=${(event: Event) => pick(option.value, (event.target as HTMLInputElement).checked)} />
            <label for="${id}-${i}">${option.label}</label>
          </div>`)}
      </div>
    </fieldset>
  `);
}

export function select(host: FieldHost, path: string, label: string, options: readonly { value: string; label: string }[], required?: boolean, help?: string) {
  const id = idOf(path);
  const error = host.error(path);
  const [below, describedBy] = notes(id, help, error, host.t);
  const value = host.get(path);
  return box(host, path, html`
    <label for=${id}>${label}${requiredMark(required, host.t)}</label>
    ${below}
    <select id=${id} aria-required=${required ? 'true' : 'false'} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy ?? nothing}
      @change=${(event: Event) => host.set(path, (event.target as HTMLSelectElement).value || undefined)}>
      <option value="" ?selected=${!value}>${host.t.choose}</option>
      ${options.map((option) => html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`)}
    </select>
  `);
}

/** Street line, province and commune (today's two levels), in one fieldset. */
export function address(host: FieldHost, path: string, label: string, required?: boolean, help?: string, autocomplete = false) {
  const { t } = host;
  const id = idOf(path);
  const error = host.error(path);
  const [below, describedBy] = notes(id, help, error, t);
  const value = (host.get(path) ?? {}) as AddressDraft;
  const update = (part: keyof AddressDraft, raw: string) => {
    const next: AddressDraft = { ...value, [part]: raw || undefined };
    if (part === 'province') delete next.commune;
    host.set(path, next.street || next.province || next.commune ? next : undefined);
  };
  const communes = value.province ? host.communes(value.province) : undefined;
  const invalid = error ? 'true' : 'false';
  const needed = required ? 'true' : 'false';
  return box(host, path, html`
    <fieldset class="address" aria-describedby=${describedBy ?? nothing}>
      <legend>${label}${requiredMark(required, t)}</legend>
      ${below}
      <label for="${id}-street">${t.street}</label>
      <input id="${id}-street" autocomplete=${autocomplete ? 'street-address' : 'off'} maxlength="200" aria-required=${needed}
        aria-invalid=${invalid} .value=${value.street ?? ''} @input=${(event: Event) => update('street', (event.target as HTMLInputElement).value)} />
      <div class="pair">
        <div>
          <label for="${id}-province">${t.province}</label>
          <select id="${id}-province" aria-required=${needed} aria-invalid=${invalid}
            @change=${(event: Event) => update('province', (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!value.province}>${t.chooseProvince}</option>
            ${host.provinces.map((province) => html`<option value=${province.code} ?selected=${value.province === province.code}>${province.name}</option>`)}
          </select>
        </div>
        <div>
          <label for="${id}-commune">${t.commune}</label>
          <select id="${id}-commune" ?disabled=${!communes} aria-required=${needed} aria-invalid=${invalid}
            @change=${(event: Event) => update('commune', (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!value.commune}>${t.chooseCommune}</option>
            ${(communes ?? []).map((commune) => html`<option value=${commune.code} ?selected=${value.commune === commune.code}>${commune.name}</option>`)}
          </select>
        </div>
      </div>
    </fieldset>
  `);
}

/** A field of the definition, if its condition shows it; `values` are the ones beside it. */
export function field(host: FieldHost, spec: FormField, path: string, values: Readonly<Record<string, unknown>>): unknown {
  if (!isShown(spec.when, values)) return nothing;
  const { label, required, help } = spec;
  switch (spec.type) {
    case 'text': return input(host, path, label, { required, help, maxlength: spec.maxLength });
    case 'textarea': return input(host, path, label, { required, help, maxlength: spec.maxLength, textarea: true });
    case 'number':
      return input(host, path, label, { required, help, inputmode: spec.integer ? 'numeric' : 'decimal', unit: spec.unit }, (raw) => {
        const trimmed = raw.trim();
        const number = Number(trimmed.replace(',', '.'));
        return trimmed === '' ? undefined : Number.isFinite(number) ? number : trimmed;
      });
    case 'date': return input(host, path, label, { required, help, type: 'date' });
    case 'personal-id': return input(host, path, label, { required, help, inputmode: 'numeric', maxlength: 20 });
    case 'tax-code': return input(host, path, label, { required, help, inputmode: 'numeric', maxlength: 20 });
    case 'phone': return input(host, path, label, { required, help, type: 'tel', inputmode: 'tel', maxlength: 20 });
    case 'email': return input(host, path, label, { required, help, type: 'email', maxlength: 254 });
    case 'select': return select(host, path, label, spec.options, required, help);
    case 'radio': return choices(host, path, label, spec.options, { required, help });
    case 'checkboxes': return choices(host, path, label, spec.options, { multiple: true, required, help });
    case 'yesno': return choices(host, path, label, [{ value: true, label: host.t.yes }, { value: false, label: host.t.no }], { required, help });
    case 'address': return address(host, path, label, required, help);
    case 'group': return group(host, spec, path);
  }
}

/** A repeating group: numbered items, each with a remove button, and an add button. */
function group(host: FieldHost, spec: GroupField, path: string) {
  const { t } = host;
  const id = idOf(path);
  const items = (host.get(path) ?? []) as Record<string, unknown>[];
  const error = host.error(path);
  const [below, describedBy] = notes(id, spec.help, error, t);
  const max = spec.maxItems ?? 50;
  return box(host, path, html`
    <fieldset aria-describedby=${describedBy ?? nothing}>
      <legend>${spec.label}${requiredMark(spec.required || Boolean(spec.minItems), t)}</legend>
      ${below}
      ${items.map((item, index) => html`
        <fieldset class="item">
          <legend>${t.itemTitle(spec.itemLabel, index + 1)}</legend>
          ${spec.fields.map((inner) => field(host, inner, `${path}.${index}.${inner.id}`, item))}
          <button type="button" @click=${() => host.removeItem(path, index)}>${t.removeItem(spec.itemLabel, index + 1)}</button>
        </fieldset>`)}
      ${items.length < max
        ? html`<button type="button" id="${id}-add" @click=${() => host.addItem(path)}>${t.addItem(spec.itemLabel, items.length + 1)}</button>`
        : nothing}
    </fieldset>
  `);
}

/** How "required" reads for a field: typed, chosen or attached. */
export const verbOf = (spec: SimpleField | FormField | undefined): 'type' | 'choose' =>
  spec && ['select', 'radio', 'checkboxes', 'yesno'].includes(spec.type) ? 'choose' : 'type';
