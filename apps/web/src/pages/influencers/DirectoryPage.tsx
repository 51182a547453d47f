import {
  type InfluencerSearchQuery,
  type InfluencerSummary,
  influencerSearchQuerySchema,
  influencerSorts,
} from '@bextr/contracts';
import { Anchor, Avatar, Badge, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { FilterSelect, FiltersForm } from '../../components/filters-form.tsx';
import { validFilters } from '../../components/filters-query.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StarRating } from '../../components/StarRating.tsx';
import { ResultsSection } from '../../components/section-results.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { type UrlFilters, useUrlFilterForm, useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import {
  categoryOptions,
  countryOptions,
  languageOptions,
  networkOptions,
  tierOptions,
} from '../campaign/options.ts';
import { InviteButton } from './InviteModal.tsx';

const filterKeys = [
  'q',
  'category',
  'network',
  'tier',
  'minFollowers',
  'maxFollowers',
  'minEngagement',
  'country',
  'language',
  'sort',
] as const;
type Filters = UrlFilters<(typeof filterKeys)[number]>;

/** The URL's filters as an API query; what does not validate is left out. */
function queryFrom(filters: Filters): Partial<InfluencerSearchQuery> {
  return validFilters(
    filterKeys,
    filters,
    influencerSearchQuerySchema.shape,
  ) as Partial<InfluencerSearchQuery>;
}

function InfluencerCard({ item, canInvite }: { item: InfluencerSummary; canInvite: boolean }) {
  const { m, format } = useI18n();
  const t = m.influencers.directory;
  return (
    <Paper withBorder p="md" radius="md" component="article" h="100%">
      <Stack gap={8} h="100%">
        <Group gap="sm" wrap="nowrap">
          <Avatar
            src={item.avatar?.thumbUrl ?? null}
            alt={m.influencers.view.avatarOf(item.displayName)}
            size={56}
            radius="xl"
          />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              <Anchor component={Link} to={`/influencers/${item.handle}`}>
                {item.displayName}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed" truncate>
              @{item.handle}
            </Text>
          </Stack>
        </Group>
        <Group gap={6}>
          <Badge>{m.campaigns.tiers[item.tier]}</Badge>
          {item.categories.slice(0, 2).map((c) => (
            <Badge key={c} variant="light">
              {m.campaigns.categories[c]}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          {t.followers(format.number(item.followers))} · {t.engagement(format.number(item.engagementRate))}
        </Text>
        <StarRating rating={item.rating} />
        <Text size="sm" c="dimmed">
          {item.networks.map((n) => m.campaigns.networks[n]).join(', ')}
        </Text>
        <Text size="sm" lineClamp={2}>
          {item.bio}
        </Text>
        {canInvite ? (
          <InviteButton
            handle={item.handle}
            name={item.displayName}
            named
            variant="light"
            size="xs"
            mt="auto"
            w="fit-content"
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function FilterForm({ initial }: { initial: Filters }) {
  const { m, locale } = useI18n();
  const t = m.influencers.directory;
  const form = useUrlFilterForm(filterKeys, initial);
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
      <NumberInput
        label={t.minFollowers}
        min={0}
        thousandSeparator=" "
        value={form.values.minFollowers}
        onChange={form.set('minFollowers')}
      />
      <NumberInput
        label={t.maxFollowers}
        min={0}
        thousandSeparator=" "
        value={form.values.maxFollowers}
        onChange={form.set('maxFollowers')}
      />
      <NumberInput
        label={t.minEngagement}
        min={0}
        max={100}
        decimalScale={1}
        value={form.values.minEngagement}
        onChange={form.set('minEngagement')}
      />
      <FilterSelect
        filters={form}
        name="sort"
        label={t.sort}
        data={influencerSorts.map((s) => ({ value: s, label: t.sorts[s] }))}
        placeholder={t.sorts.followers}
      />
    </FiltersForm>
  );
}

/** /influencers — the directory for businesses and admins. Filters live in the URL. */
export function DirectoryPage() {
  const { m } = useI18n();
  const t = m.influencers.directory;
  usePageTitle(t.title);
  const { user } = useSession();
  const { filters, paramsKey } = useUrlFilters(filterKeys);
  const query = queryFrom(filters);
  const pages = useCursorPages(['influencers', query], (cursor, signal) =>
    api.influencers.search({ ...query, ...(cursor ? { cursor } : {}) }, signal),
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t.title} lead={t.lead} />
      <FilterForm key={paramsKey} initial={filters} />
      <ResultsSection
        pages={pages}
        renderItem={(item) => <InfluencerCard item={item} canInvite={user?.role === 'business'} />}
        empty={t.empty}
        loadMore={t.more}
        aria-label={t.title}
      />
    </Stack>
  );
}
