/**
 * How big each tus request's chunk is. One size cannot fit both ends of what
 * citizens use: on 3G (about 100 kB/s) a 1 MiB chunk already takes ten
 * seconds, and a failure costs only what the server had not stored yet;
 * on a commune office's fibre, small chunks spend more time on request
 * overhead than on bytes. So the first chunk is small, and each next one is
 * sized from the speed just measured to take about {@link TARGET_SECONDS}.
 *
 * Pure arithmetic without the DOM, so the upload benchmark applies the very
 * same policy in Node.
 */
export const FIRST_CHUNK_BYTES = 512 * 1024;
export const MIN_CHUNK_BYTES = 256 * 1024;
/** Beyond this, one request holds too much for proxies and for a retry to be cheap. */
export const MAX_CHUNK_BYTES = 32 * 1024 * 1024;
const TARGET_SECONDS = 4;

/** The next chunk's size, from the last one's size and how long it took to be accepted. */
export function nextChunkSize(lastChunkBytes: number, elapsedMs: number): number {
  const bytesPerSecond = (lastChunkBytes / Math.max(elapsedMs, 1)) * 1000;
  const ideal = Math.round((bytesPerSecond * TARGET_SECONDS) / MIN_CHUNK_BYTES) * MIN_CHUNK_BYTES;
  return Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, ideal));
}
