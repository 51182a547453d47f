import { type AdminCampaign, adminCampaignStatuses } from '@bextr/contracts';
import { Anchor, Badge, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlFilterForm, useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AdminList, AdminListItem } from './AdminList.tsx';
import { AdminSearchForm } from './AdminSearchForm.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { useAdminCampaigns, useUnpublish } from './use-admin.ts';

const keys = ['q', 'status'] as const;
type Status = (typeof adminCampaignStatuses)[number];
const isStatus = (v: string): v is Status => (adminCampaignStatuses as readonly string[]).includes(v);

/** /admin/campaigns: every campaign but drafts; unpublish one with a reason. */
export function AdminCampaignsPage() {
  const { m, format } = useI18n();
  const t = m.admin.campaigns;
  usePageTitle(t.title);
  const notify = useNotify();
  const { filters, paramsKey } = useUrlFilters(keys);
  const form = useUrlFilterForm(keys, filters);
  const { query, items } = useAdminCampaigns({
    ...(filters.q ? { q: filters.q } : {}),
    ...(isStatus(filters.status) ? { status: filters.status } : {}),
  });
  const unpublish = useUnpublish();
  const [target, setTarget] = useState<AdminCampaign | null>(null);
  const close = () => {
    setTarget(null);
    unpublish.reset();
  };

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <AdminSearchForm
        key={paramsKey}
        form={form}
        query={t.query}
        queryPlaceholder={t.queryPlaceholder}
        statuses={adminCampaignStatuses.map((s) => ({ value: s, label: m.campaigns.statuses[s] }))}
        statusWidth={180}
      />
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <AdminList label={t.list}>
          {items.map((campaign) => (
            <AdminListItem
              key={campaign.id}
              basis="16rem"
              side={
                <>
                  <Badge variant="light">{m.campaigns.statuses[campaign.status]}</Badge>
                  {campaign.abilities.unpublish ? (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => setTarget(campaign)}
                      aria-label={t.unpublishTitle(campaign.name)}
                    >
                      {t.unpublish}
                    </Button>
                  ) : null}
                </>
              }
            >
              <Anchor component={Link} to={`/campaigns/${encodeURIComponent(campaign.id)}`} fw={600}>
                {campaign.name}
              </Anchor>
              <Text size="sm">
                {t.business}:{' '}
                <Anchor
                  component={Link}
                  to={`/admin/users/${encodeURIComponent(campaign.business.id)}`}
                  size="sm"
                >
                  {campaign.business.name}
                </Anchor>
                {campaign.business.status === 'suspended' ? (
                  <Badge color="red" variant="light" ml="xs" size="sm">
                    {t.businessSuspended}
                  </Badge>
                ) : null}
              </Text>
              <Text size="xs" c="dimmed">
                {[
                  campaign.applicationDeadline ? t.deadline(format.date(campaign.applicationDeadline)) : null,
                  campaign.slots !== null ? t.slots(campaign.slotsFilled, campaign.slots) : null,
                  t.openOffers(campaign.openOffers),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {campaign.unpublishedAt ? (
                <Text size="xs" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {t.unpublishedOn(format.date(campaign.unpublishedAt))}
                  {campaign.unpublishedReason ? `: ${m.admin.quote(campaign.unpublishedReason)}` : ''}
                </Text>
              ) : null}
            </AdminListItem>
          ))}
        </AdminList>
        <LoadMore query={query} label={m.admin.common.more} />
      </QueryStates>
      <ReasonDialog
        opened={target !== null}
        onClose={close}
        title={target ? t.unpublishTitle(target.name) : ''}
        hint={t.unpublishHint}
        label={t.reasonLabel}
        submit={t.unpublishSubmit}
        required
        danger
        pending={unpublish.isPending}
        error={unpublish.error}
        onSubmit={(reason) => {
          if (!target) return;
          unpublish.mutate(
            { id: target.id, reason },
            {
              onSuccess: () => {
                setTarget(null);
                notify(t.unpublished);
              },
            },
          );
        }}
      />
    </>
  );
}
