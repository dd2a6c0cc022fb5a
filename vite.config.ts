/**
 * Two builds from one config:
 * - `vite build` (mode `npm`): ES modules for npm users in `dist/`, one
 *   entry per element plus `index.js` and `classes.js`; lit, @lit/task, zod
 *   and tus-js-client stay external so an application bundles them once.
 * - `vite build --mode cdn`: `dist/cdn/dvc-widgets.js`, a tiny loader, with
 *   every element and dependency in chunks beside it that load on demand.
 * - `vite build --mode site`: the demo site's configurator script.
 */
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the HTML and CSS inside Lit's html`` and css`` templates, which no JS minifier touches.
 * Attribute values go unquoted where HTML allows it (no space, quote, `=`, `<`, `>` or backquote
 * in them); Lit reads unquoted attributes and bindings (`class=${…}`) as quoted ones.
 */
const minifyTemplates = (): Plugin => ({
  name: 'dvc-minify-templates',
  async transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id)) return null;
    const result = await minifyHTMLLiterals(code, { fileName: id, html: { removeAttributeQuotes: true } });
    return result ? { code: result.code, map: result.map } : null;
  },
});

/**
 * Vite's module-preload helper, leaner: it adds a `<link rel="modulepreload">`
 * for each chunk an `import()` will need, resolved against the importing
 * chunk's own URL (so the folder can be hosted anywhere), then imports. Vite's
 * own also preloads CSS, reads a CSP nonce from the page and fires a
 * `vite:preloadError` event, none of which the widgets use (no CSS files, no
 * inline scripts, the loader reports a failed import itself): 1 KB less on
 * every page, a twentieth of the search box's budget.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const leanPreload = (): Plugin => ({
  name: 'dvc-lean-preload',
  enforce: 'pre',
  load(id) {
    if (id !== PRELOAD_HELPER) return null;
    return `const seen = new Set();
export const __vitePreload = (load, deps, importer) => {
  for (const dep of deps ?? []) {
    const href = new URL(dep, importer).href;
    if (seen.has(href)) continue;
    seen.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
  return load();
};`;
  },
  // An import() with nothing to preload beside its own chunk (Vite writes `[]`) needs no helper: a plain import().
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      const bare = /\b[\w$]+\(\(\)=>(import\(`\.{1,2}\/[^`]+`\)[^,]*?),\[\],import\.meta\.url\)/g;
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(bare, '$1');
    },
  },
});

/**
 * The helper behind `@property()` and `@state()` (TypeScript's legacy
 * decorators), leaner: the widgets decorate only class fields, so it calls
 * each decorator with the prototype, the name and the descriptor the previous
 * one returned, and defines the property when one did. The oxc runtime's also
 * decorates classes and methods and defers to `Reflect.decorate` (a
 * reflect-metadata polyfill's), none of which the widgets use.
 */
const DECORATE_HELPER = '\0dvc/decorate.js';
const leanDecorate = (): Plugin => ({
  name: 'dvc-lean-decorate',
  enforce: 'post',
  transform(code) {
    const imported = 'from "@oxc-project/runtime/helpers/decorate"';
    return code.includes(imported) ? code.replace(imported, `from ${JSON.stringify(DECORATE_HELPER)}`) : null;
  },
  resolveId: (id) => (id === DECORATE_HELPER ? id : null),
  load(id) {
    if (id !== DECORATE_HELPER) return null;
    return `export default (decorators, target, key, descriptor) => {
  for (let i = decorators.length; i--; ) descriptor = decorators[i](target, key, descriptor) || descriptor;
  if (descriptor) Object.defineProperty(target, key, descriptor);
};`;
  },
});

const npmEntries = {
  index: 'src/index.ts',
  classes: 'src/classes.ts',
  provider: 'src/provider.ts',
  'procedure-search': 'src/procedure-search.ts',
  'attachment-upload': 'src/attachment-upload.ts',
  'dossier-form': 'src/dossier-form.ts',
  'status-lookup': 'src/status-lookup.ts',
  contract: 'src/api/contract/index.ts',
};

/** `vite build --mode site`: the demo site's own script, served by the reference backend at /assets/. */
const siteBuild = {
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: { configurator: 'demo/site/src/configurator.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
};

export default defineConfig(({ mode }) =>
  mode === 'site'
    ? siteBuild
    : mode === 'cdn'
      ? {
          base: './',
          plugins: [minifyTemplates(), leanPreload(), leanDecorate()],
          build: {
            outDir: 'dist/cdn',
            emptyOutDir: true,
            target: 'es2022',
            minify: true,
            // The preload helper (leanPreload above) fetches the chunks an element
            // shares with the others (Lit, the base class) in parallel with the
            // element's own chunk: one round trip instead of two on 3G.
            modulePreload: { polyfill: false },
            rollupOptions: {
              input: { 'dvc-widgets': 'src/cdn.ts' },
              preserveEntrySignatures: false,
              // Zod's schema builders (`z.object(…)`, `z.string().check(…)`) have no side
              // effects, but the bundler cannot know it and would keep every schema a
              // contract module defines, used or not (the upload metadata, the
              // dossier submission…) in every widget that imports the module. So every
              // `z.…` call counts as pure: a zod call made for its effect would need
              // another name.
              treeshake: { manualPureFunctions: ['z'] },
              output: {
                format: 'es',
                comments: false,
                entryFileNames: '[name].js',
                chunkFileNames: 'chunks/[name]-[hash].js',
              },
            },
          },
        }
      : {
          build: {
            outDir: 'dist',
            emptyOutDir: false,
            target: 'es2022',
            minify: false,
            sourcemap: true,
            lib: { entry: npmEntries, formats: ['es'] },
            rollupOptions: {
              external: [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^tus-js-client(\/|$)/],
              output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
            },
          },
        },
);
