import type { User } from '@bextr/contracts';
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useBusinessProfile } from '../business-profile/use-business-profile.ts';
import { CollaborationsSection } from '../collaboration/CollaborationsPage.tsx';
import { useMyProfile } from '../my-profile/use-my-profile.ts';
import { useLatestOffers } from '../offers/offer-queries.ts';
import { MyReportsSection } from '../reports/MyReportsSection.tsx';
import { Checklist, type Step } from './Checklist.tsx';
import { Invitations, LatestOffers } from './InfluencerOffers.tsx';
import { MyCampaigns, useMyCampaigns } from './MyCampaigns.tsx';
import { VerifyEmailBanner } from './VerifyEmailBanner.tsx';

/** The dashboard of a business or an influencer: what to do next, and their campaigns, or their
 * latest offers and invitations. */
export function MemberDashboard({ user }: { user: User & { role: 'business' | 'influencer' } }) {
  const { m } = useI18n();
  const isBusiness = user.role === 'business';
  const profile = useBusinessProfile(isBusiness);
  const campaigns = useMyCampaigns(isBusiness);
  const influencerProfile = useMyProfile(!isBusiness);
  const latestOffers = useLatestOffers(!isBusiness);
  const hasPublished = (campaigns.data?.pages ?? []).some((page) =>
    page.items.some((c) => c.status !== 'draft'),
  );
  const steps: Step[] = [
    { label: m.dashboard.stepVerify, done: user.emailVerified },
    isBusiness
      ? { label: m.dashboard.businessProfileStep, done: profile.data?.completeness.complete ?? false }
      : {
          label: m.dashboard.influencerProfileStep,
          done: influencerProfile.data?.completeness?.ready ?? false,
        },
    isBusiness
      ? { label: m.dashboard.businessCampaignStep, done: hasPublished }
      : { label: m.dashboard.influencerOfferStep, done: (latestOffers.data?.items.length ?? 0) > 0 },
  ];
  return (
    <Stack gap="lg">
      {user.emailVerified ? null : <VerifyEmailBanner user={user} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="checklist-title">
          <Title order={2} size="h4" id="checklist-title" mb="md">
            {m.dashboard.checklistTitle}
          </Title>
          <Checklist steps={steps} />
        </Paper>
        {isBusiness ? <CollaborationsSection /> : <LatestOffers query={latestOffers} />}
      </SimpleGrid>
      {isBusiness ? null : <CollaborationsSection />}
      {isBusiness ? <MyCampaigns /> : <Invitations />}
      <MyReportsSection />
    </Stack>
  );
}
