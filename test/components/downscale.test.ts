/**
 * Photo scaling in real Chromium: a phone photo taken upright is stored
 * sideways with an EXIF orientation tag; after scaling, the official must
 * see it upright, because the scaled copy carries no EXIF.
 */
import { expect } from '@open-wc/testing';
import { downscalePhoto } from '../../src/components/attachment-upload/downscale.js';

/** A landscape JPEG, left half red and right half blue, as Chromium encodes it (no EXIF). */
async function twoColourJpeg(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f00';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#00f';
  context.fillRect(width / 2, 0, width / 2, height);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
}

/**
 * The APP1 segment a camera writes: "Exif", a big-endian TIFF header and
 * one IFD entry, Orientation (0x0112) = `orientation`. 6 means "rotate 90°
 * clockwise to display", what a phone held upright writes.
 */
function exifOrientation(orientation: number): Uint8Array {
  const body = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // "MM", 42, first IFD at offset 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, 1 value
    ...[0, 0, 0, 0], // no next IFD
  ];
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

/** The JPEG with the EXIF segment inserted after its JFIF (APP0) segment, where cameras put it. */
function withExif(jpeg: Uint8Array, exif: Uint8Array): Uint8Array<ArrayBuffer> {
  const app0Length = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? ((jpeg[4]! << 8) | jpeg[5]!) + 2 : 0;
  const at = 2 + app0Length;
  return new Uint8Array([...jpeg.subarray(0, at), ...exif, ...jpeg.subarray(at)]);
}

/** The colour at (x, y) of a decoded image, ignoring any EXIF (the scaled copy has none). */
async function pixel(file: Blob, x: number, y: number): Promise<[number, number, number]> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const [r, g, b] = context.getImageData(x, y, 1, 1).data;
  return [r!, g!, b!];
}

describe('downscalePhoto', () => {
  it('scales a sideways-stored photo to an upright one without EXIF', async () => {
    const stored = withExif(await twoColourJpeg(800, 400), exifOrientation(6));
    const photo = new File([stored], 'anh-chup.jpg', { type: 'image/jpeg' });

    const scaled = await downscalePhoto(photo, 200);

    expect(scaled).to.not.equal(photo);
    expect(scaled.name).to.equal('anh-chup.jpg');
    const bitmap = await createImageBitmap(scaled, { imageOrientation: 'none' });
    // Upright: portrait, 100 × 200, the stored left (red) half now on top.
    expect([bitmap.width, bitmap.height]).to.deep.equal([100, 200]);
    const [topR, , topB] = await pixel(scaled, 50, 40);
    const [bottomR, , bottomB] = await pixel(scaled, 50, 160);
    expect(topR).to.be.above(200);
    expect(topB).to.be.below(60);
    expect(bottomB).to.be.above(200);
    expect(bottomR).to.be.below(60);
  });

  it('leaves a photo alone when it is already small enough, and never touches PNG', async () => {
    const jpeg = new File([await twoColourJpeg(300, 200)], 'nho.jpg', { type: 'image/jpeg' });
    expect(await downscalePhoto(jpeg, 2560)).to.equal(jpeg);
    const wide = new OffscreenCanvas(3000, 10);
    wide.getContext('2d')!.fillRect(0, 0, 3000, 10);
    const png = new File([await wide.convertToBlob({ type: 'image/png' })], 'scan.png', { type: 'image/png' });
    expect(await downscalePhoto(png, 100)).to.equal(png);
  });

  it('keeps the original when scaling is off', async () => {
    const jpeg = new File([await twoColourJpeg(800, 400)], 'lon.jpg', { type: 'image/jpeg' });
    expect(await downscalePhoto(jpeg, 0)).to.equal(jpeg);
  });
});
