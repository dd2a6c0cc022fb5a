/**
 * What the virus scan adds to the last request of an upload: clamd's
 * INSTREAM scan of a clean PDF of 1 MiB and of 20 MiB (the largest file by
 * default), streamed in 64 KiB chunks as the store reads them, 7 runs each
 * (min, median, max: the spread matters on a shared machine). Needs a clamd:
 *
 *   .ci/clamd start && CLAMD_SOCKET=/tmp/dvc-clamd/clamd.sock node --import tsx test/bench/scan.ts
 *
 * clamd's time depends on its signature database: the test database has one
 * signature, a production one about a million, so run it against the clamd
 * of the deployment for a figure that means something there.
 */
import { clamdScanner } from '../../demo/server/uploads/scan.js';
import { samples } from '../backend/uploads-fixtures.js';

const CHUNK = 64 * 2 ** 10;
const RUNS = 7;

async function main(): Promise<void> {
  const socket = process.env.CLAMD_SOCKET;
  if (!socket) throw new Error('Set CLAMD_SOCKET to a running clamd (.ci/clamd start)');
  const scan = clamdScanner({ path: socket });
  for (const mib of [1, 20]) {
    const file = samples.pdf(mib * 2 ** 20);
    const chunks = Array.from({ length: Math.ceil(file.length / CHUNK) }, (_, i) =>
      file.subarray(i * CHUNK, (i + 1) * CHUNK),
    );
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await scan(chunks);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const ms = (index: number) => `${times[index]!.toFixed(0)} ms`;
    console.log(`scan of ${mib} MiB: min ${ms(0)}, median ${ms(RUNS >> 1)}, max ${ms(RUNS - 1)}`);
  }
}

await main();
