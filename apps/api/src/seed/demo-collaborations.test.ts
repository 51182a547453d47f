import type { Collaboration, CollaborationListItem, PublicBusiness } from '@bextr/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collaborations, offers, reports } from '../db/schema.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser, type TestClient } from '../test/client.ts';
import { prepareData } from './boot.ts';
import { demoAccounts } from './demo.ts';

/** Loading the demo is CPU-bound (hashes, ~90 images): see seed.test.ts. */
const demo = { timeout: 120_000 };

describe('demo collaborations, reviews and the open report', () => {
  let t: TestApp;
  let business: TestClient;
  let influencer: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    await prepareData(t.ctx.db, t.config, t.app.log);
    business = browser(t.app);
    influencer = browser(t.app);
    for (const [client, account] of [
      [business, demoAccounts.business],
      [influencer, demoAccounts.influencer],
    ] as const) {
      const res = await client.post('/api/v1/auth/login', {
        email: account.email,
        password: account.password,
      });
      expect(res.status).toBe(200);
    }
  }, demo.timeout);
  afterAll(() => t?.close());

  it('gives every accepted demo offer its collaboration', async () => {
    const [row] = await t.ctx.db
      .select({
        accepted: sql<number>`count(*)::int`,
        withCollaboration: sql<number>`count(${collaborations.id})::int`,
      })
      .from(offers)
      .leftJoin(collaborations, eq(collaborations.offerId, offers.id))
      .where(eq(offers.status, 'accepted'));
    expect(row?.accepted).toBeGreaterThan(3);
    expect(row?.withCollaboration).toBe(row?.accepted);
  });

  it('shows the demo business a completed collaboration and one waiting for its approval', async () => {
    const list = await business.get<{ items: CollaborationListItem[] }>('/api/v1/collaborations?limit=50');
    expect(list.status).toBe(200);
    const statuses = list.body.items.map((c) => c.status).sort();
    expect(statuses).toContain('completed');
    const lucia = list.body.items.find((c) => c.otherParty.handle === 'lucia.novakova');
    expect(lucia).toMatchObject({ status: 'active' });
    const detail = await influencer.get<{ collaboration: Collaboration }>(
      `/api/v1/collaborations/${lucia?.id}`,
    );
    expect(detail.status).toBe(200);
    const lines = detail.body.collaboration.deliverables.map((d) => d.status);
    expect(lines[0]).toBe('submitted');
  });

  it('rates the demo business from its completed collaboration, with the review on its page', async () => {
    const me = await business.get('/api/v1/auth/me');
    const page = await influencer.get<{ business: PublicBusiness }>(`/api/v1/businesses/${me.body.user?.id}`);
    expect(page.status).toBe(200);
    expect(page.body.business.rating).toEqual({ average: 5, count: 1 });
    expect(page.body.business.reviews[0]?.text).toContain('Jasné zadanie');
  });

  it('has one open report holding its collaboration in dispute', async () => {
    const open = await t.ctx.db
      .select({ status: collaborations.status })
      .from(reports)
      .innerJoin(collaborations, eq(collaborations.id, reports.collaborationId))
      .where(eq(reports.status, 'open'));
    expect(open).toEqual([{ status: 'disputed' }]);
  });
});
