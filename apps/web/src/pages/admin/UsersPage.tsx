import { type Role, roles, userStatuses } from '@bextr/contracts';
import { Anchor, Badge, Select, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useUrlFilterForm, useUrlFilters } from '../../components/use-url-filters.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AdminList, AdminListItem } from './AdminList.tsx';
import { AdminSearchForm } from './AdminSearchForm.tsx';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { useAdminUsers } from './use-admin.ts';

const keys = ['q', 'role', 'status'] as const;
const isRole = (v: string): v is Role => (roles as readonly string[]).includes(v);
const isStatus = (v: string): v is (typeof userStatuses)[number] =>
  (userStatuses as readonly string[]).includes(v);

/** /admin/users: search and filter every account, newest first. */
export function UsersPage() {
  const { m, format } = useI18n();
  const t = m.admin.users;
  usePageTitle(t.title);
  const { filters, paramsKey } = useUrlFilters(keys);
  const form = useUrlFilterForm(keys, filters);
  const { query, items } = useAdminUsers({
    ...(filters.q ? { q: filters.q } : {}),
    ...(isRole(filters.role) ? { role: filters.role } : {}),
    ...(isStatus(filters.status) ? { status: filters.status } : {}),
  });

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <AdminSearchForm
        key={paramsKey}
        form={form}
        query={t.query}
        queryPlaceholder={t.queryPlaceholder}
        statuses={userStatuses.map((s) => ({ value: s, label: m.admin.userStatuses[s] }))}
        statusWidth={170}
      >
        <Select
          label={t.role}
          data={[{ value: '', label: t.anyRole }, ...roles.map((r) => ({ value: r, label: m.roles[r] }))]}
          value={form.values.role}
          onChange={form.set('role')}
          allowDeselect={false}
          w={{ base: '100%', xs: 170 }}
        />
      </AdminSearchForm>
      <QueryStates query={query} isEmpty={items.length === 0} empty={t.empty}>
        <AdminList label={t.list}>
          {items.map((user) => (
            <AdminListItem
              key={user.id}
              basis="14rem"
              side={
                <>
                  <Badge variant="outline">{m.roles[user.role]}</Badge>
                  <UserStatusBadge status={user.status} />
                </>
              }
            >
              <Anchor component={Link} to={`/admin/users/${encodeURIComponent(user.id)}`} fw={600}>
                {user.displayName ?? user.name}
              </Anchor>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {[
                  user.displayName && user.displayName !== user.name ? user.name : null,
                  user.handle ? `@${user.handle}` : null,
                  user.email,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text size="xs" c="dimmed">
                {t.joined(format.date(user.createdAt))}
                {user.emailVerified ? '' : ` · ${t.unverified}`}
              </Text>
            </AdminListItem>
          ))}
        </AdminList>
        <LoadMore query={query} label={m.admin.common.more} />
      </QueryStates>
    </>
  );
}
