// Pictures for the site: an uploaded photo is resized to at most 1600 px on its longer side,
// turned upright by its EXIF orientation, converted to JPEG and written without any of its
// metadata (sharp drops EXIF, GPS, XMP and ICC unless asked to keep them), so a phone photo
// never publishes where it was taken. JPEG rather than WebP because the platform's file
// store keeps PDF, JPEG and PNG only (platform/files/store.ts).
import sharp from 'sharp';
import { AppError } from '../../platform/http/errors.ts';

export const MAX_IMAGE_SIDE = 1600;
const QUALITY = 82;

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

export async function processImage(input: Buffer, field = 'file'): Promise<ProcessedImage> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, mime: 'image/jpeg' };
  } catch {
    // Bytes that claim to be an image but do not decode: the editor's mistake, not ours.
    throw new AppError(400, 'validation', 'error.validation', { [field]: 'files.error.type' });
  }
}
