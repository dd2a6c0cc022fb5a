/**
 * Component tests in real Chromium (Debian's, or CHROME_PATH) against the
 * real reference backend, started here for the whole run. Run through
 * `node --import tsx` so this file can import the TypeScript backend.
 */
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { startTestServers } from './support/servers.ts';
import { startHostPages } from './support/host-pages.ts';
import { countReporter } from './support/count-reporter.mjs';

const servers = await startTestServers();
// Commune host pages (test/hosts/) at /hosts/ on the tests' origin, and on an origin of their own for cross-origin iframes.
const hostPages = await startHostPages(servers.api);

export default {
  rootDir: '.',
  files: ['test/components/**/*.test.ts'],
  // Browser builds of packages (tus-js-client ships a Node one too).
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  concurrency: 1,
  // A test's whole run, not a figure it checks: typing, uploading and sending a dossier takes seconds,
  // more on CI's loaded two cores; each wait inside a test has its own, shorter, limit and message.
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  middleware: [hostPages.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    // tus-js-client's browser build imports CommonJS packages (url-parse); bundlers convert them, the dev server needs this.
    fromRollup(rollupCommonjs)({
      include: [
        '**/node_modules/url-parse/**',
        '**/node_modules/querystringify/**',
        '**/node_modules/requires-port/**',
      ],
    }),
    { name: 'dvc-stop-servers', serverStop: () => Promise.all([servers.close(), hostPages.close()]) },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="vi"><head><meta charset="utf-8"></head><body>
      <script>window.DVC_TEST = ${JSON.stringify({ api: servers.api, emptyApi: servers.emptyApi, faultyOrigin: servers.faultyOrigin, officerToken: servers.officerToken, hostsOrigin: hostPages.origin })};</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
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
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
