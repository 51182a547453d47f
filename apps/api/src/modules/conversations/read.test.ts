import type { Conversation, Message } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import { buildConversation, type ConversationPage, postMessage } from '../../test/factories/conversations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import type { TestUser } from '../../test/factories/users.ts';

type ReadAnswer = { unreadCount: number; unreadTotal: number };

let t: TestApp;
let owner: TestUser;
let first: Awaited<ReturnType<typeof buildConversation>>;
let second: Awaited<ReturnType<typeof buildConversation>>;

beforeAll(async () => {
  t = await createTestApp();
  owner = await buildBusinessWithProfile(t.app, { profile: { companyName: 'Tatra Roasters s.r.o.' } });
  first = await buildConversation(t.app, {
    owner,
    campaign: { name: 'Winter coffee' },
    profile: { displayName: 'Jana Hiker' },
  });
  second = await buildConversation(t.app, {
    owner,
    campaign: { name: 'Spring tea' },
    influencer: await buildReadyInfluencer(t.app, { profile: { displayName: 'Peter Climber' } }),
  });
}, 120_000);
afterAll(() => t?.close());

const list = (user: TestUser, query = '') =>
  user.client.get<ConversationPage>(`/api/v1/conversations${query}`);
const one = async (user: TestUser, id: string) =>
  (await user.client.get<{ conversation: Conversation }>(`/api/v1/conversations/${id}`)).body.conversation;
const read = (user: TestUser, id: string, upTo: string) =>
  user.client.post<ReadAnswer>(`/api/v1/conversations/${id}/read`, { upTo });

describe('GET /conversations', () => {
  it('a new thread: the other party by its public name (never an e-mail), the campaign, the offer, no messages', async () => {
    const res = await list(first.influencer);
    expect(res.status).toBe(200);
    expect(res.body.unreadTotal).toBe(0);
    expect(res.body.items).toEqual([
      {
        id: first.conversationId,
        offerId: first.offer.id,
        offerStatus: 'pending',
        campaign: { id: first.campaign.id, name: 'Winter coffee' },
        otherParty: {
          id: owner.user.id,
          role: 'business',
          name: 'Tatra Roasters s.r.o.',
          avatarUrl: null,
          handle: null,
        },
        lastMessage: null,
        unreadCount: 0,
        otherReadUpTo: null,
        lastActivityAt: expect.any(String),
      },
    ]);
    const mine = await list(owner);
    const party = mine.body.items.find((c) => c.id === first.conversationId)?.otherParty;
    expect(party).toMatchObject({ id: first.influencer.user.id, role: 'influencer', name: 'Jana Hiker' });
    expect(party?.handle).toBe(first.influencer.profile.handle);
    expect(mine.text).not.toContain(first.influencer.email);
    expect(res.text).not.toContain(owner.email);
  });

  it('newest activity first, paged with a cursor; a message moves its thread to the top', async () => {
    await postMessage(first.influencer.client, first.conversationId, { body: 'About the coffee…' });
    let page = await list(owner, '?limit=1');
    expect(page.body.items.map((c) => c.id)).toEqual([first.conversationId]);
    const rest = await list(owner, `?limit=1&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((c) => c.id)).toEqual([second.conversationId]);
    expect(rest.body.nextCursor).toBeNull();

    await postMessage(second.influencer.client, second.conversationId, { body: 'x'.repeat(500) });
    page = await list(owner);
    expect(page.body.items.map((c) => c.id)).toEqual([second.conversationId, first.conversationId]);
    const preview = page.body.items[0]?.lastMessage;
    expect(preview).toMatchObject({ senderId: second.influencer.user.id, attachmentCount: 0 });
    expect(preview?.preview).toBe('x'.repeat(140));
  });
});

describe('read markers and unread counts', () => {
  it('unread = the other side’s messages after my marker, per thread and in total; my own never count', async () => {
    const a1 = await postMessage(first.influencer.client, first.conversationId, { body: 'One more thing' });
    const a2 = await postMessage(first.influencer.client, first.conversationId, { body: 'And another' });
    // first: 3 from the influencer, second: 1.
    const before = await list(owner);
    expect(before.body.unreadTotal).toBe(4);
    expect(before.body.items.find((c) => c.id === first.conversationId)?.unreadCount).toBe(3);
    expect((await list(first.influencer)).body.unreadTotal).toBe(0);

    // Reading up to a1 leaves a2 unread; reading up to a2 clears the thread.
    expect((await read(owner, first.conversationId, a1.id)).body).toEqual({ unreadCount: 1, unreadTotal: 2 });
    expect((await read(owner, first.conversationId, a2.id)).body).toEqual({ unreadCount: 0, unreadTotal: 1 });
    // The marker never moves back.
    expect((await read(owner, first.conversationId, a1.id)).body).toEqual({ unreadCount: 0, unreadTotal: 1 });
    expect((await one(owner, first.conversationId)).unreadCount).toBe(0);
  });

  it('otherReadUpTo: the newest of my messages the other side has read; sending reads what came before', async () => {
    const mine1 = await postMessage(owner.client, first.conversationId, { body: 'Sure, go on' });
    const mine2 = await postMessage(owner.client, first.conversationId, { body: 'Anything else?' });
    expect((await one(owner, first.conversationId)).otherReadUpTo).toBeNull();
    expect((await one(first.influencer, first.conversationId)).unreadCount).toBe(2);
    await read(first.influencer, first.conversationId, mine1.id);
    expect((await one(owner, first.conversationId)).otherReadUpTo).toBe(mine1.id);
    // The influencer answers: its marker moves to its own message, past everything before it.
    const answer = await postMessage(first.influencer.client, first.conversationId, { body: 'That is all' });
    expect((await one(owner, first.conversationId)).otherReadUpTo).toBe(mine2.id);
    expect((await one(first.influencer, first.conversationId)).unreadCount).toBe(0);
    expect((await one(owner, first.conversationId)).unreadCount).toBe(1);
    expect((await one(owner, first.conversationId)).lastMessage?.id).toBe(answer.id);
  });

  it('upTo must be a message of this thread (404); a bad body is 400', async () => {
    const elsewhere = await postMessage(second.influencer.client, second.conversationId);
    const res = await read(owner, first.conversationId, elsewhere.id);
    expect(res.status).toBe(404);
    expect((await read(owner, first.conversationId, 'no-such-message')).status).toBe(404);
    expect((await owner.client.post(`/api/v1/conversations/${first.conversationId}/read`, {})).status).toBe(
      400,
    );
    // Nothing moved in the other thread.
    expect((await one(owner, second.conversationId)).unreadCount).toBe(2);
  });

  it('the messages list is newest first, with the default page of 50', async () => {
    const res = await owner.client.get<{ items: Message[]; nextCursor: string | null }>(
      `/api/v1/conversations/${first.conversationId}/messages`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.body).toBe('That is all');
    expect(res.body.items.at(-1)?.body).toBe('About the coffee…');
    expect(res.body.nextCursor).toBeNull();
  });
});
