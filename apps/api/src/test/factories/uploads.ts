import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Upload } from '@bextr/contracts';
import sharp from 'sharp';
import type { TestClient } from '../client.ts';

const canvas = (width: number, height: number, color = '#c0392b') =>
  sharp({ create: { width, height, channels: 3, background: color } });

export const makePng = (width = 64, height = 48) => canvas(width, height).png().toBuffer();
export const makeWebp = (width = 64, height = 48) => canvas(width, height).webp().toBuffer();
export const makeJpeg = (width = 64, height = 48) => canvas(width, height).jpeg().toBuffer();

/** A JPEG carrying EXIF with a GPS position and a camera name, as phones write them. */
export const makeJpegWithGps = () =>
  canvas(64, 48)
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 8/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '17/1 6/1 0/1',
      },
    })
    .toBuffer();

/** A tiny PNG whose header claims 60000 × 60000 pixels: a decompression bomb's calling card. */
export async function makePixelBomb(): Promise<Buffer> {
  const png = Buffer.from(await makePng(1, 1));
  // IHDR starts at byte 8: length (4), type (4), width (4), height (4), … CRC over type + data.
  png.writeUInt32BE(60_000, 16);
  png.writeUInt32BE(60_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipart(data: Buffer, filename: string, contentType: string, field = 'file') {
  const boundary = `----bextr${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    raw: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads an image (a fresh PNG unless given) and returns the API's answer; throws unless 201. */
export async function uploadImage(
  client: TestClient,
  data?: Buffer,
  filename = 'photo.png',
  contentType = 'image/png',
): Promise<Upload> {
  const res = await client.post<Upload>(
    '/api/v1/uploads',
    undefined,
    multipart(data ?? (await makePng()), filename, contentType),
  );
  if (res.status !== 201) throw new Error(`uploading answered ${res.status}: ${res.text}`);
  return res.body;
}
