import { completeCampaign, completeProfile } from '../factories/campaigns.ts';
import { newClientId } from '../factories/conversations.ts';
import type { Attempt } from './attempts.ts';
import { fill } from './route-table.ts';
import type { Objects, Side, World } from './world.ts';

/** An id of the other side's in a BODY, on a route the caller may use on its own objects: attaching
 * someone else's upload, reporting on someone else's collaboration, inviting to someone else's
 * campaign. Refused exactly as an unknown id is (400 `upload_unknown` for an upload, as decision
 * 008 says; 404 for an object), and nothing stored; marking someone else's notifications read is
 * ignored (204, nothing changes). */
interface BodyRef {
  by: 'biz' | 'inf';
  label: string;
  path?: (own: Objects) => Record<string, string>;
  body: (own: Objects, foreign: Objects) => unknown;
  expected?: number;
}

const msg = (extra: object) => ({ body: 'Look at this', clientId: newClientId(), ...extra });
const insight = (socialAccountId: string, upload: string) => ({
  socialAccountId,
  asOf: '2026-02-28',
  periodDays: 30,
  uploadIds: [upload],
});
const report = (extra: object) => ({ category: 'fraud', description: 'They never answered me.', ...extra });

export const BODY_REFS: Record<string, BodyRef[]> = {
  'POST /api/v1/conversations/:id/messages': [
    {
      by: 'inf',
      label: 'attachment: their upload',
      path: (o) => ({ id: o.conversation }),
      body: (_, f) => msg({ attachmentIds: [f.upload] }),
    },
    {
      by: 'biz',
      label: 'attachment: their attachment',
      path: (o) => ({ id: o.conversation }),
      body: (_, f) => msg({ attachmentIds: [f.attachment] }),
    },
    {
      by: 'biz',
      label: 'attachment: their avatar',
      path: (o) => ({ id: o.conversation }),
      body: (_, f) => msg({ attachmentIds: [f.avatar] }),
    },
  ],
  'POST /api/v1/conversations/:id/read': [
    {
      by: 'biz',
      label: 'upTo: their message',
      path: (o) => ({ id: o.conversation }),
      body: (_, f) => ({ upTo: f.message }),
    },
  ],
  'POST /api/v1/collaborations/:id/deliverables/:deliverableId/proof': [
    {
      by: 'inf',
      label: 'proof: their upload',
      path: (o) => ({ id: o.collaboration, deliverableId: o.openDeliverable }),
      body: (_, f) => ({ uploadIds: [f.upload] }),
    },
    {
      by: 'inf',
      label: 'proof: their proof',
      path: (o) => ({ id: o.collaboration, deliverableId: o.openDeliverable }),
      body: (_, f) => ({ uploadIds: [f.proof] }),
    },
  ],
  'POST /api/v1/influencer-profile/portfolio': [
    { by: 'inf', label: 'their upload', body: (_, f) => ({ title: 'Mine', uploadIds: [f.upload] }) },
    { by: 'inf', label: 'their avatar', body: (_, f) => ({ title: 'Mine', uploadIds: [f.avatar] }) },
  ],
  'POST /api/v1/influencer-profile/insights': [
    { by: 'inf', label: 'their social account', body: (o, f) => insight(f.socialAccount, o.upload) },
    { by: 'inf', label: 'their screenshot', body: (o, f) => insight(o.socialAccount, f.upload) },
  ],
  'PATCH /api/v1/influencer-profile/insights/:id': [
    {
      by: 'inf',
      label: 'their social account',
      path: (o) => ({ id: o.insight }),
      body: (_, f) => ({ socialAccountId: f.socialAccount }),
    },
    {
      by: 'inf',
      label: 'their screenshot',
      path: (o) => ({ id: o.insight }),
      body: (_, f) => ({ uploadIds: [f.proof] }),
    },
  ],
  'PUT /api/v1/influencer-profile': [
    { by: 'inf', label: 'avatar: their upload', body: (_, f) => ({ avatarUploadId: f.upload }) },
  ],
  'PUT /api/v1/business-profile': [
    {
      by: 'biz',
      label: 'logo: their upload',
      body: (_, f) => ({ ...completeProfile, logoUploadId: f.upload }),
    },
  ],
  'POST /api/v1/campaigns': [
    {
      by: 'biz',
      label: 'cover: their upload',
      body: (_, f) => completeCampaign({ coverUploadId: f.attachment }),
    },
  ],
  'PATCH /api/v1/campaigns/:id': [
    {
      by: 'biz',
      label: 'cover: their upload',
      path: (o) => ({ id: o.draft }),
      body: (_, f) => ({ coverUploadId: f.upload }),
    },
  ],
  'POST /api/v1/reports': [
    {
      by: 'inf',
      label: 'their collaboration',
      body: (o, f) => report({ againstUserId: o.business, collaborationId: f.collaboration }),
    },
    {
      by: 'biz',
      label: 'their thread',
      body: (o, f) => report({ againstUserId: o.influencer, conversationId: f.conversation }),
    },
    { by: 'inf', label: 'a stranger', body: (_, f) => report({ againstUserId: f.business }) },
    {
      by: 'inf',
      label: 'evidence: their upload',
      body: (o, f) =>
        report({
          againstUserId: o.business,
          collaborationId: o.collaboration,
          evidenceUploadIds: [f.upload],
        }),
    },
  ],
  'POST /api/v1/influencers/:handle/invitations': [
    {
      by: 'biz',
      label: 'their campaign',
      path: (o) => ({ handle: o.handle }),
      body: (_, f) => ({ campaignId: f.campaign, message: 'Join' }),
    },
  ],
  'POST /api/v1/notifications/read': [
    { by: 'biz', label: 'their notification', body: (_, f) => ({ ids: [f.notification] }), expected: 204 },
  ],
};

/** Stands for "answered exactly as the same body with unknown ids" (status, error code, fields). */
export const AS_UNKNOWN = -1;
export const UNKNOWN_TWIN = ' [unknown ids]';

/** Every kind mapped to an id nothing has. */
const unknownObjects = new Proxy({} as Objects, { get: () => 'z000000000000000unknown' });

/** The body-reference attempts of one route, as each side's business or influencer: with the other
 * side's ids, and the same body with unknown ids (the two answers must not tell them apart). */
export function bodyRefAttempts(method: string, url: string, world: World): Attempt[] {
  const refs = BODY_REFS[`${method} ${url}`] ?? [];
  return refs.flatMap((ref) =>
    (['A', 'B'] as Side[]).flatMap((side): Attempt[] => {
      const own = world.sides[side];
      const foreign = world.sides[side === 'A' ? 'B' : 'A'];
      const base = {
        level: 'body' as const,
        actor: `${ref.by}${side}` as Attempt['actor'],
        url: fill(url, ref.path?.(own) ?? {}),
        expected: ref.expected ?? AS_UNKNOWN,
      };
      return [
        { ...base, ids: ref.label, body: ref.body(own, foreign) },
        { ...base, ids: `${ref.label}${UNKNOWN_TWIN}`, body: ref.body(own, unknownObjects) },
      ];
    }),
  );
}
