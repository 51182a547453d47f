import type { Campaign } from '@bextr/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { TestClient } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
  completeCampaign,
  daysFromNow,
} from '../../test/factories/campaigns.ts';
import { buildInfluencer, type TestUser } from '../../test/factories/users.ts';
import { searchKeyOf } from './discovery.ts';
import { expectedSearchKeysSql, searchKeysDriftSql } from './search-keys.ts';

type Page = { items: Campaign[]; nextCursor: string | null };
const BASE = '/api/v1/campaigns';

describe('text search newest first, through the search keys', () => {
  let t: TestApp;
  let owner: TestUser;
  let reader: TestClient;
  const names = (page: Page) => page.items.map((c) => c.name);
  const search = async (query: string) => {
    const res = await reader.get<Page>(`${BASE}?${query}`);
    expect(res.status, query).toBe(200);
    return res.body;
  };
  /** Every page of a search, `limit` at a time. */
  const allPages = async (query: string, limit: number) => {
    const seen: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  /** The keys the table should hold (every published campaign's words, cut to three characters)
   * against those it holds: rows missing or left behind. */
  const drift = async () => {
    const res = await t.ctx.db.execute(sql.raw(searchKeysDriftSql));
    return (res as unknown as { rows: unknown[] }).rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = await buildBusinessWithProfile(t.app);
    reader = (await buildInfluencer(t.app)).client;
    // Published one after the other: each is newer than the one before.
    for (const [name, brief, network] of [
      ['Zeppelin one', 'A zeppelin over Tatry.', 'instagram'],
      ['Balloon two', 'Hot air, no zeppelins here.', 'tiktok'],
      ['Zeppelin three', 'Zeppelinový let nad Tatrami.', 'instagram'],
      ['Plain four', 'Nothing to see.', 'instagram'],
      ['Zeppelin five', 'The last zeppelin.', 'youtube'],
      ['Zeppelin six', 'Another zeppelin.', 'tiktok'],
      ['Zeppelin seven', 'Zeppelin pilots wanted.', 'instagram'],
      ['Zeppelin eight', 'A zeppelin at dawn.', 'youtube'],
    ] as const)
      await buildPublishedCampaign(t.app, {
        owner,
        campaign: completeCampaign({
          name,
          brief,
          networks: [network],
          deliverables: [{ type: 'post', network, quantity: 1 }],
        }),
      });
  });
  afterAll(() => t?.close());

  it('the key is the start of the longest plain word; other words go through the index', () => {
    expect(searchKeyOf(['kava', 'bratislava'])).toBe('bra');
    expect(searchKeyOf(['caj'])).toBe('caj');
    expect(searchKeyOf(['tv', 'go'])).toBeNull();
    expect(searchKeyOf(['москва'])).toBeNull();
    expect(searchKeyOf(['москва', 'metro'])).toBe('met');
  });

  it('answers newest first, page after page, with the filters and every word applied', async () => {
    const matching = [
      'Zeppelin eight',
      'Zeppelin seven',
      'Zeppelin six',
      'Zeppelin five',
      'Zeppelin three',
      'Balloon two',
      'Zeppelin one',
    ];
    expect(names(await search('q=zeppelin'))).toEqual(matching);
    expect(names(await search('q=Zeppelin&sort=newest'))).toEqual(matching);
    for (const limit of [1, 2, 3, 5])
      expect(await allPages('q=zeppelin', limit), `limit ${limit}`).toEqual(matching);
    expect(await allPages('q=zeppelin&network=instagram', 1)).toEqual([
      'Zeppelin seven',
      'Zeppelin three',
      'Zeppelin one',
    ]);
    expect(await allPages('q=zeppel%20tatr', 1)).toEqual(['Zeppelin three', 'Zeppelin one']);
    expect(names(await search('q=zeppelinovy'))).toEqual(['Zeppelin three']);
    expect(names(await search('q=zeppelins'))).toEqual(['Balloon two']);
    expect((await search('q=zeppelinx')).items).toEqual([]);
    // Relevance stays a choice: the one campaign that has the word once comes last.
    expect(names(await search('q=zeppelin&sort=relevance')).at(-1)).toBe('Balloon two');
  });

  it('reads a page with more matches than its limit from the keys alone; a short walk asks the index', async () => {
    // Take the newest match's keys away (only a test does): the walk no longer sees it.
    const newest = (await search('q=zeppelin&limit=1')).items[0];
    expect(newest?.name).toBe('Zeppelin eight');
    const id = newest?.id ?? '';
    await t.ctx.db.execute(sql`delete from campaign_search_keys where campaign_id = ${id}`);
    try {
      // Two rows wanted, found in the keys: the answer comes from the walk, without the newest.
      expect(names(await search('q=zeppelin&limit=1'))).toEqual(['Zeppelin seven']);
      // Twenty wanted, seven found: the walk ends short and the GIN index answers, all of them.
      expect(names(await search('q=zeppelin'))).toHaveLength(7);
      // One business's page never walks: its few campaigns are found through the index.
      expect(names(await search(`q=zeppelin&limit=1&businessId=${owner.user.id}`))).toEqual([
        'Zeppelin eight',
      ]);
    } finally {
      await t.ctx.db.execute(sql`insert into campaign_search_keys
        select * from (${sql.raw(expectedSearchKeysSql)}) e where e.campaign_id = ${id}`);
    }
    expect(await drift()).toEqual([]);
  });

  it('refuses rows on the words and filters the key rows carry, before reading the campaign', async () => {
    const instagram = 'q=zeppelin&network=instagram&limit=1';
    expect(names(await search(instagram))).toEqual(['Zeppelin seven']);
    const seven = (await search(instagram)).items[0]?.id ?? '';
    const restore = async () => {
      await t.ctx.db.execute(sql`delete from campaign_search_keys where campaign_id = ${seven}`);
      await t.ctx.db.execute(sql`insert into campaign_search_keys
        select * from (${sql.raw(expectedSearchKeysSql)}) e where e.campaign_id = ${seven}`);
    };
    try {
      // The campaign is on Instagram, its key rows say otherwise (only a test does): the walk
      // believes the rows, so the page it reads (two found, one kept) is the next match.
      await t.ctx.db.execute(
        sql`update campaign_search_keys set networks = '{tiktok}' where campaign_id = ${seven}`,
      );
      expect(names(await search(instagram))).toEqual(['Zeppelin three']);
      await restore();
      // The same with the words under the key: a row whose words do not match is passed over.
      await t.ctx.db.execute(
        sql`update campaign_search_keys set words = 'zebra'::tsvector where campaign_id = ${seven}`,
      );
      expect(names(await search(instagram))).toEqual(['Zeppelin three']);
    } finally {
      await restore();
    }
    expect(names(await search(instagram))).toEqual(['Zeppelin seven']);
    expect(await drift()).toEqual([]);
  });

  it('a cursor from a page ranked by default (before newest first) still gets its next ranked page', async () => {
    const ranked = await search('q=zeppelin&sort=relevance&limit=2');
    const cursor = Buffer.from(JSON.stringify({ s: 'relevance', o: 2 })).toString('base64url');
    expect(ranked.nextCursor).toBe(cursor);
    const next = await search(`q=zeppelin&limit=2&cursor=${cursor}`);
    expect(next).toEqual(await search(`q=zeppelin&sort=relevance&limit=2&cursor=${cursor}`));
    expect(next.items).toHaveLength(2);
    expect((await reader.get(`${BASE}?q=zeppelin&sort=newest&cursor=${cursor}`)).status).toBe(400);
  });

  it('follow every change of a campaign: edit, pause, resume, close, unpublish, delete', async () => {
    const { campaign } = await buildPublishedCampaign(t.app, {
      owner,
      campaign: completeCampaign({ name: 'Airship six', brief: 'A blimp for your followers.' }),
    });
    await buildDraftCampaign(owner.client, { name: 'Blimp draft' });
    const blimps = async () => names(await search('q=blimp'));
    expect(await blimps()).toEqual(['Airship six']);
    expect(await drift()).toEqual([]);

    const edit = (brief: string, over: Parameters<typeof completeCampaign>[0] = {}) =>
      owner.client.patch(`${BASE}/${campaign.id}`, completeCampaign({ name: 'Airship six', brief, ...over }));
    expect((await edit('A dirigible for your followers.')).status).toBe(200);
    expect(await blimps()).toEqual([]);
    expect(names(await search('q=dirigible'))).toEqual(['Airship six']);
    expect(await drift()).toEqual([]);

    // Every filtered column the key rows copy follows an edit of the published campaign.
    const filtered = async (query: string) => names(await search(`q=dirigible&${query}`));
    expect(await filtered('network=instagram&category=food_drink&country=SK&language=sk')).toEqual([
      'Airship six',
    ]);
    const moved = await edit('A dirigible for your followers.', {
      category: 'sports',
      networks: ['youtube'],
      tiers: ['macro'],
      deliverables: [{ type: 'video', network: 'youtube', quantity: 1 }],
      compensation: { type: 'barter', description: 'A ride', value: { amount: 9000, currency: 'EUR' } },
      countries: [],
      remote: true,
      languages: ['en'],
      applicationDeadline: daysFromNow(30),
    });
    expect(moved.status).toBe(200);
    expect(await drift()).toEqual([]);
    for (const gone of [
      'network=instagram',
      'category=food_drink',
      'tier=nano',
      'compensation=paid',
      'minAmount=1',
      'language=sk',
    ])
      expect(await filtered(gone), gone).toEqual([]);
    for (const kept of [
      'network=youtube',
      'category=sports',
      'tier=macro',
      'compensation=barter',
      'country=SK',
      'language=en',
      `deadlineAfter=${daysFromNow(25)}`,
    ])
      expect(await filtered(kept), kept).toEqual(['Airship six']);
    expect((await edit('A dirigible for your followers.')).status).toBe(200);
    expect(await drift()).toEqual([]);

    expect((await owner.client.post(`${BASE}/${campaign.id}/pause`)).status).toBe(200);
    expect((await search('q=dirigible')).items).toEqual([]);
    expect(await drift()).toEqual([]);
    expect((await owner.client.post(`${BASE}/${campaign.id}/resume`)).status).toBe(200);
    expect(names(await search('q=dirigible'))).toEqual(['Airship six']);
    expect(await drift()).toEqual([]);

    const admin = await buildAdmin(t.app);
    const unpublished = await admin.client.post(`/api/v1/admin/campaigns/${campaign.id}/unpublish`, {
      reason: 'Misleading pay.',
    });
    expect(unpublished.status).toBe(200);
    expect((await search('q=dirigible')).items).toEqual([]);
    expect(await drift()).toEqual([]);
    expect((await edit('A blimp again, honestly paid.')).status).toBe(200);
    expect((await owner.client.post(`${BASE}/${campaign.id}/resume`)).status).toBe(200);
    expect(await blimps()).toEqual(['Airship six']);
    expect(await drift()).toEqual([]);

    expect((await owner.client.post(`${BASE}/${campaign.id}/close`)).status).toBe(200);
    expect(await blimps()).toEqual([]);
    expect(await drift()).toEqual([]);

    const other = await buildPublishedCampaign(t.app, { owner, campaign: { name: 'Blimp seven' } });
    expect(await blimps()).toEqual(['Blimp seven']);
    await t.ctx.db.delete(campaigns).where(eq(campaigns.id, other.campaign.id));
    expect(await blimps()).toEqual([]);
    expect(await drift()).toEqual([]);
  });
  it('a key with more words than an index entry holds keeps none, and the walk reads the campaign instead', async () => {
    // 300 distinct words starting `quo` (2,700 characters): their tsvector is over 1 KB, more than a
    // B-tree entry could hold with the rest of the row. Publishing must work all the same.
    const many = Array.from({ length: 300 }, (_, i) => `quoa${String(i).padStart(4, '0')}`).join(' ');
    const long = [];
    for (const name of ['Quokka long one', 'Quokka long two'])
      long.push(
        await buildPublishedCampaign(t.app, { owner, campaign: { name, brief: `Quokka selfies. ${many}` } }),
      );
    await buildPublishedCampaign(t.app, {
      owner,
      campaign: { name: 'Quokka short', brief: 'Quokka selfies.' },
    });
    const res = await t.ctx.db.execute(
      sql`select campaign_id, words is null as none from campaign_search_keys where key = 'quo' order by published_at`,
    );
    const rows = (res as unknown as { rows: { campaign_id: string; none: boolean }[] }).rows;
    expect(rows.map((r) => r.none)).toEqual([true, true, false]);
    expect(rows[0]?.campaign_id).toBe(long[0]?.campaign.id);
    expect(await drift()).toEqual([]);
    // Newest first, one at a time: the walk reads the keys and checks the two long ones' words on
    // the campaigns.
    expect(await allPages('q=quokka', 1)).toEqual(['Quokka short', 'Quokka long two', 'Quokka long one']);
    expect(await allPages('q=quoa0299', 1)).toEqual(['Quokka long two', 'Quokka long one']);
    expect((await search('q=quoa0300')).items).toEqual([]);
  });
});
