/**
 * Vite settings for Storybook (dev, build and the vitest story checks) only.
 */
import { defineConfig } from 'vite';

/**
 * Lit and its entry points are pre-bundled together: discovered one by one,
 * Vite would bundle some of them twice and Lit warns "Multiple versions of
 * Lit loaded".
 */
export const litDeps = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directive-helpers.js',
  'lit/directives/*',
  '@lit/task',
];

export default defineConfig({
  optimizeDeps: { include: litDeps },
});
