import type { Message } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { TestResponse } from '../../test/client.ts';
import { buildConversation, type MessagePage, newClientId } from '../../test/factories/conversations.ts';

let t: TestApp;
let thread: Awaited<ReturnType<typeof buildConversation>>;
const base = () => `/api/v1/conversations/${thread.conversationId}`;

beforeAll(async () => {
  t = await createTestApp();
  thread = await buildConversation(t.app);
}, 120_000);
afterAll(() => t?.close());

/** Every message of the thread, read page by page (newest first) and returned oldest first. */
async function readAll(limit: number): Promise<Message[]> {
  const all: Message[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const res: TestResponse<MessagePage> = await thread.owner.client.get<MessagePage>(
      `${base()}/messages${query}`,
    );
    expect(res.status).toBe(200);
    all.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return all.reverse();
}

describe('sending is idempotent per clientId', () => {
  it('the same clientId twice stores one message and answers it both times', async () => {
    const clientId = newClientId();
    const first = await thread.influencer.client.post<{ message: Message }>(`${base()}/messages`, {
      body: 'Hello there',
      clientId,
    });
    const again = await thread.influencer.client.post<{ message: Message }>(`${base()}/messages`, {
      body: 'Hello there (retry with another body)',
      clientId,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.message).toEqual(first.body.message);
    expect(first.body.message).toMatchObject({
      conversationId: thread.conversationId,
      senderId: thread.influencer.user.id,
      body: 'Hello there',
      clientId,
      attachments: [],
    });
    // The other side may use the same clientId: it is a different sender's message.
    const theirs = await thread.owner.client.post<{ message: Message }>(`${base()}/messages`, {
      body: 'Hi!',
      clientId,
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.message.id).not.toBe(first.body.message.id);
    const all = await readAll(50);
    expect(all.map((m) => m.body)).toEqual(['Hello there', 'Hi!']);
  });
});

describe('concurrent sends', () => {
  it('200 simultaneous sends from both sides plus duplicates: each stored once, paged once each, in seq order', async () => {
    const before = (await readAll(100)).length;
    const sides = [thread.owner, thread.influencer] as const;
    const sends = Array.from({ length: 200 }, (_, i) => ({
      side: sides[i % 2] as (typeof sides)[number],
      body: `message ${i}`,
      clientId: `burst-${i}-${newClientId()}`,
    }));
    // Every tenth send is also fired a second time, at the same moment, from the same side.
    const duplicates = sends.filter((_, i) => i % 10 === 0);
    const results = await Promise.all(
      [...sends, ...duplicates].map((s) =>
        s.side.client.post<{ message: Message }>(`${base()}/messages`, {
          body: s.body,
          clientId: s.clientId,
        }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const byClientId = new Map<string, string>();
    for (const r of results) {
      const known = byClientId.get(r.body.message.clientId);
      if (known) expect(r.body.message.id).toBe(known);
      byClientId.set(r.body.message.clientId, r.body.message.id);
    }
    expect(byClientId.size).toBe(200);

    const all = await readAll(37);
    expect(all).toHaveLength(before + 200);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    const burst = all.slice(before);
    expect(new Set(burst.map((m) => m.clientId))).toEqual(new Set(sends.map((s) => s.clientId)));
    for (const s of sends) {
      const stored = burst.find((m) => m.clientId === s.clientId);
      expect(stored?.senderId).toBe(s.side.user.id);
      expect(stored?.body).toBe(s.body);
    }
    // The thread's last message is the last in seq order, and nothing after it is unread for its sender.
    const last = all.at(-1) as Message;
    const list = await thread.owner.client.get<{ conversation: { lastMessage: { id: string } } }>(base());
    expect(list.body.conversation.lastMessage.id).toBe(last.id);
  }, 60_000);
});

describe('rate limit', () => {
  it('a sender past the limit gets 429 with Retry-After; the other side is not affected', async () => {
    const slow = await createTestApp({ rateLimitScale: 0.5 });
    try {
      const small = await buildConversation(slow.app);
      const url = `/api/v1/conversations/${small.conversationId}/messages`;
      // 120 per minute × 0.5 = 60 (the other limits, e.g. registering, allow this test's accounts).
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++)
        statuses.push(
          (await small.influencer.client.post(url, { body: `m${i}`, clientId: newClientId() })).status,
        );
      expect(new Set(statuses)).toEqual(new Set([201]));
      const refused = await small.influencer.client.post(url, { body: 'one more', clientId: newClientId() });
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await small.owner.client.post(url, { body: 'hi', clientId: newClientId() })).status).toBe(201);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
