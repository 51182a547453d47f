import type { Role } from '@bextr/contracts';
import { completeCampaign, daysFromNow } from '../factories/campaigns.ts';
import { newClientId } from '../factories/conversations.ts';
import type { Kind, Objects } from './world.ts';

/** Who may call a route at all (the function level): anyone; any signed-in user; some roles. */
export type Callers = 'public' | 'signed-in' | Role[];

export interface RouteRule {
  callers: Callers;
  /** The object kind(s) each path parameter names: every id of those kinds that the caller does not
   * hold is tried (ids of other kinds and unknown ids too). */
  params?: Record<string, Kind[]>;
  /** Kinds this route lets every allowed caller read whoever holds them (not tried as foreign). */
  visible?: Kind[];
  /** …only to these roles (default: every allowed caller). */
  visibleTo?: Role[];
  /** The route lets an admin act on any object (admins are not tried as strangers). */
  adminActs?: true;
  /** Why path parameters are not tried as objects (public HTML pages answer the plain shell). */
  noObjectCheck?: string;
  /** A valid body, from the objects of the side whose ids the path carries. */
  body?: (o: Objects) => unknown;
  query?: string;
  /** A stream that never ends for a signed-in caller: only refusals are requested. */
  stream?: true;
}

const signedIn = 'signed-in' as const;
const pub = (extra: Partial<RouteRule> = {}): RouteRule => ({ callers: 'public', ...extra });
const biz: Role[] = ['business'];
const inf: Role[] = ['influencer'];
const admin: Role[] = ['admin'];
const sides: Role[] = ['business', 'influencer'];
const note = { reason: 'Checked by the security suite.' };

// Businesses and admins see every profile; visitors and other influencers only public ones.
const profileRule: RouteRule = {
  callers: 'public',
  params: { handle: ['handle'] },
  visible: ['handle'],
  visibleTo: ['business', 'admin'],
};
const campaign = { id: ['campaign', 'draft'] as Kind[] };
const collab = { id: ['collaboration', 'completed'] as Kind[] };
const line = { id: ['collaboration'] as Kind[], deliverableId: ['deliverable'] as Kind[] };
const amend = { id: ['collaboration'] as Kind[], aid: ['amendment'] as Kind[] };

/** Every route the app registers, as "METHOD /path". A route missing here fails the matrix. */
export const ROUTES: Record<string, RouteRule> = {
  // Docs, health, crawlers' files and the public HTML pages.
  'GET /api/docs': pub(),
  'GET /api/docs/static/index.html': pub(),
  'GET /api/docs/static/swagger-initializer.js': pub(),
  'GET /api/docs/json': pub(),
  'GET /api/docs/yaml': pub(),
  'HEAD /api/docs/static/*': pub(),
  'GET /api/docs/static/*': pub(),
  'GET /api/v1/openapi.json': pub(),
  'GET /health/live': pub(),
  'GET /health/ready': pub(),
  'GET /robots.txt': pub(),
  'GET /sitemap.xml': pub(),
  'GET /': pub(),
  'GET /faq': pub(),
  'POST /faq/ask': pub(),
  'GET /campaigns': pub(),
  'GET /campaigns/:id': pub({
    params: campaign,
    noObjectCheck: 'a draft or unknown id answers the plain app shell',
  }),
  'GET /i/:handle': pub({
    params: { handle: ['handle'] },
    noObjectCheck: 'a private or unknown handle answers the plain app shell',
  }),
  'HEAD /index.html': pub(),
  'GET /index.html': pub(),
  'GET /*': pub(),
  'GET /api/v1/public/stats': pub(),
  'GET /api/v1/public/campaigns': pub(),
  'GET /api/v1/public/campaigns/:id': pub({ params: campaign, visible: ['campaign'] }),
  'GET /api/v1/faq': pub(),
  'POST /api/v1/faq/questions': pub(),
  'GET /api/v1/dev/mail': pub(),
  'GET /api/v1/notification-preferences/unsubscribe': pub(),
  'POST /api/v1/notification-preferences/unsubscribe': pub(),

  // Account: its own routes, before and after sign-in.
  'POST /api/v1/auth/second-factor': pub(),
  'GET /api/v1/auth/second-factor': { callers: signedIn },
  'POST /api/v1/auth/second-factor/setup': pub(),
  'POST /api/v1/auth/second-factor/enable': pub(),
  'POST /api/v1/auth/second-factor/recovery-codes': pub(),
  'POST /api/v1/auth/register': pub(),
  'POST /api/v1/auth/login': pub(),
  'POST /api/v1/auth/logout': pub(),
  'GET /api/v1/auth/me': { callers: signedIn },
  'PATCH /api/v1/auth/me': { callers: signedIn, body: () => ({ locale: 'en' }) },
  'POST /api/v1/auth/verify-email': pub(),
  'POST /api/v1/auth/verify-email/resend': { callers: signedIn },
  'POST /api/v1/auth/password-reset/request': pub(),
  'POST /api/v1/auth/password-reset/confirm': pub(),
  'POST /api/v1/auth/password': {
    callers: signedIn,
    body: () => ({ currentPassword: 'not-the-password-1', newPassword: 'amber-quarry-whistle-77' }),
  },
  'GET /api/v1/events': { callers: signedIn, stream: true },
  'GET /api/v1/notifications': { callers: signedIn },
  'POST /api/v1/notifications/read': { callers: signedIn, body: (o) => ({ ids: [o.notification] }) },
  'GET /api/v1/notification-preferences': { callers: signedIn },
  'PUT /api/v1/notification-preferences': {
    callers: signedIn,
    body: () => ({ email: { new_messages: true } }),
  },

  // Businesses and influencers.
  'GET /api/v1/business-profile': { callers: biz },
  'PUT /api/v1/business-profile': {
    callers: biz,
    body: () => ({
      companyName: 'Intruder Ltd',
      industry: 'tech',
      description: 'We test things.',
      country: 'SK',
    }),
  },
  'GET /api/v1/businesses/:id': { callers: signedIn, params: { id: ['business'] }, visible: ['business'] },
  'GET /api/v1/businesses/:id/reviews': {
    callers: signedIn,
    params: { id: ['business'] },
    visible: ['business'],
  },
  'GET /api/v1/influencer-profile': { callers: inf },
  'PUT /api/v1/influencer-profile': {
    callers: inf,
    body: () => ({ displayName: 'Intruder', handle: `intruder_${Date.now().toString(36)}` }),
  },
  'POST /api/v1/influencer-profile/social-accounts': {
    callers: inf,
    body: () => ({
      network: 'tiktok',
      handle: 'x',
      url: 'https://tiktok.com/@x',
      followers: 10,
      engagementRate: 1,
    }),
  },
  'PATCH /api/v1/influencer-profile/social-accounts/:id': {
    callers: inf,
    params: { id: ['socialAccount'] },
    body: () => ({ followers: 1 }),
  },
  'DELETE /api/v1/influencer-profile/social-accounts/:id': {
    callers: inf,
    params: { id: ['socialAccount'] },
  },
  'POST /api/v1/influencer-profile/portfolio': { callers: inf, body: () => ({ title: 'Intruder work' }) },
  'PATCH /api/v1/influencer-profile/portfolio/:id': {
    callers: inf,
    params: { id: ['portfolio'] },
    body: () => ({ title: 'Hijacked' }),
  },
  'DELETE /api/v1/influencer-profile/portfolio/:id': { callers: inf, params: { id: ['portfolio'] } },
  'POST /api/v1/influencer-profile/insights': {
    callers: inf,
    body: (o) => ({
      socialAccountId: o.socialAccount,
      asOf: '2026-01-31',
      periodDays: 30,
      uploadIds: [o.upload],
    }),
  },
  'PATCH /api/v1/influencer-profile/insights/:id': {
    callers: inf,
    params: { id: ['insight'] },
    body: () => ({ reach: 1 }),
  },
  'DELETE /api/v1/influencer-profile/insights/:id': { callers: inf, params: { id: ['insight'] } },
  'GET /api/v1/influencers': { callers: ['business', 'admin'] },
  'GET /api/v1/influencers/:handle': profileRule,
  'GET /api/v1/influencers/:handle/reviews': profileRule,
  'POST /api/v1/influencers/:handle/invitations': {
    callers: biz,
    noObjectCheck: 'any business may invite any listed influencer (the campaign in the body is its own)',
    body: (o) => ({ campaignId: o.campaign, message: 'Join us' }),
  },
  'GET /api/v1/invitations/mine': { callers: inf },

  // Campaigns and offers.
  'POST /api/v1/campaigns': { callers: biz, body: () => completeCampaign() },
  'GET /api/v1/campaigns/mine': { callers: biz },
  'GET /api/v1/campaigns': { callers: signedIn },
  'GET /api/v1/campaigns/:id': { callers: signedIn, params: campaign, visible: ['campaign'] },
  'PATCH /api/v1/campaigns/:id': {
    callers: biz,
    params: campaign,
    body: () => ({ brief: 'Hijacked brief.' }),
  },
  'DELETE /api/v1/campaigns/:id': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/duplicate': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/publish': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/pause': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/resume': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/close': { callers: biz, params: campaign },
  'POST /api/v1/campaigns/:id/offers': {
    callers: inf,
    params: campaign,
    visible: ['campaign'],
    body: () => ({
      pitch: 'Let me in.',
      deliverables: completeCampaign().deliverables,
      price: { amount: 1, currency: 'EUR' },
    }),
  },
  'GET /api/v1/campaigns/:id/offers': { callers: biz, params: campaign },
  'GET /api/v1/offers/mine': { callers: inf },
  'GET /api/v1/offers/:id': { callers: signedIn, params: { id: ['offer'] } },
  'POST /api/v1/offers/:id/shortlist': { callers: biz, params: { id: ['offer'] } },
  'POST /api/v1/offers/:id/accept': { callers: biz, params: { id: ['offer'] } },
  'POST /api/v1/offers/:id/reject': {
    callers: biz,
    params: { id: ['offer'] },
    body: () => ({ reason: 'No.' }),
  },
  'POST /api/v1/offers/:id/withdraw': { callers: inf, params: { id: ['offer'] } },

  // Threads.
  'GET /api/v1/conversations': { callers: signedIn },
  'GET /api/v1/conversations/:id': { callers: signedIn, params: { id: ['conversation'] } },
  'GET /api/v1/conversations/:id/messages': { callers: signedIn, params: { id: ['conversation'] } },
  'POST /api/v1/conversations/:id/messages': {
    callers: signedIn,
    params: { id: ['conversation'] },
    body: () => ({ body: 'Intruding', clientId: newClientId() }),
  },
  'POST /api/v1/conversations/:id/read': {
    callers: signedIn,
    params: { id: ['conversation'] },
    body: (o) => ({ upTo: o.message }),
  },

  // Collaborations and reviews.
  'GET /api/v1/collaborations': { callers: signedIn },
  'GET /api/v1/collaborations/:id': { callers: signedIn, params: collab },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/proof': {
    callers: inf,
    params: line,
    body: () => ({ url: 'https://www.instagram.com/p/intruder/' }),
  },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/approve': { callers: biz, params: line },
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/request-changes': {
    callers: biz,
    params: line,
    body: () => ({ note: 'Redo it.' }),
  },
  'POST /api/v1/collaborations/:id/amendments': {
    callers: sides,
    params: collab,
    body: () => ({ changes: { publishDate: daysFromNow(20) } }),
  },
  'POST /api/v1/collaborations/:id/amendments/:aid/accept': { callers: sides, params: amend },
  'POST /api/v1/collaborations/:id/amendments/:aid/decline': { callers: sides, params: amend },
  'POST /api/v1/collaborations/:id/amendments/:aid/withdraw': { callers: sides, params: amend },
  'POST /api/v1/collaborations/:id/cancel': { callers: sides, params: collab, body: () => note },
  'DELETE /api/v1/collaborations/:id/cancel': { callers: sides, params: collab },
  'POST /api/v1/collaborations/:id/reviews': {
    callers: signedIn,
    params: collab,
    body: () => ({ rating: 1, text: 'Never worked with them.' }),
  },
  'GET /api/v1/collaborations/:id/reviews': { callers: signedIn, params: collab },

  // Uploads and reports.
  'POST /api/v1/uploads': { callers: signedIn },
  'GET /api/v1/uploads/:id': {
    callers: 'public',
    params: { id: ['upload', 'attachment', 'proof'] },
  },
  'POST /api/v1/reports': {
    callers: sides,
    body: (o) => ({ againstUserId: o.business, category: 'fraud', description: 'They never answered me.' }),
  },
  'GET /api/v1/reports/mine': { callers: signedIn },
  'GET /api/v1/reports/:id': { callers: signedIn, params: { id: ['report'] } },
  'POST /api/v1/reports/:id/messages': {
    callers: signedIn,
    params: { id: ['report'] },
    adminActs: true,
    body: () => ({ body: 'Intruding on the report.' }),
  },

  // The admin console.
  'GET /api/v1/admin/users': { callers: admin },
  'GET /api/v1/admin/users/:id': { callers: admin, params: { id: ['business'] } },
  'POST /api/v1/admin/users/:id/warn': {
    callers: admin,
    params: { id: ['business'] },
    body: () => ({ message: 'Warned.' }),
  },
  'POST /api/v1/admin/users/:id/suspend': { callers: admin, params: { id: ['business'] }, body: () => note },
  'POST /api/v1/admin/users/:id/reinstate': {
    callers: admin,
    params: { id: ['business'] },
    body: () => note,
  },
  'GET /api/v1/admin/campaigns': { callers: admin },
  'POST /api/v1/admin/campaigns/:id/unpublish': {
    callers: admin,
    params: { id: ['campaign'] },
    body: () => note,
  },
  'GET /api/v1/admin/audit-log': { callers: admin },
  'GET /api/v1/admin/stats': { callers: admin },
  'GET /api/v1/admin/reports': { callers: admin },
  'GET /api/v1/admin/reports/:id': { callers: admin, params: { id: ['report'] } },
  'POST /api/v1/admin/reports/:id/resolve': {
    callers: admin,
    params: { id: ['report'] },
    body: () => ({ outcome: 'suspension', note: 'Suspended.' }),
  },
  'GET /api/v1/admin/faq/questions': { callers: admin },
  'POST /api/v1/admin/faq/questions/:id/answer': {
    callers: admin,
    params: { id: ['faqQuestion'] },
    body: () => ({ answer: 'An answer.', publish: true }),
  },
  'POST /api/v1/admin/faq/questions/:id/dismiss': { callers: admin, params: { id: ['faqQuestion'] } },
  'GET /api/v1/admin/faq/entries': { callers: admin },
  'POST /api/v1/admin/faq/entries': {
    callers: admin,
    body: () => ({
      locale: 'en',
      group: 'basics',
      question: 'Injected question?',
      answer: 'Injected.',
      published: true,
    }),
  },
  'PATCH /api/v1/admin/faq/entries/:id': {
    callers: admin,
    params: { id: ['faqEntry'] },
    body: () => ({ answer: 'Hijacked.', published: true }),
  },
  'DELETE /api/v1/admin/faq/entries/:id': { callers: admin, params: { id: ['faqEntry'] } },
};

/** The path parameters a route's URL names, in order. */
export const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);

/** The URL with the given ids in place of its parameters. */
export const fill = (url: string, ids: Record<string, string>) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(ids[name] ?? 'missing'));

export const isAdminRoute = (url: string) => url.startsWith('/api/v1/admin/');
