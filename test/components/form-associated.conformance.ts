/**
 * What every form-associated widget must do inside a real `<form>`, as a
 * native input does, in one suite each element's test file runs (as Web
 * Awesome runs its form-control checks for every control): its value in the
 * form's data under its name, required and empty is invalid, a custom
 * validity message, reset gives back the default, a disabled fieldset
 * disables it and takes it out of the data and of validation, the value
 * restored from the state the browser keeps, `:state(user-invalid)` only
 * after the citizen acted or a submit was tried, and `focus()` landing on
 * its own control.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { FormAssociatedElement } from '../../src/components/shared/form-associated.js';

export interface FormAssociatedCase<V> {
  tag: string;
  /** Attributes every instance gets (the backend, limits). */
  attributes?: Record<string, string>;
  /** Resolves once the element has rendered its controls. */
  ready: (element: FormAssociatedElement<V>) => Promise<void>;
  /** A value other than the default. */
  filled: V;
  /** What `FormData.getAll(name)` holds for a value. */
  entries: (value: V) => string[];
  /** The state the element gives the browser to restore a value (back/forward navigation). */
  savedState: (value: V) => string;
  /** A citizen's action through the element's own controls that leaves it empty (it may set a value first). */
  interact: (element: FormAssociatedElement<V>) => Promise<void>;
  /** Whether the element's own controls are disabled. */
  controlsDisabled: (element: FormAssociatedElement<V>) => boolean;
}

const NAME = 'field';

export function formAssociatedConformance<V>(spec: FormAssociatedCase<V>): void {
  const inForm = async () => {
    const form = await fixture<HTMLFormElement>(html`<form novalidate><fieldset></fieldset></form>`);
    const element = document.createElement(spec.tag) as FormAssociatedElement<V>;
    for (const [name, value] of Object.entries({ ...spec.attributes, name: NAME })) element.setAttribute(name, value);
    form.querySelector('fieldset')!.append(element);
    await spec.ready(element);
    return { form, element, fieldset: form.querySelector('fieldset')! };
  };
  const settle = async (element: FormAssociatedElement<V>) => {
    await element.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  const userInvalid = (element: Element) => element.matches(':state(user-invalid)');

  describe(`<${spec.tag}> as a form field`, () => {
    it('is associated with its form, and the form data carries its value under its name', async () => {
      const { form, element } = await inForm();
      expect(element.form).to.equal(form);
      expect(new FormData(form).getAll(NAME)).to.deep.equal([]);
      element.value = spec.filled;
      await settle(element);
      expect(new FormData(form).getAll(NAME)).to.deep.equal(spec.entries(spec.filled));
      expect(element.willValidate).to.equal(true);
    });

    it('is invalid when required and empty, with a message, and valid once it has a value', async () => {
      const { form, element } = await inForm();
      expect(element.checkValidity(), 'not required').to.equal(true);
      element.required = true;
      await settle(element);
      expect(element.validity.valueMissing).to.equal(true);
      expect(element.validationMessage).to.not.equal('');
      expect(element.checkValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      element.value = spec.filled;
      await settle(element);
      expect(element.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
    });

    it('takes a custom validity message, and clears it with an empty one', async () => {
      const { form, element } = await inForm();
      element.setCustomValidity('Giấy tờ này đã hết hạn.');
      expect(element.validity.customError).to.equal(true);
      expect(element.validationMessage).to.equal('Giấy tờ này đã hết hạn.');
      expect(form.checkValidity()).to.equal(false);
      element.setCustomValidity('');
      expect(element.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
    });

    it('gives back its default value on a form reset', async () => {
      const { form, element } = await inForm();
      element.value = spec.filled;
      await settle(element);
      form.reset();
      await settle(element);
      expect(new FormData(form).getAll(NAME)).to.deep.equal([]);
      expect(spec.entries(element.value)).to.deep.equal([]);
    });

    it('is disabled with its fieldset or its own attribute: out of the data and of validation', async () => {
      const { form, element, fieldset } = await inForm();
      element.value = spec.filled;
      element.required = true;
      fieldset.disabled = true;
      await settle(element);
      expect(element.matches(':disabled')).to.equal(true);
      expect(spec.controlsDisabled(element)).to.equal(true);
      expect(element.willValidate).to.equal(false);
      expect(new FormData(form).getAll(NAME)).to.deep.equal([]);
      fieldset.disabled = false;
      await settle(element);
      expect(element.hasAttribute('disabled'), 'the fieldset did not stick to the attribute').to.equal(false);
      expect(spec.controlsDisabled(element)).to.equal(false);
      expect(element.willValidate).to.equal(true);
      element.disabled = true;
      await settle(element);
      expect(element.matches(':disabled')).to.equal(true);
      expect(spec.controlsDisabled(element)).to.equal(true);
      expect(new FormData(form).getAll(NAME)).to.deep.equal([]);
    });

    it('restores the value the browser kept (formStateRestoreCallback), and ignores a broken one', async () => {
      const { form, element } = await inForm();
      element.formStateRestoreCallback(spec.savedState(spec.filled));
      await settle(element);
      expect(new FormData(form).getAll(NAME)).to.deep.equal(spec.entries(spec.filled));
      const other = (await inForm()).element;
      other.formStateRestoreCallback('{not what was saved');
      await settle(other);
      expect(spec.entries(other.value)).to.deep.equal([]);
    });

    it('shows itself invalid (:state(user-invalid)) only after the citizen acted or a submit was tried', async () => {
      const { form, element } = await inForm();
      element.required = true;
      await settle(element);
      expect(element.validity.valid).to.equal(false);
      expect(userInvalid(element), 'on arrival').to.equal(false);
      form.noValidate = false;
      form.addEventListener('submit', (event) => event.preventDefault());
      form.requestSubmit();
      await settle(element);
      expect(userInvalid(element), 'after a submit').to.equal(true);
      form.reset();
      await settle(element);
      expect(userInvalid(element), 'after a reset').to.equal(false);
      await spec.interact(element);
      await settle(element);
      expect(userInvalid(element), 'after the citizen acted').to.equal(true);
      element.value = spec.filled;
      await settle(element);
      expect(userInvalid(element), 'once valid').to.equal(false);
    });

    it('takes focus on its own control with focus()', async () => {
      const { element } = await inForm();
      element.focus();
      expect(document.activeElement).to.equal(element);
      expect(element.shadowRoot!.activeElement).to.not.equal(null);
    });
  });
}
