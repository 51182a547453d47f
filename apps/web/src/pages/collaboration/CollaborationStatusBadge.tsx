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

/** The badge both share; `data-status` lets collaboration.css adjust its colors. */
function StateBadge({ status, color, label }: { status: string; color: string; label: string }) {
  return (
    <Badge
      className="collab-status"
      data-status={status}
      color={color}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}

/** A collaboration's state; the text always names it, so color is never the only cue. */
export function CollaborationStatusBadge({ status }: { status: CollaborationStatus }) {
  const { m } = useI18n();
  return <StateBadge status={status} color={statusColor[status]} label={m.collaborations.statuses[status]} />;
}

/** Where one deliverable line stands. */
export function LineStatusBadge({ status }: { status: DeliverableStatus }) {
  const { m } = useI18n();
  return (
    <StateBadge status={status} color={lineColor[status]} label={m.collaborations.lineStatuses[status]} />
  );
}
