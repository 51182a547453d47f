import { maxUploadPixels, type UploadContentType } from '@bextr/contracts';
import sharp from 'sharp';
import { AppError } from '../../http/errors.ts';

/** The image type the first bytes show, whatever the file's name or declared type says. */
export function sniffImageType(data: Buffer): UploadContentType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

const sharpFormat = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export const extensionOf = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

const MAX_SIDE = 2048;
const THUMB_SIDE = 480;

export interface ProcessedImage {
  contentType: UploadContentType;
  data: Buffer;
  width: number;
  height: number;
  thumb: Buffer;
}

const invalidImage = () => new AppError(400, 'INVALID_IMAGE');

/** Checks an image by its content and re-encodes it: oriented, at most 2048 px a side, every
 * metadata block (EXIF with GPS, XMP, ICC comments) dropped, plus a WebP thumbnail. Refuses
 * non-images (415), unreadable files and images with more than `maxUploadPixels` pixels (400)
 * before decoding them. */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const contentType = sniffImageType(input);
  if (!contentType) throw new AppError(415, 'UNSUPPORTED_IMAGE');
  const options = { limitInputPixels: maxUploadPixels, failOn: 'error' as const };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(input, options).metadata();
  } catch {
    throw invalidImage();
  }
  if (meta.format !== sharpFormat[contentType]) throw invalidImage();
  if (!meta.width || !meta.height || meta.width * meta.height > maxUploadPixels) throw invalidImage();
  try {
    // sharp writes no metadata unless asked to (withMetadata/keepExif): the output carries none.
    const base = sharp(input, options).rotate();
    const resized = base
      .clone()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      contentType === 'image/jpeg'
        ? resized.jpeg({ quality: 84, mozjpeg: true })
        : contentType === 'image/png'
          ? resized.png({ compressionLevel: 9 })
          : resized.webp({ quality: 84 });
    const [full, thumb] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      base
        .clone()
        .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer(),
    ]);
    return { contentType, data: full.data, width: full.info.width, height: full.info.height, thumb };
  } catch {
    throw invalidImage();
  }
}
