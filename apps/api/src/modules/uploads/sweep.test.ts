import { readdir } from 'node:fs/promises';
import type { Upload } from '@bextr/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insights, uploads } from '../../db/schema.ts';
import type { Storage } from '../../lib/storage.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { TestClient } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  completeProfile as businessProfile,
} from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import { buildInfluencer } from '../../test/factories/users.ts';
import { sweepOrphanUploads } from './sweep.ts';

const PROFILE = '/api/v1/influencer-profile';

describe('orphaned upload sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const sweep = (over: Partial<Parameters<typeof sweepOrphanUploads>[0]> = {}) =>
    sweepOrphanUploads({ ...t.ctx, ...over });
  /** Moves uploads' creation two days back, past the 24 h grace period. */
  const age = (...ids: string[]) =>
    t.ctx.db
      .update(uploads)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(inArray(uploads.id, ids));
  const rowExists = async (id: string) =>
    (await t.ctx.db.select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id))).length > 0;
  const filesOf = async (id: string) =>
    (await readdir(t.config.uploadsDir)).filter((f) => f.startsWith(`${id}.`)).sort();
  const kept = async (up: Upload) => ({ row: await rowExists(up.id), files: await filesOf(up.id) });
  const present = (up: Upload) => ({ row: true, files: [`${up.id}.png`, `${up.id}.thumb.webp`] });
  const removed = { row: false, files: [] };

  it('removes an old unattached upload with its image and thumbnail; keeps a fresh one', async () => {
    const { client } = await buildInfluencer(t.app);
    const old = await uploadImage(client);
    const fresh = await uploadImage(client);
    await age(old.id);
    expect(await kept(old)).toEqual(present(old));

    expect(await sweep()).toBeGreaterThanOrEqual(1);
    expect(await kept(old)).toEqual(removed);
    expect((await client.get(old.url)).status).toBe(404);
    expect(await kept(fresh)).toEqual(present(fresh));
    expect((await client.get(fresh.url)).status).toBe(200);
  });

  it('keeps old uploads that are attached: avatar, portfolio image, insight screenshot, cover, logo', async () => {
    const influencer = await buildReadyInfluencer(t.app);
    const avatar = await uploadImage(influencer.client);
    const withAvatar = await influencer.client.put<{ profile: { avatarUploadId: string | null } }>(PROFILE, {
      avatarUploadId: avatar.id,
    });
    expect(withAvatar.status).toBe(200);
    expect(withAvatar.body.profile.avatarUploadId).toBe(avatar.id);
    const portfolio = influencer.profile.portfolio[0]?.images[0] as { id: string };
    const [insight] = await t.ctx.db
      .select({ ids: insights.uploadIds })
      .from(insights)
      .where(eq(insights.userId, influencer.user.id));
    const screenshot = insight?.ids[0] as string;

    const business = await buildBusinessWithProfile(t.app);
    const cover = await uploadImage(business.client);
    await buildDraftCampaign(business.client, { coverUploadId: cover.id });
    const logo = await uploadImage(business.client);
    const saved = await business.client.put('/api/v1/business-profile', {
      ...businessProfile,
      logoUploadId: logo.id,
    });
    expect(saved.status).toBe(200);

    const ids = [avatar.id, portfolio.id, screenshot, cover.id, logo.id];
    await age(...ids);
    await sweep();
    for (const id of ids) expect(await filesOf(id), id).toHaveLength(2);
    for (const id of ids) expect(await rowExists(id), id).toBe(true);
  });

  it('removes an avatar, a cover and a portfolio image once replaced or removed, keeping the new ones', async () => {
    const { client } = await buildInfluencer(t.app);
    const first = await uploadImage(client);
    const second = await uploadImage(client);
    await setAvatar(client, first.id);
    await setAvatar(client, second.id);
    const itemUploadId = (await uploadImage(client)).id;
    const item = await client.post<{ item: { id: string } }>(`${PROFILE}/portfolio`, {
      title: 'Gone soon',
      uploadIds: [itemUploadId],
    });
    expect(item.status).toBe(201);
    expect((await client.delete(`${PROFILE}/portfolio/${item.body.item.id}`)).status).toBe(204);

    const business = await buildBusinessWithProfile(t.app);
    const oldCover = await uploadImage(business.client);
    const newCover = await uploadImage(business.client);
    const draft = await buildDraftCampaign(business.client, { coverUploadId: oldCover.id });
    const patched = await business.client.patch(`/api/v1/campaigns/${draft.id}`, {
      coverUploadId: newCover.id,
    });
    expect(patched.status).toBe(200);

    await age(first.id, second.id, itemUploadId, oldCover.id, newCover.id);
    await sweep();
    expect(await kept(first)).toEqual(removed);
    expect(await rowExists(itemUploadId)).toBe(false);
    expect(await filesOf(itemUploadId)).toEqual([]);
    expect(await kept(oldCover)).toEqual(removed);
    expect(await kept(second)).toEqual(present(second));
    expect(await kept(newCover)).toEqual(present(newCover));
    expect((await business.client.get(newCover.url)).status).toBe(200);
  });

  it('a file already gone is fine; a removal that fails is logged with its key and the row still goes', async () => {
    const { client } = await buildInfluencer(t.app);
    const missing = await uploadImage(client);
    const stuck = await uploadImage(client);
    await t.ctx.storage.remove(`${missing.id}.png`);
    await age(missing.id, stuck.id);

    const log = { info: vi.fn(), error: vi.fn() };
    const failing: Storage = {
      ...t.ctx.storage,
      remove: (key) =>
        key.startsWith(stuck.id) ? Promise.reject(new Error('EACCES')) : t.ctx.storage.remove(key),
    };
    await sweep({ storage: failing, log });
    expect(await kept(missing)).toEqual(removed);
    expect(await rowExists(stuck.id)).toBe(false);
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls.map((c) => c[0].key).sort()).toEqual([
      `${stuck.id}.png`,
      `${stuck.id}.thumb.webp`,
    ]);
  });

  it('PostgreSQL: an upload being attached in an open transaction is skipped, and stays once committed', async (c) => {
    const pool = t.database.pool;
    if (!pool) return c.skip();
    const { client, user } = await buildInfluencer(t.app);
    const up = await uploadImage(client);
    await age(up.id);
    const other = await pool.connect();
    try {
      await other.query('begin');
      // What an attach does: the owner's row FOR KEY SHARE, then the link (whose FK check locks it too).
      await other.query('select id from uploads where id = $1 for key share', [up.id]);
      await other.query(
        `insert into upload_links (id, upload_id, subject_type, subject_id, via, via_id)
         values ($1, $2, 'influencer_profile', $3, 'avatar', $3)`,
        [`link-${up.id}`, up.id, user.id],
      );
      await sweep();
      expect(await rowExists(up.id)).toBe(true);
      await other.query('commit');
    } finally {
      other.release();
    }
    await sweep();
    expect(await kept(up)).toEqual(present(up));
  });

  it('PostgreSQL: an attach that waits on the sweep finds the upload gone: 400 upload_unknown', async (c) => {
    const pool = t.database.pool;
    if (!pool) return c.skip();
    const { client } = await buildInfluencer(t.app);
    const up = await uploadImage(client);
    await age(up.id);
    const sweeper = await pool.connect();
    try {
      // The sweep's transaction, held open between its claim and its commit.
      await sweeper.query('begin');
      await sweeper.query('select id from uploads where id = $1 for update skip locked', [up.id]);
      await sweeper.query('delete from uploads where id = $1', [up.id]);
      const attach = client.put(PROFILE, { avatarUploadId: up.id });
      await waitForLockWaiter(sweeper);
      await sweeper.query('commit');
      const res = await attach;
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.fields?.[0]).toMatchObject({
        path: 'avatarUploadId',
        code: 'upload_unknown',
      });
    } finally {
      sweeper.release();
    }
  });

  async function setAvatar(client: TestClient, id: string) {
    expect((await client.put(PROFILE, { avatarUploadId: id })).status).toBe(200);
  }
});

/** Waits until another session of this database is blocked on a lock (the attach reached our row). */
async function waitForLockWaiter(conn: { query: (q: string) => Promise<{ rows: { n: number }[] }> }) {
  for (let i = 0; i < 500; i++) {
    const { rows } = await conn.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the attach never waited on the sweep');
}
