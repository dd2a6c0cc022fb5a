/**
 * Registers a custom element unless that name is taken. A commune CMS may
 * paste our script twice, or an old copy beside a new one: the first
 * registration wins and the others do nothing, instead of throwing
 * "NotSupportedError: this name has already been used".
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
