/**
 * The V8 settings the reference backend runs with: `npm start` and
 * `npm run bench` pass them to node (package.json), and so does every
 * command that runs the backend the way a commune would.
 *
 * They are about large request bodies on a small machine (the backend's
 * 2-core box, a commune's VPS). Upload bytes arrive in 64 KiB buffers, some
 * hundreds per file, and with V8's defaults a process every so often fell
 * into a run of back-to-back full collections, one about every 30 ms (180
 * in a benchmark process instead of 20), while the client waited: a 20 MB
 * PUT then took 35 to 45 ms instead of 22, and an upload over tus, which
 * allocates more, was caught more often. Measured with the upload
 * benchmark (`test/bench/upload-throughput.ts`, 31 runs each), its ratio of
 * tus to PUT in fresh processes:
 * - defaults: 0.86 to 0.95 in most, 0.48 to 0.76 in about one in six;
 * - `--single-threaded-gc` (the collector works on the thread it stops,
 *   instead of on helper threads that compete for two cores with the
 *   socket, the disk writes and the database; on a heap of a few tens of
 *   MB its pauses stay short): 0.88 to 0.97, none in the slow regime;
 * - with `--no-memory-reducer` as well (no collections started to give
 *   memory back after a quiet spell, which on a server is most of the day):
 *   0.82 to 0.96, median 0.93, under 0.9 in 4 of 26 processes.
 * The other half of the cure is PGlite on a thread of its own
 * (db/pglite-worker.ts). Neither setting can be made once the process runs
 * (`v8.setFlagsFromString('--no-memory-reducer')` was measured to change
 * nothing), nor through NODE_OPTIONS, which refuses both.
 */
export const SERVER_NODE_FLAGS = ['--single-threaded-gc', '--no-memory-reducer'] as const;

/** The settings this process was started without: for a warning, not a refusal (the backend works without them). */
export const missingServerFlags = (execArgv: readonly string[] = process.execArgv): string[] =>
  SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));

/** One line to print when {@link missingServerFlags} is not empty, or nothing. */
export function serverFlagsWarning(execArgv: readonly string[] = process.execArgv): string | undefined {
  const missing = missingServerFlags(execArgv);
  if (missing.length === 0) return undefined;
  return `Note: node runs without ${missing.join(' ')}; large uploads may take up to half as long again (see demo/server/node-flags.ts).`;
}
