import type { CollaborationListItem } from '@bextr/contracts';
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/index.ts';
import { DashboardSection } from '../../components/DashboardSection.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useCursorPages } from '../../components/use-cursor-pages.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../../session/use-session.ts';
import { CollaborationStatusBadge } from './CollaborationStatusBadge.tsx';
import { collaborationKeys } from './use-collaboration.ts';

export const collaborationPath = (id: string) => `/collaborations/${encodeURIComponent(id)}`;

/** One collaboration in a list: the campaign, the other side, its state and progress. */
export function CollaborationRow({ item, compact }: { item: CollaborationListItem; compact?: boolean }) {
  const { m, format } = useI18n();
  const t = m.collaborations;
  const { approved, total } = item.progress;
  return (
    <Paper component="li" withBorder p={compact ? 'sm' : 'md'} radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Title order={compact ? 3 : 2} size="h5" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={collaborationPath(item.id)} inherit>
                {item.campaignName}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t.list.with(item.otherParty.name)}
            </Text>
          </Stack>
          <CollaborationStatusBadge status={item.status} />
        </Group>
        <Group gap="sm" wrap="nowrap" align="center">
          <Progress
            value={total > 0 ? (approved / total) * 100 : 0}
            size="sm"
            style={{ flex: 1 }}
            aria-label={t.progress(approved, total)}
          />
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {t.progress(approved, total)}
          </Text>
        </Group>
        {item.pendingAmendment || item.cancelRequested || !compact ? (
          <Group gap="xs">
            {item.pendingAmendment ? (
              <Badge variant="outline" color="violet">
                {t.list.changeProposed}
              </Badge>
            ) : null}
            {item.cancelRequested ? (
              <Badge variant="outline" color="red.9">
                {t.list.cancelRequested}
              </Badge>
            ) : null}
            {compact ? null : (
              <Text size="xs" c="dimmed">
                {t.list.updated(format.date(item.updatedAt))}
              </Text>
            )}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** /collaborations — mine, on either side, newest activity first. */
export function CollaborationsPage() {
  const { m } = useI18n();
  const t = m.collaborations.list;
  usePageTitle(t.title);
  const { user } = useSession();
  const { query, items } = useCursorPages([...collaborationKeys.list('all')], (cursor, signal) =>
    api.collaborations.list({ limit: 20, ...(cursor ? { cursor } : {}) }, signal),
  );
  const isBusiness = user?.role === 'business';
  return (
    <Stack gap={0} maw={960}>
      <PageHeader title={t.title} lead={t.lead} />
      <PagedList
        query={query}
        isEmpty={items.length === 0}
        empty={
          <Stack gap="sm" align="flex-start">
            <Text>{t.empty}</Text>
            <Button component={Link} to={isBusiness ? '/dashboard' : '/campaigns'}>
              {isBusiness ? t.emptyBusinessCta : t.emptyInfluencerCta}
            </Button>
          </Stack>
        }
        label={t.label}
        loadMore={t.loadMore}
      >
        {items.map((item) => (
          <CollaborationRow key={item.id} item={item} />
        ))}
      </PagedList>
    </Stack>
  );
}

/** The dashboards' section: the few collaborations with the newest activity. */
export function CollaborationsSection() {
  const { m } = useI18n();
  const t = m.collaborations.list;
  const query = useQuery({
    queryKey: collaborationKeys.list('latest'),
    queryFn: ({ signal }) => api.collaborations.list({ limit: 5 }, signal),
  });
  const items = query.data?.items ?? [];
  return (
    <DashboardSection
      id="collaborations-title"
      title={t.dashboardTitle}
      all={items.length > 0 ? { to: '/collaborations', label: t.dashboardAll } : null}
    >
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <CollaborationRow key={item.id} item={item} compact />
          ))}
        </Stack>
      </QueryStates>
    </DashboardSection>
  );
}
