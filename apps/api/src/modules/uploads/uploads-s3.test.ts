import { count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploads } from '../../db/schema.ts';
import { createS3Storage } from '../../lib/storage-s3.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import { makeJpegWithGps, makePng, multipart, uploadImage } from '../../test/factories/uploads.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';
import { sleep } from '../../test/faults/app-process.ts';
import { startS3rver, type TestS3 } from '../../test/s3.ts';
import { sweepOrphanUploads, sweepStrayFiles } from './sweep.ts';

const URL = '/api/v1/uploads';

/** The upload routes with the app built on the S3 driver (S3_* set, see config.ts), against a real
 * s3rver: the same guarantees as with files on disk. */
describe('uploads in an S3 bucket', () => {
  let s3: TestS3;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3rver(2);
    t = await createTestApp({ s3: s3.settings({ prefix: 'bextr/' }) });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  const objects = async () => ((await t.ctx.storage.list?.()) ?? []).map((o) => o.key).sort();
  const rowsOf = async (ownerId: string) =>
    (await t.ctx.db.select({ n: count() }).from(uploads).where(eq(uploads.ownerId, ownerId)))[0]?.n ?? 0;
  /** A signed-in GET answered as bytes (the test client decodes bodies as text). */
  const raw = (client: TestClient, url: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: `${client.sessionCookieName}=${client.sessionCookie}` },
    });

  it('stores the re-encoded image and its thumbnail in the bucket and serves them back through the app', async () => {
    const { client } = await buildInfluencer(t.app);
    const up = await uploadImage(client, await makeJpegWithGps(), 'holiday.jpg', 'image/jpeg');
    expect(await objects()).toEqual(expect.arrayContaining([`${up.id}.jpg`, `${up.id}.thumb.webp`]));
    // Links point at the app, which checks access on every read: never at the bucket.
    expect(JSON.stringify(up)).not.toContain(s3.endpoint);

    const served = await raw(client, up.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const bytes = served.rawPayload;
    expect(bytes.equals((await t.ctx.storage.get(`${up.id}.jpg`)) ?? Buffer.alloc(0))).toBe(true);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    // Re-encoded: the phone's GPS position and camera name are not in what we stored.
    expect(meta.exif).toBeUndefined();
    const thumb = await raw(client, up.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).format).toBe('webp');
  });

  it('a private upload answers 404 to another user and to a visitor', async () => {
    const owner = await buildInfluencer(t.app);
    const other = await buildBusiness(t.app);
    const up = await uploadImage(owner.client);
    expect((await owner.client.get(up.url)).status).toBe(200);
    expect((await other.client.get(up.url)).status).toBe(404);
    expect((await other.client.get(up.thumbUrl)).status).toBe(404);
    expect((await browser(t.app).get(up.url)).status).toBe(404);
  });

  it('a failure after the objects are written leaves neither objects nor a row', async () => {
    const { client, user } = await buildInfluencer(t.app);
    const before = await objects();
    // The row's INSERT fails inside the database, after both objects were stored.
    await t.ctx.db.execute(
      sql.raw(`create function bextr_test_refuse_upload() returns trigger language plpgsql as $$
        begin raise exception 'refused by test'; end $$`),
    );
    await t.ctx.db.execute(
      sql.raw(`create trigger bextr_test_refuse_upload before insert on uploads
        for each row execute function bextr_test_refuse_upload()`),
    );
    try {
      const res = await client.post(URL, undefined, multipart(await makePng(), 'a.png', 'image/png'));
      expect(res.status).toBe(500);
      expect(res.body.error?.code).toBe('INTERNAL');
    } finally {
      await t.ctx.db.execute(sql.raw('drop trigger bextr_test_refuse_upload on uploads'));
      await t.ctx.db.execute(sql.raw('drop function bextr_test_refuse_upload()'));
    }
    expect(await rowsOf(user.id)).toBe(0);
    expect(await objects()).toEqual(before);
  });

  it('the stray sweep removes a bucket object no row names; objects with a row stay', async () => {
    const { client } = await buildInfluencer(t.app);
    const kept = await uploadImage(client);
    // What a process killed between writing the objects and committing the row leaves behind.
    await t.ctx.storage.put('01STRAYstraystra.png', Buffer.from('half an upload'));
    await t.ctx.storage.put('01STRAYstraystra.thumb.webp', Buffer.from('its thumbnail'));
    // Fresh: its upload may still be committing.
    expect(await sweepStrayFiles(t.ctx)).toBe(0);
    expect(await objects()).toContain('01STRAYstraystra.png');
    // Past the grace period (S3 keeps write times to the second: wait past one).
    await sleep(1100);
    expect(await sweepStrayFiles(t.ctx, { graceMs: 0 })).toBe(2);
    const left = await objects();
    expect(left).not.toContain('01STRAYstraystra.png');
    expect(left).not.toContain('01STRAYstraystra.thumb.webp');
    expect(left).toEqual(expect.arrayContaining([`${kept.id}.png`, `${kept.id}.thumb.webp`]));
  });

  it('the stray sweep in a bucket shared without S3_PREFIX removes only its own kind of object', async () => {
    // A bucket that also holds someone else's files, none of which any upload row names.
    const settings = s3.settings();
    const shared = createS3Storage(settings);
    const folder = createS3Storage({ ...settings, prefix: 'site/' });
    try {
      const foreign = ['logo.png', 'backup.tar.gz', 'photo.thumb.webp', '01STRAYstraystra.gif'];
      for (const key of foreign) await shared.put(key, Buffer.from('not BeXtr'));
      // Shaped like an upload but in a "folder" (site/…): not a key of a bucket used without prefix.
      await folder.put('01STRAYstraystra.png', Buffer.from('not BeXtr either'));
      await shared.put('01STRAYstraystra.png', Buffer.from('half an upload'));
      await sleep(1100);
      expect(await sweepStrayFiles({ ...t.ctx, storage: shared }, { graceMs: 0 })).toBe(1);
      expect(await shared.get('01STRAYstraystra.png')).toBeNull();
      for (const key of foreign) expect(await shared.get(key), key).not.toBeNull();
      expect(await folder.get('01STRAYstraystra.png')).not.toBeNull();
    } finally {
      shared.close?.();
      folder.close?.();
    }
  });

  it('the orphan sweep deletes an unattached upload with its objects', async () => {
    const { client, user } = await buildInfluencer(t.app);
    const up = await uploadImage(client);
    await sleep(20);
    expect(await sweepOrphanUploads(t.ctx, { graceMs: 0 })).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(user.id)).toBe(0);
    expect(await objects()).not.toContain(`${up.id}.png`);
    expect((await client.get(up.url)).status).toBe(404);
  });
});

/** Object storage away: the user is told so in their language (503 + Retry-After), no upload row is
 * left, a stored image is not reported as missing, and no request waits longer than the deadline. */
describe('uploads while the S3 storage is away', () => {
  let s3: TestS3;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3rver(2);
    const storage = createS3Storage(s3.settings(), {
      connectTimeoutMs: 500,
      attemptTimeoutMs: 500,
      maxAttempts: 2,
      callTimeoutMs: 1_500,
    });
    t = await createTestApp({}, { storage });
  });
  afterAll(async () => {
    s3?.resume();
    await t?.close();
    await s3?.stop();
  });

  const rowsOf = async (ownerId: string) =>
    (await t.ctx.db.select({ n: count() }).from(uploads).where(eq(uploads.ownerId, ownerId)))[0]?.n ?? 0;

  it('hung (accepts, never answers): 503 within the deadline, in Slovak for a Slovak user', async () => {
    const { client, user } = await buildInfluencer(t.app, { locale: 'sk' });
    const stored = await uploadImage(client);
    s3.pause();
    try {
      const started = Date.now();
      const res = await client.post(URL, undefined, multipart(await makePng(), 'a.png', 'image/png'));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'BeXtr je na chvíľu nedostupný. Skúste to znova o pár sekúnd.',
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await rowsOf(user.id)).toBe(1);
      // The image exists; the storage is what is away: 503, not 404.
      expect((await client.get(stored.url)).status).toBe(503);
    } finally {
      s3.resume();
    }
    expect((await client.get(stored.url)).status).toBe(200);
  });

  it('stopped (connection refused): 503 at once and no upload row', async () => {
    const { client, user } = await buildInfluencer(t.app);
    await s3.stop();
    const res = await client.post(URL, undefined, multipart(await makePng(), 'a.png', 'image/png'));
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'BeXtr is briefly unavailable. Please try again in a few seconds.',
    });
    expect(await rowsOf(user.id)).toBe(0);
  });
});
