import { completeCampaign } from '../factories/campaigns.ts';
import { newClientId } from '../factories/conversations.ts';
import { basics, socialAccount } from '../factories/influencers.ts';
import { PASSWORD, uniqueEmail } from '../factories/users.ts';
import type { Actor, World } from './input-world.ts';

/** How to call a route validly: who, with which path ids, query and body. */
export interface RouteSample {
  actor: Actor;
  params?: (w: World) => Record<string, string>;
  query?: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
}

const id = (pick: (w: World) => string) => (w: World) => ({ id: pick(w) });
const none = () => ({});
const deliverable = (w: World) => ({
  id: w.active.id,
  deliverableId: w.active.deliverables[0]?.id ?? 'missing',
});
const amendmentIds = (w: World) => ({ id: w.active.id, aid: w.amendmentId });

/** Every route that declares a schema, keyed "METHOD url". A route added without an entry here fails
 * the suites (the lists are compared with `app.registeredRoutes`). */
export const ROUTE_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/admin/users': { actor: 'admin', query: () => ({ q: 'tatra' }) },
  'GET /api/v1/admin/users/:id': { actor: 'admin', params: id((w) => w.victimId) },
  'POST /api/v1/admin/users/:id/warn': {
    actor: 'admin',
    params: id((w) => w.victimId),
    body: () => ({ message: 'Please keep it civil.' }),
  },
  'POST /api/v1/admin/users/:id/suspend': {
    actor: 'admin',
    params: id((w) => w.victimId),
    body: () => ({ reason: 'Spam.' }),
  },
  'POST /api/v1/admin/users/:id/reinstate': {
    actor: 'admin',
    params: id((w) => w.victimId),
    body: () => ({ reason: 'Appeal accepted.' }),
  },
  'GET /api/v1/admin/campaigns': { actor: 'admin', query: () => ({ q: 'coffee' }) },
  'POST /api/v1/admin/campaigns/:id/unpublish': {
    actor: 'admin',
    params: id((w) => w.victimCampaignId),
    body: () => ({ reason: 'Misleading.' }),
  },
  'GET /api/v1/admin/audit-log': { actor: 'admin', query: () => ({ action: 'user.warn' }) },
  'POST /api/v1/auth/second-factor': { actor: 'anon', body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/second-factor/setup': { actor: 'admin', body: () => ({}) },
  'POST /api/v1/auth/second-factor/enable': { actor: 'admin', body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/second-factor/recovery-codes': { actor: 'admin', body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/register': {
    actor: 'anon',
    body: () => ({ email: uniqueEmail('fuzz'), password: PASSWORD, role: 'influencer', name: 'Fuzz' }),
  },
  'POST /api/v1/auth/login': {
    actor: 'anon',
    body: () => ({ email: 'nobody@test.bextr.eu', password: 'x' }),
  },
  'POST /api/v1/auth/logout': { actor: 'spare', body: () => ({}) },
  'PATCH /api/v1/auth/me': { actor: 'influencer', body: () => ({ name: 'Test Creator' }) },
  'POST /api/v1/auth/verify-email': { actor: 'anon', body: () => ({ token: 'not-a-real-token-at-all' }) },
  'POST /api/v1/auth/verify-email/resend': { actor: 'influencer', body: () => ({}) },
  'POST /api/v1/auth/password-reset/request': {
    actor: 'anon',
    body: () => ({ email: 'nobody@test.bextr.eu' }),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    actor: 'anon',
    body: () => ({ token: 'not-a-real-token-at-all', password: 'another-long-password' }),
  },
  'POST /api/v1/auth/password': {
    actor: 'spare',
    body: () => ({ currentPassword: 'wrong-password', newPassword: 'another-long-password' }),
  },
  'PUT /api/v1/business-profile': { actor: 'business', body: () => ({ city: 'Poprad' }) },
  'GET /api/v1/businesses/:id': { actor: 'influencer', params: id((w) => w.business.user.id) },
  'POST /api/v1/campaigns': { actor: 'business', body: () => completeCampaign() },
  'GET /api/v1/campaigns/mine': { actor: 'business', query: () => ({ status: 'draft' }) },
  'GET /api/v1/campaigns': { actor: 'influencer', query: () => ({ q: 'coffee' }) },
  'GET /api/v1/public/campaigns': { actor: 'anon', query: () => ({ q: 'coffee' }) },
  'GET /api/v1/public/campaigns/:id': { actor: 'anon', params: id((w) => w.campaignId) },
  'GET /api/v1/campaigns/:id': { actor: 'influencer', params: id((w) => w.campaignId) },
  'PATCH /api/v1/campaigns/:id': {
    actor: 'business',
    params: id((w) => w.draftId),
    body: () => ({ name: 'Evening tea stories' }),
  },
  'DELETE /api/v1/campaigns/:id': { actor: 'business', params: id((w) => w.spareDraftId), body: none },
  'POST /api/v1/campaigns/:id/duplicate': { actor: 'business', params: id((w) => w.draftId), body: none },
  'POST /api/v1/campaigns/:id/publish': { actor: 'business', params: id((w) => w.draftId), body: none },
  'POST /api/v1/campaigns/:id/pause': { actor: 'business', params: id((w) => w.spareCampaignId), body: none },
  'POST /api/v1/campaigns/:id/resume': {
    actor: 'business',
    params: id((w) => w.spareCampaignId),
    body: none,
  },
  'POST /api/v1/campaigns/:id/close': { actor: 'business', params: id((w) => w.spareCampaignId), body: none },
  'GET /api/v1/collaborations': { actor: 'business', query: () => ({ status: 'active' }) },
  'GET /api/v1/collaborations/:id': { actor: 'business', params: id((w) => w.active.id) },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/proof': {
    actor: 'influencer',
    params: deliverable,
    body: () => ({ url: 'https://www.instagram.com/p/fuzz/', note: 'Live.' }),
  },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/approve': {
    actor: 'business',
    params: deliverable,
    body: none,
  },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/request-changes': {
    actor: 'business',
    params: deliverable,
    body: () => ({ note: 'Please tag us.' }),
  },
  'POST /api/v1/collaborations/:id/amendments': {
    actor: 'business',
    params: id((w) => w.active.id),
    body: () => ({ changes: { priceAmount: 16_000 }, note: 'More' }),
  },
  'POST /api/v1/collaborations/:id/amendments/:aid/accept': {
    actor: 'influencer',
    params: amendmentIds,
    body: none,
  },
  'POST /api/v1/collaborations/:id/amendments/:aid/decline': {
    actor: 'influencer',
    params: amendmentIds,
    body: none,
  },
  'POST /api/v1/collaborations/:id/amendments/:aid/withdraw': {
    actor: 'business',
    params: amendmentIds,
    body: none,
  },
  'POST /api/v1/collaborations/:id/cancel': {
    actor: 'business',
    params: id((w) => w.active.id),
    body: () => ({ reason: 'Plans changed.' }),
  },
  'DELETE /api/v1/collaborations/:id/cancel': { actor: 'business', params: id((w) => w.active.id) },
  'GET /api/v1/conversations': { actor: 'influencer', query: () => ({ limit: '5' }) },
  'GET /api/v1/conversations/:id': { actor: 'influencer', params: id((w) => w.conversationId) },
  'GET /api/v1/conversations/:id/messages': {
    actor: 'influencer',
    params: id((w) => w.conversationId),
    query: () => ({ limit: '5' }),
  },
  'POST /api/v1/conversations/:id/messages': {
    actor: 'influencer',
    params: id((w) => w.conversationId),
    body: () => ({ body: 'Hi there', clientId: newClientId() }),
  },
  'POST /api/v1/conversations/:id/read': {
    actor: 'business',
    params: id((w) => w.conversationId),
    body: (w) => ({ upTo: w.messageId }),
  },
  'GET /api/v1/events': { actor: 'influencer', query: () => ({ lastEventId: '1' }) },
  'GET /api/v1/faq': { actor: 'anon', query: () => ({ locale: 'en' }) },
  'POST /api/v1/faq/questions': {
    actor: 'anon',
    body: () => ({ question: 'Can I invoice as a company?', locale: 'en', elapsedMs: 60_000 }),
  },
  'GET /api/v1/admin/faq/questions': { actor: 'admin', query: () => ({ status: 'new' }) },
  'POST /api/v1/admin/faq/questions/:id/answer': {
    actor: 'admin',
    params: id((w) => w.faqQuestionId),
    body: () => ({ answer: 'By card.', publish: false }),
  },
  'POST /api/v1/admin/faq/questions/:id/dismiss': {
    actor: 'admin',
    params: id((w) => w.faqQuestionId),
    body: none,
  },
  'GET /api/v1/admin/faq/entries': { actor: 'admin', query: () => ({ locale: 'en' }) },
  'POST /api/v1/admin/faq/entries': {
    actor: 'admin',
    body: () => ({ locale: 'en', group: 'basics', question: 'Who are you?', answer: 'BeXtr.' }),
  },
  'PATCH /api/v1/admin/faq/entries/:id': {
    actor: 'admin',
    params: id((w) => w.faqEntryId),
    body: () => ({ answer: 'A marketplace for creators.' }),
  },
  'DELETE /api/v1/admin/faq/entries/:id': { actor: 'admin', params: id((w) => w.faqEntryId), body: none },
  'PUT /api/v1/influencer-profile': {
    actor: 'influencer',
    body: (w) => ({ ...basics({ handle: w.influencer.profile.handle ?? 'missing' }) }),
  },
  'POST /api/v1/influencer-profile/social-accounts': {
    actor: 'influencer',
    body: () => socialAccount({ network: 'youtube', url: 'https://youtube.com/@fuzz' }),
  },
  'PATCH /api/v1/influencer-profile/social-accounts/:id': {
    actor: 'influencer',
    params: id((w) => w.socialAccountId),
    body: () => ({ followers: 12_500 }),
  },
  'POST /api/v1/influencer-profile/portfolio': { actor: 'influencer', body: () => ({ title: 'Spring' }) },
  'PATCH /api/v1/influencer-profile/portfolio/:id': {
    actor: 'influencer',
    params: id((w) => w.portfolioId),
    body: () => ({ title: 'Autumn' }),
  },
  'POST /api/v1/influencer-profile/insights': {
    actor: 'influencer',
    body: (w) => ({ socialAccountId: w.socialAccountId, asOf: '2026-02-28', periodDays: 28, uploadIds: [] }),
  },
  'PATCH /api/v1/influencer-profile/insights/:id': {
    actor: 'influencer',
    params: id((w) => w.insightId),
    body: () => ({ reach: 41_000 }),
  },
  'DELETE /api/v1/influencer-profile/social-accounts/:id': {
    actor: 'influencer',
    params: id((w) => w.socialAccountId),
    body: none,
  },
  'DELETE /api/v1/influencer-profile/portfolio/:id': {
    actor: 'influencer',
    params: id((w) => w.portfolioId),
    body: none,
  },
  'DELETE /api/v1/influencer-profile/insights/:id': {
    actor: 'influencer',
    params: id((w) => w.insightId),
    body: none,
  },
  'GET /api/v1/influencers': { actor: 'business', query: () => ({ q: 'creator' }) },
  'GET /api/v1/influencers/:handle': {
    actor: 'business',
    params: (w) => ({ handle: w.influencer.profile.handle ?? 'missing' }),
  },
  'POST /api/v1/influencers/:handle/invitations': {
    actor: 'business',
    params: (w) => ({ handle: w.influencer.profile.handle ?? 'missing' }),
    body: (w) => ({ campaignId: w.spareCampaignId, message: 'Would you join us?' }),
  },
  'GET /api/v1/invitations/mine': { actor: 'influencer', query: () => ({ limit: '5' }) },
  'GET /api/v1/notifications': { actor: 'influencer', query: () => ({ limit: '5' }) },
  'POST /api/v1/notifications/read': { actor: 'influencer', body: () => ({ all: true }) },
  'PUT /api/v1/notification-preferences': {
    actor: 'influencer',
    body: () => ({ email: { offer_received: true } }),
  },
  'GET /api/v1/notification-preferences/unsubscribe': {
    actor: 'anon',
    query: () => ({ token: 'not-a-real-unsubscribe-token', kind: 'new_messages' }),
  },
  'POST /api/v1/notification-preferences/unsubscribe': {
    actor: 'anon',
    query: () => ({ token: 'not-a-real-unsubscribe-token', kind: 'new_messages' }),
    body: () => ({ 'List-Unsubscribe': 'One-Click' }),
  },
  'POST /api/v1/campaigns/:id/offers': {
    actor: 'influencer',
    params: id((w) => w.spareCampaignId),
    body: () => ({
      pitch: 'I would love to.',
      deliverables: [{ type: 'story', network: 'instagram', quantity: 1 }],
      price: { amount: 10_000, currency: 'EUR' },
    }),
  },
  'GET /api/v1/campaigns/:id/offers': {
    actor: 'business',
    params: id((w) => w.campaignId),
    query: () => ({ sort: 'fit' }),
  },
  'GET /api/v1/offers/mine': { actor: 'influencer', query: () => ({ status: 'pending' }) },
  'GET /api/v1/offers/:id': { actor: 'influencer', params: id((w) => w.offerId) },
  'POST /api/v1/offers/:id/shortlist': { actor: 'business', params: id((w) => w.offerId), body: none },
  'POST /api/v1/offers/:id/accept': { actor: 'business', params: id((w) => w.offerId), body: none },
  'POST /api/v1/offers/:id/withdraw': { actor: 'influencer', params: id((w) => w.offerId), body: none },
  'POST /api/v1/offers/:id/reject': {
    actor: 'business',
    params: id((w) => w.offerId),
    body: () => ({ reason: 'Not this time.' }),
  },
  'POST /api/v1/reports': {
    actor: 'influencer',
    body: (w) => ({
      againstUserId: w.business.user.id,
      conversationId: w.conversationId,
      category: 'harassment',
      description: 'Rude messages in the thread.',
    }),
  },
  'GET /api/v1/reports/mine': { actor: 'influencer', query: () => ({ limit: '5' }) },
  'GET /api/v1/reports/:id': { actor: 'influencer', params: id((w) => w.reportId) },
  'POST /api/v1/reports/:id/messages': {
    actor: 'influencer',
    params: id((w) => w.reportId),
    body: () => ({ body: 'One more detail.' }),
  },
  'GET /api/v1/admin/reports': { actor: 'admin', query: () => ({ status: 'open' }) },
  'GET /api/v1/admin/reports/:id': { actor: 'admin', params: id((w) => w.reportId) },
  'POST /api/v1/admin/reports/:id/resolve': {
    actor: 'admin',
    params: id((w) => w.reportId),
    body: () => ({ outcome: 'dismissed', note: 'Nothing to act on.' }),
  },
  'POST /api/v1/collaborations/:id/reviews': {
    actor: 'business',
    params: id((w) => w.completed.id),
    body: () => ({ rating: 5, text: 'Great to work with.' }),
  },
  'GET /api/v1/collaborations/:id/reviews': { actor: 'business', params: id((w) => w.completed.id) },
  'GET /api/v1/influencers/:handle/reviews': {
    actor: 'anon',
    params: (w) => ({ handle: w.influencer.profile.handle ?? 'missing' }),
    query: () => ({ limit: '5' }),
  },
  'GET /api/v1/businesses/:id/reviews': {
    actor: 'anon',
    params: id((w) => w.business.user.id),
    query: () => ({ limit: '5' }),
  },
  'GET /api/v1/uploads/:id': {
    actor: 'influencer',
    params: id((w) => w.uploadId),
    query: () => ({ size: 'thumb' }),
  },
};
