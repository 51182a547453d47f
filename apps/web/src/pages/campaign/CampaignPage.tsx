import { Anchor, Button, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { CampaignView } from './CampaignView.tsx';
import { OfferSection } from './offer-form/OfferSection.tsx';
import { useCampaign } from './use-campaign.ts';

/** /campaigns/:id — one campaign as a signed-in user sees it; influencers get the offer section. */
export function CampaignPage() {
  const { m } = useI18n();
  const { id } = useParams();
  const query = useCampaign(id);
  const { user } = useSession();
  usePageTitle(query.data?.name ?? m.campaigns.nav.campaigns);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const campaign = query.data;
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between">
        <Anchor component={Link} to="/campaigns">
          ← {m.campaigns.campaignPage.back}
        </Anchor>
        <Group gap="xs">
          {/* duplicate: the server's owner-only ability, also on closed campaigns */}
          {campaign.abilities.duplicate && campaign.status !== 'draft' ? (
            <Button component={Link} to={`/campaigns/${campaign.id}/offers`}>
              {m.offerReview.links.review}
            </Button>
          ) : null}
          {campaign.abilities.edit ? (
            <Button component={Link} to={`/campaigns/${campaign.id}/edit`} variant="default">
              {m.campaigns.campaignPage.edit}
            </Button>
          ) : null}
        </Group>
      </Group>
      <CampaignView campaign={campaign} />
      {user?.role === 'influencer' ? (
        <OfferSection key={campaign.id} campaign={campaign} user={user} />
      ) : null}
    </Stack>
  );
}
