import { readdir } from 'node:fs/promises';
import type { Upload } from '@bextr/contracts';
import { maxUploadBytes } from '@bextr/contracts';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploads } from '../../db/schema.ts';
import { sniffImageType } from '../../modules/uploads/images.ts';
import { createTestApp, type TestApp } from '../app.ts';
import type { TestClient } from '../client.ts';
import { makeJpeg, makePixelBomb, makePng, makeWebp, multipart } from '../factories/uploads.ts';
import { buildInfluencer } from '../factories/users.ts';
import {
  brokenImages,
  fakeMagic,
  headerBombs,
  notImages,
  polyglots,
  SCRIPT_MARKERS,
} from './uploads-files.ts';

/** Argon2 and image work under a loaded machine: generous per-test time. */
const SLOW_MS = 90_000;

const URL = '/api/v1/uploads';
/** What the server names stored files: its own id, then the type's extension. */
const SERVER_NAME = /^[A-Za-z0-9_-]{8,64}\.(png|jpg|webp|thumb\.webp)$/;

let t: TestApp;
let client: TestClient;
let ownerId: string;
beforeAll(async () => {
  t = await createTestApp();
  const influencer = await buildInfluencer(t.app);
  client = influencer.client;
  ownerId = influencer.user.id;
});
afterAll(() => t?.close());

const filesOnDisk = async () => (await readdir(t.config.uploadsDir).catch(() => [])).sort();
const rows = async () =>
  (await t.ctx.db.select({ n: count() }).from(uploads).where(eq(uploads.ownerId, ownerId)))[0]?.n ?? 0;
const post = (data: Buffer, name = 'photo.png', type = 'image/png') =>
  client.post<Upload & { error?: { code: string } }>(URL, undefined, multipart(data, name, type));

/** Sends each file; every one must be refused with this status and code, and leave nothing behind. */
async function expectRefused(files: [string, Buffer][], status: number, code: string, names: string[][]) {
  const before = { files: await filesOnDisk(), rows: await rows() };
  for (const [label, data] of files) {
    for (const [name, type] of names as [string, string][]) {
      const res = await post(data, name, type);
      expect({ label, name, type, status: res.status, code: res.body.error?.code }).toEqual({
        label,
        name,
        type,
        status,
        code,
      });
    }
  }
  expect(await filesOnDisk()).toEqual(before.files);
  expect(await rows()).toBe(before.rows);
}

/** What is served for an upload is a re-encoded image of the declared type, with nosniff, and none
 * of the script, markup or archive the upload carried; the thumbnail likewise (WebP). */
async function expectServedClean(up: Upload, label: string) {
  for (const [url, type] of [
    [up.url, up.contentType],
    [up.thumbUrl, 'image/webp'],
  ] as const) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: `${client.sessionCookieName}=${client.sessionCookie}` },
    });
    expect(res.statusCode, label).toBe(200);
    expect(res.headers['content-type'], label).toBe(type);
    expect(res.headers['x-content-type-options'], label).toBe('nosniff');
    expect(res.headers['content-disposition'], label).toBe('inline');
    expect(sniffImageType(res.rawPayload), label).toBe(type);
    const text = res.rawPayload.toString('latin1');
    for (const marker of SCRIPT_MARKERS) expect(text.includes(marker), `${label}: ${marker}`).toBe(false);
    const meta = await sharp(res.rawPayload).metadata();
    expect({ exif: meta.exif, xmp: meta.xmp, comments: meta.comments }, label).toEqual({
      exif: undefined,
      xmp: undefined,
      comments: undefined,
    });
  }
}

describe('uploads: files that are not what their name says', { timeout: SLOW_MS }, () => {
  it('415 for text, HTML, SVG, PDF, ZIP, a GIF/JS polyglot, an empty file under image names and types', async () => {
    const names = [
      ['cat.png', 'image/png'],
      ['cat.jpg', 'image/jpeg'],
      ['cat.webp', 'image/webp'],
      ['cat.svg', 'image/svg+xml'],
    ];
    await expectRefused(notImages(), 415, 'UNSUPPORTED_IMAGE', names);
  });

  it("400 INVALID_IMAGE for an image's magic bytes followed by HTML", async () => {
    await expectRefused(fakeMagic(), 400, 'INVALID_IMAGE', [['cat.png', 'image/png']]);
  });

  it('polyglots (HTML, ZIP or a script appended, in a text chunk, a comment or EXIF) are served re-encoded, without it', async () => {
    const before = await filesOnDisk();
    for (const [label, data, type] of await polyglots()) {
      const res = await post(data, label.includes('JPEG') ? 'x.jpg' : 'x.png', 'text/html');
      expect(res.status, label).toBe(201);
      expect(res.body.contentType, label).toBe(type);
      await expectServedClean(res.body, label);
      // The original bytes were never written: only the re-encoded image and its thumbnail.
      const added = (await filesOnDisk()).filter((f) => !before.includes(f));
      expect(added.sort(), label).toEqual(
        [`${res.body.id}.${type === 'image/png' ? 'png' : 'jpg'}`, `${res.body.id}.thumb.webp`].sort(),
      );
      before.push(...added);
    }
  });

  it('the type comes from the content, never from the name or the declared type', async () => {
    const cases: [Buffer, string, string, string][] = [
      [await makePng(), 'a.jpg', 'image/jpeg', 'image/png'],
      [await makeJpeg(), 'a.png', 'image/png', 'image/jpeg'],
      [await makeWebp(), 'a.html', 'text/html', 'image/webp'],
      [await makePng(), 'a.svg', 'image/svg+xml', 'image/png'],
      [await makeJpeg(), 'noext', 'application/octet-stream', 'image/jpeg'],
    ];
    for (const [data, name, declared, stored] of cases) {
      const res = await post(data, name, declared);
      expect(res.status, name).toBe(201);
      expect(res.body.contentType, name).toBe(stored);
      await expectServedClean(res.body, `${name} as ${declared}`);
    }
  });
});

describe('uploads: bombs, broken images and sizes', { timeout: SLOW_MS }, () => {
  it('400 INVALID_IMAGE for pixel bombs and truncated or damaged images, nothing left behind', async () => {
    const bombs: [string, Buffer][] = [
      ['PNG claiming 60000 × 60000', await makePixelBomb()],
      ...(await headerBombs()),
    ];
    await expectRefused([...bombs, ...(await brokenImages())], 400, 'INVALID_IMAGE', [
      ['x.png', 'image/png'],
    ]);
  });

  it('exactly 10 MB is taken; one byte more is 413 FILE_TOO_LARGE with nothing stored', async () => {
    const png = await makePng();
    const atLimit = Buffer.concat([png, Buffer.alloc(maxUploadBytes - png.length, 0x20)]);
    const ok = await post(atLimit);
    expect(ok.status).toBe(201);
    // The padding was not kept: what is stored is the re-encoded picture.
    const [row] = await t.ctx.db.select().from(uploads).where(eq(uploads.id, ok.body.id));
    expect(row?.bytes).toBeLessThan(10_000);

    const overLimit = Buffer.concat([atLimit, Buffer.from([0x20])]);
    await expectRefused([['10 MB + 1 byte', overLimit]], 413, 'FILE_TOO_LARGE', [['big.png', 'image/png']]);
    await expectRefused(
      [['30 MB', Buffer.concat([overLimit, Buffer.alloc(20 * 1024 * 1024)])]],
      413,
      'FILE_TOO_LARGE',
      [['huge.jpg', 'image/jpeg']],
    );
  });

  it('a request with two files stores at most the first', async () => {
    const boundary = '----bextr-two-files';
    const part = (name: string, data: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        data,
        Buffer.from('\r\n'),
      ]);
    const before = { files: await filesOnDisk(), rows: await rows() };
    const res = await client.post(URL, undefined, {
      raw: Buffer.concat([
        part('one.png', await makePng(10, 10)),
        part('two.png', await makePng(20, 20)),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect([201, 413]).toContain(res.status);
    const stored = res.status === 201 ? 1 : 0;
    if (res.status === 201) expect(res.body).toMatchObject({ width: 10, height: 10 });
    expect(await rows()).toBe(before.rows + stored);
    expect((await filesOnDisk()).length).toBe(before.files.length + 2 * stored);
  });
});

describe('uploads: hostile file names', { timeout: SLOW_MS }, () => {
  const hostileNames = [
    '../../etc/passwd.png',
    '..\\..\\..\\windows\\win.ini.png',
    '/etc/shadow.png',
    'a\u0000b.png',
    'nul\u0000.png\u0000.html',
    `${'x'.repeat(100_000)}.png`,
    'photo\u202Egnp.exe',
    '<script>alert(1)</script>.png',
    '"><img src=x onerror=alert(1)>.png',
    'a";\r\nX-Injected: 1\r\n.png',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd.png',
    'CON.png',
    '.htaccess',
    '',
    '😀🔥.png',
  ];

  it('are never used: the file is stored under a server-made name, and the name is echoed nowhere', async () => {
    const png = await makePng();
    for (const name of hostileNames) {
      const before = await filesOnDisk();
      const res = await post(png, name, 'image/png');
      expect(res.status, JSON.stringify(name.slice(0, 60))).toBe(201);
      const added = (await filesOnDisk()).filter((f) => !before.includes(f)).sort();
      expect(added).toEqual([`${res.body.id}.png`, `${res.body.id}.thumb.webp`]);
      const [row] = await t.ctx.db.select().from(uploads).where(eq(uploads.id, res.body.id));
      const stored = JSON.stringify({ row, body: res.body, headers: res.headers });
      // No part of the name reaches the row, the answer or its headers.
      for (const fragment of [
        'passwd',
        'shadow',
        'win.ini',
        '<script',
        'alert(',
        'onerror',
        'Injected',
        'htaccess',
        'xxxxxxxx',
        '\u202E',
        '\u0000',
      ]) {
        if (name.includes(fragment))
          expect(stored.includes(fragment), `${fragment} in ${stored}`).toBe(false);
      }
      expect(row?.storageKey).toMatch(SERVER_NAME);
      expect(row?.thumbKey).toMatch(SERVER_NAME);
      await expectServedClean(res.body, name.slice(0, 60));
    }
    // Everything in the uploads directory has a server-made name; no temporary file is left.
    const all = await filesOnDisk();
    expect(all.filter((f) => !SERVER_NAME.test(f))).toEqual([]);
  });
});
