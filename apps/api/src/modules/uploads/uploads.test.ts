import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Upload } from '@bextr/contracts';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploads } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import {
  makeJpeg,
  makeJpegWithGps,
  makePixelBomb,
  makePng,
  makeWebp,
  multipart,
  uploadImage,
} from '../../test/factories/uploads.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

const URL = '/api/v1/uploads';

describe('uploads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const filesOnDisk = async () => (await readdir(t.config.uploadsDir).catch(() => [])).sort();
  const rowsOf = async (ownerId: string) =>
    (await t.ctx.db.select({ n: count() }).from(uploads).where(eq(uploads.ownerId, ownerId)))[0]?.n ?? 0;

  it('POST 401 for a visitor', async () => {
    const res = await browser(t.app).post(URL, undefined, multipart(await makePng(), 'a.png', 'image/png'));
    expect(res.status).toBe(401);
  });

  it('stores real JPEG, PNG and WebP images re-encoded, with a thumbnail, served with their type and nosniff', async () => {
    const { client } = await buildInfluencer(t.app);
    for (const [data, name, type] of [
      [await makeJpeg(), 'a.jpg', 'image/jpeg'],
      [await makePng(), 'b.png', 'image/png'],
      [await makeWebp(), 'c.webp', 'image/webp'],
    ] as const) {
      const up = await uploadImage(client, data, name, type);
      expect(up).toMatchObject({ contentType: type, width: 64, height: 48, url: `${URL}/${up.id}` });
      const served = await client.get(up.url);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      const thumb = await client.get(up.thumbUrl);
      expect(thumb.headers['content-type']).toBe('image/webp');
    }
  });

  it('recognises images by content: a JPEG declared as text under a .txt name is stored as JPEG', async () => {
    const { client } = await buildInfluencer(t.app);
    const up = await uploadImage(client, await makeJpeg(), 'notes.txt', 'text/plain');
    expect(up.contentType).toBe('image/jpeg');
  });

  it('strips metadata: the EXIF GPS position and camera of a phone photo are gone', async () => {
    const { client } = await buildInfluencer(t.app);
    const original = await makeJpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const up = await uploadImage(client, original, 'holiday.jpg', 'image/jpeg');
    const served = await t.app.inject({
      method: 'GET',
      url: up.url,
      headers: { cookie: `${client.sessionCookieName}=${client.sessionCookie}` },
    });
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('SecretPhone'))).toBe(false);
  });

  it('415 for an HTML file named .png, 413 over 10 MB, 400 for a pixel bomb: nothing left behind', async () => {
    const { client, user } = await buildInfluencer(t.app);
    const before = await filesOnDisk();
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const fake = await client.post(URL, undefined, multipart(html, 'cat.png', 'image/png'));
    expect(fake.status).toBe(415);
    expect(fake.body.error?.code).toBe('UNSUPPORTED_IMAGE');

    const big = Buffer.concat([await makePng(), Buffer.alloc(10 * 1024 * 1024 + 10, 1)]);
    const large = await client.post(URL, undefined, multipart(big, 'big.png', 'image/png'));
    expect(large.status).toBe(413);
    expect(large.body.error?.code).toBe('FILE_TOO_LARGE');

    const bomb = await client.post(URL, undefined, multipart(await makePixelBomb(), 'bomb.png', 'image/png'));
    expect(bomb.status).toBe(400);
    expect(bomb.body.error?.code).toBe('INVALID_IMAGE');

    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect((await client.post(URL, undefined, multipart(broken, 'x.jpg', 'image/jpeg'))).status).toBe(400);

    const json = await client.post(URL, { file: 'x' });
    expect(json.status).toBe(415);
    expect(await filesOnDisk()).toEqual(before);
    expect(await rowsOf(user.id)).toBe(0);
  });

  it('a path-traversal file name is ignored: stored under a server-made name inside the uploads dir', async () => {
    const { client } = await buildInfluencer(t.app);
    const up = await uploadImage(client, await makePng(), '../../../../etc/passwd.png', 'image/png');
    const files = await filesOnDisk();
    expect(files).toContain(`${up.id}.png`);
    expect(files.every((f) => !f.includes('passwd') && !f.startsWith('.tmp-'))).toBe(true);
    const [row] = await t.ctx.db.select().from(uploads).where(eq(uploads.id, up.id));
    expect(path.basename(row?.storageKey ?? '')).toBe(row?.storageKey);
  });

  it('GET: the owner sees an unattached upload; others get 404', async () => {
    const owner = await buildInfluencer(t.app);
    const up = await uploadImage(owner.client);
    expect((await owner.client.get(up.url)).status).toBe(200);
    const business = await buildBusiness(t.app);
    expect((await business.client.get(up.url)).status).toBe(404);
    expect((await browser(t.app).get(up.url)).status).toBe(404);
    expect((await owner.client.get(`${URL}/nope`)).status).toBe(404);
  });

  it('GET: images of a profile are seen by businesses, not other influencers; by visitors once public', async () => {
    const ready = await buildReadyInfluencer(t.app);
    const image = ready.profile.portfolio[0]?.images[0] as { url: string };
    const business = await buildBusiness(t.app);
    const other = await buildInfluencer(t.app);
    expect((await business.client.get(image.url)).status).toBe(200);
    expect((await other.client.get(image.url)).status).toBe(404);
    expect((await browser(t.app).get(image.url)).status).toBe(404);
    await ready.client.put('/api/v1/influencer-profile', { isPublic: true });
    expect((await browser(t.app).get(image.url)).status).toBe(200);
  });

  it('an upload of someone else cannot be attached to my profile (400 upload_unknown)', async () => {
    const a = await buildInfluencer(t.app);
    const b = await buildInfluencer(t.app);
    const theirs: Upload = await uploadImage(a.client);
    const res = await b.client.put('/api/v1/influencer-profile', { avatarUploadId: theirs.id });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'avatarUploadId',
      code: 'upload_unknown',
    });
  });
});
