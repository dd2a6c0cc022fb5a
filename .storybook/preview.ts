/// <reference types="vite/client" />
/**
 * Global story settings: a11y violations fail a story, docs pages come from
 * the custom elements manifest, and a toolbar switch sets the language of a
 * wrapper the widgets inherit `lang` from (as they would from a CMS page).
 */
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

// `npm run build-storybook` writes the manifest first (`npm run manifest`). Globbed rather than
// imported so that type checking and `storybook dev` still work before it exists.
const manifests = import.meta.glob<object>('../dist/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicOnly(manifest));

/** The manifest lists private and protected members too; a docs page is for the people who embed the widgets. */
function publicOnly(manifest: object): object {
  type Member = { privacy?: string };
  type Module = { declarations?: { members?: Member[] }[] };
  const { modules = [] } = manifest as { modules?: Module[] };
  return {
    ...manifest,
    modules: modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => !member.privacy || member.privacy === 'public'),
      })),
    })),
  };
}

/** What `console.error` said during the story on screen; the widgets use it for problems a webmaster must see. */
const consoleErrors: string[] = [];

const preview: Preview = {
  tags: ['autodocs'],
  // A story fails on an unexpected console.error, unless it sets `parameters.consoleErrors = 'expected'`
  // (the failure stories, where the widget rightly logs the error). Docs pages render many stories at once,
  // so they are not checked.
  beforeEach({ viewMode }) {
    if (viewMode === 'docs') return;
    consoleErrors.length = 0;
    const original = console.error;
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    return () => {
      console.error = original;
    };
  },
  afterEach({ viewMode, parameters }) {
    if (viewMode === 'docs' || parameters['consoleErrors'] === 'expected' || consoleErrors.length === 0) return;
    throw new Error(`Unexpected console.error during the story:\n${consoleErrors.join('\n')}`);
  },
  globalTypes: {
    lang: {
      description: 'Language of the page around the widgets',
      toolbar: {
        title: 'Ngôn ngữ / Language',
        icon: 'globe',
        items: [
          { value: 'vi', title: 'Tiếng Việt (vi)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'vi' },
  decorators: [(story, { globals }) => html`<div lang=${globals['lang'] === 'en' ? 'en' : 'vi'}>${story()}</div>`],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
