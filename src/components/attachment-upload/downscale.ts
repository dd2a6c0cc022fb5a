/**
 * Scales a large phone photo down before it is sent: a 12-megapixel JPEG of
 * 4 MB becomes about 0.6 MB at 2560 px, which is still about 300 dpi across
 * an A4 page (legible for any paper a commune desk reads), and a 3G upload
 * of seconds instead of minutes.
 *
 * Only JPEG is touched: PNG scans are often text where JPEG artefacts hurt,
 * PDF and office files are not images, and Chromium cannot decode HEIC.
 */
export async function downscalePhoto(file: File, maxDimension: number): Promise<File> {
  if (!(maxDimension > 0) || file.type !== 'image/jpeg' || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap | undefined;
  try {
    // 'from-image' applies the EXIF orientation while decoding, so the pixels
    // come out upright; the re-encoded JPEG has no EXIF and needs none.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = maxDimension / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size
      ? new File([blob], file.name, { type: 'image/jpeg', lastModified: file.lastModified })
      : file;
  } catch {
    // A photo the browser cannot decode is sent as it is; the backend checks it.
    return file;
  } finally {
    bitmap?.close();
  }
}
