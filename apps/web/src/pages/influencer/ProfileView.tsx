import { ageBuckets, genders, type InfluencerProfile } from '@bextr/contracts';
import {
  Anchor,
  Avatar,
  Badge,
  Group,
  Image,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { api } from '../../api/index.ts';
import { ReceivedReviews } from '../../components/ReviewList.tsx';
import { StarRating } from '../../components/StarRating.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { countryName, languageName } from '../campaign/options.ts';
import { InviteButton } from '../influencers/InviteModal.tsx';

/** One accessible bar per share: a labelled meter with its percentage written out. */
function Bars({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  return (
    <Stack gap={6}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {rows.map((row) => (
        <div key={row.label}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{row.label}</Text>
            <Text size="sm" fw={600}>
              {row.value} %
            </Text>
          </Group>
          <Progress value={row.value} aria-label={`${title}: ${row.label}`} size="md" />
        </div>
      ))}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** A profile as a business (or a visitor of a public page) reads it. */
export function ProfileView({ profile }: { profile: InfluencerProfile }) {
  const { m, locale, format } = useI18n();
  const t = m.influencers.view;
  const name = profile.displayName ?? profile.handle ?? '';
  const a = profile.audience;
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="header">
        <Group gap="lg" align="flex-start" wrap="wrap">
          <Avatar src={profile.avatar?.thumbUrl ?? null} alt={t.avatarOf(name)} size={96} radius="xl" />
          <Stack gap={4} style={{ flex: 1, minWidth: 200 }}>
            <Title order={1}>{name}</Title>
            <StarRating rating={profile.rating} />
            <Text c="dimmed">
              @{profile.handle}
              {profile.city || profile.country
                ? ` · ${[profile.city, profile.country ? countryName(locale, profile.country) : null].filter(Boolean).join(', ')}`
                : ''}
            </Text>
            <Group gap="xs">
              {profile.tier ? <Badge>{m.campaigns.tiers[profile.tier]}</Badge> : null}
              {profile.categories.map((c) => (
                <Badge key={c} variant="light">
                  {m.campaigns.categories[c]}
                </Badge>
              ))}
            </Group>
            <Text size="sm">{profile.languages.map((l) => languageName(locale, l)).join(', ')}</Text>
          </Stack>
          {profile.abilities.invite && profile.handle ? (
            <InviteButton handle={profile.handle} name={name} />
          ) : null}
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t.followers} value={format.number(profile.followers)} />
        <Stat label={t.totalFollowers} value={format.number(profile.totalFollowers)} />
        <Stat label={t.engagement} value={`${format.number(profile.engagementRate)} %`} />
      </SimpleGrid>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="about-title">
        <Title order={2} size="h4" id="about-title" mb="sm">
          {t.about}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{profile.bio}</Text>
        <Title order={3} size="h5" mt="md" mb="xs">
          {t.networks}
        </Title>
        <Stack gap={4}>
          {profile.socialAccounts.map((s) => (
            <Text key={s.id} size="sm">
              <Anchor href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                {m.campaigns.networks[s.network]} · {s.handle}
              </Anchor>{' '}
              — {m.influencers.directory.followers(format.number(s.followers))},{' '}
              {m.influencers.directory.engagement(format.number(s.engagementRate))}
            </Text>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="audience-title">
        <Title order={2} size="h4" id="audience-title" mb="sm">
          {t.audience}
        </Title>
        {a ? (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <Bars
              title={t.gender}
              rows={genders.map((g) => ({ label: m.influencers.audience[g], value: a.gender[g] }))}
            />
            <Bars title={t.ages} rows={ageBuckets.map((b) => ({ label: b, value: a.ages[b] }))} />
            <Bars
              title={t.countries}
              rows={a.countries.map((c) => ({ label: countryName(locale, c.country), value: c.share }))}
            />
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t.noAudience}</Text>
        )}
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="portfolio-title">
        <Title order={2} size="h4" id="portfolio-title" mb="sm">
          {t.portfolio}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {profile.portfolio.map((item) => (
            <Paper key={item.id} withBorder radius="md" p="sm" component="article">
              <Stack gap={6}>
                {item.images[0] ? (
                  <Image
                    src={item.images[0].url}
                    alt={t.imageOf(item.title)}
                    h={160}
                    radius="sm"
                    fit="cover"
                  />
                ) : null}
                <Text fw={600}>{item.title}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    item.brand,
                    item.network ? m.campaigns.networks[item.network] : null,
                    item.date ? format.date(item.date) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {item.description ? <Text size="sm">{item.description}</Text> : null}
                {item.url ? (
                  <Anchor href={item.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                    {t.openLink}
                  </Anchor>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="insights-title">
        <Title order={2} size="h4" id="insights-title" mb="sm">
          {t.insights}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {profile.insights.map((i) => (
            <Paper key={i.id} withBorder radius="md" p="sm" component="article">
              <Stack gap={6}>
                <Text fw={600}>
                  {m.campaigns.networks[i.network]} ·{' '}
                  {m.influencers.insights.summary(i.periodDays, format.date(i.asOf))}
                </Text>
                <Text size="sm">
                  {[
                    i.reach !== null ? `${m.influencers.insights.reach}: ${format.number(i.reach)}` : null,
                    i.impressions !== null
                      ? `${m.influencers.insights.impressions}: ${format.number(i.impressions)}`
                      : null,
                    i.engagement !== null
                      ? `${m.influencers.insights.engagement}: ${format.number(i.engagement)}`
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Group gap="xs">
                  {i.screenshots.map((s) => (
                    <Anchor key={s.id} href={s.url} target="_blank">
                      <Image
                        src={s.thumbUrl}
                        alt={t.screenshotOf(m.campaigns.networks[i.network])}
                        w={140}
                        radius="sm"
                      />
                    </Anchor>
                  ))}
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Paper>
      {profile.rateCard.length > 0 ? (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="rates-title">
          <Title order={2} size="h4" id="rates-title" mb="sm">
            {t.rateCard}
          </Title>
          <Table>
            <Table.Tbody>
              {profile.rateCard.map((r) => (
                <Table.Tr key={r.type}>
                  <Table.Td>{m.campaigns.deliverableTypes[r.type]}</Table.Td>
                  <Table.Td>{format.money(r.price)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {profile.handle ? (
        <ReceivedReviews
          headingId="reviews-title"
          queryKey={['influencers', profile.handle, 'reviews']}
          fetchPage={(cursor, signal) =>
            api.reviews.ofInfluencer(
              profile.handle ?? '',
              { limit: 10, ...(cursor ? { cursor } : {}) },
              signal,
            )
          }
        />
      ) : null}
    </Stack>
  );
}
