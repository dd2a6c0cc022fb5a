/**
 * The base of every widget that is a form field of its own (today the
 * upload): through `ElementInternals` it takes part in a plain `<form>` as
 * a native input does. Its value goes into the form's data under `name`; it
 * has a validity the form checks before submitting (`required`, the
 * element's own rules, `setCustomValidity`); a reset gives back the default
 * value, the browser restores it after back/forward navigation, and a
 * disabled `<fieldset>` disables it. Modelled on Web Awesome's and
 * Shoelace's form controls, so a page author finds the same API.
 *
 * `:state(user-invalid)` is the custom element's `:user-invalid`: set only
 * once the citizen acted on the field or a submit was tried (the form's
 * `invalid` event), so a required field is not shown in red on arrival.
 * Every check (`test/components/form-associated.conformance.ts`) is run by
 * each subclass's test file.
 */
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { WidgetAdapter } from '../../api/adapter.js';
import { DvcElement } from './dvc-element.js';

/** What an element finds wrong with its own value, for the form's validity. */
export interface OwnValidity {
  flags: ValidityStateFlags;
  message: string;
}

export abstract class FormAssociatedElement<V, A extends WidgetAdapter = WidgetAdapter> extends DvcElement<A> {
  static formAssociated = true;

  /** Name of the form field: the key of the element's entries in the form's data. */
  @property() name = '';

  /** The form is invalid while the element has no value. */
  @property({ type: Boolean }) required = false;

  /** The citizen cannot change the value; the form leaves it out. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * Disabled by the form around it (a disabled `<fieldset>`), apart from its
   * own `disabled` attribute: reflecting this into the attribute would keep
   * the element disabled after the fieldset is enabled again.
   */
  @state() private disabledByForm = false;

  protected readonly internals = this.attachInternals();
  private customMessage = '';
  private interacted = false;

  constructor() {
    super();
    // The form's submit (or reportValidity) found the element invalid: now it may show so.
    this.addEventListener('invalid', () => this.markInteracted());
  }

  /** The value the form submits. */
  abstract get value(): V;
  abstract set value(value: V);

  /** The value a form reset gives back. */
  protected abstract get defaultValue(): V;

  /** The form's entries for the value (for `name`), and the state the browser keeps to restore it. */
  protected abstract formValue(): { data: FormData | string | null; state: string };

  /** Sets the value from a state `formValue` returned (after back/forward navigation). */
  protected abstract restoreValue(state: string): void;

  /** What is wrong with the value (required and empty, the element's own rules), or undefined. */
  protected abstract ownValidity(): OwnValidity | undefined;

  /** The control the browser's validation bubble points at. */
  protected abstract validationAnchor(): HTMLElement | undefined;

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form checks the element (not when it is disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    this.syncForm();
    return this.internals.reportValidity();
  }

  /** A message of the page's own that makes the element invalid; '' clears it. */
  setCustomValidity(message: string): void {
    this.customMessage = message;
    this.syncForm();
  }

  /** Disabled by its own attribute or by a disabled fieldset. */
  protected get inactive(): boolean {
    return this.disabled || this.disabledByForm;
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
    this.interacted = false;
    this.syncForm();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreValue(state);
  }

  /** The citizen changed the value: from now on an invalid value shows (`:state(user-invalid)`). */
  protected markInteracted(): void {
    this.interacted = true;
    this.syncForm();
  }

  /** Form value and validity follow every change (value, `required`, the language of the message). */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncForm();
  }

  /** Tells the form the value and whether it is valid, and sets the user-invalid state. */
  protected syncForm(): void {
    const { data, state } = this.formValue();
    this.internals.setFormValue(data, state);
    const own = this.customMessage ? { flags: { customError: true }, message: this.customMessage } : this.ownValidity();
    // A message is required with any flag; a language still loading has none yet.
    if (own) this.internals.setValidity(own.flags, own.message || ' ', this.validationAnchor());
    else this.internals.setValidity({});
    const states = this.internals.states;
    if (this.interacted && own) states.add('user-invalid');
    else states.delete('user-invalid');
  }
}
