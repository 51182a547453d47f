import type { ReportOutcome, ReportStatus } from '@bextr/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/use-i18n.ts';
import './report-status.css';

/** A resolved report's colour by outcome: none or dismissed gray, a warning yellow, a suspension red. */
export function outcomeColor(outcome: ReportOutcome | null) {
  return outcome === 'suspension' ? 'red' : outcome === 'warning' ? 'yellow' : 'gray';
}

/** Open (orange), or resolved with its outcome (gray / yellow / red), with AA contrast in both color
 * schemes; the text always names the state. */
export function ReportStatusBadge({
  status,
  outcome,
}: {
  status: ReportStatus;
  outcome: ReportOutcome | null;
}) {
  const { m } = useI18n();
  if (status === 'open')
    return (
      <Badge
        className="report-badge"
        data-tone="orange"
        color="orange"
        variant="light"
        style={{ flexShrink: 0 }}
      >
        {m.reports.statuses.open}
      </Badge>
    );
  const color = outcomeColor(outcome);
  return (
    <Badge className="report-badge" data-tone={color} color={color} variant="light" style={{ flexShrink: 0 }}>
      {m.reports.statuses.resolved}
      {outcome ? ` · ${m.reports.outcomes[outcome]}` : ''}
    </Badge>
  );
}
