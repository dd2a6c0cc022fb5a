/**
 * What an upload needs only once a citizen has chosen a file, in one chunk
 * loaded then: the tus client (15 KB gzip), where resumable uploads are
 * remembered, how chunks are sized, and the scaling of photos. A page where
 * nobody attaches anything never downloads it.
 */
export { Upload } from 'tus-js-client';
export { FIRST_CHUNK_BYTES, nextChunkSize } from './chunk-size.js';
export { downscalePhoto } from './downscale.js';
export { fingerprint, sessionUrlStorage } from './resume-storage.js';
