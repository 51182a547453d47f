import type { MyCampaign } from '@bextr/contracts';
import { Alert, Anchor, Badge, Button, Group, List, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/index.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { UnpublishedNotice } from '../../components/UnpublishedNotice.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useErrorMessage } from '../../errors/use-error-message.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { statusColor } from '../campaign/options.ts';
import {
  type PublishRefusal,
  publishRefusalOf,
  refusalMessage,
  useCampaignAction,
} from '../campaign-editor/use-campaign-action.ts';

type Action = 'publish' | 'pause' | 'resume' | 'close' | 'duplicate' | 'delete';
const quickActions: Action[] = ['publish', 'pause', 'resume', 'close', 'duplicate', 'delete'];

/** Why resuming was refused (a deadline passed while paused, an incomplete profile…), in the
 * current language, with the way to fix it: the editor, and the business profile when that is due. */
function ResumeRefusal({
  campaign,
  refusal,
  onClose,
}: {
  campaign: MyCampaign;
  refusal: PublishRefusal;
  onClose: () => void;
}) {
  const { m, locale } = useI18n();
  const t = m.campaigns.mine;
  // "Some fields are missing" says less than the fields themselves (e.g. the deadline is past).
  const items = refusal.reasons.flatMap((reason) =>
    reason.code === 'campaign_incomplete' && refusal.fields.length > 0 ? refusal.fields : [reason],
  );
  const messages = [...new Set(items.map((item) => refusalMessage(refusal, item, locale)))];
  return (
    <Alert
      mt="sm"
      color="red"
      variant="light"
      role="alert"
      title={t.cannotResume}
      withCloseButton
      closeButtonLabel={m.common.close}
      onClose={onClose}
    >
      <List size="sm" spacing={2}>
        {messages.map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t.resumeHint}{' '}
        {campaign.abilities.edit ? (
          <Anchor component={Link} to={`/campaigns/${campaign.id}/edit`}>
            {t.editToResume}
          </Anchor>
        ) : null}
        {refusal.reasons.some((r) => r.code === 'business_profile_incomplete') ? (
          <>
            {' · '}
            <Anchor component={Link} to="/business-profile">
              {t.completeProfile}
            </Anchor>
          </>
        ) : null}
      </Text>
    </Alert>
  );
}

function CampaignRow({ campaign }: { campaign: MyCampaign }) {
  const { m, format } = useI18n();
  const t = m.campaigns;
  const notify = useNotify();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const action = useCampaignAction();
  const [refusal, setRefusal] = useState<PublishRefusal | null>(null);
  const name = campaign.name || t.view.untitled;
  const run = (act: Action) => {
    setRefusal(null);
    action.mutate(
      { id: campaign.id, action: act },
      {
        onSuccess: () => notify(t.mine.done[act]),
        onError: (error) => {
          const refused = act === 'resume' ? publishRefusalOf(error) : null;
          if (refused) {
            setRefusal(refused);
            return;
          }
          notify(describe(error), 'error');
          if (act === 'publish') navigate(`/campaigns/${campaign.id}/edit`);
        },
      },
    );
  };
  const allowed = quickActions.filter((a) => campaign.abilities[a]);
  const pending = campaign.offerCounts.pending;
  const review = pending > 0 ? m.offerReview.links.reviewPending(pending) : m.offerReview.links.review;
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={statusColor[campaign.status]} variant="dot">
              {t.statuses[campaign.status]}
            </Badge>
            <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600}>
              {name}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            {t.mine.deadline}:{' '}
            {campaign.applicationDeadline ? format.date(campaign.applicationDeadline) : '—'} · {t.mine.slots}:{' '}
            {campaign.slots ? `${campaign.slotsFilled}/${campaign.slots}` : '—'}
            <br />
            {t.mine.offers}: {t.mine.offerCounts(campaign.offerCounts.pending, campaign.offerCounts.accepted)}
          </Text>
          <UnpublishedNotice campaign={campaign} compact />
        </Stack>
        <Group gap="xs">
          {campaign.status !== 'draft' ? (
            <Button
              size="xs"
              variant={campaign.offerCounts.pending > 0 ? 'filled' : 'light'}
              component={Link}
              to={`/campaigns/${campaign.id}/offers`}
              aria-label={`${review}: ${name}`}
            >
              {review}
            </Button>
          ) : null}
          {campaign.abilities.edit ? (
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/campaigns/${campaign.id}/edit`}
              aria-label={`${t.mine.edit}: ${name}`}
            >
              {t.mine.edit}
            </Button>
          ) : null}
          {allowed.length > 0 ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="light"
                  loading={action.isPending}
                  aria-label={t.mine.actions(name)}
                >
                  ⋯
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {allowed.map((a) => (
                  <Menu.Item key={a} color={a === 'delete' ? 'red' : undefined} onClick={() => run(a)}>
                    {t.mine[a]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
      {refusal ? (
        <ResumeRefusal campaign={campaign} refusal={refusal} onClose={() => setRefusal(null)} />
      ) : null}
    </Paper>
  );
}

/** The signed-in business's campaigns, newest first, page by page. */
export function useMyCampaigns(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['campaigns', 'mine'],
    queryFn: ({ pageParam, signal }) =>
      api.campaigns.mine({ limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The business's campaigns with status, deadline, slots, offer counts and quick actions. */
export function MyCampaigns() {
  const { m } = useI18n();
  const t = m.campaigns.mine;
  const query = useMyCampaigns(true);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="my-campaigns-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="my-campaigns-title">
          {t.title}
        </Title>
        <Button component={Link} to="/campaigns/new" size="sm">
          {t.create}
        </Button>
      </Group>
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <CampaignRow key={c.id} campaign={c} />
          ))}
        </Stack>
      </QueryStates>
      {query.hasNextPage ? (
        <Button
          mt="md"
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t.loadMore}
        </Button>
      ) : null}
    </Paper>
  );
}
