import {
  type Campaign,
  type CampaignSearchQuery,
  type CampaignTeaser,
  campaignSearchQuerySchema,
} from '@bextr/contracts';
import { Anchor, Badge, Button, Group, Image, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { DateField } from '../../components/DateField.tsx';
import { FilterSelect, FiltersForm } from '../../components/filters-form.tsx';
import { validFilters } from '../../components/filters-query.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ResultsSection } from '../../components/section-results.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { type UrlFilters, useUrlFilterForm, useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useUrlLocale } from '../../i18n/use-url-locale.ts';
import { useSession } from '../../session/use-session.ts';
import {
  categoryOptions,
  compensationOptions,
  countryOptions,
  languageOptions,
  networkOptions,
  tierOptions,
} from '../campaign/options.ts';

const filterKeys = [
  'q',
  'category',
  'network',
  'tier',
  'compensation',
  'minAmount',
  'country',
  'language',
  'deadlineAfter',
  'sort',
] as const;
type Filters = UrlFilters<(typeof filterKeys)[number]>;

/** The URL's filters as an API query (the minimum amount in cents); what does not validate is left out. */
function queryFrom(filters: Filters): Partial<CampaignSearchQuery> {
  return validFilters(filterKeys, filters, campaignSearchQuerySchema.shape, {
    minAmount: (euros) => String(Math.round(Number(euros) * 100)),
  }) as Partial<CampaignSearchQuery>;
}

/** A card's cover image, when the campaign has one. */
function CardCover({ url, name }: { url: string | null | undefined; name: string }) {
  const { m } = useI18n();
  if (!url) return null;
  return <Image src={url} alt={m.campaigns.view.coverAlt(name)} h={140} radius="sm" fit="cover" />;
}

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const { m, format } = useI18n();
  const t = m.campaigns;
  const c = campaign.compensation;
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <CardCover url={campaign.coverUrl} name={campaign.name ?? ''} />
        <Group gap="xs">
          {campaign.category ? <Badge variant="light">{t.categories[campaign.category]}</Badge> : null}
          <Badge variant="outline">
            {c?.type === 'paid' ? format.money(c.amount) : t.compensation.barter}
          </Badge>
        </Group>
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
            {campaign.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t.view.by(campaign.business.name)} · {campaign.networks.map((n) => t.networks[n]).join(', ')}
        </Text>
        <Text size="sm" lineClamp={2}>
          {campaign.brief}
        </Text>
        <Text size="sm" fw={500}>
          {campaign.applicationDeadline
            ? t.discovery.deadline(format.date(campaign.applicationDeadline))
            : null}
        </Text>
      </Stack>
    </Paper>
  );
}

function TeaserCard({ campaign }: { campaign: CampaignTeaser }) {
  const { m, format } = useI18n();
  const t = m.campaigns;
  return (
    <Paper withBorder p="md" radius="md" component="article">
      <Stack gap={6}>
        <CardCover url={campaign.coverUrl} name={campaign.name} />
        <Group gap="xs">
          <Badge variant="light">{t.categories[campaign.category]}</Badge>
          <Badge variant="outline">{t.compensation[campaign.compensationType]}</Badge>
        </Group>
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
            {campaign.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t.view.by(campaign.business.name)} · {campaign.networks.map((n) => t.networks[n]).join(', ')}
        </Text>
        <Text size="sm">{campaign.tiers.map((x) => t.tiers[x]).join(', ')}</Text>
        <Text size="sm" fw={500}>
          {t.discovery.deadline(format.date(campaign.applicationDeadline))}
        </Text>
      </Stack>
    </Paper>
  );
}

function FilterForm({ initial, isPublic }: { initial: Filters; isPublic: boolean }) {
  const { m, locale } = useI18n();
  const t = m.campaigns.discovery;
  const form = useUrlFilterForm(filterKeys, initial);
  const sorts = ['newest', 'deadline', ...(isPublic ? [] : ['amount' as const]), 'relevance'] as const;
  return (
    <FiltersForm form={form} labels={t}>
      <FilterSelect
        filters={form}
        name="category"
        label={t.category}
        placeholder={t.any}
        data={categoryOptions(m)}
        searchable
      />
      <FilterSelect
        filters={form}
        name="network"
        label={t.network}
        placeholder={t.any}
        data={networkOptions(m)}
      />
      <FilterSelect filters={form} name="tier" label={t.tier} placeholder={t.any} data={tierOptions(m)} />
      <FilterSelect
        filters={form}
        name="compensation"
        label={t.compensation}
        placeholder={t.any}
        data={compensationOptions(m)}
      />
      {isPublic ? null : (
        <NumberInput
          label={t.minAmount}
          min={0}
          value={form.values.minAmount}
          onChange={form.set('minAmount')}
        />
      )}
      <FilterSelect
        filters={form}
        name="country"
        label={t.country}
        placeholder={t.any}
        data={countryOptions(locale)}
        searchable
      />
      <FilterSelect
        filters={form}
        name="language"
        label={t.language}
        placeholder={t.any}
        data={languageOptions(locale)}
        searchable
      />
      <DateField
        clearable
        label={t.deadlineAfter}
        value={form.values.deadlineAfter}
        onChange={form.set('deadlineAfter')}
      />
      <FilterSelect
        filters={form}
        name="sort"
        label={t.sort}
        data={sorts.map((s) => ({ value: s, label: t.sorts[s] }))}
        placeholder={t.sorts.newest}
      />
    </FiltersForm>
  );
}

function Results<T extends { id: string }>({
  queryKey,
  fetchPage,
  render,
}: {
  queryKey: unknown[];
  fetchPage: (cursor: string, signal: AbortSignal) => Promise<{ items: T[]; nextCursor: string | null }>;
  render: (item: T) => ReactNode;
}) {
  const { m } = useI18n();
  const t = m.campaigns.discovery;
  const pages = useCursorPages(queryKey, fetchPage);
  return (
    <ResultsSection
      pages={pages}
      // Each card sits in its own cell, so it keeps its natural height rather than stretching to the row's.
      renderItem={(item) => <div>{render(item)}</div>}
      empty={t.empty}
      loadMore={t.loadMore}
      aria-labelledby="results-title"
    >
      <Title order={2} size="h4" id="results-title" mb="sm">
        {t.results}
      </Title>
    </ResultsSection>
  );
}

/** /campaigns — discovery for signed-in users, the teaser for visitors. Filters live in the URL. */
export function DiscoveryPage() {
  useUrlLocale();
  const { m } = useI18n();
  const t = m.campaigns.discovery;
  const { user } = useSession();
  const { filters, paramsKey } = useUrlFilters(filterKeys);
  const query = queryFrom(filters);
  const isPublic = user === null;
  usePageTitle(isPublic ? t.publicTitle : t.title);
  if (user === undefined) return <PageLoader />;
  return (
    <Stack gap="lg">
      <PageHeader title={isPublic ? t.publicTitle : t.title} lead={isPublic ? t.publicLead : t.lead} />
      {isPublic ? (
        <Paper withBorder p="md" radius="md" bg="var(--mantine-color-blue-light)">
          <Group justify="space-between" wrap="wrap">
            <Text>{t.signUpText}</Text>
            <Button component={Link} to="/sign-up">
              {t.signUpCta}
            </Button>
          </Group>
        </Paper>
      ) : null}
      <FilterForm key={paramsKey} initial={filters} isPublic={isPublic} />
      {isPublic ? (
        <Results<CampaignTeaser>
          queryKey={['campaigns', 'public', query]}
          fetchPage={(cursor, signal) =>
            api.campaigns.searchPublic({ ...query, ...(cursor ? { cursor } : {}) }, signal)
          }
          render={(c) => <TeaserCard campaign={c} />}
        />
      ) : (
        <Results<Campaign>
          queryKey={['campaigns', 'search', query]}
          fetchPage={(cursor, signal) =>
            api.campaigns.search({ ...query, ...(cursor ? { cursor } : {}) }, signal)
          }
          render={(c) => <CampaignCard campaign={c} />}
        />
      )}
    </Stack>
  );
}
