// ESLint for the whole repository: TypeScript's recommended rules, Lit's
// (template bindings, property declarations) and web components' (what a
// custom element may do in its constructor, how it is defined). Formatting
// is Prettier's alone (`npm run format`), so no rule here is about layout.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'storybook-static/**', 'coverage/**', '.data/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks what a destructuring or a signature leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  // A legacy host page's classic scripts: they define page globals on purpose (that is what they test).
  {
    files: ['test/hosts/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, $: 'writable' } },
    rules: { '@typescript-eslint/no-unused-vars': 'off', 'no-var': 'off', 'no-redeclare': 'off' },
  },
  // The backend, its scripts, the tests and the benchmarks speak to a terminal.
  { files: ['demo/**', 'test/**', '.storybook/**', '.config/**', 'vite.config.ts'], rules: { 'no-console': 'off' } },
);
