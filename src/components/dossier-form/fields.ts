/**
 * One render function per kind of field, shared by the applicant step (its
 * fixed fields) and the form step (the definition's fields). Every field is
 * a box with `data-path` (the problem path it answers to), a visible label
 * (a legend for groups of inputs), its help and its error, both tied to the
 * input with `aria-describedby`.
 */
import { html, nothing } from 'lit';
import type { Commune, FormField, GroupField, Province, SimpleField } from '../../api/contract/index.js';
import { isShown } from '../../api/contract/form-rules.js';
import { type FieldControl, fieldFrame } from '../shared/field-frame.js';
import { communeFinder, forgetTyped } from './commune-finder.js';
import { dateOf, dayFirst } from './date-input.js';
import type { AddressDraft } from './draft.js';
import type { FormMessages } from './messages.js';
import type { SettledProblem } from './problems.js';

export interface FieldHost {
  t: FormMessages;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  /** The problem shown at a field, if any. */
  problem(path: string): SettledProblem | undefined;
  provinces: Province[];
  /** The communes of a province, or undefined while they load (the load starts). */
  communes(province: string): Commune[] | undefined;
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
  /** The draft's value as the box shows it. */
  shown?: (value: string) => string;
  /** When the citizen leaves a changed box. */
  left?: () => void;
}

/** A box with a problem has the error's left border; a settled one keeps its room, uncoloured. */
export const boxClass = (problem: SettledProblem | undefined) =>
  problem ? (problem.settled ? 'invalid fixed' : 'invalid') : '';

/**
 * A box: the kit's field frame (label or legend, required mark, hint, error
 * line) in a `data-path` box that problem links and focus find.
 */
function framed(
  host: FieldHost,
  path: string,
  label: string,
  required: boolean | undefined,
  help: string | undefined,
  group: string | undefined,
  controls: (control: FieldControl) => unknown,
) {
  const { t } = host;
  const problem = host.problem(path);
  const frame = fieldFrame(
    {
      id: idOf(path),
      label,
      hint: help,
      error: problem?.message,
      settled: problem?.settled,
      errorPrefix: t.errorPrefix,
      required: required ? t.required : undefined,
      group,
    },
    controls,
  );
  return html`<div class="field ${boxClass(problem)}" data-path=${path}>${frame}</div>`;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** A one-line (or multi-line) box. */
export function input(
  host: FieldHost,
  path: string,
  label: string,
  options: InputOptions = {},
  onValue?: (raw: string) => unknown,
) {
  const set = (event: Event) => {
    const raw = (event.target as HTMLInputElement).value;
    host.set(path, onValue ? onValue(raw) : raw === '' ? undefined : raw);
  };
  const value = (options.shown ?? String)(text(host.get(path)));
  return framed(
    host,
    path,
    label,
    options.required,
    options.help,
    undefined,
    ({ id, invalid, needed, describedBy }) => html`
    <div class="with-unit">${
      options.textarea
        ? html`<textarea id=${id} rows="3" maxlength=${options.maxlength ?? nothing} aria-required=${needed}
          aria-invalid=${invalid} aria-describedby=${describedBy} .value=${value} @input=${set}></textarea>`
        : html`<input id=${id} type=${options.type ?? 'text'} maxlength=${options.maxlength ?? nothing} autocomplete=${options.autocomplete ?? 'off'}
          inputmode=${options.inputmode ?? nothing} aria-required=${needed} aria-invalid=${invalid}
          aria-describedby=${describedBy} .value=${value} @input=${set} @change=${options.left} />`
    }${options.unit ?? nothing}</div>`,
  );
}

/**
 * What the citizen is typing in a date box, by path: the box keeps it until they leave. Rewritten as
 * dd/mm/yyyy at each key, the caret jumped to the end, and a day or month corrected in a full date
 * ("27" selected, "31" typed) was read as another date, silently.
 */
const typing = new Map<string, string>();

/** A date, typed day first in one box (date-input.ts); `autocomplete` lets the browser fill in the citizen's own. */
export const date = (
  host: FieldHost,
  path: string,
  label: string,
  required?: boolean,
  help?: string,
  autocomplete?: string,
) =>
  input(
    host,
    path,
    label,
    {
      required,
      help: help ? `${help} ${host.t.dateHint}` : host.t.dateHint,
      inputmode: 'numeric',
      autocomplete,
      // What is being typed, while the draft holds what it reads as (not after "Khai lại từ đầu").
      shown: (value, typed = typing.get(path) ?? '') =>
        dateOf(typed) === (value || undefined) ? typed : dayFirst(value),
      left: () => typing.delete(path) && host.set(path, host.get(path)),
    },
    (raw) => dateOf(typing.set(path, raw).get(path)!),
  );

/** Radio buttons, check boxes or a yes/no, in a fieldset whose legend is the label. */
export function choices(
  host: FieldHost,
  path: string,
  label: string,
  options: readonly { value: string | boolean; label: string }[],
  {
    multiple = false,
    required,
    help,
  }: { multiple?: boolean; required?: boolean | undefined; help?: string | undefined } = {},
) {
  const value = host.get(path);
  const chosen = (option: string | boolean) =>
    multiple ? Array.isArray(value) && value.includes(option) : value === option;
  const pick = (option: string | boolean, checked: boolean) => {
    if (!multiple) return host.set(path, option);
    const current = (Array.isArray(value) ? value : []) as string[];
    const next = checked ? [...current, option as string] : current.filter((item) => item !== option);
    host.set(path, next.length ? next : undefined);
  };
  return framed(
    host,
    path,
    label,
    required,
    help,
    '',
    ({ id, invalid }) => html`
    <div class="choices ${options.length === 2 && !multiple ? 'inline' : ''}">
      ${options.map(
        (option, i) => html`
        <div class="choice">
          <input type=${multiple ? 'checkbox' : 'radio'} id="${id}-${i}" name=${id} .checked=${chosen(option.value)} aria-invalid=${invalid}
            @change=${(event: Event) => pick(option.value, (event.target as HTMLInputElement).checked)} />
          <label for="${id}-${i}">${option.label}</label>
        </div>`,
      )}
    </div>`,
  );
}

/** A drop-down list; "— Chọn —" first, so nothing is chosen for the citizen. */
function listBox(
  { id, invalid, needed }: FieldControl,
  part: string,
  first: string,
  options: readonly { value: string; label: string; short?: string }[],
  value: unknown,
  change: (value: string) => void,
  attributes: { describedBy?: string | typeof nothing; disabled?: boolean } = {},
) {
  return html`
    <select id=${id + part} aria-required=${needed} aria-invalid=${invalid} aria-describedby=${attributes.describedBy ?? nothing}
      ?disabled=${attributes.disabled} @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${first}</option>
      ${options.map((option) => html`<option value=${option.value} label=${option.short ?? nothing} ?selected=${value === option.value}>${option.label}</option>`)}
    </select>`;
}

export function select(
  host: FieldHost,
  path: string,
  label: string,
  options: readonly { value: string; label: string }[],
  required?: boolean,
  help?: string,
) {
  return framed(host, path, label, required, help, undefined, (frame) =>
    listBox(frame, '', host.t.choose, options, host.get(path), (value) => host.set(path, value || undefined), {
      describedBy: frame.describedBy,
    }),
  );
}

/** Street line, province and commune (today's two levels), in one fieldset. */
export function address(
  host: FieldHost,
  path: string,
  label: string,
  required?: boolean,
  help?: string,
  autocomplete = false,
) {
  const { t } = host;
  const value = (host.get(path) ?? {}) as AddressDraft;
  const update = (part: keyof AddressDraft, raw: string) => {
    const next: AddressDraft = { ...value, [part]: raw || undefined };
    if (part === 'province') {
      delete next.commune;
      forgetTyped(path);
    }
    host.set(path, next.street || next.province || next.commune ? next : undefined);
  };
  const communes = value.province ? host.communes(value.province) : undefined;
  const finder = communeFinder(host, path, idOf(path), communes, value.commune);
  // The name first, its kind after ("Ba Đình (Phường)"), in the list only: a closed
  // select's type-ahead matches the start of what it shows, and 126 communes all
  // starting with "Xã" or "Phường" could not be reached by typing a name.
  const places = (list: readonly { code: string; name: string }[] = []) =>
    list.map(({ code, name }) => ({
      value: code,
      label: name,
      short: name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố) (.+)/, '$2 ($1)'),
    }));
  return framed(
    host,
    path,
    label,
    required,
    help,
    'address',
    (frame) => html`
    <label for="${frame.id}-street">${t.street}</label>
    <input id="${frame.id}-street" autocomplete=${autocomplete ? 'street-address' : 'off'} maxlength="200" aria-required=${frame.needed}
      aria-invalid=${frame.invalid} .value=${value.street ?? ''} @input=${(event: Event) => update('street', (event.target as HTMLInputElement).value)} />
    <div class="pair">
      <div>
        <label for="${frame.id}-province">${t.province}</label>
        ${listBox(frame, '-province', t.chooseProvince, places(host.provinces), value.province, (code) => update('province', code))}
      </div>
      <div>
        ${finder.box}
        <label for="${frame.id}-commune">${t.commune}</label>
        ${listBox(frame, '-commune', t.chooseCommune, places(finder.shown), value.commune, (code) => update('commune', code), { disabled: !communes })}
      </div>
    </div>`,
  );
}

/** A field of the definition, if its condition shows it; `values` are the ones beside it. */
export function field(
  host: FieldHost,
  spec: FormField,
  path: string,
  values: Readonly<Record<string, unknown>>,
): unknown {
  if (!isShown(spec.when, values)) return nothing;
  const { label, required, help } = spec;
  switch (spec.type) {
    case 'text':
      return input(host, path, label, { required, help, maxlength: spec.maxLength });
    case 'textarea':
      return input(host, path, label, { required, help, maxlength: spec.maxLength, textarea: true });
    case 'number':
      return input(
        host,
        path,
        label,
        { required, help, inputmode: spec.integer ? 'numeric' : 'decimal', unit: spec.unit },
        (raw) => {
          const trimmed = raw.trim();
          const number = Number(trimmed.replace(',', '.'));
          return trimmed === '' ? undefined : Number.isFinite(number) ? number : trimmed;
        },
      );
    case 'date':
      return date(host, path, label, required, help);
    case 'personal-id':
      return input(host, path, label, { required, help, inputmode: 'numeric', maxlength: 20 });
    case 'tax-code':
      // Not the numeric keypad: a branch's code has a hyphen (0101234567-001), which it lacks.
      return input(host, path, label, { required, help, inputmode: 'text', maxlength: 20 });
    case 'phone':
      return input(host, path, label, { required, help, type: 'tel', inputmode: 'tel', maxlength: 20 });
    case 'email':
      return input(host, path, label, { required, help, type: 'email', maxlength: 254 });
    case 'select':
      return select(host, path, label, spec.options, required, help);
    case 'radio':
      return choices(host, path, label, spec.options, { required, help });
    case 'checkboxes':
      return choices(host, path, label, spec.options, { multiple: true, required, help });
    case 'yesno':
      return choices(
        host,
        path,
        label,
        [
          { value: true, label: host.t.yes },
          { value: false, label: host.t.no },
        ],
        { required, help },
      );
    case 'address':
      return address(host, path, label, required, help);
    case 'group':
      return group(host, spec, path);
  }
}

/** A repeating group: numbered items, each with a remove button, and an add button. */
function group(host: FieldHost, spec: GroupField, path: string) {
  const { t } = host;
  const items = (host.get(path) ?? []) as Record<string, unknown>[];
  return framed(
    host,
    path,
    spec.label,
    spec.required || Boolean(spec.minItems),
    spec.help,
    '',
    ({ id }) => html`
    ${items.map(
      (item, index) => html`
      <fieldset class="item">
        <legend>${t.itemTitle(spec.itemLabel, index + 1)}</legend>
        ${spec.fields.map((inner) => field(host, inner, `${path}.${index}.${inner.id}`, item))}
        <button type="button" @click=${() => host.removeItem(path, index)}>${t.removeItem(spec.itemLabel, index + 1)}</button>
      </fieldset>`,
    )}
    ${
      items.length < (spec.maxItems ?? 50)
        ? html`<button type="button" id="${id}-add" @click=${() => host.addItem(path)}>${t.addItem(spec.itemLabel, items.length + 1)}</button>`
        : nothing
    }`,
  );
}

/** How "required" reads for a field: typed, chosen or attached. */
export const verbOf = (spec: SimpleField | FormField | undefined): 'type' | 'choose' =>
  spec && ['select', 'radio', 'checkboxes', 'yesno'].includes(spec.type) ? 'choose' : 'type';
