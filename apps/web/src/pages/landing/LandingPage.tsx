import { type LandingSide, landingContent } from '@bextr/contracts';
import {
  Anchor,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useUrlLocale } from '../../i18n/use-url-locale.ts';
import { useSession } from '../../session/use-session.ts';
import { usePublicStats } from './use-public-stats.ts';
import { BusinessVisual, InfluencerVisual } from './Visuals.tsx';

function Stats() {
  const { locale, m, format } = useI18n();
  const c = landingContent[locale].stats;
  const stats = usePublicStats();
  const figure = (value: number | null | undefined) =>
    value === null || value === undefined ? c.soon : format.number(value);
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="lg"
      aria-labelledby="stats-title"
      className="landing-stats"
    >
      <Title order={2} size="h4" id="stats-title" mb="sm">
        {c.title}
      </Title>
      {stats.isPending ? (
        <Stack gap="xs" role="status" aria-label={m.app.loading}>
          <Skeleton h={32} />
          <Skeleton h={32} />
        </Stack>
      ) : stats.isError ? (
        <Text size="sm" c="dimmed">
          {m.public.landing.statsUnavailable}
        </Text>
      ) : (
        <dl className="landing-figures">
          <div>
            <dt>{c.campaigns}</dt>
            <dd>{figure(stats.data.publishedCampaigns)}</dd>
          </div>
          <div>
            <dt>{c.influencers}</dt>
            <dd>{figure(stats.data.influencers)}</dd>
          </div>
        </dl>
      )}
    </Paper>
  );
}

function Side(props: {
  side: LandingSide;
  id: string;
  to: string;
  visual: ReactNode;
  primary?: boolean;
  signedIn: boolean;
}) {
  const { side } = props;
  return (
    <Paper component="section" withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} aria-labelledby={props.id}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={2} id={props.id}>
            {side.title}
          </Title>
          <Text size="lg">{side.lead}</Text>
          <List type="ordered" spacing="xs" className="landing-steps">
            {side.steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
          {props.signedIn ? null : (
            <Group mt="xs">
              <Button
                component={Link}
                to={props.to}
                variant={props.primary ? 'filled' : 'light'}
                className="wrap-button"
              >
                {side.cta}
              </Button>
            </Group>
          )}
        </Stack>
        {props.visual}
      </SimpleGrid>
    </Paper>
  );
}

/** "Why BeXtr?": what it is, both sides step by step, paid and barter, trust, live figures. */
export function LandingPage() {
  useUrlLocale();
  const { locale, m } = useI18n();
  const c = landingContent[locale];
  usePageTitle(c.hero.title);
  const { user } = useSession();
  const signedIn = Boolean(user);
  return (
    <Stack gap={48} py={{ base: 'sm', sm: 'xl' }}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }} component={Stack} className="landing-hero">
          <Title order={1} className="hero-title">
            {c.hero.title}
          </Title>
          <Text size="xl">{c.hero.lead}</Text>
          <Group gap="sm">
            {signedIn ? (
              <Button component={Link} to="/dashboard" size="md">
                {m.public.landing.goToDashboard}
              </Button>
            ) : (
              <>
                <Button component={Link} to="/sign-up?role=business" size="md" className="wrap-button">
                  {c.business.cta}
                </Button>
                <Button
                  component={Link}
                  to="/sign-up?role=influencer"
                  size="md"
                  variant="light"
                  className="wrap-button"
                >
                  {c.influencer.cta}
                </Button>
              </>
            )}
          </Group>
          <Text>
            <Anchor component={Link} to={locale === 'sk' ? '/faq?lang=sk' : '/faq'}>
              {c.hero.faqLink}
            </Anchor>
            {signedIn ? null : (
              <>
                {' · '}
                {m.public.landing.haveAccount}{' '}
                <Anchor component={Link} to="/sign-in">
                  {m.public.landing.signInLink}
                </Anchor>
              </>
            )}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stats />
        </Grid.Col>
      </Grid>

      <Side
        side={c.business}
        id="for-businesses"
        to="/sign-up?role=business"
        visual={<BusinessVisual />}
        primary
        signedIn={signedIn}
      />
      <Side
        side={c.influencer}
        id="for-influencers"
        to="/sign-up?role=influencer"
        visual={<InfluencerVisual />}
        signedIn={signedIn}
      />

      <section aria-labelledby="how-title">
        <Title order={2} id="how-title" mb="md">
          {c.howItWorks.title}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="ol" className="landing-flow">
          {c.howItWorks.steps.map((step, index) => (
            <Paper component="li" key={step.title} withBorder radius="md" p="md">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon radius="xl" size="lg" aria-hidden="true">
                  {index + 1}
                </ThemeIcon>
                <Title order={3} size="h4">
                  {step.title}
                </Title>
              </Group>
              <Text size="sm">{step.text}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="pay-title">
        <Title order={2} id="pay-title" mb="md">
          {c.compensation.title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {[c.compensation.paid, c.compensation.barter].map((item) => (
            <Paper key={item.title} withBorder radius="md" p="lg">
              <Title order={3} size="h4" mb="xs">
                {item.title}
              </Title>
              <Text>{item.text}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="trust-title">
        <Title order={2} id="trust-title" mb="md">
          {c.trust.title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {c.trust.items.map((item) => (
            <Paper key={item.title} withBorder radius="md" p="lg">
              <Title order={3} size="h4" mb="xs">
                {item.title}
              </Title>
              <Text>{item.text}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <Paper
        component="section"
        radius="lg"
        p="xl"
        className="landing-closing"
        aria-labelledby="closing-title"
      >
        <Title order={2} id="closing-title" mb="xs">
          {c.closing.title}
        </Title>
        <Text mb="md">{c.closing.text}</Text>
        {signedIn ? null : (
          <Group gap="sm">
            <Button component={Link} to="/sign-up?role=business" className="wrap-button">
              {c.business.cta}
            </Button>
            <Button component={Link} to="/sign-up?role=influencer" variant="default" className="wrap-button">
              {c.influencer.cta}
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
