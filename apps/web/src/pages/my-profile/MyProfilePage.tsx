import { completenessItems, type InfluencerProfile } from '@bextr/contracts';
import { Accordion, Alert, Anchor, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AccountsSection } from './AccountsSection.tsx';
import { AudienceSection } from './AudienceSection.tsx';
import { BasicsSection } from './BasicsSection.tsx';
import { InsightsSection } from './InsightsSection.tsx';
import { PortfolioSection } from './PortfolioSection.tsx';
import { RateCardSection } from './RateCardSection.tsx';
import { useMyProfile } from './use-my-profile.ts';

/** The completeness meter: how far along, and what is still missing (from the server). */
function CompletenessMeter({ profile }: { profile: InfluencerProfile }) {
  const { m } = useI18n();
  const t = m.influencers.completeness;
  const c = profile.completeness ?? { ready: false, missing: [] };
  const percent = Math.round(
    ((completenessItems.length - c.missing.length) / completenessItems.length) * 100,
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="completeness-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="completeness-title">
            {t.title}
          </Title>
          <Text fw={600}>{t.percent(percent)}</Text>
        </Group>
        <Progress value={percent} color={c.ready ? 'teal' : 'yellow'} aria-label={t.title} />
        {c.ready ? (
          <Alert color="teal" variant="light">
            {t.ready}
          </Alert>
        ) : (
          <div>
            <Text size="sm">{t.missingLead}</Text>
            <List size="sm" data-testid="missing-list">
              {c.missing.map((item) => (
                <List.Item key={item}>{t.items[item] ?? item}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** /profile — an influencer's onboarding: each step saves on its own; the meter says what is left. */
export function MyProfilePage() {
  const { m } = useI18n();
  const t = m.influencers.onboarding;
  usePageTitle(t.title);
  const query = useMyProfile();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const profile = query.data;
  const missing = new Set(profile.completeness?.missing ?? []);
  const steps = [
    {
      value: 'basics',
      label: t.steps.basics,
      done: !missing.has('basics'),
      body: <BasicsSection profile={profile} />,
    },
    {
      value: 'accounts',
      label: t.steps.accounts,
      done: !missing.has('social_accounts'),
      body: <AccountsSection profile={profile} />,
    },
    {
      value: 'audience',
      label: t.steps.audience,
      done: !missing.has('audience'),
      body: <AudienceSection profile={profile} />,
    },
    {
      value: 'portfolio',
      label: t.steps.portfolio,
      done: !missing.has('portfolio'),
      body: <PortfolioSection profile={profile} />,
    },
    {
      value: 'insights',
      label: t.steps.insights,
      done: !missing.has('insights'),
      body: <InsightsSection profile={profile} />,
    },
    {
      value: 'rate-card',
      label: t.steps.rateCard,
      done: profile.rateCard.length > 0,
      optional: true,
      body: <RateCardSection profile={profile} />,
    },
  ];
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Stack gap="lg" maw={900}>
        <CompletenessMeter profile={profile} />
        {profile.handle ? (
          <Anchor component={Link} to={`/influencers/${profile.handle}`}>
            {t.viewPublic}
          </Anchor>
        ) : null}
        <Accordion
          variant="separated"
          multiple
          defaultValue={[steps.find((s) => !s.done && !('optional' in s))?.value ?? 'basics']}
        >
          {steps.map((step, index) => (
            <Accordion.Item key={step.value} value={step.value}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>
                    {index + 1}. {step.label}
                  </Text>
                  <Text
                    size="sm"
                    c={
                      step.done
                        ? 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))'
                        : 'dimmed'
                    }
                  >
                    {step.done ? `✓ ${m.common.done}` : 'optional' in step ? t.optional : m.common.toDo}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>{step.body}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </>
  );
}
