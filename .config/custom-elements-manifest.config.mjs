/**
 * Custom elements manifest (`dist/custom-elements.json`): read by IDEs, by
 * Storybook's docs pages and by anyone wiring the elements into a framework.
 * Styles and message catalogs (messages.ts, messages.en.ts…) hold no elements, so the analyzer skips them.
 */
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/messages.ts', '**/messages.*.ts'],
  outdir: 'dist',
  litelement: true,
};
