import type { TestApp } from '../app.ts';
import { browser, type TestClient, type TestResponse } from '../client.ts';
import { buildPublishedCampaign, completeProfile } from '../factories/campaigns.ts';
import { newClientId } from '../factories/conversations.ts';
import { PASSWORD, uniqueEmail } from '../factories/users.ts';
import type { World } from './input-world.ts';

// The text fields input-hostile-strings writes naughty strings into: how to write one value, where
// to read it back through the API, and how to put the world back for the next value.

/** The app and world of the running suite (set in its beforeAll). */
export const env = {} as { t: TestApp; w: World };

export type Res = TestResponse;
/** The id of the object an answer carries under `key` (`{ message: { id } }`, `{ offer: { id } }`…). */
const idOf = (res: Res, key: string) =>
  (res.body as unknown as Record<string, { id: string }>)[key]?.id ?? '';

export interface TextField {
  name: string;
  /** The route ("METHOD url") and body path whose declared schema says what "verbatim" means. */
  route: string;
  path: (string | number)[];
  write(value: string): Promise<Res>;
  /** What to look for the stored value in (a later GET through the API). */
  read?(res: Res): Promise<unknown>;
  /** Instead of `read` after each write: the stored value of each accepted write, read once at the
   * end (for fields where every write adds a row). */
  readAll?(accepted: Res[]): Promise<unknown[]>;
  /** Puts the world back so the next value can be written (withdraw, reinstate…). */
  after?(res: Res): Promise<unknown>;
  /** A write-once field: exactly one string is accepted, the rest meet the new state (409). */
  once?: true;
  /** An optional note the app stores as none (null) when it is empty after trimming. */
  emptyIsNone?: true;
}

const C = '/api/v1';
const collab = (id: string) => `${C}/collaborations/${id}`;
const get = async (client: TestClient, url: string) => (await client.get(url)).body as unknown;

const B = () => env.w.clients.business;
const I = () => env.w.clients.influencer;
const A = () => env.w.clients.admin;

/** Fields that take every string (about 510 each). */
export const everyString: (() => TextField)[] = [
  () => ({
    name: 'message body',
    route: 'POST /api/v1/conversations/:id/messages',
    path: ['body'],
    write: (body) =>
      I().post(`${C}/conversations/${env.w.conversationId}/messages`, { body, clientId: newClientId() }),
    readAll: async (accepted) => {
      const bodies = new Map<string, string>();
      let cursor: string | null = null;
      do {
        const qs: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = (await I().get(`${C}/conversations/${env.w.conversationId}/messages?limit=100${qs}`))
          .body as unknown as {
          items: { id: string; body: string }[];
          nextCursor: string | null;
        };
        for (const m of page.items) bodies.set(m.id, m.body);
        cursor = page.nextCursor;
      } while (cursor);
      return accepted.map((res) => bodies.get(idOf(res, 'message')));
    },
  }),
  () => ({
    name: 'report message',
    route: 'POST /api/v1/reports/:id/messages',
    path: ['body'],
    write: (body) => I().post(`${C}/reports/${env.w.reportId}/messages`, { body }),
    readAll: async (accepted) => {
      const { report } = (await I().get(`${C}/reports/${env.w.reportId}`)).body as {
        report: { messages: { id: string; body: string }[] };
      };
      const bodies = new Map(report.messages.map((m) => [m.id, m.body]));
      return accepted.map((res) => bodies.get(idOf(res, 'message')));
    },
  }),
];

/** Fields that take the fixed sample of 30. */
export const sampled: (() => TextField)[] = [
  () => ({
    name: 'influencer bio',
    route: 'PUT /api/v1/influencer-profile',
    path: ['bio'],
    write: (bio) => I().put(`${C}/influencer-profile`, { bio }),
    read: async () =>
      ((await I().get(`${C}/influencer-profile`)).body as { profile: { bio: unknown } }).profile.bio,
  }),
  () => ({
    name: 'campaign brief',
    route: 'PATCH /api/v1/campaigns/:id',
    path: ['brief'],
    write: (brief) => B().patch(`${C}/campaigns/${env.w.draftId}`, { brief }),
    read: async () =>
      ((await B().get(`${C}/campaigns/${env.w.draftId}`)).body as { campaign: { brief: unknown } }).campaign
        .brief,
  }),
  ...(['displayName', 'city'] as const).map((key) => () => ({
    name: `influencer ${key}`,
    route: 'PUT /api/v1/influencer-profile',
    path: [key],
    write: (v: string) => I().put(`${C}/influencer-profile`, { [key]: v }),
    read: () => get(I(), `${C}/influencer-profile`),
  })),
  ...(['companyName', 'description', 'city'] as const).map((key) => () => ({
    name: `business ${key}`,
    route: 'PUT /api/v1/business-profile',
    path: [key],
    write: (v: string) => B().put(`${C}/business-profile`, { [key]: v }),
    read: () => get(B(), `${C}/business-profile`),
  })),
  () => ({
    name: 'campaign name',
    route: 'PATCH /api/v1/campaigns/:id',
    path: ['name'],
    write: (name) => B().patch(`${C}/campaigns/${env.w.draftId}`, { name }),
    read: () => get(B(), `${C}/campaigns/${env.w.draftId}`),
  }),
  () => ({
    name: 'campaign deliverable notes (requirements)',
    route: 'PATCH /api/v1/campaigns/:id',
    path: ['deliverables', 0, 'notes'],
    write: (notes) =>
      B().patch(`${C}/campaigns/${env.w.draftId}`, {
        deliverables: [{ type: 'post', network: 'instagram', quantity: 1, notes }],
      }),
    read: () => get(B(), `${C}/campaigns/${env.w.draftId}`),
  }),
  () => ({
    name: 'barter description',
    route: 'PATCH /api/v1/campaigns/:id',
    path: ['compensation', 'description'],
    write: (description) =>
      B().patch(`${C}/campaigns/${env.w.draftId}`, { compensation: { type: 'barter', description } }),
    read: () => get(B(), `${C}/campaigns/${env.w.draftId}`),
  }),
  () => ({
    name: 'account name (PATCH /auth/me)',
    route: 'PATCH /api/v1/auth/me',
    path: ['name'],
    write: (name) => env.w.clients.spare.patch(`${C}/auth/me`, { name }),
    read: () => get(env.w.clients.spare, `${C}/auth/me`),
  }),
  () => {
    let client: TestClient | undefined;
    return {
      name: 'account name (register)',
      route: 'POST /api/v1/auth/register',
      path: ['name'],
      write: (name) => {
        const fresh = browser(env.t.app);
        client = fresh;
        return fresh.post(`${C}/auth/register`, {
          email: uniqueEmail('naughty'),
          password: PASSWORD,
          role: 'business',
          name,
        });
      },
      read: () => get(client ?? browser(env.t.app), `${C}/auth/me`),
    };
  },
  () => ({
    name: 'portfolio title',
    route: 'PATCH /api/v1/influencer-profile/portfolio/:id',
    path: ['title'],
    write: (title) => I().patch(`${C}/influencer-profile/portfolio/${env.w.portfolioId}`, { title }),
    read: () => get(I(), `${C}/influencer-profile`),
  }),
  () => ({
    name: 'offer pitch',
    route: 'POST /api/v1/campaigns/:id/offers',
    path: ['pitch'],
    write: (pitch) =>
      I().post(`${C}/campaigns/${env.w.spareCampaignId}/offers`, {
        pitch,
        deliverables: [{ type: 'story', network: 'instagram', quantity: 1 }],
        price: { amount: 10_000 },
      }),
    read: (res) => get(I(), `${C}/offers/${idOf(res, 'offer')}`),
    after: (res) => I().post(`${C}/offers/${idOf(res, 'offer')}/withdraw`),
  }),
  () => ({
    name: 'invitation message',
    route: 'POST /api/v1/influencers/:handle/invitations',
    path: ['message'],
    // One invitation per campaign and influencer: each write invites to a fresh campaign of the business.
    // The business fields above may have left the profile incomplete (an empty description): publishing needs it whole.
    write: async (message) => {
      await B().put(`${C}/business-profile`, completeProfile);
      const { campaign } = await buildPublishedCampaign(env.t.app, { owner: env.w.business });
      return B().post(`${C}/influencers/${env.w.influencer.profile.handle}/invitations`, {
        campaignId: campaign.id,
        message,
      });
    },
    read: () => get(I(), `${C}/invitations/mine`),
  }),
  () => ({
    name: 'amendment note',
    emptyIsNone: true,
    route: 'POST /api/v1/collaborations/:id/amendments',
    path: ['note'],
    write: (note) =>
      B().post(`${collab(env.w.active.id)}/amendments`, { changes: { priceAmount: 15_000 }, note }),
    read: () => get(I(), collab(env.w.active.id)),
    after: (res) => {
      const list = (
        res.body as unknown as { collaboration: { amendments: { id: string; status: string }[] } }
      ).collaboration.amendments;
      const open = list.find((a) => a.status === 'pending');
      return B().post(`${collab(env.w.active.id)}/amendments/${open?.id}/withdraw`);
    },
  }),
  ...(['proof', 'request-changes'] as const).map((step) => () => {
    const line = () => env.w.active.deliverables[1]?.id ?? env.w.active.deliverables[0]?.id;
    return {
      name: step === 'proof' ? 'proof note' : 'request-changes note',
      ...(step === 'proof' ? { emptyIsNone: true as const } : {}),
      route: `POST /api/v1/collaborations/:id/deliverables/:deliverableId/${step}`,
      path: ['note'],
      write: async (note: string) => {
        if (step === 'request-changes')
          await I().post(`${collab(env.w.active.id)}/deliverables/${line()}/proof`, {
            url: 'https://example.com/p',
          });
        return (step === 'proof' ? I() : B()).post(
          `${collab(env.w.active.id)}/deliverables/${line()}/${step}`,
          step === 'proof' ? { url: 'https://example.com/p', note } : { note },
        );
      },
      read: () => get(B(), collab(env.w.active.id)),
      after: () =>
        step === 'proof'
          ? B().post(`${collab(env.w.active.id)}/deliverables/${line()}/request-changes`, { note: 'Again' })
          : Promise.resolve(),
    };
  }),
  () => ({
    name: 'cancel reason',
    emptyIsNone: true,
    route: 'POST /api/v1/collaborations/:id/cancel',
    path: ['reason'],
    write: (reason) => B().post(`${collab(env.w.active.id)}/cancel`, { reason }),
    read: () => get(I(), collab(env.w.active.id)),
    after: () => B().delete(`${collab(env.w.active.id)}/cancel`),
  }),
  () => ({
    name: 'report description',
    route: 'POST /api/v1/reports',
    path: ['description'],
    // The business reports on the pending offer's thread (no collaboration to dispute); the admin
    // resolves each report so the next one is not REPORT_ALREADY_OPEN.
    write: (description) =>
      B().post(`${C}/reports`, {
        againstUserId: env.w.influencer.user.id,
        conversationId: env.w.pendingConversationId,
        category: 'other',
        description,
      }),
    read: (res) => get(B(), `${C}/reports/${idOf(res, 'report')}`),
    after: (res) =>
      A().post(`${C}/admin/reports/${idOf(res, 'report')}/resolve`, { outcome: 'dismissed', note: 'Noted.' }),
  }),
  () => ({
    name: 'FAQ question',
    route: 'POST /api/v1/faq/questions',
    path: ['question'],
    write: (question) =>
      browser(env.t.app).post(`${C}/faq/questions`, { question, locale: 'en', elapsedMs: 60_000 }),
    read: () => get(A(), `${C}/admin/faq/questions?limit=100`),
  }),
  () => ({
    name: 'admin warning',
    route: 'POST /api/v1/admin/users/:id/warn',
    path: ['message'],
    write: (message) => A().post(`${C}/admin/users/${env.w.victimId}/warn`, { message }),
    read: () => get(A(), `${C}/admin/users/${env.w.victimId}`),
  }),
  () => ({
    name: 'admin suspension reason',
    route: 'POST /api/v1/admin/users/:id/suspend',
    path: ['reason'],
    write: (reason) => A().post(`${C}/admin/users/${env.w.victimId}/suspend`, { reason }),
    read: () => get(A(), `${C}/admin/users/${env.w.victimId}`),
    after: () => A().post(`${C}/admin/users/${env.w.victimId}/reinstate`, {}),
  }),
  () => ({
    name: 'FAQ entry answer',
    route: 'PATCH /api/v1/admin/faq/entries/:id',
    path: ['answer'],
    write: (answer) => A().patch(`${C}/admin/faq/entries/${env.w.faqEntryId}`, { answer }),
    read: () => get(A(), `${C}/admin/faq/entries?locale=en`),
  }),
  // Write-once fields: the first accepted string is read back, the rest meet the state (409).
  () => ({
    name: 'offer rejection reason',
    once: true,
    route: 'POST /api/v1/offers/:id/reject',
    path: ['reason'],
    write: (reason) => B().post(`${C}/offers/${env.w.offerId}/reject`, { reason }),
    read: () => get(I(), `${C}/offers/${env.w.offerId}`),
  }),
  () => ({
    name: 'review text',
    once: true,
    route: 'POST /api/v1/collaborations/:id/reviews',
    path: ['text'],
    write: (text) => B().post(`${collab(env.w.completed.id)}/reviews`, { rating: 4, text }),
    read: () => get(B(), `${collab(env.w.completed.id)}/reviews`),
  }),
  () => ({
    name: 'admin unpublish reason',
    once: true,
    route: 'POST /api/v1/admin/campaigns/:id/unpublish',
    path: ['reason'],
    write: (reason) => A().post(`${C}/admin/campaigns/${env.w.victimCampaignId}/unpublish`, { reason }),
    read: () =>
      get(A(), `${C}/admin/campaigns?status=closed`).then(async (list) => [
        list,
        await get(A(), `${C}/admin/audit-log`),
      ]),
  }),
  () => ({
    name: 'admin report resolution note',
    once: true,
    route: 'POST /api/v1/admin/reports/:id/resolve',
    path: ['note'],
    write: (note) => A().post(`${C}/admin/reports/${env.w.reportId}/resolve`, { outcome: 'dismissed', note }),
    read: () => get(A(), `${C}/admin/reports/${env.w.reportId}`),
  }),
];
