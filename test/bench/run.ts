/**
 * `npm run bench`: the figures of the performance budget, each next to its
 * budget. A benchmark, not a test: figures over budget are reported, not
 * failed; the exit code is 1 only when a part crashed.
 *
 * Parts, in order (each also runs alone with the command shown):
 * 1. size of the CDN build, 2. keystroke to results painted in Chromium,
 * then the layout shift of the demo pages on a phone,
 * 3. the reference backend's search at 100 requests a second at 2,000, 20,000
 * and 100,000 rows, on PGlite and on PostgreSQL with DATABASE_URL (a table
 * under the figures; the budgets read at 20,000 on PGlite), and the search's quality on
 * the query set (share with a right procedure in the top 3), then a province's
 * catalogue (20,000 procedure–agency rows) imported from the national Excel
 * export, 4. and 5. upload throughput
 * (tus against one plain PUT of the same 20 MB, from Node and from the widget
 * in Chromium), 6. the dossier lookup at 100 requests per second, then
 * under a slowloris attack (500 connections trickling a byte every 3 s), 7. 500
 * filings with attachments at once, with searches and lookups alongside,
 * 8. filings per second and lookup p99 with one instance and with three
 * behind nginx (needs nginx and PostgreSQL: DATABASE_URL or the CI server).
 * `--no-build` measures the `dist/cdn/` already there instead of building it.
 * The figures are also written to `BENCHMARKS.md`, with the machine, the
 * date and the command behind each, so a change in a figure shows in review.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { SERVER_NODE_FLAGS } from '../../demo/server/node-flags.js';
import { SEARCH_P50_BUDGET_MS, SEARCH_P99_BUDGET_MS } from './backend-search.js';
import { formatSearchScaling, runSearchScaling, type ScalingRow, windowStatistic } from './search-scaling.js';
import { measureSearchQuality } from './search-quality.js';
import { measureCatalogueImport } from './catalogue-import.js';
import { measureNationalExcelImport } from './catalogue-national.js';
import { measureKeystroke } from './keystroke.js';
import { measureLayoutShift } from './layout-shift.js';
import { runLoad } from './load.js';
import { formatLookupBench, LOOKUP_P99_BUDGET_MS, runLookupBench } from './lookup.js';
import { formatSlowlorisBench, runSlowlorisBench, spread } from './slowloris.js';
import { measureInstances } from './instances.js';
import { describeFigure, formatFigure, measureSize, type Figure } from './size.js';
import { measureBrowserUpload } from './upload-browser.js';
import { formatUploadThroughputBench, runUploadThroughputBench } from './upload-throughput.js';

interface Part {
  title: string;
  command: string;
  run: () => Promise<Figure[]>;
}

/** The cost table (search-scaling.ts), written below the figures; empty until the search part ran. */
let searchScaling: ScalingRow[] = [];

/**
 * Search at 100 requests a second at 2,000, 20,000 and 100,000 rows, on
 * PGlite and on the PostgreSQL of DATABASE_URL; the budgets (issue 17: p50
 * ≤ 5 ms, p99 ≤ 15 ms) are read at 20,000 rows on PGlite, the default.
 */
async function measureBackendSearch(): Promise<Figure[]> {
  console.log('\n== Backend search at 100 requests per second, by catalogue size ==');
  searchScaling = await runSearchScaling({ url: process.env.DATABASE_URL });
  console.log(formatSearchScaling(searchScaling));
  const errors = searchScaling.flatMap((row) => row.results.flatMap((result) => result.runs)).some((run) => run.errors);
  if (errors) throw new Error('some search requests failed');
  const row = searchScaling.find((entry) => entry.engine === 'pglite' && entry.rows === 20_000);
  if (!row) throw new Error('the budgets are read at 20,000 rows on PGlite: BENCH_SIZES must hold 20000');
  const figure = (key: 'p50' | 'p95' | 'p99', budget?: number): Figure => {
    const { median, min, max } = windowStatistic(row, key);
    const windows = row.results.length * row.results[0]!.runs.length;
    const note = `median of ${windows} windows in ${row.results.length} processes, ${min}–${max}; 20000 rows, 100 req/s`;
    return { label: `Backend search ${key}`, value: median, unit: 'ms', note, ...(budget && { budget }) };
  };
  return [figure('p50', SEARCH_P50_BUDGET_MS), figure('p95'), figure('p99', SEARCH_P99_BUDGET_MS)];
}

/** tus with the widget's chunk size against a single PUT; the issue's budget is a ratio of at least 0.9. */
async function measureUploadThroughput(): Promise<Figure[]> {
  console.log('\n== Upload throughput ==');
  const result = await runUploadThroughputBench();
  console.log(formatUploadThroughputBench(result));
  return result.tus.map((tus) => ({
    label: `Upload, ${tus.chunkBytes === 'adaptive' ? 'adaptive' : `${tus.chunkBytes / 2 ** 20} MiB`} chunks / PUT`,
    value: tus.ratio,
    unit: 'ratio',
    ...(tus === result.tus[0] && { budget: 0.9, higherIsBetter: true }),
  }));
}

/** Lookups at a fixed 100 per second; the issue's budget is p99 ≤ 20 ms. */
async function measureLookup(): Promise<Figure[]> {
  console.log('\n== Dossier lookup at 100 requests per second ==');
  const result = await runLookupBench();
  console.log(formatLookupBench(result));
  if (result.errors > 0) throw new Error(`${result.errors} of ${result.requests} lookups failed`);
  const note = `${result.rate} req/s for ${(result.durationMs / 1000).toFixed(0)} s, ${result.dossiers} dossiers`;
  return [
    { label: 'Lookup latency p50', value: result.latencyMs.p50, unit: 'ms', note },
    { label: 'Lookup latency p99', value: result.latencyMs.p99, unit: 'ms', budget: LOOKUP_P99_BUDGET_MS },
  ];
}

/** Lookups without and with hundreds of connections trickling a byte every few seconds; p99 under attack ≤ 20 ms. */
async function measureSlowloris(): Promise<Figure[]> {
  console.log('\n== Dossier lookup under a slowloris attack ==');
  const result = await runSlowlorisBench();
  console.log(formatSlowlorisBench(result));
  const figure = (label: string, values: number[], budget?: number): Figure => {
    const { median, min, max } = spread(values);
    return {
      label,
      value: median,
      unit: 'ms',
      note: `median of ${values.length} runs, ${min}–${max}`,
      ...(budget && { budget }),
    };
  };
  const { runs } = result;
  return [
    figure(
      'Lookup p99 without attack',
      runs.map((run) => run.quiet.latencyMs.p99),
    ),
    figure(
      'Lookup p50 under slowloris',
      runs.map((run) => run.attacked.latencyMs.p50),
    ),
    figure(
      'Lookup p99 under slowloris',
      runs.map((run) => run.attacked.latencyMs.p99),
      LOOKUP_P99_BUDGET_MS,
    ),
  ];
}

const build = !process.argv.includes('--no-build');
const DATABASE_URL_NOTE = process.env.DATABASE_URL ? 'DATABASE_URL=… ' : '';
/** The parts that run the reference backend run it as `npm start` does, with its node settings (demo/server/node-flags.ts). */
const backend = `node ${SERVER_NODE_FLAGS.join(' ')} --import tsx`;
const parts: Part[] = [
  { title: 'Size', command: 'npx tsx test/bench/size.ts', run: () => measureSize({ build }) },
  // Size has just built dist/cdn/ (or was told not to): no second build.
  {
    title: 'Keystroke to results painted',
    command: `${backend} test/bench/keystroke.ts`,
    run: () => measureKeystroke({ build: false }),
  },
  { title: 'Layout shift (phone)', command: 'npx tsx test/bench/layout-shift.ts', run: measureLayoutShift },
  { title: 'Backend search', command: 'node --import tsx test/bench/search-scaling.ts', run: measureBackendSearch },
  {
    title: 'Search quality (query set)',
    command: 'node --import tsx test/bench/search-quality.ts',
    run: measureSearchQuality,
  },
  {
    title: 'Catalogue import from a catalogue file',
    command: 'node --import tsx test/bench/catalogue-import.ts',
    run: measureCatalogueImport,
  },
  {
    title: 'Catalogue import from the national Excel export',
    command: 'node --import tsx test/bench/catalogue-national.ts',
    run: measureNationalExcelImport,
  },
  {
    title: 'Upload throughput (Node client)',
    command: `${backend} test/bench/upload-throughput.ts`,
    run: measureUploadThroughput,
  },
  {
    title: 'Upload throughput (Chromium, the widget)',
    command: `${backend} test/bench/upload-browser.ts`,
    run: () => measureBrowserUpload({ build: false }),
  },
  { title: 'Dossier lookup', command: `${backend} test/bench/lookup.ts`, run: measureLookup },
  { title: 'Dossier lookup under slowloris', command: `${backend} test/bench/slowloris.ts`, run: measureSlowloris },
  {
    title: 'Load: 500 filings with attachments, searches and lookups at once',
    command: `${backend} test/bench/load.ts`,
    run: () => runLoad(),
  },
  {
    title: 'One instance and three behind nginx, on PostgreSQL',
    command: `${backend} test/bench/instances.ts`,
    run: measureInstances,
  },
];

/** Each part's figures, or the error that stopped it: one crashed part does not hide the others' figures. */
const outcomes: (Figure[] | Error)[] = [];
for (const part of parts) {
  outcomes.push(
    await part.run().catch((error: unknown) => {
      console.error(`\n${part.title} crashed:`, error);
      return error instanceof Error ? error : new Error(String(error));
    }),
  );
}

console.log('\n== Summary (all: npm run bench) ==');
parts.forEach((part, i) => {
  const outcome = outcomes[i]!;
  console.log(`${part.title}: ${part.command}`);
  if (outcome instanceof Error) console.log(`  CRASHED: ${outcome.message}`);
  else outcome.forEach((figure) => console.log(`  ${formatFigure(figure)}`));
});
if (outcomes.some((outcome) => outcome instanceof Error)) process.exitCode = 1;

/** One Markdown table row per figure; a crashed part says so instead of hiding. */
function markdownRows(part: Part, outcome: Figure[] | Error): string[] {
  if (outcome instanceof Error)
    return [`| ${part.title} | crashed: ${outcome.message.replace(/\|/g, '/')} | | \`${part.command}\` |`];
  return outcome.map((figure) => {
    const { value, verdict } = describeFigure(figure);
    return `| ${figure.label.trim()} | ${value} | ${verdict} | \`${part.command}\` |`;
  });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
writeFileSync(
  new URL('../../BENCHMARKS.md', import.meta.url),
  [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`,
    'Benchmarks, not tests: a figure over its budget is reported here; `npm run size` (part of `npm test`, so CI) fails on the size budgets.',
    '',
    '| figure | value | budget | command |',
    '|---|---|---|---|',
    ...parts.flatMap((part, i) => markdownRows(part, outcomes[i]!)),
    '',
    ...(searchScaling.length > 0
      ? [
          '## Search cost by catalogue size',
          '',
          'At 100 requests a second, open loop, 3 windows of 10 s per process; latency: median of all windows (min–max).',
          `Command: \`${DATABASE_URL_NOTE}node --import tsx test/bench/search-scaling.ts\`.`,
          '',
          formatSearchScaling(searchScaling),
          '',
        ]
      : []),
  ].join('\n'),
);
console.log('\nWrote BENCHMARKS.md');
