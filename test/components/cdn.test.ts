/**
 * The CDN build as a commune page meets it (`npm run build` first): one
 * script registers every element lazily, chunks are found relative to the
 * script wherever it is hosted, and pasting the script twice is harmless.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { $$, servers, until } from '../support/fixtures.js';

const loaded = (fragment: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(fragment));

describe('CDN build (dist/cdn)', () => {
  it('registers nothing until an element appears, then loads only that element, from beside the script', async () => {
    const errors: unknown[] = [];
    window.addEventListener('error', (event) => errors.push(event.error));
    await import('/dist/cdn/dvc-widgets.js' as string);
    // A second copy, as when a CMS template and a page both paste the tag.
    await import('/dist/cdn/dvc-widgets.js?second-copy' as string);
    expect(customElements.get('dvc-procedure-search')).to.equal(undefined);
    expect(loaded('/dist/cdn/chunks/procedure-search')).to.have.length(0);

    const element = await fixture(html`<dvc-procedure-search api=${servers.api} no-history></dvc-procedure-search>`);
    await until(() => customElements.get('dvc-procedure-search'), 'the element was never defined');
    await until(() => $$(element, '[part="result"]').length, 'no results through the CDN build');
    expect(loaded('/dist/cdn/chunks/procedure-search')).to.have.length(1);
    // Vietnamese page: the English texts stay on the server.
    expect(loaded('messages.en')).to.have.length(0);
    expect(errors).to.deep.equal([]);
  });

  it('loads the upload widget with the form, which renders it where the page observer cannot see', async () => {
    expect(customElements.get('dvc-attachment-upload')).to.equal(undefined);
    await fixture(html`<dvc-dossier-form api=${servers.api} procedure="1.001193" no-history></dvc-dossier-form>`);
    await until(() => customElements.get('dvc-dossier-form'), 'the form was never defined');
    await until(
      () => customElements.get('dvc-attachment-upload'),
      'the upload widget inside the form was never defined',
    );
  });
});
