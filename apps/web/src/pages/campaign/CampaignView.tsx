import type { Campaign } from '@bextr/contracts';
import { Badge, Group, Image, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Byline } from '../business/BusinessLink.tsx';
import { countryName, languageName, statusColor } from './options.ts';

/** The fields of a campaign an influencer reads. */
export type CampaignShown = Omit<
  Campaign,
  'id' | 'abilities' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'coverUploadId' | 'unpublished'
>;

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

/** A campaign as an influencer sees it: the campaign page and the editor's preview (`preview`: the
 * business's name is not a link there, the business may have no page yet). */
export function CampaignView({
  campaign,
  headingLevel = 1,
  preview = false,
}: {
  campaign: CampaignShown;
  headingLevel?: 1 | 2;
  preview?: boolean;
}) {
  const { m, locale, format } = useI18n();
  const t = m.campaigns;
  const notSet = (
    <Text span c="dimmed">
      {t.view.notSet}
    </Text>
  );
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : notSet);
  const c = campaign.compensation;
  const sub = headingLevel === 1 ? 2 : 3;
  const name = campaign.name || t.view.untitled;
  return (
    <Stack gap="lg">
      {campaign.coverUrl ? (
        <Image src={campaign.coverUrl} alt={t.view.coverAlt(name)} h={240} radius="md" fit="cover" />
      ) : null}
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={statusColor[campaign.status]} variant="dot">
            {t.statuses[campaign.status]}
          </Badge>
          {campaign.category ? <Badge variant="outline">{t.categories[campaign.category]}</Badge> : null}
          {campaign.status !== 'draft' ? (
            <Badge color={campaign.isOpen ? 'teal' : 'gray'} variant="dot">
              {campaign.isOpen ? t.view.open : t.view.notOpen}
            </Badge>
          ) : null}
        </Group>
        <Title order={headingLevel}>{name}</Title>
        <Group gap="xs" wrap="nowrap">
          {campaign.business.logoUrl ? (
            <Image
              src={campaign.business.logoUrl}
              alt={t.view.logoAlt(campaign.business.name)}
              w={32}
              h={32}
              radius="sm"
              fit="cover"
            />
          ) : null}
          <Text c="dimmed">
            {!preview && campaign.business.id ? (
              <Byline business={campaign.business} />
            ) : (
              t.view.by(campaign.business.name)
            )}
          </Text>
        </Group>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <Title order={sub} size="h4" mb="xs">
          {t.view.compensation}
        </Title>
        {c?.type === 'paid' ? (
          <Text size="xl" fw={700}>
            {format.money(c.amount)}{' '}
            <Text span c="dimmed" size="sm">
              {t.view.perInfluencer}
            </Text>
          </Text>
        ) : c?.type === 'barter' ? (
          <Text size="lg" fw={600}>
            {t.compensation.barter}: {c.description}
            {c.value ? (
              <Text span c="dimmed" size="sm">
                {' '}
                ({t.view.barterValue(format.money(c.value))})
              </Text>
            ) : null}
          </Text>
        ) : (
          notSet
        )}
      </Paper>
      <section>
        <Title order={sub} size="h4" mb="xs">
          {t.view.brief}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{campaign.brief || t.view.notSet}</Text>
      </section>
      <section>
        <Title order={sub} size="h4" mb="xs">
          {t.view.details}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t.view.tiers}>{list(campaign.tiers.map((x) => t.tiers[x]))}</Fact>
          <Fact label={t.view.networks}>{list(campaign.networks.map((x) => t.networks[x]))}</Fact>
          <Fact label={t.view.deadline}>
            {campaign.applicationDeadline ? format.date(campaign.applicationDeadline, 'long') : notSet}
          </Fact>
          <Fact label={t.view.window}>
            {campaign.startDate && campaign.endDate
              ? `${format.date(campaign.startDate)} – ${format.date(campaign.endDate)}`
              : notSet}
          </Fact>
          <Fact label={t.view.hours}>
            {campaign.estimatedHours ? t.view.hoursValue(campaign.estimatedHours) : notSet}
          </Fact>
          <Fact label={t.view.where}>
            {list([
              ...(campaign.remote ? [t.view.remote] : []),
              ...campaign.countries.map((code) => countryName(locale, code)),
            ])}
          </Fact>
          <Fact label={t.view.languages}>
            {list(campaign.languages.map((code) => languageName(locale, code)))}
          </Fact>
          <Fact label={t.view.slots}>
            {campaign.slots ? t.view.slotsValue(campaign.slotsFilled, campaign.slots) : notSet}
          </Fact>
        </SimpleGrid>
      </section>
      <section>
        <Title order={sub} size="h4" mb="xs">
          {t.view.deliverables}
        </Title>
        {campaign.deliverables.length > 0 ? (
          <List spacing={4}>
            {campaign.deliverables.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: deliverables have no id; the order is their identity
              <List.Item key={i}>
                {d.quantity} × {t.deliverableTypes[d.type]} · {t.networks[d.network]}
                {d.notes ? (
                  <Text span c="dimmed">
                    {' '}
                    — {d.notes}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : (
          notSet
        )}
      </section>
    </Stack>
  );
}
