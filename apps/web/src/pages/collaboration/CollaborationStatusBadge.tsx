import type { CollaborationStatus, DeliverableStatus } from '@bextr/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';
import './collaboration.css';

const statusColor: Record<CollaborationStatus, string> = {
  active: 'blue',
  delivered: 'violet',
  completed: 'teal',
  cancelled: 'gray',
  disputed: 'red',
};
const lineColor: Record<DeliverableStatus, string> = {
  pending: 'gray',
  submitted: 'blue',
  changes_requested: 'orange',
  approved: 'teal',
};

/** A collaboration's state; the text always names it, so color is never the only cue. */
export function CollaborationStatusBadge({ status }: { status: CollaborationStatus }) {
  const { m } = useI18n();
  return (
    <Badge
      className="collab-status"
      data-status={status}
      color={statusColor[status]}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {m.collaborations.statuses[status]}
    </Badge>
  );
}

/** Where one deliverable line stands. */
export function LineStatusBadge({ status }: { status: DeliverableStatus }) {
  const { m } = useI18n();
  return (
    <Badge
      className="collab-status"
      data-status={status}
      color={lineColor[status]}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {m.collaborations.lineStatuses[status]}
    </Badge>
  );
}
