/**
 * Storybook for the dvc widgets: every state of every element, rendered on
 * the in-browser DemoAdapter (stories/adapters/demo-adapter.ts), with a11y checks that
 * fail a story on any axe violation (see preview.ts).
 *
 * Vite config: the root vite.config.ts describes the npm library and CDN
 * builds, neither of which a Storybook build should inherit, so the builder
 * reads .storybook/vite.config.ts instead (and of any user config it keeps
 * only `build.target`).
 */
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The docs renderer and axe are large by nature; only the preview sees them, never a citizen.
  viteFinal: (viteConfig) => ({ ...viteConfig, build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 } }),
  core: {
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
    disableTelemetry: true,
  },
};

export default config;
