import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildInfluencer } from '../../test/factories/users.ts';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('crafted page cursors', () => {
  it('answer 400 invalid_cursor, never 500, on discovery, the teaser and my campaigns', async () => {
    const owner = await buildBusinessWithProfile(t.app);
    const reader = (await buildInfluencer(t.app)).client;
    const crafted = [
      { s: 'newest', k: '2020-01-01T00:00:00+99:00', id: 'x' },
      { s: 'newest', k: '+099999-01-01T00:00:00.000Z', id: 'x' },
      { s: 'deadline', k: '2020-01-01 +99:00', id: 'x' },
      { s: 'deadline', k: '2026-02-31', id: 'x' },
      { s: 'amount', k: 1e20, id: 'x' },
      { s: 'relevance', o: -1 },
    ];
    for (const value of crafted) {
      const sort = 's' in value ? value.s : 'newest';
      const q = sort === 'relevance' ? '&q=kava' : '';
      for (const path of ['/api/v1/campaigns', '/api/v1/public/campaigns']) {
        const res = await reader.get(`${path}?sort=${sort}${q}&cursor=${cursorOf(value)}`);
        expect(res.status, `${path} ${JSON.stringify(value)}`).toBe(400);
        expect(res.body.error?.details?.fields?.[0]?.code).toBe('invalid_cursor');
      }
    }
    for (const c of ['garbage', '99999-01-01']) {
      const res = await owner.client.get(`/api/v1/campaigns/mine?cursor=${cursorOf({ c, id: 'x' })}`);
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.fields?.[0]?.message).toBe(
        'This page link is no longer valid. Start from the first page.',
      );
    }
  });

  it('answer 400 on the admin FAQ queue too', async () => {
    const admin = await buildAdmin(t.app);
    const cursor = Buffer.from('+275760-09-13T00:00:00.000Z|a').toString('base64url');
    const res = await admin.client.get(`/api/v1/admin/faq/questions?status=new&cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields?.[0]?.code).toBe('invalid_cursor');
  });
});

describe('a suspended business', () => {
  it('has its published campaigns hidden from influencers, but not from itself or admins', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const reader = (await buildInfluencer(t.app)).client;
    expect((await reader.get(`/api/v1/campaigns/${campaign.id}`)).status).toBe(200);

    await t.ctx.db.update(users).set({ status: 'suspended' }).where(eq(users.id, owner.user.id));
    expect((await reader.get(`/api/v1/campaigns/${campaign.id}`)).status).toBe(404);
    const admin = await buildAdmin(t.app);
    expect((await admin.client.get(`/api/v1/campaigns/${campaign.id}`)).status).toBe(200);
  });
});

describe('editing a published campaign', () => {
  it('keeps every field another request saved in between (no lost update)', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const [first, second] = await Promise.all([
      owner.client.patch(`/api/v1/campaigns/${campaign.id}`, { brief: 'A clearer brief for creators.' }),
      owner.client.patch(`/api/v1/campaigns/${campaign.id}`, { estimatedHours: 9 }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const row = (await t.ctx.db.select().from(campaigns).where(eq(campaigns.id, campaign.id)))[0];
    expect(row?.brief).toBe('A clearer brief for creators.');
    expect(row?.estimatedHours).toBe(9);
  });
});
