/**
 * The upload endpoint's configuration, read from the environment:
 *
 *   UPLOAD_STORE            `file` (default): files in DATA_DIR/uploads; `s3`: an S3-compatible bucket
 *   UPLOAD_MAX_FILE_BYTES   largest file (default 20 MiB)
 *   UPLOAD_MAX_DRAFT_BYTES  largest total per dossier draft (default 100 MiB)
 *   UPLOAD_MAX_ADDRESS_BYTES largest total of unfiled uploads per client address, IPv4 or IPv6 /64
 *                           (default 1 GiB; behind a proxy, set TRUST_PROXY so addresses are the clients')
 *   UPLOAD_TTL_HOURS        hours before an upload never attached to a dossier is removed (default 24)
 *   S3_BUCKET, S3_REGION    required with UPLOAD_STORE=s3
 *   S3_ENDPOINT             another S3-compatible service (MinIO, Ceph, a provider's); path-style URLs then
 *   S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
 *                           both or neither; neither uses the AWS SDK's usual sources (instance role, ~/.aws)
 *
 * A pure function of its input, so every rule is tested without a server;
 * a wrong value stops the start-up with the variable's name rather than
 * running with a limit nobody chose.
 */
import { join } from 'node:path';
import { DEFAULT_UPLOAD_LIMITS, UploadLimits } from '../../../src/api/contract/index.js';
import { formatBytes } from './bytes.js';

export type Environment = Record<string, string | undefined>;

export interface FileStoreConfig {
  kind: 'file';
  directory: string;
}

export interface S3StoreConfig {
  kind: 's3';
  bucket: string;
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface UploadConfig {
  store: FileStoreConfig | S3StoreConfig;
  limits: UploadLimits;
}

const LIMIT_VARIABLES: Record<keyof UploadLimits, string> = {
  maxFileBytes: 'UPLOAD_MAX_FILE_BYTES',
  maxDraftBytes: 'UPLOAD_MAX_DRAFT_BYTES',
  maxAddressBytes: 'UPLOAD_MAX_ADDRESS_BYTES',
  ttlHours: 'UPLOAD_TTL_HOURS',
};

function readLimits(env: Environment): UploadLimits {
  const limits: Record<string, number> = {};
  for (const [key, name] of Object.entries(LIMIT_VARIABLES) as [keyof UploadLimits, string][]) {
    const text = env[name]?.trim();
    limits[key] = text ? Number(text) : DEFAULT_UPLOAD_LIMITS[key];
  }
  const result = UploadLimits.safeParse(limits);
  if (!result.success) {
    const names = [
      ...new Set(result.error.issues.map((issue) => LIMIT_VARIABLES[issue.path[0] as keyof UploadLimits])),
    ];
    throw new Error(
      `${names.join(', ')}: must be a positive number (hours) or whole number (bytes), got ${names.map((name) => `"${env[name]}"`).join(', ')}`,
    );
  }
  if (result.data.maxDraftBytes < result.data.maxFileBytes) {
    throw new Error(
      'UPLOAD_MAX_DRAFT_BYTES must be at least UPLOAD_MAX_FILE_BYTES: a file of the largest size would not fit in a dossier',
    );
  }
  if (result.data.maxAddressBytes < result.data.maxDraftBytes) {
    throw new Error(
      'UPLOAD_MAX_ADDRESS_BYTES must be at least UPLOAD_MAX_DRAFT_BYTES: a citizen could not upload a full dossier',
    );
  }
  return result.data;
}

function required(env: Environment, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required with UPLOAD_STORE=s3`);
  return value;
}

function readS3(env: Environment): S3StoreConfig {
  const config: S3StoreConfig = { kind: 's3', bucket: required(env, 'S3_BUCKET'), region: required(env, 'S3_REGION') };
  const endpoint = env.S3_ENDPOINT?.trim();
  if (endpoint) {
    if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
      throw new Error(`S3_ENDPOINT: "${endpoint}" is not a URL such as https://s3.example.vn`);
    config.endpoint = endpoint;
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK defaults',
    );
  }
  if (accessKeyId && secretAccessKey) config.credentials = { accessKeyId, secretAccessKey };
  return config;
}

/** The upload configuration of `env`; files go to `dataDir/uploads` unless S3 is chosen. */
export function readUploadConfig(env: Environment, dataDir: string): UploadConfig {
  const kind = env.UPLOAD_STORE?.trim() || 'file';
  if (kind !== 'file' && kind !== 's3') throw new Error(`UPLOAD_STORE must be "file" or "s3", got "${kind}"`);
  return {
    store: kind === 's3' ? readS3(env) : { kind: 'file', directory: join(dataDir, 'uploads') },
    limits: readLimits(env),
  };
}

/** One line for the start-up log: where files go and the limits. */
export function describeUploadStore({ store, limits }: UploadConfig): string {
  const where =
    store.kind === 'file'
      ? `files in ${store.directory}`
      : `S3 bucket ${store.bucket}${store.endpoint ? ` at ${store.endpoint}` : ''}`;
  return `${where}; at most ${formatBytes(limits.maxFileBytes)} per file, ${formatBytes(limits.maxDraftBytes)} per dossier, ${formatBytes(limits.maxAddressBytes)} unfiled per address; unattached kept ${limits.ttlHours} h`;
}
