/**
 * Where upload bytes live: `@tus/file-store` in a folder (the default; one
 * disk, nothing to run) or `@tus/s3-store` in an S3-compatible bucket for a
 * deployment that outgrows one disk or runs several replicas.
 *
 * Both are told the expiry, so the tus answers carry `Upload-Expires` and a
 * stale upload is refused (410) even before the sweep removes it.
 */
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/utils';
import type { UploadConfig } from './config.js';

/** A tus store that can also hand back an upload's bytes (both stores can; the base class does not say so). */
export type UploadStore = DataStore & { read(id: string): Readable | Promise<Readable> };

/**
 * S3 multipart parts: S3's minimum is 5 MiB. 8 MiB keeps a 20 MiB file to
 * three parts; smaller tus chunks wait in an "incomplete part" object.
 */
const S3_PART_BYTES = 8 * 2 ** 20;

export async function createUploadStore(config: UploadConfig): Promise<UploadStore> {
  const expirationPeriodInMilliseconds = config.limits.ttlHours * 3_600_000;
  const { store } = config;
  if (store.kind === 'file') {
    const { FileStore } = await import('@tus/file-store');
    return new FileStore({ directory: store.directory, expirationPeriodInMilliseconds });
  }
  // Loaded only when chosen: the AWS SDK is large and slow to import.
  const { S3Store } = await import('@tus/s3-store');
  return new S3Store({
    partSize: S3_PART_BYTES,
    expirationPeriodInMilliseconds,
    s3ClientConfig: {
      bucket: store.bucket,
      region: store.region,
      ...(store.endpoint && { endpoint: store.endpoint, forcePathStyle: true }),
      ...(store.credentials && { credentials: store.credentials }),
    },
  });
}
