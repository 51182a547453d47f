import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';

export function UserStatusBadge({ status }: { status: 'active' | 'suspended' }) {
  const { m } = useI18n();
  return (
    <Badge variant="light" color={status === 'active' ? 'gray' : 'red'}>
      {m.admin.userStatuses[status]}
    </Badge>
  );
}
