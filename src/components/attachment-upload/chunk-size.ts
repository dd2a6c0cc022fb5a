/**
 * How big each tus request's chunk is. One size cannot fit both ends of what
 * citizens use: on 3G (about 100 kB/s) a 1 MiB chunk already takes ten
 * seconds, and a failure costs only what the server had not stored yet;
 * on a commune office's fibre, small chunks spend more time on request
 * overhead than on bytes. So the first chunk is small, and each next one is
 * sized from the speed just measured to take about {@link TARGET_SECONDS};
 * a widget's later files start from the speed its earlier ones measured.
 *
 * Pure arithmetic without the DOM, so the upload benchmark applies the very
 * same policy in Node.
 */
export const FIRST_CHUNK_BYTES = 512 * 1024;
export const MIN_CHUNK_BYTES = 256 * 1024;
/** Beyond this, one request holds too much for proxies and for a retry to be cheap. */
export const MAX_CHUNK_BYTES = 32 * 1024 * 1024;
const TARGET_SECONDS = 4;

/** The chunk that takes about {@link TARGET_SECONDS} at `bytesPerSecond`, in whole {@link MIN_CHUNK_BYTES}, within the bounds. */
function chunkSizeAt(bytesPerSecond: number): number {
  const ideal = Math.round((bytesPerSecond * TARGET_SECONDS) / MIN_CHUNK_BYTES) * MIN_CHUNK_BYTES;
  return Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, ideal));
}

/**
 * The policy for the files of one widget. Only its first file starts with
 * the small {@link FIRST_CHUNK_BYTES}: every later chunk, the first of the
 * next file included, is sized from the speed last measured, so on a fast
 * link a later file goes whole with the request that creates its upload.
 */
export class ChunkSizer {
  /** The link's speed as the last accepted chunk measured it; unknown before the first. */
  private bytesPerSecond: number | undefined;

  /** The first chunk of a file (sent with the creation request). */
  first(): number {
    return this.bytesPerSecond === undefined ? FIRST_CHUNK_BYTES : chunkSizeAt(this.bytesPerSecond);
  }

  /** The next chunk's size, from the last one's size and how long it took to be accepted. */
  next(lastChunkBytes: number, elapsedMs: number): number {
    this.bytesPerSecond = (lastChunkBytes / Math.max(elapsedMs, 1)) * 1000;
    return chunkSizeAt(this.bytesPerSecond);
  }
}
