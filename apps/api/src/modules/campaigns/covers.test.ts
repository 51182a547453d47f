import type { BusinessProfile, Campaign, CampaignTeaser } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import {
  buildBusinessWithProfile,
  buildDraftCampaign,
  buildPublishedCampaign,
  completeProfile,
} from '../../test/factories/campaigns.ts';
import { uploadImage } from '../../test/factories/uploads.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type CampaignBody = { campaign: Campaign };
type ProfileBody = { profile: BusinessProfile };
const CAMPAIGNS = '/api/v1/campaigns';
const PROFILE = '/api/v1/business-profile';

describe('campaign covers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it("400 upload_not_yours for someone else's upload, on create and on edit, in the user's language", async () => {
    const business = await buildBusinessWithProfile(t.app, { client: { lang: 'sk' } });
    const other = await buildInfluencer(t.app);
    const theirs = await uploadImage(other.client);
    const created = await business.client.post(CAMPAIGNS, { name: 'Cover', coverUploadId: theirs.id });
    expect(created.status).toBe(400);
    expect(created.body.error?.details?.fields).toEqual([
      {
        path: 'coverUploadId',
        code: 'upload_not_yours',
        message: 'Vyberte jeden zo svojich nahraných obrázkov.',
      },
    ]);
    const draft = await buildDraftCampaign(business.client);
    const edited = await business.client.patch(`${CAMPAIGNS}/${draft.id}`, { coverUploadId: theirs.id });
    expect(edited.status).toBe(400);
    expect(edited.body.error?.details?.fields?.[0]?.code).toBe('upload_not_yours');
    const unknown = await business.client.patch(`${CAMPAIGNS}/${draft.id}`, { coverUploadId: 'nope' });
    expect(unknown.status).toBe(400);
    const after = await business.client.get<CampaignBody>(`${CAMPAIGNS}/${draft.id}`);
    expect(after.body.campaign).toMatchObject({ coverUploadId: null, coverUrl: null });
  });

  it('a draft cover is the owner’s alone; once published an influencer and a visitor see it', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const cover = await uploadImage(business.client);
    const draft = await buildDraftCampaign(business.client, { coverUploadId: cover.id });
    expect(draft).toMatchObject({ coverUploadId: cover.id, coverUrl: cover.url });
    const influencer = await buildInfluencer(t.app);
    const otherBusiness = await buildBusiness(t.app);
    expect((await business.client.get(cover.url)).status).toBe(200);
    expect((await influencer.client.get(cover.url)).status).toBe(404);
    expect((await otherBusiness.client.get(cover.url)).status).toBe(404);
    expect((await browser(t.app).get(cover.url)).status).toBe(404);

    expect((await business.client.post(`${CAMPAIGNS}/${draft.id}/publish`)).status).toBe(200);
    expect((await influencer.client.get(cover.url)).status).toBe(200);
    expect((await influencer.client.get(cover.thumbUrl)).status).toBe(200);
    expect((await browser(t.app).get(cover.url)).status).toBe(200);
    const seen = await influencer.client.get<CampaignBody>(`${CAMPAIGNS}/${draft.id}`);
    expect(seen.body.campaign.coverUrl).toBe(cover.url);
    const teaser = await browser(t.app).get<{ campaign: CampaignTeaser }>(
      `/api/v1/public/campaigns/${draft.id}`,
    );
    expect(teaser.body.campaign.coverUrl).toBe(cover.url);

    // Paused: signed-in users still see the campaign and its cover; visitors no longer see either.
    expect((await business.client.post(`${CAMPAIGNS}/${draft.id}/pause`)).status).toBe(200);
    expect((await influencer.client.get(cover.url)).status).toBe(200);
    expect((await browser(t.app).get(cover.url)).status).toBe(404);
  });

  it('replacing or clearing the cover removes access to the old image', async () => {
    const { owner, campaign } = await buildPublishedCampaign(t.app);
    const first = await uploadImage(owner.client);
    const second = await uploadImage(owner.client);
    const influencer = await buildInfluencer(t.app);
    const url = `${CAMPAIGNS}/${campaign.id}`;
    expect((await owner.client.patch(url, { coverUploadId: first.id })).status).toBe(200);
    expect((await influencer.client.get(first.url)).status).toBe(200);
    const replaced = await owner.client.patch<CampaignBody>(url, { coverUploadId: second.id });
    expect(replaced.body.campaign.coverUrl).toBe(second.url);
    expect((await influencer.client.get(first.url)).status).toBe(404);
    expect((await influencer.client.get(second.url)).status).toBe(200);
    const cleared = await owner.client.patch<CampaignBody>(url, { coverUploadId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.campaign).toMatchObject({ coverUploadId: null, coverUrl: null });
    expect((await influencer.client.get(second.url)).status).toBe(404);
    expect((await browser(t.app).get(second.url)).status).toBe(404);
    expect((await owner.client.get(second.url)).status).toBe(200);
    const teaser = await browser(t.app).get<{ campaign: CampaignTeaser }>(
      `/api/v1/public/campaigns/${campaign.id}`,
    );
    expect(teaser.body.campaign.coverUrl).toBeUndefined();
  });

  it('a duplicate keeps the cover; deleting a draft removes its link', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const cover = await uploadImage(business.client);
    const { campaign } = await buildPublishedCampaign(t.app, {
      owner: business,
      campaign: { coverUploadId: cover.id },
    });
    const copy = await business.client.post<CampaignBody>(`${CAMPAIGNS}/${campaign.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.campaign.coverUrl).toBe(cover.url);
    expect((await business.client.delete(`${CAMPAIGNS}/${copy.body.campaign.id}`)).status).toBe(204);
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get(cover.url)).status).toBe(200);
  });
});

describe('business logos', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it("400 upload_not_yours for someone else's upload; the profile keeps its old logo", async () => {
    const business = await buildBusinessWithProfile(t.app);
    const mine = await uploadImage(business.client);
    const saved = await business.client.put<ProfileBody>(PROFILE, {
      ...completeProfile,
      logoUploadId: mine.id,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ logoUploadId: mine.id, logoUrl: mine.url });
    const stranger = await buildBusiness(t.app);
    const theirs = await uploadImage(stranger.client);
    const res = await business.client.put(PROFILE, { ...completeProfile, logoUploadId: theirs.id });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'logoUploadId', code: 'upload_not_yours', message: 'Choose one of your own uploaded images.' },
    ]);
    const again = await business.client.get<ProfileBody>(PROFILE);
    expect(again.body.profile.logoUploadId).toBe(mine.id);
  });

  it('signed-in users see a logo; visitors only once the business has a published campaign; clearing removes it', async () => {
    const business = await buildBusinessWithProfile(t.app);
    const logo = await uploadImage(business.client);
    await business.client.put(PROFILE, { ...completeProfile, logoUploadId: logo.id });
    const influencer = await buildInfluencer(t.app);
    expect((await influencer.client.get(logo.url)).status).toBe(200);
    expect((await browser(t.app).get(logo.url)).status).toBe(404);
    const publicFacts = await influencer.client.get<{ business: { logoUrl: string | null } }>(
      `/api/v1/businesses/${business.user.id}`,
    );
    expect(publicFacts.body.business.logoUrl).toBe(logo.url);

    const { campaign } = await buildPublishedCampaign(t.app, { owner: business });
    expect(campaign.business.logoUrl).toBe(logo.url);
    expect((await browser(t.app).get(logo.url)).status).toBe(200);

    // PUT replaces the whole profile: leaving the logo out clears it.
    const cleared = await business.client.put<ProfileBody>(PROFILE, completeProfile);
    expect(cleared.body.profile).toMatchObject({ logoUploadId: null, logoUrl: null });
    expect((await influencer.client.get(logo.url)).status).toBe(404);
    expect((await browser(t.app).get(logo.url)).status).toBe(404);
    expect((await business.client.get(logo.url)).status).toBe(200);
  });
});
