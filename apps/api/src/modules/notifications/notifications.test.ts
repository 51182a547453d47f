import type { Notification } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusinessWithProfile, buildPublishedCampaign } from '../../test/factories/campaigns.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { sendOffer } from '../../test/factories/offers.ts';
import type { TestUser } from '../../test/factories/users.ts';

type Page = { items: Notification[]; nextCursor: string | null; unreadCount: number };
const LIST = '/api/v1/notifications';
const READ = '/api/v1/notifications/read';

let t: TestApp;
let owner: TestUser;
/** Three offers on the owner's campaign: three offer_received notifications, oldest first. */
let received: string[] = [];
let senders: TestUser[] = [];

beforeAll(async () => {
  t = await createTestApp();
  owner = await buildBusinessWithProfile(t.app);
  const { campaign } = await buildPublishedCampaign(t.app, { owner });
  senders = [];
  received = [];
  for (let i = 0; i < 3; i++) {
    const influencer = await buildReadyInfluencer(t.app, { profile: { displayName: `Creator ${i}` } });
    senders.push(influencer);
    received.push((await sendOffer(influencer, campaign)).id);
  }
}, 120_000);
afterAll(() => t?.close());

describe('GET /notifications', () => {
  it('401 for a visitor; an empty list for a new user', async () => {
    expect((await browser(t.app).get(LIST)).status).toBe(401);
    const fresh = await buildBusinessWithProfile(t.app);
    const res = await fresh.client.get<Page>(LIST);
    expect(res.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('only the user’s own, newest first, paged, with the unread count and names (never e-mails)', async () => {
    const first = await owner.client.get<Page>(`${LIST}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(3);
    expect(first.body.items.map((n) => n.offerId)).toEqual([received[2], received[1]]);
    expect(first.body.items.map((n) => n.actorName)).toEqual(['Creator 2', 'Creator 1']);
    const rest = await owner.client.get<Page>(`${LIST}?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((n) => n.offerId)).toEqual([received[0]]);
    expect(rest.body.nextCursor).toBeNull();
    for (const s of senders) expect(first.text + rest.text).not.toContain(s.email);
    // The senders' own lists do not hold the business's notifications.
    expect((await (senders[0] as TestUser).client.get<Page>(LIST)).body.items).toEqual([]);
    const bad = await owner.client.get(`${LIST}?cursor=garbage`);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.fields?.[0]?.code).toBe('invalid_cursor');
  });
});

describe('POST /notifications/read', () => {
  it('400 for a body that is neither {ids} nor {all: true}', async () => {
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['a'], all: true }, { ids: ['a'], extra: 1 }])
      expect((await owner.client.post(READ, body)).status, JSON.stringify(body)).toBe(400);
    expect((await browser(t.app).post(READ, { all: true })).status).toBe(401);
  });

  it('marks the given ids read; another user’s ids are not touched', async () => {
    const mine = (await owner.client.get<Page>(LIST)).body.items;
    const target = mine[0] as Notification;
    // An influencer gets a notification of its own when its offer is shortlisted.
    const sender = senders[0] as TestUser;
    await owner.client.post(`/api/v1/offers/${received[0]}/shortlist`);
    const theirs = (await sender.client.get<Page>(LIST)).body;
    expect(theirs.unreadCount).toBe(1);
    const foreignId = theirs.items[0]?.id as string;

    const res = await owner.client.post(READ, { ids: [target.id, foreignId] });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const after = (await owner.client.get<Page>(LIST)).body;
    expect(after.unreadCount).toBe(2);
    expect(after.items.find((n) => n.id === target.id)?.readAt).toEqual(expect.any(String));
    expect((await sender.client.get<Page>(LIST)).body.unreadCount).toBe(1);
    // The other side cannot mark them either.
    await sender.client.post(READ, { ids: [target.id] });
    expect((await owner.client.get<Page>(LIST)).body.unreadCount).toBe(2);
  });

  it('{all: true} marks every one of the user’s own read, and nobody else’s', async () => {
    const sender = senders[0] as TestUser;
    const before = (await sender.client.get<Page>(LIST)).body.unreadCount;
    expect((await owner.client.post(READ, { all: true })).status).toBe(204);
    const after = (await owner.client.get<Page>(LIST)).body;
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await sender.client.get<Page>(LIST)).body.unreadCount).toBe(before);
  });
});
