/**
 * Where tus-js-client remembers unfinished uploads so they resume after a
 * reload. Its default store is localStorage, with the file name in the key
 * and the metadata in the value: on a commune office's shared computer that
 * would leave "giay-khai-sinh-nguyen-van-a.pdf" behind for the next person.
 * This store keeps only the upload address and size, under a hashed key, in
 * sessionStorage, which the browser empties when the tab is closed.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';
import { tabStorage } from './tab-storage.js';

const PREFIX = 'dvc-upload:';

type Stored = Pick<PreviousUpload, 'size' | 'creationTime' | 'uploadUrl'>;

function read(key: string): PreviousUpload | undefined {
  try {
    const stored = JSON.parse(tabStorage.getItem(key) ?? 'null') as Stored | null;
    return stored ? { ...stored, metadata: {}, parallelUploadUrls: null, urlStorageKey: key } : undefined;
  } catch {
    return undefined;
  }
}

export const sessionUrlStorage: UrlStorage = {
  async findAllUploads() {
    return tabStorage
      .keys()
      .filter((key) => key.startsWith(PREFIX))
      .flatMap((key) => read(key) ?? []);
  },
  async findUploadsByFingerprint(fingerprint) {
    return tabStorage
      .keys()
      .filter((key) => key.startsWith(`${PREFIX}${fingerprint}:`))
      .flatMap((key) => read(key) ?? []);
  },
  async removeUpload(key) {
    tabStorage.removeItem(key);
  },
  async addUpload(fingerprint, upload) {
    const key = `${PREFIX}${fingerprint}:${Date.now()}`;
    const stored: Stored = { size: upload.size, creationTime: upload.creationTime, uploadUrl: upload.uploadUrl };
    tabStorage.setItem(key, JSON.stringify(stored));
    return key;
  },
};

/**
 * The same file chosen again (or the page reloaded) gets the same
 * fingerprint: a hash of what identifies it, so the key reveals nothing.
 * FNV-1a twice (64 bits), not SHA-256: `crypto.subtle` is missing on the
 * plain-http pages some commune sites still serve, and nothing here is secret.
 */
export async function fingerprint(file: File, endpoint: string, context: string): Promise<string> {
  const identity = [file.name, file.size, file.lastModified, file.type, endpoint, context].join('\u0000');
  return [0x811c9dc5, 0x01000193].map((seed) => fnv1a(identity, seed).toString(16).padStart(8, '0')).join('');
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
