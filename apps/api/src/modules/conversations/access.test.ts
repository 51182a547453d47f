import type { Conversation, Message } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser, type TestClient } from '../../test/client.ts';
import { buildAdmin } from '../../test/factories/admins.ts';
import { buildBusinessWithProfile } from '../../test/factories/campaigns.ts';
import {
  buildConversation,
  type ConversationPage,
  newClientId,
  postMessage,
} from '../../test/factories/conversations.ts';
import { buildReadyInfluencer } from '../../test/factories/influencers.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import type { TestUser } from '../../test/factories/users.ts';

let t: TestApp;
let thread: Awaited<ReturnType<typeof buildConversation>>;
let strangers: Record<'business' | 'influencer' | 'admin', TestUser>;
let message: Message;
let attachmentId: string;

const base = () => `/api/v1/conversations/${thread.conversationId}`;

beforeAll(async () => {
  t = await createTestApp();
  thread = await buildConversation(t.app);
  strangers = {
    business: await buildBusinessWithProfile(t.app),
    influencer: await buildReadyInfluencer(t.app),
    admin: await buildAdmin(t.app),
  };
  attachmentId = (await uploadImage(thread.owner.client)).id;
  message = await postMessage(thread.owner.client, thread.conversationId, {
    body: 'Welcome aboard',
    attachmentIds: [attachmentId],
  });
}, 120_000);
afterAll(() => t?.close());

describe('who may see and use a thread', () => {
  it('401 for a visitor on every endpoint, and on the attachment', async () => {
    const visitor = browser(t.app);
    expect((await visitor.get('/api/v1/conversations')).status).toBe(401);
    expect((await visitor.get(base())).status).toBe(401);
    expect((await visitor.get(`${base()}/messages`)).status).toBe(401);
    expect((await visitor.post(`${base()}/messages`, { body: 'x', clientId: newClientId() })).status).toBe(
      401,
    );
    expect((await visitor.post(`${base()}/read`, { upTo: message.id })).status).toBe(401);
    expect((await visitor.get(`/api/v1/uploads/${attachmentId}`)).status).toBe(404);
  });

  it('404 for another business, another influencer and an admin: thread, messages, send, read, attachment', async () => {
    for (const [role, stranger] of Object.entries(strangers)) {
      const c: TestClient = stranger.client;
      const answers = [
        (await c.get(base())).status,
        (await c.get(`${base()}/messages`)).status,
        (await c.post(`${base()}/messages`, { body: 'Let me in', clientId: newClientId() })).status,
        (await c.post(`${base()}/read`, { upTo: message.id })).status,
        (await c.get(`/api/v1/uploads/${attachmentId}`)).status,
        (await c.get(`/api/v1/uploads/${attachmentId}?size=thumb`)).status,
      ];
      expect(answers, role).toEqual([404, 404, 404, 404, 404, 404]);
      const list = await c.get<ConversationPage>('/api/v1/conversations');
      expect(list.status, role).toBe(200);
      expect(list.body, role).toEqual({ items: [], nextCursor: null, unreadTotal: 0 });
    }
    // Nothing a stranger sent was stored.
    const page = await thread.influencer.client.get<{ items: Message[] }>(`${base()}/messages`);
    expect(page.body.items.map((m) => m.body)).toEqual(['Welcome aboard']);
  });

  it('both members see the thread, its messages and the attachment', async () => {
    for (const member of [thread.owner, thread.influencer]) {
      const one = await member.client.get<{ conversation: Conversation }>(base());
      expect(one.status).toBe(200);
      expect(one.body.conversation.id).toBe(thread.conversationId);
      expect((await member.client.get(`/api/v1/uploads/${attachmentId}`)).status).toBe(200);
    }
    expect((await browser(t.app).get('/api/v1/conversations/nope')).status).toBe(401);
    expect((await thread.owner.client.get('/api/v1/conversations/nope')).status).toBe(404);
  });
});

describe('POST /conversations/:id/messages validation', () => {
  const send = (body: unknown) => thread.influencer.client.post(`${base()}/messages`, body);

  it('400 for an empty or blank body without attachments (message_empty), and for a bad clientId', async () => {
    for (const body of ['', '   \n  ']) {
      const res = await send({ body, clientId: newClientId() });
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.fields).toEqual([
        expect.objectContaining({ path: 'body', code: 'message_empty' }),
      ]);
    }
    expect((await send({ clientId: newClientId() })).status).toBe(400);
    expect((await send({ body: 'hi' })).status).toBe(400);
    expect((await send({ body: 'hi', clientId: 'short' })).status).toBe(400);
    expect((await send({ body: 'hi', clientId: 'has spaces in it' })).status).toBe(400);
    expect((await send({ body: 'hi', clientId: newClientId(), extra: true })).status).toBe(400);
  });

  it('20,000 characters are fine, 20,001 are a 400 on body; the body is stored trimmed', async () => {
    const tooLong = await send({ body: 'a'.repeat(20_001), clientId: newClientId() });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.details?.fields?.[0]?.path).toBe('body');
    const longest = await send({ body: `  ${'b'.repeat(20_000)}  `, clientId: newClientId() });
    expect(longest.status).toBe(201);
    expect((longest.body as unknown as { message: Message }).message.body).toBe('b'.repeat(20_000));
  });

  it('attachments: only the sender’s own uploads (400 upload_unknown), an image alone is a message', async () => {
    const theirs = await send({ body: 'look', clientId: newClientId(), attachmentIds: [attachmentId] });
    expect(theirs.status).toBe(400);
    expect(theirs.body.error?.details?.fields?.[0]).toMatchObject({
      path: 'attachmentIds.0',
      code: 'upload_unknown',
    });
    const own = (await uploadImage(thread.influencer.client)).id;
    const res = await send({ clientId: newClientId(), attachmentIds: [own] });
    expect(res.status).toBe(201);
    const sent = (res.body as unknown as { message: Message }).message;
    expect(sent.body).toBe('');
    expect(sent.attachments).toEqual([
      { id: own, url: `/api/v1/uploads/${own}`, thumbUrl: `/api/v1/uploads/${own}?size=thumb` },
    ]);
    // The business now sees the influencer's image; a stranger still does not.
    expect((await thread.owner.client.get(`/api/v1/uploads/${own}`)).status).toBe(200);
    expect((await strangers.business.client.get(`/api/v1/uploads/${own}`)).status).toBe(404);
  });

  it('404 for an unknown thread, 400 for a bad cursor', async () => {
    const res = await thread.owner.client.post('/api/v1/conversations/unknown/messages', {
      body: 'hi',
      clientId: newClientId(),
    });
    expect(res.status).toBe(404);
    expect((await thread.owner.client.get(`${base()}/messages?cursor=garbage`)).status).toBe(400);
    expect((await thread.owner.client.get(`${base()}/messages?limit=101`)).status).toBe(400);
    expect((await thread.owner.client.get('/api/v1/conversations?cursor=garbage')).status).toBe(400);
  });
});
