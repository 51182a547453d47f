import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { makeJpeg, makePng } from '../factories/uploads.ts';

/** Hostile files for the upload suites: wrong types under image names, polyglots, broken images. */

const HTML = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
export const SCRIPT_MARKERS = ['<script', 'alert(', '<svg', 'PK\u0003\u0004', '%PDF'] as const;

/** A PNG chunk (length, type, data, CRC over type + data). */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal ZIP (one stored file) as a polyglot tail: a local header, a central directory, an end record. */
function tinyZip(): Buffer {
  const name = Buffer.from('index.html');
  const body = Buffer.from(HTML);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(crc32(body) >>> 0, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(body) >>> 0, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + body.length, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

/** Files that are not images at all, sent under image names and image content types: 415. */
export function notImages(): [label: string, data: Buffer][] {
  return [
    ['plain text', Buffer.from('just some notes, not a picture\n')],
    ['HTML', Buffer.from(HTML)],
    [
      'SVG with a script',
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      ),
    ],
    [
      'PDF',
      Buffer.from(
        '%PDF-1.7\n1 0 obj <</Type /Catalog /OpenAction <</S /JavaScript /JS (alert(1))>> >>\n%%EOF',
      ),
    ],
    ['ZIP', tinyZip()],
    // GIF89a whose header bytes also parse as JavaScript (`GIF89a/*…*/=alert(1)`): GIF is not taken.
    [
      'GIF/JS polyglot',
      Buffer.concat([Buffer.from('GIF89a/*'), Buffer.alloc(12, 0), Buffer.from('*/=alert(1);')]),
    ],
    ['empty file', Buffer.alloc(0)],
    ['BOM + HTML', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HTML)])],
  ];
}

/** Files that start with an image's magic bytes but are not that image: 400 INVALID_IMAGE. */
export function fakeMagic(): [label: string, data: Buffer][] {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4, 0x40), Buffer.from('WEBPVP8 ')]);
  return [
    ['PNG signature + HTML', Buffer.concat([png, Buffer.from(HTML)])],
    ['JPEG SOI + HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML)])],
    ['RIFF/WEBP header + HTML', Buffer.concat([webp, Buffer.from(HTML)])],
  ];
}

/** Real images carrying a script or an archive where a sniffing browser might look: accepted and
 * re-encoded, so none of it is served. */
export async function polyglots(): Promise<
  [label: string, data: Buffer, type: 'image/png' | 'image/jpeg'][]
> {
  const png = await makePng();
  const jpeg = await makeJpeg();
  const iend = png.length - 12;
  const textChunk = pngChunk('tEXt', Buffer.from(`Comment\0${HTML}`, 'latin1'));
  const comment = Buffer.from(HTML, 'latin1');
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(comment.length + 2, 2);
  const exifScript = await sharp(jpeg)
    .jpeg()
    .withExif({ IFD0: { ImageDescription: HTML, Make: '<script>alert(3)</script>' } })
    .toBuffer();
  return [
    ['PNG + HTML appended after IEND', Buffer.concat([png, Buffer.from(HTML)]), 'image/png'],
    ['PNG + ZIP appended (PNG/ZIP polyglot)', Buffer.concat([png, tinyZip()]), 'image/png'],
    [
      'PNG with HTML in a tEXt chunk',
      Buffer.concat([png.subarray(0, iend), textChunk, png.subarray(iend)]),
      'image/png',
    ],
    [
      'JPEG with HTML in a COM segment',
      Buffer.concat([jpeg.subarray(0, 2), com, comment, jpeg.subarray(2)]),
      'image/jpeg',
    ],
    ['JPEG with a script in EXIF', exifScript, 'image/jpeg'],
    ['JPEG + HTML appended after EOI', Buffer.concat([jpeg, Buffer.from(HTML)]), 'image/jpeg'],
  ];
}

/** Header "bombs" beyond the PNG one of the factory: a JPEG claiming 65000 × 65000 and a PNG just
 * over the pixel limit (8000 × 5001 = 40 008 000). */
export async function headerBombs(): Promise<[label: string, data: Buffer][]> {
  const jpeg = Buffer.from(await makeJpeg(1, 1));
  // The SOF0 marker (FF C0): length (2), precision (1), height (2), width (2).
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(65_000, sof + 5);
  jpeg.writeUInt16BE(65_000, sof + 7);
  const png = Buffer.from(await makePng(1, 1));
  png.writeUInt32BE(8000, 16);
  png.writeUInt32BE(5001, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return [
    ['JPEG claiming 65000 × 65000', jpeg],
    ['PNG just over the pixel limit', png],
  ];
}

/** Images cut short or damaged. */
export async function brokenImages(): Promise<[label: string, data: Buffer][]> {
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
  const jpeg = await makeJpeg(300, 200);
  const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#654321' } })
    .webp()
    .toBuffer();
  const badCrc = Buffer.from(png);
  const idat = badCrc.indexOf('IDAT', 0, 'latin1');
  badCrc[idat + 8] = (badCrc[idat + 8] ?? 0) ^ 0xff;
  return [
    ['PNG cut in half', png.subarray(0, Math.floor(png.length / 2))],
    ['PNG header only', png.subarray(0, 33)],
    ['PNG with a damaged IDAT', badCrc],
    ['JPEG cut in half', jpeg.subarray(0, Math.floor(jpeg.length / 2))],
    ['WebP cut in half', webp.subarray(0, Math.floor(webp.length / 2))],
  ];
}
