import type { Campaign, Offer } from '@bextr/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, offers } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';

/** On PostgreSQL these requests really run at once (the pool holds several connections); on PGlite,
 * one connection, they queue — either way the counts must come out right. */

let t: TestApp;
let influencers: TestUser[] = [];
beforeAll(async () => {
  t = await createTestApp();
  influencers = [];
  for (let i = 0; i < 12; i++) influencers.push(await buildReadyInfluencer(t.app));
}, 180_000);
afterAll(() => t?.close());

async function campaignWithOffers(slots: number, count: number) {
  const { owner, campaign } = await buildPublishedCampaign(t.app, { campaign: { slots } });
  const sent: Offer[] = [];
  for (const influencer of influencers.slice(0, count)) sent.push(await sendOffer(influencer, campaign));
  return { owner, campaign, sent };
}

async function facts(campaign: Campaign) {
  const [row] = await t.ctx.db
    .select({ slotsFilled: campaigns.slotsFilled })
    .from(campaigns)
    .where(eq(campaigns.id, campaign.id));
  const byStatus = await t.ctx.db
    .select({ status: offers.status, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(eq(offers.campaignId, campaign.id))
    .groupBy(offers.status);
  return {
    slotsFilled: row?.slotsFilled,
    counts: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>,
  };
}

describe('slots hold under racing accepts', () => {
  it('12 pending offers, 3 slots, every accept at once: exactly 3 succeed, the rest get 409 CAMPAIGN_FULL', async () => {
    const { owner, campaign, sent } = await campaignWithOffers(3, 12);
    const answers = await Promise.all(sent.map((o) => owner.client.post(`/api/v1/offers/${o.id}/accept`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.error?.code))).toEqual(
      new Set(['CAMPAIGN_FULL']),
    );
    expect(await facts(campaign)).toEqual({ slotsFilled: 3, counts: { accepted: 3, pending: 9 } });
    const accepted = await t.ctx.db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.campaignId, campaign.id), eq(offers.status, 'accepted')));
    const winners = sent.filter((_, i) => answers[i]?.status === 200).map((o) => o.id);
    expect(accepted.map((r) => r.id).sort()).toEqual(winners.sort());
  }, 60_000);

  it('one offer accepted twice at once: one 200, one 409, one slot taken', async () => {
    const { owner, campaign, sent } = await campaignWithOffers(3, 1);
    const offer = sent[0] as Offer;
    const answers = await Promise.all([
      owner.client.post(`/api/v1/offers/${offer.id}/accept`),
      owner.client.post(`/api/v1/offers/${offer.id}/accept`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await facts(campaign)).toEqual({ slotsFilled: 1, counts: { accepted: 1 } });
  });

  it('accepts racing a close: never over the slots, slots_filled = accepted, nothing left open', async () => {
    const { owner, campaign, sent } = await campaignWithOffers(2, 6);
    const answers = await Promise.all([
      ...sent.map((o) => owner.client.post(`/api/v1/offers/${o.id}/accept`)),
      owner.client.post(`/api/v1/campaigns/${campaign.id}/close`),
    ]);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(answers.at(-1)?.status).toBe(200);
    const { slotsFilled, counts } = await facts(campaign);
    expect(slotsFilled).toBe(counts.accepted ?? 0);
    expect(slotsFilled).toBeLessThanOrEqual(2);
    expect(counts.pending ?? 0).toBe(0);
    expect((counts.accepted ?? 0) + (counts.expired ?? 0)).toBe(6);
    const open = await t.ctx.db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.campaignId, campaign.id), inArray(offers.status, ['pending', 'shortlisted'])));
    expect(open).toEqual([]);
  }, 60_000);

  it('the database refuses more accepted offers than slots even without the guard (CHECK constraint)', async () => {
    const { campaign } = await campaignWithOffers(1, 0);
    const overfill = t.ctx.db.update(campaigns).set({ slotsFilled: 2 }).where(eq(campaigns.id, campaign.id));
    const error = await overfill.then(
      () => null,
      (e: unknown) => e,
    );
    // 23514: check_violation, from campaigns_slots_filled_within.
    const codeOf = (e: unknown): unknown =>
      (e as { code?: unknown })?.code ??
      ((e as { cause?: unknown })?.cause ? codeOf((e as { cause: unknown }).cause) : null);
    expect(codeOf(error)).toBe('23514');
    expect((await facts(campaign)).slotsFilled).toBe(0);
  });
});

/** Until `n` sessions of this database wait for a lock (PostgreSQL only). */
async function lockWaiters(pool: pg.Pool, n: number) {
  for (let i = 0; i < 400; i++) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never saw ${n} sessions waiting for a lock`);
}

describe('decisions racing a close take the locks in one order (campaign, then offer)', () => {
  // A close holds the campaign row FOR UPDATE, then expires the open offers. A withdraw or reject
  // that locked its offer first and then needed the campaign row (the notification's foreign key)
  // would deadlock with it: one of them a 500. Held here in the worst order with a third session.
  for (const verb of ['withdraw', 'reject'] as const) {
    it(`${verb} queued behind a close: no deadlock, the close wins, the ${verb} gets 409`, async (test) => {
      const pool = t.database.pool;
      if (t.database.kind !== 'postgres' || !pool) return test.skip();
      const { owner, campaign, sent } = await campaignWithOffers(2, 1);
      const offer = sent[0] as Offer;
      const actor = verb === 'withdraw' ? (influencers[0] as TestUser) : owner;
      const side = await pool.connect();
      let released = false;
      try {
        await side.query('begin');
        await side.query('select id from campaigns where id = $1 for update', [campaign.id]);
        const close = owner.client.post(`/api/v1/campaigns/${campaign.id}/close`);
        await lockWaiters(pool, 1);
        const decision = actor.client.post(`/api/v1/offers/${offer.id}/${verb}`);
        await lockWaiters(pool, 2);
        await side.query('rollback');
        released = true;
        const [closed, decided] = await Promise.all([close, decision]);
        expect(closed.status, closed.text).toBe(200);
        expect(decided.status, decided.text).toBe(409);
      } finally {
        if (!released) await side.query('rollback').catch(() => {});
        side.release();
      }
      expect(await facts(campaign)).toEqual({ slotsFilled: 0, counts: { expired: 1 } });
    }, 60_000);
  }
});
