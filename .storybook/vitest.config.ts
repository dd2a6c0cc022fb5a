/**
 * Runs every story as a test in real Chromium (Storybook's addon-vitest):
 * the story renders, its play function waits for its state, then axe checks
 * that state and any violation fails the test (`a11y.test = 'error'` in
 * preview.ts), as does an unexpected `console.error`.
 *
 *   npx vitest run --config .storybook/vitest.config.ts
 *
 * Chromium comes from Debian (`apt-get install chromium`); set CHROME_PATH
 * to use another one.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { litDeps } from './vite.config.js';

const configDir = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(configDir, '..'),
  plugins: [storybookTest({ configDir })],
  optimizeDeps: { include: litDeps },
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      // A desktop page; the phone story narrows its own wrapper to 320 px.
      viewport: { width: 1280, height: 900 },
    },
  },
});
