/**
 * The upload rules without a server: recognising file kinds by their first
 * bytes, the `accept` attribute, sanitising names, reading the upload
 * configuration from the environment, and choosing the store.
 *
 * The S3 store is only configured here, never exercised: the S3 emulators
 * on npm (s3rver 3.7, @20minutes/s3rver 5) lack ListParts, which
 * @tus/s3-store needs to resume, and the latter needs Node 24.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import {
  acceptedKinds,
  FILE_KINDS,
  type FileKind,
  kindOfFileName,
  kindOfMimeType,
  SNIFF_BYTES,
} from '../../src/api/file-types.js';
import { sniffFileType } from '../../src/api/file-sniffing.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/api/contract/index.js';
import { formatBytes } from '../../demo/server/uploads/bytes.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { sanitizeFileName } from '../../demo/server/uploads/file-name.js';
import { createUploadStore } from '../../demo/server/uploads/store.js';
import { KiB, samples } from './uploads-fixtures.js';

const head = (bytes: Buffer): Uint8Array => new Uint8Array(bytes.subarray(0, SNIFF_BYTES));

describe('sniffFileType', () => {
  const cases: [FileKind, Buffer][] = [
    ['pdf', samples.pdf()],
    ['jpeg', samples.jpeg()],
    ['png', samples.png()],
    ['heic', samples.heic()],
    ['doc', samples.doc()],
    ['docx', samples.docx()],
    ['odt', samples.odt()],
  ];
  for (const [kind, bytes] of cases) {
    test(`recognises ${kind} from its first ${SNIFF_BYTES} bytes`, () => {
      assert.equal(sniffFileType(head(bytes)), kind);
    });
  }

  test('an executable, a GIF, text, nothing and a truncated signature are no accepted kind', () => {
    assert.equal(sniffFileType(head(samples.exe())), undefined);
    assert.equal(sniffFileType(new TextEncoder().encode('GIF89a....')), undefined);
    assert.equal(sniffFileType(new TextEncoder().encode('hello, this is not a PDF')), undefined);
    assert.equal(sniffFileType(new Uint8Array()), undefined);
    assert.equal(sniffFileType(new Uint8Array([0x89, 0x50, 0x4e])), undefined);
    assert.equal(sniffFileType(new TextEncoder().encode('%PD')), undefined);
  });

  test('HEIF brands: heic, heix, mif1 are HEIC; AVIF (mif1 + avif) and MP4 are not', () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const box = Buffer.alloc(16 + compatible.length * 4);
      box.writeUInt32BE(box.length);
      box.write(`ftyp${major}`, 4, 'latin1');
      compatible.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
      return new Uint8Array(Buffer.concat([box, Buffer.alloc(64)]));
    };
    assert.equal(sniffFileType(ftyp('heic', 'mif1', 'heic')), 'heic');
    assert.equal(sniffFileType(ftyp('heix', 'mif1')), 'heic');
    assert.equal(sniffFileType(ftyp('mif1', 'mif1', 'heic')), 'heic');
    assert.equal(sniffFileType(ftyp('mif1', 'mif1', 'avif')), undefined);
    assert.equal(sniffFileType(ftyp('avif', 'mif1', 'miaf')), undefined);
    assert.equal(sniffFileType(ftyp('isom', 'mp41')), undefined);
  });

  test('a zip is DOCX or ODT only by its entries: a spreadsheet or a plain zip is neither', () => {
    // An ODT whose mimetype names a spreadsheet (ODS).
    const ods = Buffer.from(samples.odt()).toString('latin1').replace('opendocument.text', 'opendocument.sheet');
    assert.equal(sniffFileType(head(Buffer.from(ods, 'latin1'))), undefined);
    const xlsx = Buffer.from(samples.docx()).toString('latin1').replaceAll('word/', 'xl/wb');
    assert.equal(sniffFileType(head(Buffer.from(xlsx, 'latin1'))), undefined);
    const plain = Buffer.from(samples.docx())
      .toString('latin1')
      .replaceAll('word/', 'data/')
      .replace('[Content_Types].xml', 'readme.txt.txt.txt.');
    assert.equal(sniffFileType(head(Buffer.from(plain, 'latin1'))), undefined);
  });
});

describe('kinds by MIME type, extension and accept attribute', () => {
  test('MIME types, with parameters and in any case', () => {
    assert.equal(kindOfMimeType('application/pdf'), 'pdf');
    assert.equal(kindOfMimeType('Image/JPEG'), 'jpeg');
    assert.equal(kindOfMimeType('image/heif'), 'heic');
    assert.equal(kindOfMimeType('application/pdf; charset=binary'), 'pdf');
    assert.equal(kindOfMimeType('image/gif'), undefined);
    assert.equal(kindOfMimeType('application/x-msdownload'), undefined);
  });

  test('extensions, in any case; none, or a dot file, is no kind', () => {
    assert.equal(kindOfFileName('IMG_0001.HEIC'), 'heic');
    assert.equal(kindOfFileName('scan.jpeg'), 'jpeg');
    assert.equal(kindOfFileName('to-khai.docx'), 'docx');
    assert.equal(kindOfFileName('archive.tar.gz'), undefined);
    assert.equal(kindOfFileName('README'), undefined);
    assert.equal(kindOfFileName('.pdf'), undefined);
  });

  test('acceptedKinds reads MIME types, wildcards and extensions; empty accepts all', () => {
    assert.deepEqual(
      acceptedKinds(''),
      FILE_KINDS.map((info) => info.kind),
    );
    assert.deepEqual(acceptedKinds('image/*'), ['jpeg', 'png', 'heic']);
    assert.deepEqual(acceptedKinds('.pdf, .DOCX'), ['pdf', 'docx']);
    assert.deepEqual(acceptedKinds('application/pdf,image/png,.gif,text/plain'), ['pdf', 'png']);
    assert.deepEqual(acceptedKinds('video/*'), []);
  });
});

describe('sanitizeFileName', () => {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

  test('keeps only the last path segment', () => {
    assert.equal(sanitizeFileName('../../etc/passwd.pdf', 'pdf'), 'passwd.pdf');
    assert.equal(sanitizeFileName('..\\..\\Windows\\System32\\giay.pdf', 'pdf'), 'giay.pdf');
    assert.equal(sanitizeFileName('C:\\fakepath\\scan.png', 'png'), 'scan.png');
    assert.equal(sanitizeFileName('..', 'pdf'), 'tep-dinh-kem.pdf');
  });

  test('drops control and bidi characters, replaces Windows-reserved ones, trims dots and spaces', () => {
    assert.equal(sanitizeFileName('giay\u0000chung\u0007sinh\r\n.pdf', 'pdf'), 'giaychungsinh.pdf');
    // U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    assert.equal(sanitizeFileName('invoice\u202Efdp.exe.pdf', 'pdf'), 'invoicefdp.exe.pdf');
    assert.equal(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', 'pdf'), 'a_b_c_d_e_f_g_h.pdf');
    assert.equal(sanitizeFileName('  ..hidden  name.. .pdf', 'pdf'), 'hidden name.pdf');
    assert.equal(sanitizeFileName('\u0001\u0002', 'png'), 'tep-dinh-kem.png');
  });

  test('NFD diacritics become NFC', () => {
    const nfd = 'Giấy chứng sinh – Đặng Thị Ước.pdf'.normalize('NFD');
    assert.notEqual(nfd, nfd.normalize('NFC'));
    assert.equal(sanitizeFileName(nfd, 'pdf'), 'Giấy chứng sinh – Đặng Thị Ước.pdf');
  });

  test('caps at 255 UTF-8 bytes, keeping the extension and whole letters', () => {
    const ascii = sanitizeFileName(`${'a'.repeat(300)}.pdf`, 'pdf');
    assert.equal(bytes(ascii), 255);
    assert.ok(ascii.endsWith('a.pdf'));
    // Three bytes per letter in NFC: 83 letters fit beside ".docx"; none is cut in half.
    const vietnamese = sanitizeFileName(`${'Ước'.normalize('NFD').repeat(100)}.docx`, 'docx');
    assert.ok(bytes(vietnamese) <= 255);
    assert.ok(vietnamese.endsWith('.docx'));
    assert.equal(vietnamese, vietnamese.normalize('NFC'));
    assert.doesNotMatch(vietnamese, /\uFFFD/);
    assert.equal(sanitizeFileName(`${'x'.repeat(255)}`, 'jpeg').length, 255);
  });

  test("an extension that does not fit the kind gets the kind's own appended", () => {
    assert.equal(sanitizeFileName('scan', 'pdf'), 'scan.pdf');
    assert.equal(sanitizeFileName('virus.exe', 'pdf'), 'virus.exe.pdf');
    assert.equal(sanitizeFileName('photo.JPEG', 'jpeg'), 'photo.JPEG');
    assert.equal(sanitizeFileName('photo.heif', 'heic'), 'photo.heif');
    assert.equal(sanitizeFileName('photo.png', 'jpeg'), 'photo.png.jpg');
  });
});

describe('readUploadConfig (UPLOAD_*, S3_*)', () => {
  test('defaults: file store in DATA_DIR/uploads, 20 MiB, 100 MiB, 1 GiB per address, 24 h', () => {
    assert.deepEqual(readUploadConfig({}, '/srv/data'), {
      store: { kind: 'file', directory: '/srv/data/uploads' },
      limits: { maxFileBytes: 20 * 2 ** 20, maxDraftBytes: 100 * 2 ** 20, maxAddressBytes: 2 ** 30, ttlHours: 24 },
    });
    assert.deepEqual(readUploadConfig({}, '/x').limits, DEFAULT_UPLOAD_LIMITS);
  });

  test('limits from the environment', () => {
    const { limits } = readUploadConfig(
      {
        UPLOAD_MAX_FILE_BYTES: '1048576',
        UPLOAD_MAX_DRAFT_BYTES: ' 5242880 ',
        UPLOAD_MAX_ADDRESS_BYTES: '52428800',
        UPLOAD_TTL_HOURS: '0.5',
      },
      '.',
    );
    assert.deepEqual(limits, {
      maxFileBytes: 1048576,
      maxDraftBytes: 5242880,
      maxAddressBytes: 52428800,
      ttlHours: 0.5,
    });
  });

  test('a wrong limit stops the start-up, naming the variable', () => {
    assert.throws(() => readUploadConfig({ UPLOAD_MAX_FILE_BYTES: '20MB' }, '.'), /UPLOAD_MAX_FILE_BYTES/);
    assert.throws(() => readUploadConfig({ UPLOAD_MAX_FILE_BYTES: '1.5' }, '.'), /UPLOAD_MAX_FILE_BYTES/);
    assert.throws(() => readUploadConfig({ UPLOAD_MAX_DRAFT_BYTES: '-1' }, '.'), /UPLOAD_MAX_DRAFT_BYTES/);
    assert.throws(() => readUploadConfig({ UPLOAD_TTL_HOURS: '0' }, '.'), /UPLOAD_TTL_HOURS/);
    assert.throws(
      () => readUploadConfig({ UPLOAD_MAX_FILE_BYTES: '2000', UPLOAD_MAX_DRAFT_BYTES: '1000' }, '.'),
      /at least UPLOAD_MAX_FILE_BYTES/,
    );
    assert.throws(() => readUploadConfig({ UPLOAD_MAX_ADDRESS_BYTES: 'many' }, '.'), /UPLOAD_MAX_ADDRESS_BYTES/);
    assert.throws(
      () =>
        readUploadConfig(
          { UPLOAD_MAX_FILE_BYTES: '500000', UPLOAD_MAX_DRAFT_BYTES: '2000000', UPLOAD_MAX_ADDRESS_BYTES: '1000000' },
          '.',
        ),
      /UPLOAD_MAX_ADDRESS_BYTES must be at least UPLOAD_MAX_DRAFT_BYTES/,
    );
    assert.throws(() => readUploadConfig({ UPLOAD_STORE: 'ftp' }, '.'), /UPLOAD_STORE/);
  });

  test('S3: bucket and region required, endpoint checked, keys both or neither', () => {
    const s3 = { UPLOAD_STORE: 's3', S3_BUCKET: 'dvc-uploads', S3_REGION: 'ap-southeast-1' };
    assert.deepEqual(readUploadConfig(s3, '.').store, { kind: 's3', bucket: 'dvc-uploads', region: 'ap-southeast-1' });
    assert.deepEqual(
      readUploadConfig(
        { ...s3, S3_ENDPOINT: 'https://s3.example.vn', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 'secret' },
        '.',
      ).store,
      {
        kind: 's3',
        bucket: 'dvc-uploads',
        region: 'ap-southeast-1',
        endpoint: 'https://s3.example.vn',
        credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
      },
    );
    assert.throws(() => readUploadConfig({ UPLOAD_STORE: 's3', S3_REGION: 'x' }, '.'), /S3_BUCKET is required/);
    assert.throws(() => readUploadConfig({ UPLOAD_STORE: 's3', S3_BUCKET: 'x' }, '.'), /S3_REGION is required/);
    assert.throws(() => readUploadConfig({ ...s3, S3_ENDPOINT: 's3.example.vn' }, '.'), /S3_ENDPOINT/);
    assert.throws(() => readUploadConfig({ ...s3, S3_ACCESS_KEY_ID: 'AKIA' }, '.'), /go together/);
  });
});

describe('createUploadStore', () => {
  test('file: a FileStore in the configured folder, expiring after the TTL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dvc-store-'));
    try {
      const store = await createUploadStore(readUploadConfig({ UPLOAD_TTL_HOURS: '2' }, dataDir));
      assert.ok(store instanceof FileStore);
      assert.equal(store.directory, join(dataDir, 'uploads'));
      assert.equal(store.getExpiration(), 2 * 3_600_000);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('s3: an S3Store on the bucket, endpoint (path-style) and keys given', async () => {
    const store = await createUploadStore(
      readUploadConfig(
        {
          UPLOAD_STORE: 's3',
          S3_BUCKET: 'dvc-uploads',
          S3_REGION: 'ap-southeast-1',
          S3_ENDPOINT: 'http://127.0.0.1:9000',
          S3_ACCESS_KEY_ID: 'AKIA',
          S3_SECRET_ACCESS_KEY: 'secret',
        },
        '.',
      ),
    );
    assert.ok(store instanceof S3Store);
    assert.equal(store.getExpiration(), 24 * 3_600_000);
    // Protected fields: read them the way the store itself does.
    const inside = store as unknown as {
      bucket: string;
      client: {
        config: { region(): Promise<string>; forcePathStyle: boolean; credentials(): Promise<{ accessKeyId: string }> };
      };
    };
    assert.equal(inside.bucket, 'dvc-uploads');
    assert.equal(await inside.client.config.region(), 'ap-southeast-1');
    assert.equal(inside.client.config.forcePathStyle, true);
    assert.equal((await inside.client.config.credentials()).accessKeyId, 'AKIA');
  });
});

test('formatBytes', () => {
  assert.equal(formatBytes(20 * 2 ** 20), '20 MiB');
  assert.equal(formatBytes(1.5 * 2 ** 20), '1.5 MiB');
  assert.equal(formatBytes(300 * KiB), '300 KiB');
  assert.equal(formatBytes(12), '12 bytes');
});
