/**
 * Vite settings for Storybook (dev, build and the vitest story checks) only.
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit and its entry points are pre-bundled together: discovered one by one,
 * Vite would bundle some of them twice and Lit warns "Multiple versions of
 * Lit loaded".
 */
export const litDeps = ['lit', 'lit/decorators.js', 'lit/directive.js', 'lit/directive-helpers.js', 'lit/directives/*', '@lit/task'];

/**
 * package.json `sideEffects` lists the registering entries by their `dist/`
 * paths (right for npm users), so in a production build of the sources the
 * bundler sees `import '../src/procedure-search.js'` as removable and drops
 * the `customElements.define`. These entries exist for that side effect.
 */
export const registeringEntries = (): Plugin => ({
  name: 'dvc-registering-entries',
  transform(code, id) {
    return /\/src\/(index|procedure-search|provider)\.ts$/.test(id) ? { code, map: null, moduleSideEffects: true } : null;
  },
});

export default defineConfig({
  plugins: [registeringEntries()],
  optimizeDeps: { include: litDeps },
});
