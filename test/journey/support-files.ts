/**
 * Files a citizen chooses in the journeys: real PDFs that nothing on the way
 * can compress, their sha256 to compare with what the backend stored, and a
 * folder to put them in for the browser's file chooser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A real, well-formed PDF 1.4 (catalog, page tree, one page with a line of
 * text, a cross-reference table with the right offsets) padded with
 * `padding` random bytes in a stream of its own, so nothing on the way can
 * compress it and a truncated or shuffled copy is detectable.
 */
export function makePdf(padding = 0): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    length += chunk.length;
  };
  const object = (body: Buffer | string, stream?: Buffer) => {
    offsets.push(length);
    const n = offsets.length;
    add(Buffer.from(`${n} 0 obj\n`));
    add(Buffer.isBuffer(body) ? body : Buffer.from(body));
    if (stream) {
      add(Buffer.from('\nstream\n'));
      add(stream);
      add(Buffer.from('\nendstream'));
    }
    add(Buffer.from('\nendobj\n'));
  };
  const content = Buffer.from('BT /F1 18 Tf 72 720 Td (Giay chung sinh - ban chup) Tj ET');
  const noise = randomBytes(padding);
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  );
  object(`<< /Length ${content.length} >>`, content);
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  object(`<< /Length ${noise.length} >>`, noise);
  const xref = length;
  add(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`,
    ),
  );
  add(Buffer.from(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A folder of files to choose in the browser's file chooser, removed with the backend. */
export async function writeFiles(dir: string, files: Record<string, Buffer>): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    paths[name] = path;
  }
  return paths;
}
