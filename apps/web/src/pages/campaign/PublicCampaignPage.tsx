import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { api } from '../../api/index.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useUrlLocale } from '../../i18n/use-url-locale.ts';
import { signInPathFor } from '../../session/redirects.ts';
import { useSession } from '../../session/use-session.ts';
import { CampaignPage } from './CampaignPage.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** /campaigns/:id for a visitor: the published campaign's teaser and a call to sign up for the rest. */
export function PublicCampaignPage() {
  useUrlLocale();
  const { m, format } = useI18n();
  const t = m.campaigns;
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useQuery({
    queryKey: ['campaigns', 'public-one', id],
    queryFn: ({ signal }) => api.campaigns.getPublic(id, signal),
    enabled: Boolean(id),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
  usePageTitle(query.data?.name ?? t.discovery.publicTitle);
  const signIn = signInPathFor(location);
  const back = (
    <Anchor component={Link} to="/campaigns">
      ← {t.campaignPage.back}
    </Anchor>
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Stack gap="lg" maw={900}>
          {back}
          <Alert variant="light" color="gray" title={t.view.notOpen}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t.campaignPage.teaserNotFound}</Text>
              <Anchor component={Link} to={signIn}>
                {t.campaignPage.teaserSignIn}
              </Anchor>
            </Stack>
          </Alert>
        </Stack>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const c = query.data;
  return (
    <Stack gap="lg" maw={900}>
      {back}
      <Stack gap={6} component="article" aria-labelledby="campaign-title">
        {c.coverUrl ? (
          <Image src={c.coverUrl} alt={t.view.coverAlt(c.name)} h={240} radius="md" fit="cover" mb="sm" />
        ) : null}
        <Group gap="xs">
          <Badge variant="light">{t.categories[c.category]}</Badge>
          <Badge variant="outline">{t.compensation[c.compensationType]}</Badge>
        </Group>
        <Title order={1} id="campaign-title">
          {c.name}
        </Title>
        <Text c="dimmed">{t.view.by(c.business.name)}</Text>
        <Paper withBorder p="lg" radius="md" mt="md">
          <Title order={2} size="h4" mb="sm">
            {t.campaignPage.teaserDetails}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Fact label={t.discovery.category}>{t.categories[c.category]}</Fact>
            <Fact label={t.view.compensation}>{t.compensation[c.compensationType]}</Fact>
            <Fact label={t.view.networks}>{c.networks.map((n) => t.networks[n]).join(', ')}</Fact>
            <Fact label={t.view.tiers}>{c.tiers.map((x) => t.tiers[x]).join(', ')}</Fact>
            <Fact label={t.view.deadline}>{format.date(c.applicationDeadline)}</Fact>
          </SimpleGrid>
        </Paper>
      </Stack>
      <Paper withBorder p="lg" radius="md" bg="var(--mantine-color-blue-light)" component="section">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            {t.campaignPage.teaserCall}
          </Title>
          <Group gap="md">
            <Button component={Link} to="/sign-up?role=influencer">
              {t.campaignPage.teaserSignUp}
            </Button>
            <Anchor component={Link} to={signIn}>
              {t.campaignPage.teaserSignIn}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** /campaigns/:id — the full campaign page for a signed-in user, the public teaser for a visitor. */
export function CampaignRoute() {
  const { user, isError, error, refetch } = useSession();
  if (user === undefined) {
    return isError ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PageLoader />;
  }
  return user ? <CampaignPage /> : <PublicCampaignPage />;
}
