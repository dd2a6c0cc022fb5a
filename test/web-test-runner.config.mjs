/**
 * Component tests in real Chromium (Debian's, or CHROME_PATH) against the
 * real reference backend, started here for the whole run. Run through
 * `node --import tsx` so this file can import the TypeScript backend.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { startTestServers } from './support/servers.ts';
import { countReporter } from './support/count-reporter.mjs';

const servers = await startTestServers();

export default {
  rootDir: '.',
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    { name: 'dvc-stop-servers', serverStop: () => servers.close() },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="vi"><head><meta charset="utf-8"></head><body>
      <script>window.DVC_TEST = ${JSON.stringify({ api: servers.api, emptyApi: servers.emptyApi, faultyOrigin: servers.faultyOrigin })};</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
