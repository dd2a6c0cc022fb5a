/**
 * The CDN entry, `dist/cdn/dvc-widgets.js`: a few hundred bytes that define
 * nothing themselves. They watch the page for our tags and import an
 * element's code only when that element appears, so a page with just the
 * search box never downloads the form or the upload client.
 *
 * The chunks are imported by relative URLs, which the browser resolves
 * against this script's own address: the folder can be hosted anywhere.
 */
import { define } from './define.js';

/** Each element's class, in a chunk of its own; the loader registers it (one chunk, one request). */
const elements: Record<string, () => Promise<CustomElementConstructor>> = {
  'dvc-provider': () => import('./components/provider/provider.js').then((module) => module.DvcProvider),
  'dvc-procedure-search': () =>
    import('./components/procedure-search/procedure-search.js').then((module) => module.DvcProcedureSearch),
  'dvc-attachment-upload': () =>
    import('./components/attachment-upload/attachment-upload.js').then((module) => module.DvcAttachmentUpload),
  'dvc-dossier-form': () => import('./components/dossier-form/dossier-form.js').then((module) => module.DvcDossierForm),
  'dvc-status-lookup': () =>
    import('./components/status-lookup/status-lookup.js').then((module) => module.DvcStatusLookup),
};

/**
 * Elements an element renders inside its own shadow root, where the page
 * observer below cannot see them: loaded together with it.
 */
const inner: Record<string, string[]> = { 'dvc-dossier-form': ['dvc-attachment-upload'] };

const SELECTOR = Object.keys(elements).join(',');
const started = new Set<string>();

function load(name: string): void {
  if (started.has(name) || customElements.get(name)) return;
  started.add(name);
  inner[name]?.forEach(load);
  elements[name]!().then(
    (constructor) => define(name, constructor),
    (error: unknown) => {
      started.delete(name);
      console.error(`dvc-widgets: could not load <${name}>`, error);
    },
  );
}

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(SELECTOR)) load(root.localName);
  root.querySelectorAll(SELECTOR).forEach((element) => load(element.localName));
}

// A second copy of this script (pasted twice, or another version) finds the flag and stays idle.
const flag = Symbol.for('dvc-widgets.loader');
const scope = globalThis as { [flag]?: true };
if (!scope[flag]) {
  scope[flag] = true;
  scan(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
  }).observe(document.documentElement, { childList: true, subtree: true });
}
